import { describe, expect, it } from 'vitest';
import {
  analyze,
  annotateHar,
  entryReports,
  jsonReport,
  REDACTION,
  readHar,
  writeHar,
} from '../../../src/report/index';
import { API, harEntry, harFixture, harLog, PAGE } from './har-fixture';

const OPTIONS = { generatedAt: '2026-01-15T00:00:00.000Z', generator: { name: 'CORS Lens', version: '0.1.0' } };
const FIXTURES = ['chrome-devtools', 'firefox', 'playwright'] as const;

function verdictsOf(har: unknown) {
  return jsonReport(entryReports(analyze(readHar(har).records))).entries.map((e) => ({
    index: e.index,
    kind: e.kind,
    code: e.code,
    failedParameter: e.failedParameter,
    stage: e.stage,
    preflightEntry: e.preflightEntry,
  }));
}

describe('round trip', () => {
  it.each(FIXTURES)('exporting %s then reading the export loses no verdict (redacted and not)', (name) => {
    const text = harFixture(name);
    const reports = entryReports(analyze(readHar(text).records));
    for (const redact of [true, false]) {
      const exported = JSON.stringify(annotateHar(JSON.parse(text), reports, { ...OPTIONS, redact }));
      expect(verdictsOf(exported)).toEqual(verdictsOf(text));
    }
  });

  it.each(FIXTURES)('writeHar from the rows of %s reads back to the same verdicts', (name) => {
    const rows = analyze(readHar(harFixture(name)).records);
    const written = writeHar(rows, OPTIONS);
    const again = analyze(readHar(JSON.stringify(written)).records);
    expect(again.map((r) => [r.verdict.kind, r.verdict.code, r.verdict.failedParameter])).toEqual(
      rows.map((r) => [r.verdict.kind, r.verdict.code, r.verdict.failedParameter]),
    );
  });

  it('writeHar keeps the error of a redirect the browser refused, so it reads back blocked', () => {
    const hop = harEntry('GET', `${API}/r`, [['Origin', PAGE]], 302, [
      ['Access-Control-Allow-Origin', PAGE],
      ['Location', 'http://user:pass@127.0.0.1:8081/data'],
    ]);
    const har = harLog([{ ...hop, response: { ...(hop.response as object), _error: 'net::ERR_FAILED' } }]);
    const rows = analyze(readHar(har).records);
    expect(rows[0]?.exchange.redirects[0]?.refused).toBe(true);
    const again = analyze(readHar(JSON.stringify(writeHar(rows, OPTIONS))).records);
    expect(again.map((r) => r.verdict.code)).toEqual(['RedirectContainsCredentials']);
  });

  it('writes valid HAR 1.2 with _cors on every entry and deterministic output', () => {
    const rows = analyze(readHar(harFixture('chrome-devtools')).records);
    const har = writeHar(rows, OPTIONS);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(OPTIONS.generator);
    for (const entry of har.log.entries) {
      expect(typeof entry.startedDateTime).toBe('string');
      expect(typeof entry.request.url).toBe('string');
      expect(Array.isArray(entry.response.headers)).toBe(true);
      expect(entry.response.content.mimeType).toBeTypeOf('string');
      expect(entry._cors).toMatchObject({ version: 1 });
    }
    expect(JSON.stringify(writeHar(rows, OPTIONS))).toBe(JSON.stringify(har));
  });

  it('puts the verdict fields into _cors on an annotated Chrome HAR', () => {
    const text = harFixture('chrome-devtools');
    const har = annotateHar(JSON.parse(text), entryReports(analyze(readHar(text).records)), OPTIONS) as {
      log: { entries: { _cors?: Record<string, unknown> }[]; creator: unknown; _cors: unknown };
    };
    expect(har.log.creator).toEqual({ name: 'WebInspector', version: '537.36' });
    expect(har.log._cors).toEqual({
      version: 1,
      generator: OPTIONS.generator,
      generatedAt: OPTIONS.generatedAt,
      redacted: true,
      redaction: REDACTION,
    });
    expect(har.log.entries[2]?._cors).toMatchObject({
      role: 'request',
      code: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'PUT',
      stage: 'preflight',
      preflightEntry: 3,
      firefoxReason: 'CORSMethodNotFound',
    });
    expect(har.log.entries[3]?._cors).toMatchObject({ role: 'preflight', requestEntry: 2 });
    expect(har.log.entries[6]?._cors).toMatchObject({ role: 'redirect', redirectedTo: 7 });
  });
});
