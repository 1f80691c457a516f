/**
 * Issue #14 item 5: a secret planted in every field a HAR can carry, grepped for in the output of
 * every export path (`cors-lens export` read whole and streamed, the panel's Export HAR). None may
 * survive by default; all survive when the user asks to keep secrets. The redacted export must
 * still read back to the same verdicts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '../../src/model/exchange-record';
import { exportHar, importHar } from '../../src/panel/state/har-transfer';
import { runCli, tempDir, tempFile } from '../unit/cli/run-cli';
import { Planted, plantedHar, plantedRecords } from './planted';

interface JsonVerdict {
  index: number;
  kind: string | null;
  code: string | null;
  failedParameter: string | null;
  stage: string | null;
  preflightEntry: number | null;
}

const CLI_PATHS = [
  { name: 'cors-lens export (read whole)', streamThresholdBytes: undefined },
  { name: 'cors-lens export (streamed)', streamThresholdBytes: 0 },
] as const;

async function cliExport(input: string, extra: string[], streamThresholdBytes: number | undefined): Promise<string> {
  const output = join(tempDir(), 'out.har');
  const io = streamThresholdBytes === undefined ? {} : { streamThresholdBytes };
  const result = await runCli(['export', input, '-o', output, ...extra], io);
  expect(result.code).toBe(0);
  return readFileSync(output, 'utf8');
}

async function verdicts(file: string): Promise<JsonVerdict[]> {
  const { stdout } = await runCli(['analyze', file, '--json']);
  const report = JSON.parse(stdout) as { entries: JsonVerdict[] };
  return report.entries.map(({ index, kind, code, failedParameter, stage, preflightEntry }) => ({
    index,
    kind,
    code,
    failedParameter,
    stage,
    preflightEntry,
  }));
}

describe.each(CLI_PATHS)('$name', ({ streamThresholdBytes }) => {
  const planted = new Planted();
  const input = tempFile('planted.har', JSON.stringify(plantedHar(planted)));

  it('plants a secret in every field of the HAR and lets none through by default', async () => {
    expect(planted.survivors(readFileSync(input, 'utf8'))).toHaveLength(planted.secrets.length);
    expect(planted.survivors(await cliExport(input, [], streamThresholdBytes))).toEqual([]);
  });

  it('keeps every secret with --keep-secrets', async () => {
    const kept = await cliExport(input, ['--keep-secrets'], streamThresholdBytes);
    expect(planted.survivors(kept)).toHaveLength(planted.secrets.length);
  });

  it('reads back to the same verdicts', async () => {
    const before = await verdicts(input);
    expect(before.map((v) => v.code)).toContain('RedirectContainsCredentials');
    expect(before.some((v) => v.kind === 'passed' && v.preflightEntry === 0)).toBe(true);
    const output = tempFile('out.har', await cliExport(input, [], streamThresholdBytes));
    expect(await verdicts(output)).toEqual(before);
  });
});

describe('panel Export HAR', () => {
  const planted = new Planted();
  const records = plantedRecords(planted);
  const now = new Date('2026-01-15T00:00:00.000Z');

  it('lets no planted secret through by default, keeps them all when asked', () => {
    expect(planted.survivors(exportHar({ records, keepSecrets: false, now, version: '0' }))).toEqual([]);
    const kept = exportHar({ records, keepSecrets: true, now, version: '0' });
    expect(planted.survivors(kept)).toHaveLength(planted.secrets.length);
  });

  it('reads back to the same verdicts', () => {
    const back = importHar(exportHar({ records, keepSecrets: false, now, version: '0' }), 'export.har');
    const summary = (list: readonly ExchangeRecord[]) => list.map((r) => [r.verdict.kind, r.verdict.code]);
    expect(records.map((r) => r.verdict.code)).toContain('RedirectContainsCredentials');
    expect(summary(back.records)).toEqual(summary(records));
  });
});
