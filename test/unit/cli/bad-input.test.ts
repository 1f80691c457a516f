import { describe, expect, it } from 'vitest';
import { runCli, tempDir, tempFile } from './run-cli';

const entry = (url: string) => ({
  startedDateTime: '2026-01-15T10:00:00.000Z',
  request: { method: 'GET', url, headers: [{ name: 'Origin', value: 'http://localhost:3000' }] },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://localhost:3000' }] },
});

const CASES: [string, () => string, RegExp][] = [
  ['a missing file', () => `${tempDir()}/nope.har`, /nope\.har: no such file$/],
  ['a directory', () => tempDir(), /is a directory, not a HAR file$/],
  ['an empty file', () => tempFile('empty.har', ''), /is empty$/],
  ['text that is not JSON', () => tempFile('text.har', 'hello world'), /is not valid JSON/],
  [
    'truncated JSON',
    () => tempFile('cut.har', '{"log":{"version":"1.2","entries":[{"request":'),
    /is truncated: the JSON ends in the middle of a value$/,
  ],
  ['JSON that is not HAR', () => tempFile('other.json', '{"hello":[1,2,3]}'), /is not a HAR file/],
  [
    'non-UTF-8 bytes',
    () => tempFile('latin1.har', Buffer.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x3a, 0x31, 0x7d])),
    /is not UTF-8 text/,
  ],
];

describe.each([
  ['read whole', undefined],
  ['streamed', 0],
])('bad input (%s)', (_mode, streamThresholdBytes) => {
  const io = streamThresholdBytes === undefined ? {} : { streamThresholdBytes };
  it.each(CASES)('%s: one clear line on stderr, exit 2, no stack trace', async (_name, make, message) => {
    const { code, stdout, stderr } = await runCli(['analyze', make()], io);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cors-lens: /);
    expect(lines[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('skips entries with missing or mistyped fields with a warning and analyses the rest', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [
          entry('http://127.0.0.1:8080/a'),
          { request: { method: 'GET' } },
          42,
          entry('http://127.0.0.1:8080/b'),
        ],
      },
    };
    const { code, stdout, stderr } = await runCli(
      ['analyze', tempFile('mixed.har', JSON.stringify(har)), '--json'],
      io,
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      'cors-lens: warning: skipped entry 1 has no request.url\ncors-lens: warning: skipped entry 2 is not an object\n',
    );
    expect((JSON.parse(stdout) as { entries: { index: number }[] }).entries.map((e) => e.index)).toEqual([0, 3]);
  });
});
