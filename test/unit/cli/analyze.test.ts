import { describe, expect, it } from 'vitest';
import { splitTruncation, truncationMarker } from '../../../src/engine';
import { API, harEntry, harLog, PAGE } from '../report/har-fixture';
import { fixturePath, runCli, tempFile } from './run-cli';

const ESC = '\u001b[';
const CONTRACT_FIELDS = [
  'url',
  'method',
  'crossOrigin',
  'blocked',
  'code',
  'failedParameter',
  'stage',
  'summary',
  'unexposedHeaders',
  'advisories',
];

describe('cors-lens analyze', () => {
  it('prints a summary line and each blocked request, and exits 1 when something was blocked', async () => {
    const { code, stdout, stderr } = await runCli(['analyze', fixturePath('chrome-devtools')]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('chrome-devtools.har: 7 requests, 5 cross-origin, 3 blocked, 2 with advisories');
    expect(stdout).toContain('✗ PUT http://127.0.0.1:8080/items (entry 2)');
    expect(stdout).toContain('expected  PUT');
    expect(stdout).toContain('received  GET, POST');
    expect(stdout).toContain('run again with --stack NAME');
    expect(stdout).toContain('express, fastify, django');
    expect(stdout).not.toContain('/ok');
  });

  it('exits 0 when nothing was blocked', async () => {
    const { code, stdout } = await runCli(['analyze', fixturePath('playwright')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/4 requests, 3 cross-origin, 0 blocked, 0 with advisories — nothing blocked/);
  });

  it('shows the fix for the chosen stack', async () => {
    const { stdout } = await runCli(['analyze', fixturePath('firefox'), '--stack', 'django']);
    expect(stdout).toContain('fix for Django');
    expect(stdout).toContain('CORS_ALLOWED_ORIGINS');
    expect(stdout).not.toContain('run again with --stack');
  });

  it('says first that the page must send a lowercase method in uppercase', async () => {
    const page = 'http://localhost:3000';
    const api = 'http://127.0.0.1:8080/items/1';
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          harEntry(
            'OPTIONS',
            api,
            [
              ['Origin', page],
              ['Access-Control-Request-Method', 'patch'],
            ],
            204,
            [['Access-Control-Allow-Origin', page]],
          ),
          harEntry('patch', api, [['Origin', page]], 0, [], {}, { _error: 'net::ERR_FAILED' }),
        ],
      },
    };
    const { stdout } = await runCli(['analyze', tempFile('lowercase.har', JSON.stringify(har)), '--stack', 'express']);
    const lines = stdout.split('\n');
    const pageFix = lines.findIndex((line) =>
      line.includes("fix the page first: Send 'PATCH' from the page, not 'patch'."),
    );
    expect(pageFix).toBeGreaterThan(0);
    expect(pageFix).toBeLessThan(lines.findIndex((line) => line.includes('fix for Express')));
  });

  it('judges a value it cut past 64 KiB as cut, as the live capture does: the marker says so', async () => {
    const acao = `${PAGE}/${'a'.repeat(70_000)}`;
    const har = harLog([
      harEntry('GET', `${API}/long`, [['Origin', PAGE]], 200, [['Access-Control-Allow-Origin', acao]]),
    ]);
    const { stdout, stderr } = await runCli(['analyze', tempFile('long.har', JSON.stringify(har)), '--json']);
    expect(stderr).toContain('cut to its first 64 KiB');
    const [entry] = (JSON.parse(stdout) as { entries: Record<string, unknown>[] }).entries;
    // Chromium: not the origin, no space or comma, a URL → AllowOriginMismatch, whatever its length.
    expect(entry).toMatchObject({ blocked: true, code: 'AllowOriginMismatch' });
    const { kept, marker } = splitTruncation(String(entry?.failedParameter));
    expect(acao.startsWith(kept)).toBe(true);
    expect(marker).toBe(truncationMarker(`${acao.length} bytes in all`));
  });

  it('lists every request with --all', async () => {
    const { stdout } = await runCli(['analyze', fixturePath('chrome-devtools'), '--all']);
    expect(stdout).toContain('✓ GET http://127.0.0.1:8080/ok (entry 1)');
    expect(stdout).toContain('⚠');
  });

  it('colours only a terminal, never with NO_COLOR or when piped', async () => {
    const file = fixturePath('chrome-devtools');
    expect((await runCli(['analyze', file], { stdoutIsTTY: true })).stdout).toContain(ESC);
    expect((await runCli(['analyze', file], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(['analyze', file], { stdoutIsTTY: false })).stdout).not.toContain(ESC);
    expect((await runCli(['analyze', file, '--no-color'], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
    expect((await runCli(['analyze', file, '--color'])).stdout).toContain(ESC);
  });

  it('--json prints exactly one JSON object with one element per non-preflight entry, in HAR order', async () => {
    const { code, stdout } = await runCli(['analyze', fixturePath('chrome-devtools'), '--json'], { stdoutIsTTY: true });
    expect(code).toBe(1);
    expect(stdout).not.toContain(ESC);
    const report = JSON.parse(stdout) as { entries: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['entries']);
    expect(report.entries.map((e) => e.index)).toEqual([0, 1, 2, 4, 5, 6, 7, 8]);
    for (const entry of report.entries) for (const field of CONTRACT_FIELDS) expect(entry).toHaveProperty(field);
    expect(report.entries[2]).toMatchObject({
      url: 'http://127.0.0.1:8080/items',
      method: 'PUT',
      crossOrigin: true,
      blocked: true,
      code: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'PUT',
      stage: 'preflight',
      preflightEntry: 3,
    });
    expect(report.entries[1]).toMatchObject({
      blocked: false,
      code: null,
      failedParameter: null,
      unexposedHeaders: ['x-total'],
    });
    expect(((report.entries[1]?.advisories ?? []) as { code: string }[]).map((a) => a.code)).toEqual([
      'unexposed-response-headers',
      'missing-vary-origin',
    ]);
  });

  it('gives the same answer when the file is streamed', async () => {
    for (const name of ['chrome-devtools', 'firefox', 'playwright']) {
      const whole = await runCli(['analyze', fixturePath(name), '--json']);
      const streamed = await runCli(['analyze', fixturePath(name), '--json'], { streamThresholdBytes: 0 });
      expect(streamed).toEqual(whole);
    }
  });

  it('shows a progress indicator on an interactive stderr only while streaming', async () => {
    let clock = 0;
    const now = () => (clock += 1000);
    const interactive = await runCli(['analyze', fixturePath('chrome-devtools'), '--json'], {
      streamThresholdBytes: 0,
      stderrIsTTY: true,
      now,
    });
    expect(interactive.stderr).toMatch(/\rreading .*chrome-devtools\.har: 100% \(0 of 0 MB\)/);
    const piped = await runCli(['analyze', fixturePath('chrome-devtools'), '--json'], { streamThresholdBytes: 0, now });
    expect(piped.stderr).toBe('');
  });
});

describe('cors-lens usage', () => {
  it('--help and --version exit 0', async () => {
    expect(await runCli(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('cors-lens analyze FILE.har'),
    });
    expect(await runCli(['-h'])).toMatchObject({ code: 0 });
    expect(await runCli(['--version'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^cors-lens \d+\.\d+\.\d+\n$/),
    });
  });

  it.each([
    [[], /missing command/],
    [['frobnicate', 'x.har'], /unknown command 'frobnicate'/],
    [['analyze'], /missing the HAR file/],
    [['analyze', 'a.har', 'b.har'], /unexpected argument 'b.har'/],
    [['analyze', 'a.har', '--stack', 'cobol'], /unknown stack 'cobol': pick one of express/],
    [['analyze', 'a.har', '--bogus'], /Unknown option '--bogus'/],
    [['export', 'a.har'], /missing -o OUT.har/],
  ])('bad usage %j: one line on stderr, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
