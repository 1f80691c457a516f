import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTION } from '../../../src/report/index';
import { fixturePath, runCli, tempDir, tempFile } from './run-cli';

interface ExportedHar {
  log: {
    creator: unknown;
    pages?: unknown;
    _cors: Record<string, unknown>;
    entries: { request: { headers: { name: string; value: string }[] }; _cors?: Record<string, unknown> }[];
  };
}

const secretHar = () => {
  const har = JSON.parse(readFileSync(fixturePath('chrome-devtools'), 'utf8')) as ExportedHar;
  return tempFile('secret.har', JSON.stringify(har));
};

async function exportTo(input: string, extra: string[] = [], streamThresholdBytes?: number): Promise<ExportedHar> {
  const output = join(tempDir(), 'out.har');
  const result = await runCli(
    ['export', input, '-o', output, ...extra],
    streamThresholdBytes === undefined ? {} : { streamThresholdBytes },
  );
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(readFileSync(output, 'utf8')) as ExportedHar;
}

describe('cors-lens export', () => {
  it('writes the same HAR with _cors on every entry, redacted by default', async () => {
    const har = await exportTo(secretHar());
    expect(har.log.creator).toEqual({ name: 'WebInspector', version: '537.36' });
    expect(har.log._cors).toEqual({
      version: 1,
      generator: { name: 'CORS Lens', version: expect.any(String) },
      generatedAt: '2026-01-15T00:00:00.000Z',
      redacted: true,
      redaction: REDACTION,
    });
    expect(har.log.entries).toHaveLength(9);
    expect(har.log.entries.every((e) => e._cors !== undefined)).toBe(true);
    expect(har.log.entries[2]?._cors).toMatchObject({ code: 'MethodDisallowedByPreflightResponse', preflightEntry: 3 });
    expect(JSON.stringify(har)).not.toContain('abc123');
  });

  it('keeps secrets with --keep-secrets', async () => {
    const har = await exportTo(secretHar(), ['--keep-secrets']);
    expect(JSON.stringify(har)).toContain('session=abc123');
    expect(har.log._cors).toMatchObject({ redacted: false, redaction: 'none' });
  });

  it('streams a large file to the same document', async () => {
    for (const name of ['chrome-devtools', 'firefox', 'playwright']) {
      expect(await exportTo(fixturePath(name), [], 0)).toEqual(await exportTo(fixturePath(name)));
    }
  });

  it('analysing the export gives the same verdicts', async () => {
    const output = join(tempDir(), 'out.har');
    await runCli(['export', fixturePath('chrome-devtools'), '-o', output]);
    const before = await runCli(['analyze', fixturePath('chrome-devtools'), '--json']);
    const after = await runCli(['analyze', output, '--json']);
    expect(after.code).toBe(before.code);
    expect(after.stdout).toBe(before.stdout);
  });

  it('writes to stdout with -o -, and refuses to overwrite its input', async () => {
    const toStdout = await runCli(['export', fixturePath('firefox'), '-o', '-']);
    expect(JSON.parse(toStdout.stdout).log.entries).toHaveLength(4);
    const input = secretHar();
    const same = await runCli(['export', input, '-o', input]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/is the input file/);
  });

  it('reports an unwritable output in one line', async () => {
    const result = await runCli(['export', fixturePath('firefox'), '-o', join(tempDir(), 'missing-dir', 'out.har')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cors-lens: cannot write .*out\.har: ENOENT\n$/);
  });
});
