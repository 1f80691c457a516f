/**
 * Security: nothing from a HAR reaches the terminal raw. Hostile bytes (ESC sequences, C0/C1
 * controls, bidi overrides, newlines that would forge a report block) are planted in every
 * position the human report prints — URL, method, header values, Location, file name, and the
 * parser's own error message quoting the input — and the output must hold none of them raw.
 */
import { describe, expect, it } from 'vitest';
import { harEntry } from '../report/har-fixture';
import { hasRawControl, runCli, tempFile } from './run-cli';

const PAGE = 'http://localhost:3000';
const API = 'http://127.0.0.1:8080';

/** Escape sequences and controls a hostile server or HAR author would plant. */
const PAYLOADS = [
  '\u001b[31mRED\u001b[0m',
  '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
  '\n✗ GET http://forged.example/ (entry 99)\n  Blocked by CORS: forged',
  '\r\u001b[2Kerased',
  '\u009b31mC1',
  '\u202eevil\u202c',
  '\u2028line',
  '\u0000nul\u0008bs',
];

/** A GET the browser failed with net::ERR_FAILED after `status` and `responseHeaders`. */
function entry(url: string, requestHeaders: [string, string][], status: number, responseHeaders: [string, string][]) {
  return harEntry('GET', url, requestHeaders, status, responseHeaders, {}, { _error: 'net::ERR_FAILED' });
}

function hostileHar(payload: string): string {
  const origin: [string, string] = ['Origin', PAGE];
  const entries = [
    // In the URL (path and query).
    entry(`${API}/a${encodeURI('x')}${payload}?q=${payload}`, [origin], 200, []),
    // In Access-Control-Allow-Origin: failedParameter and "received".
    entry(`${API}/b`, [origin], 200, [['Access-Control-Allow-Origin', `${PAGE}${payload}`]]),
    // In a Location with credentials (RedirectContainsCredentials) and in a header name.
    entry(`${API}/c`, [origin], 302, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Location', `http://u:p@127.0.0.1:9/${payload}`],
    ]),
    entry(`${API}/d`, [origin, [`X-${payload}`, '1']], 200, [['Access-Control-Allow-Origin', 'http://other.example']]),
  ];
  return JSON.stringify({ log: { version: '1.2', creator: { name: payload, version: '1' }, entries } });
}

describe('the terminal report escapes what came from the input', () => {
  for (const payload of PAYLOADS) {
    it(`prints no raw control or bidi character, and no forged block, for ${JSON.stringify(payload)}`, async () => {
      const file = tempFile(`hostile-${payload.length}.har`, hostileHar(payload));
      for (const args of [
        ['analyze', file],
        ['analyze', file, '--all'],
        ['analyze', file, '--stack', 'nginx'],
      ]) {
        const { code, stdout, stderr } = await runCli(args);
        expect(code).toBe(1);
        expect(hasRawControl(stdout)).toBe(false);
        expect(hasRawControl(stderr)).toBe(false);
        // Each blocked request is one block starting with "✗ GET": a planted newline forges no other.
        const blocks = stdout.split('\n').filter((line) => line.startsWith('✗ '));
        expect(blocks.every((line) => line.startsWith(`✗ GET ${API}/`))).toBe(true);
        expect(stdout).not.toMatch(/^ {2}Blocked by CORS: forged/m);
      }
    });
  }

  it('escapes a hostile file name and the parser message that quotes the input', async () => {
    const file = tempFile('name-\u001b[2J-\u202e.har', hostileHar('\u001b[31m'));
    const named = await runCli(['analyze', file]);
    expect(hasRawControl(named.stdout)).toBe(false);
    const broken = tempFile('broken.har', `{"log": \u001b[31m not json \u202e`);
    const { code, stderr } = await runCli(['analyze', broken]);
    expect(code).toBe(2);
    expect(hasRawControl(stderr)).toBe(false);
    expect(stderr).toContain('\\x1B');
  });
});
