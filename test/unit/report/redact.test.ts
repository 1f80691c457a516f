import { describe, expect, it } from 'vitest';
import {
  analyze,
  annotateHar,
  entryReports,
  REDACTED,
  readHar,
  redactEntry,
  redactUrl,
  writeHar,
} from '../../../src/report/index';
import { API, harEntry, harLog, PAGE } from './har-fixture';

const OPTIONS = { generatedAt: '2026-01-15T00:00:00.000Z', generator: { name: 'CORS Lens', version: '0.1.0' } };

function secretEntry(): Record<string, unknown> {
  const entry = harEntry(
    'GET',
    'http://alice:s3cret@127.0.0.1:8080/me',
    [
      ['Origin', PAGE],
      ['Cookie', 'session=abc'],
      ['Authorization', 'Bearer tok'],
      ['Proxy-Authorization', 'Basic eA=='],
      ['Referer', 'http://bob:pw@localhost:3000/'],
    ],
    302,
    [
      ['Set-Cookie', 'session=def; Secure'],
      ['Location', 'http://carol:pw@127.0.0.1:8080/next'],
      ['Access-Control-Allow-Origin', PAGE],
    ],
    { _initiator: { type: 'script', url: 'http://dave:pw@localhost:3000/app.js' } },
    { redirectURL: 'http://carol:pw@127.0.0.1:8080/next', cookies: [{ name: 'session', value: 'def' }] },
  );
  (entry.request as Record<string, unknown>).cookies = [{ name: 'session', value: 'abc' }];
  return entry;
}

describe('redaction', () => {
  it('replaces credential headers, cookie arrays and URL userinfo with a marker', () => {
    const text = JSON.stringify(redactEntry(secretEntry()));
    for (const secret of ['abc', 'def', 'tok', 'eA==', 's3cret', 'alice', 'bob', 'carol', 'dave'])
      expect(text).not.toContain(secret);
    expect(text).toContain(REDACTED);
    const entry = redactEntry(secretEntry()) as {
      request: { headers: { name: string; value: string }[]; url: string };
    };
    expect(entry.request.headers.map((h) => h.name)).toEqual([
      'Origin',
      'Cookie',
      'Authorization',
      'Proxy-Authorization',
      'Referer',
    ]);
    expect(entry.request.url).toBe('http://redacted@127.0.0.1:8080/me');
  });

  it('leaves the input untouched and keeps unrelated headers', () => {
    const original = secretEntry();
    const before = JSON.stringify(original);
    const redacted = redactEntry(original) as { response: { headers: { name: string; value: string }[] } };
    expect(JSON.stringify(original)).toBe(before);
    expect(redacted.response.headers.find((h) => h.name === 'Access-Control-Allow-Origin')?.value).toBe(PAGE);
  });

  it('redacts by default on export, keeps secrets when asked', () => {
    const har = harLog([secretEntry()]);
    const reports = entryReports(analyze(readHar(har).records));
    expect(JSON.stringify(annotateHar(har, reports, OPTIONS))).not.toContain('s3cret');
    expect(JSON.stringify(annotateHar(har, reports, { ...OPTIONS, redact: false }))).toContain('Bearer tok');
    expect(JSON.stringify(annotateHar(har, reports, OPTIONS))).toContain('"redacted":true');
  });

  it('redactUrl touches only userinfo, after leading whitespace and in scheme-relative URLs too', () => {
    expect(redactUrl(`${API}/a?user=x@y`)).toBe(`${API}/a?user=x@y`);
    expect(redactUrl('https://u@h/')).toBe('https://redacted@h/');
    expect(redactUrl('  https://user:pass@h/')).toBe('  https://redacted@h/');
    expect(redactUrl('//user:pass@h/x')).toBe('//redacted@h/x');
  });

  it('redacts URL credentials the verdict itself quotes in _cors (a Location with user:pass), on every export path', () => {
    const location = 'http://user:pass@127.0.0.1:8081/data';
    const hop = harEntry('GET', `${API}/r`, [['Origin', PAGE]], 302, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Location', location],
    ]);
    const har = harLog([{ ...hop, response: { ...(hop.response as object), _error: 'net::ERR_FAILED' } }]);
    const rows = analyze(readHar(har).records);
    expect(rows[0]?.verdict.code).toBe('RedirectContainsCredentials');
    const reports = entryReports(rows);
    const kept = JSON.stringify(annotateHar(har, reports, { ...OPTIONS, redact: false }));
    expect(kept).toContain('user:pass');
    for (const written of [
      JSON.stringify(annotateHar(har, reports, OPTIONS)),
      JSON.stringify(writeHar(rows, OPTIONS)),
    ]) {
      expect(written).not.toContain('user:pass');
      expect(written).not.toContain('pass@');
    }
  });
});
