import { describe, expect, it } from 'vitest';
import { analyze, entryReports, HarFormatError, jsonReport, readHar } from '../../../src/report/index';
import { API, harEntry, harFixture, harLog, PAGE } from './har-fixture';

const verdicts = (text: unknown) =>
  jsonReport(entryReports(analyze(readHar(text).records))).entries.map((e) => [
    e.index,
    e.role,
    e.kind,
    e.code,
    e.failedParameter,
  ]);

describe('readHar on exporters’ files', () => {
  it('reads a Chrome DevTools HAR: pairs the preflight listed after its request, follows a redirect', () => {
    const result = readHar(harFixture('chrome-devtools'));
    expect(result.creator).toEqual({ name: 'WebInspector', version: '537.36' });
    expect(result.entryCount).toBe(9);
    expect(result.warnings).toEqual([]);
    expect(result.preflightEntries).toEqual([3]);
    const put = result.records.find((r) => r.exchange.request.method === 'PUT');
    expect(put?.preflightEntry).toBe(3);
    expect(put?.exchange.preflight.kind).toBe('observed');
    expect(put?.exchange.outcome).toBe('blocked');
    const redirected = result.records.find((r) => r.entries.length === 2);
    expect(redirected?.entries).toEqual([6, 7]);
    expect(redirected?.exchange.redirects).toHaveLength(1);
    expect(redirected?.finalRequest.url).toBe(`${API}/new`);
    expect(verdicts(harFixture('chrome-devtools'))).toEqual([
      [0, 'request', 'not-cors', null, null],
      [1, 'request', 'passed', null, null],
      [2, 'request', 'blocked', 'MethodDisallowedByPreflightResponse', 'PUT'],
      [4, 'request', 'blocked', 'MissingAllowOriginHeader', ''],
      [5, 'request', 'blocked', 'WildcardOriginNotAllowed', ''],
      [6, 'redirect', null, null, null],
      [7, 'request', 'passed', null, null],
      [8, 'request', 'not-cors', null, null],
    ]);
  });

  it('reads a Firefox HAR: unmarked OPTIONS pair by URL, origin and requested method', () => {
    const result = readHar(harFixture('firefox'));
    expect(result.preflightEntries).toEqual([0, 2]);
    expect(result.records.map((r) => [r.entries, r.preflightEntry])).toEqual([
      [[1], 0],
      [[3], 2],
    ]);
    expect(verdicts(harFixture('firefox'))).toEqual([
      [1, 'request', 'passed', null, null],
      [3, 'request', 'blocked', 'HeaderDisallowedByPreflightResponse', 'content-type'],
    ]);
  });

  it('reads a Playwright HAR: status -1 with _failureText is the outcome, a CORS-like one unknown (its response was not kept)', () => {
    const result = readHar(harFixture('playwright'));
    expect(result.records.map((r) => [r.exchange.outcome, r.exchange.networkError])).toEqual([
      ['succeeded', null],
      ['succeeded', null],
      ['unknown', 'net::ERR_FAILED'],
      ['network-error', 'net::ERR_CONNECTION_REFUSED'],
    ]);
    expect(result.records.map((r) => r.crossOrigin)).toEqual([false, true, true, true]);
  });
});

describe('readHar pairing and inference', () => {
  it('takes a Local Network Access refusal for a block, as the capture does', () => {
    const refused = harEntry(
      'GET',
      `${API}/a`,
      [['Origin', PAGE]],
      0,
      [],
      {},
      {
        _error: 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS',
      },
    );
    const result = readHar(harLog([refused]));
    expect(result.records.map((r) => r.exchange.outcome)).toEqual(['blocked']);
  });

  it('links a preflight by _initiator.requestId when the request carries _requestId', () => {
    const pre = harEntry(
      'OPTIONS',
      `${API}/a`,
      [
        ['Origin', PAGE],
        ['Access-Control-Request-Method', 'PUT'],
      ],
      204,
      [],
      {
        _initiator: { type: 'preflight', url: `${API}/a`, requestId: 'r2' },
      },
    );
    const first = harEntry(
      'PUT',
      `${API}/a`,
      [['Origin', PAGE]],
      0,
      [],
      { _requestId: 'r1' },
      { _error: 'net::ERR_FAILED' },
    );
    const second = harEntry(
      'PUT',
      `${API}/a`,
      [['Origin', PAGE]],
      0,
      [],
      { _requestId: 'r2' },
      { _error: 'net::ERR_FAILED' },
    );
    const result = readHar(harLog([first, pre, second]));
    expect(result.records.map((r) => r.preflightEntry)).toEqual([null, 1]);
  });

  it('does not pair a preflight with a request from another origin or for another method', () => {
    const pre = harEntry(
      'OPTIONS',
      `${API}/a`,
      [
        ['Origin', 'http://other.test'],
        ['Access-Control-Request-Method', 'PUT'],
      ],
      204,
    );
    const put = harEntry('PUT', `${API}/a`, [['Origin', PAGE]], 200);
    const del = harEntry('DELETE', `${API}/a`, [['Origin', 'http://other.test']], 200);
    const result = readHar(harLog([pre, put, del]));
    expect(result.records.map((r) => r.preflightEntry)).toEqual([null, null]);
  });

  it('does not pair across more than two minutes', () => {
    const pre = harEntry(
      'OPTIONS',
      `${API}/a`,
      [
        ['Origin', PAGE],
        ['Access-Control-Request-Method', 'PUT'],
      ],
      204,
      [],
      {
        startedDateTime: '2026-01-15T10:00:00.000Z',
      },
    );
    const put = harEntry('PUT', `${API}/a`, [['Origin', PAGE]], 200, [], {
      startedDateTime: '2026-01-15T10:05:00.000Z',
    });
    expect(readHar(harLog([pre, put])).records[0]?.preflightEntry).toBeNull();
  });

  it('leaves the credentials mode to the engine: a Cookie proves include, an Authorization the page set does not', () => {
    const withCookie = harEntry(
      'GET',
      `${API}/a`,
      [
        ['Origin', PAGE],
        ['Cookie', 'a=1'],
      ],
      200,
    );
    const preflight = harEntry(
      'OPTIONS',
      `${API}/b`,
      [
        ['Origin', PAGE],
        ['Access-Control-Request-Method', 'GET'],
        ['Access-Control-Request-Headers', 'authorization'],
      ],
      204,
      [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Headers', '*'],
      ],
    );
    const pageAuthorization = harEntry(
      'GET',
      `${API}/b`,
      [
        ['Origin', PAGE],
        ['Authorization', 'Bearer x'],
      ],
      200,
      [['Access-Control-Allow-Origin', '*']],
    );
    const rows = analyze(readHar(harLog([withCookie, preflight, pageAuthorization])).records);
    expect(rows.map((row) => row.exchange.credentialsMode)).toEqual(['unknown', 'unknown']);
    expect(rows.map((row) => row.verdict.credentials.mode)).toEqual(['include', 'omit']);
    expect(rows[1]?.verdict).toMatchObject({ kind: 'passed', blocked: false });
  });

  it('takes the initiator origin from Origin, else Referer, and treats Origin: null as opaque and cross-origin', () => {
    const records = readHar(
      harLog([
        harEntry('GET', `${API}/a`, [['Origin', PAGE]], 200),
        harEntry('GET', `${API}/b`, [['Referer', `${PAGE}/page?q=1`]], 200),
        harEntry('GET', `${API}/c`, [['Origin', 'null']], 200),
        harEntry('GET', `${API}/d`, [], 200),
      ]),
    ).records;
    expect(records.map((r) => [r.exchange.initiatorOrigin, r.crossOrigin])).toEqual([
      [PAGE, true],
      [PAGE, true],
      [null, true],
      [null, false],
    ]);
  });

  it('records a request that needed a preflight but shows none as maybe-cached', () => {
    const put = harEntry('PUT', `${API}/a`, [['Origin', PAGE]], 200, [['Access-Control-Allow-Origin', PAGE]]);
    expect(readHar(harLog([put])).records[0]?.exchange.preflight).toEqual({ kind: 'maybe-cached' });
  });

  it('keeps a 3xx that failed as the last redirect hop with no final response', () => {
    const hop = harEntry(
      'GET',
      `${API}/r`,
      [['Origin', PAGE]],
      302,
      [['Location', 'http://localhost:9/x']],
      {},
      {
        redirectURL: 'http://localhost:9/x',
        _error: 'net::ERR_FAILED',
      },
    );
    const exchange = readHar(harLog([hop])).records[0]?.exchange;
    expect(exchange?.redirects).toHaveLength(1);
    expect(exchange?.response).toBeNull();
    expect(exchange?.outcome).toBe('blocked');
  });

  it('strips a byte order mark', () => {
    expect(readHar(`\uFEFF${JSON.stringify(harLog([]))}`).entryCount).toBe(0);
  });
});

describe('readHar on bad input', () => {
  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['truncated JSON', '{"log": {"entries": [', /not valid JSON/],
    ['JSON that is not HAR', '{"foo": 1}', /no "log" object/],
    ['entries not an array', '{"log": {"entries": {}}}', /"log.entries" is not an array/],
    ['a top-level array', '[]', /no "log" object/],
  ])('throws HarFormatError for %s', (_name, text, message) => {
    expect(() => readHar(text)).toThrow(HarFormatError);
    expect(() => readHar(text)).toThrow(message);
  });

  it('skips entries with missing or mistyped fields with a warning and keeps the rest', () => {
    const good = harEntry('GET', `${API}/a`, [['Origin', PAGE]], 200);
    const result = readHar(
      harLog([
        good,
        null,
        { request: { method: 'GET' } },
        { ...good, request: { method: 'GET', url: `${API}/b`, headers: [{ name: 'x', value: 3 }] } },
        { ...good, response: { status: '200' } },
        'entry',
        good,
      ]),
    );
    expect(result.entryCount).toBe(7);
    expect(result.records.map((r) => r.entries[0])).toEqual([0, 6]);
    expect(result.warnings.map((w) => w.entry)).toEqual([1, 2, 3, 4, 5]);
    expect(result.warnings[1]?.message).toBe('skipped entry 2 has no request.url');
  });
});
