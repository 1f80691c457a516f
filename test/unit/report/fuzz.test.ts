import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  annotateHar,
  entryReports,
  HarFormatError,
  jsonReport,
  readHar,
  writeHar,
} from '../../../src/report/index';
import { API, harEntry, harLog, PAGE } from './har-fixture';

const headerName = fc.constantFrom(
  'Origin',
  'Cookie',
  'Access-Control-Allow-Origin',
  'Access-Control-Request-Method',
  'Location',
  'Vary',
  'X-Any',
  'X-Api-Key',
);
const headerValue = fc.oneof(
  fc.constantFrom(PAGE, '*', 'null', 'PUT', '/next', `${API}/a`, `${API}/next?code=c`, ''),
  fc.string(),
);
const headers = fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 });
const url = fc.oneof(
  fc.constantFrom(
    `${API}/a`,
    `${API}/next`,
    `${API}/next?code=c`,
    `${PAGE}/`,
    'not a url',
    'http://u:p@127.0.0.1:8080/x',
  ),
  fc.webUrl(),
);

/** Entries that are well formed but arbitrary in content. */
const validEntry = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'patch', 'DELETE'),
    url,
    requestHeaders: headers,
    status: fc.constantFrom(-1, 0, 200, 204, 301, 302, 404, 500),
    responseHeaders: headers,
    error: fc.option(fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'NS_ERROR_DOM_BAD_URI'), {
      nil: undefined,
    }),
    resourceType: fc.option(fc.constantFrom('fetch', 'xhr', 'preflight', 'document', 'image'), { nil: undefined }),
    redirectURL: fc.option(fc.constantFrom('/next', `${API}/next`, '/next?code=c', ''), { nil: undefined }),
  })
  .map((e) =>
    harEntry(
      e.method,
      e.url,
      e.requestHeaders,
      e.status,
      e.responseHeaders,
      e.resourceType ? { _resourceType: e.resourceType } : {},
      {
        ...(e.error ? { _error: e.error } : {}),
        ...(e.redirectURL !== undefined ? { redirectURL: e.redirectURL } : {}),
      },
    ),
  );

/** A valid entry with one field replaced by arbitrary JSON. */
const mutatedEntry = fc
  .tuple(
    validEntry,
    fc.constantFrom(
      'request',
      'response',
      'startedDateTime',
      '_initiator',
      '_resourceType',
      'request.headers',
      'response.status',
      'request.url',
      'request.cookies',
      'request.queryString',
      'request.postData',
      'response.content',
      'response.cookies',
      'comment',
    ),
    fc.jsonValue(),
  )
  .map(([entry, path, value]) => {
    const copy = structuredClone(entry) as Record<string, Record<string, unknown>>;
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail === undefined) (copy as Record<string, unknown>)[head] = value;
    else if (typeof copy[head] === 'object' && copy[head] !== null) copy[head][tail] = value;
    return copy;
  });

const entries = fc.array(fc.oneof(validEntry, mutatedEntry, fc.jsonValue()), { maxLength: 12 });

describe('fuzzed HAR input', () => {
  it('never throws: bad entries become warnings, every entry is accounted for once', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const result = readHar(harLog(list));
        const rows = analyze(result.records);
        const reports = entryReports(rows);
        jsonReport(reports);
        const exported = annotateHar(harLog(list), reports, {
          generatedAt: '2026-01-01T00:00:00.000Z',
          generator: { name: 'test', version: '0' },
        });
        // Redaction never changes what the verdict reads.
        const again = analyze(readHar(exported).records).map((row) => [row.verdict.code, row.verdict.failedParameter]);
        expect(again).toEqual(rows.map((row) => [row.verdict.code, row.verdict.failedParameter]));
        writeHar(rows, { generatedAt: '2026-01-01T00:00:00.000Z', generator: { name: 'test', version: '0' } });
        const used = [
          ...result.records.flatMap((r) => r.entries),
          ...result.preflightEntries,
          ...result.warnings.map((w) => w.entry),
        ];
        const paired = new Set(result.records.map((r) => r.preflightEntry).filter((i) => i !== null));
        expect(paired.size).toBe(result.records.filter((r) => r.preflightEntry !== null).length);
        expect(new Set(used).size).toBe(used.length);
        expect(used.length).toBe(list.length);
      }),
      { numRuns: 300 },
    );
  });

  it('throws only HarFormatError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          readHar(text);
        } catch (error) {
          expect(error).toBeInstanceOf(HarFormatError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
