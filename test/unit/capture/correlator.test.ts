import { describe, expect, it } from 'vitest';
import type { CapturedExchange, CaptureOutput } from '../../../src/capture/capture-output';
import { Correlator } from '../../../src/capture/correlator';
import type { Exchange } from '../../../src/engine';
import { evaluate } from '../../../src/engine';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { API, EventScript, PAGE } from '../../fakes/capture-events';

function run(events: readonly CaptureEvent[], correlator = new Correlator()): CaptureOutput[] {
  return events.flatMap((event) => correlator.ingest(event));
}

function exchanges(outputs: readonly CaptureOutput[]): CapturedExchange[] {
  return outputs.flatMap((output) => (output.kind === 'exchange' ? [output.captured] : []));
}

const url = `${API}/items`;
const allow = [['Access-Control-Allow-Origin', PAGE]] as const;

describe('Correlator: simple requests', () => {
  it('turns an allowed cross-origin GET into one succeeded exchange with its wire headers', () => {
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .receive('1', url, 'GET', 200, allow)
      .complete('1', url, 'GET');
    const [captured, ...rest] = exchanges(run(script.events));
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: '1', preflightRequestId: null, tabId: 7 });
    expect(captured?.exchange).toMatchObject({
      initiatorOrigin: PAGE,
      request: { url, method: 'GET', headers: [['Origin', PAGE]] },
      response: { status: 200, headers: allow },
      preflight: { kind: 'none' },
      outcome: 'succeeded',
      networkError: null,
    });
  });

  it('records a blocked simple request: headers received, then net::ERR_FAILED', () => {
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .receive('1', url, 'GET', 500, [])
      .fail('1', url, 'GET');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange).toMatchObject({
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
      response: { status: 500 },
    });
  });

  it('tells a refused connection apart from a CORS block', () => {
    const script = new EventScript().fail('1', url, 'GET', 'net::ERR_CONNECTION_REFUSED');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange).toMatchObject({
      outcome: 'network-error',
      response: null,
      networkError: 'net::ERR_CONNECTION_REFUSED',
    });
  });

  it("takes Firefox's Cross-Origin-Resource-Policy block for a block, as the HAR reader does", () => {
    const script = new EventScript().fail('1', url, 'GET', 'NS_ERROR_DOM_CORP_FAILED');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange).toMatchObject({ outcome: 'blocked', networkError: 'NS_ERROR_DOM_CORP_FAILED' });
  });

  it('counts a same-origin request without storing it', () => {
    const same = `${PAGE}/local`;
    const script = new EventScript()
      .send('1', same, 'GET', [])
      .receive('1', same, 'GET', 200, [])
      .complete('1', same, 'GET');
    expect(run(script.events)).toEqual([{ kind: 'same-origin', tabId: 7, requestIds: ['1'] }]);
  });

  it('ignores a response or completion for a request it never saw start', () => {
    const correlator = new Correlator();
    const stray = new EventScript().receive('5', url, 'GET', 200, allow).complete('5', url, 'GET');
    expect(run(stray.events, correlator)).toEqual([]);
    expect(correlator.inFlight).toBe(0);
  });

  it('ignores navigations', () => {
    const correlator = new Correlator();
    const nav: CaptureEvent = {
      kind: 'send-headers',
      requestId: '9',
      tabId: 7,
      url: `${API}/`,
      method: 'GET',
      initiator: PAGE,
      resourceType: 'main_frame',
      requestHeaders: [],
      timeStamp: 1,
    };
    expect(correlator.ingest(nav)).toEqual([]);
    expect(
      correlator.ingest({
        kind: 'completed',
        requestId: '9',
        tabId: 7,
        url: `${API}/`,
        method: 'GET',
        statusCode: 200,
        fromCache: false,
        timeStamp: 2,
      }),
    ).toEqual([]);
    expect(correlator.inFlight).toBe(0);
  });
});

describe('Correlator: preflights', () => {
  it('pairs a passing preflight with the PUT that follows it', () => {
    const script = new EventScript()
      .preflight('p', url, 'PUT', ['x-token'], 204, [
        ...allow,
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'x-token'],
      ])
      .send('a', url, 'PUT', [
        ['Origin', PAGE],
        ['X-Token', 't'],
      ])
      .receive('a', url, 'PUT', 200, allow)
      .complete('a', url, 'PUT');
    const [captured, ...rest] = exchanges(run(script.events));
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p' });
    expect(captured?.exchange.preflight).toMatchObject({ kind: 'observed', response: { status: 204 }, error: null });
    expect(captured?.exchange.outcome).toBe('succeeded');
  });

  it('rebuilds a never-sent request from its failed preflight (the actual gets only onErrorOccurred)', () => {
    const script = new EventScript()
      .preflight('p', url, 'DELETE', ['authorization', 'x-token'], 404, [])
      .fail('a', url, 'DELETE');
    const [captured] = exchanges(run(script.events));
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p' });
    // Only the Origin is known; the names asked for stay in the preflight's ACRH, where the engine reads them.
    expect(captured?.exchange.request).toEqual({ url, method: 'DELETE', headers: [['Origin', PAGE]] });
    expect(captured?.exchange).toMatchObject({
      outcome: 'blocked',
      preflight: { kind: 'observed', response: { status: 404 } },
    });
  });

  it('pairs concurrent identical requests first-in first-out', () => {
    const headers = [...allow, ['Access-Control-Allow-Methods', 'PUT']] as const;
    const script = new EventScript()
      .preflight('p1', url, 'PUT', [], 204, headers)
      .preflight('p2', url, 'PUT', [], 204, headers)
      .send('a1', url, 'PUT', [['Origin', PAGE]])
      .send('a2', url, 'PUT', [['Origin', PAGE]])
      .receive('a2', url, 'PUT', 200, allow)
      .complete('a2', url, 'PUT')
      .receive('a1', url, 'PUT', 200, allow)
      .complete('a1', url, 'PUT');
    const pairs = exchanges(run(script.events)).map((captured) => [captured.requestId, captured.preflightRequestId]);
    expect(pairs).toEqual([
      ['a2', 'p2'],
      ['a1', 'p1'],
    ]);
  });

  it('never pairs across tabs, URLs or methods', () => {
    const other = new EventScript(8);
    const events = [
      ...new EventScript().preflight('p', url, 'PUT', [], 204, allow).events,
      ...other
        .send('a', url, 'PUT', [['Origin', PAGE]])
        .receive('a', url, 'PUT', 200, allow)
        .complete('a', url, 'PUT').events,
    ];
    const [captured] = exchanges(run(events));
    expect(captured).toMatchObject({
      tabId: 8,
      preflightRequestId: null,
      exchange: { preflight: { kind: 'maybe-cached' } },
    });
  });

  it('pairs only the request with the same URL, method and page origin as the preflight asked about', () => {
    const other = 'http://localhost:4000';
    const script = new EventScript()
      .preflight('p', url, 'PUT', [], 204, allow)
      .fail('patch', url, 'PATCH')
      .fail('elsewhere', `${url}/2`, 'PUT')
      .fail('other-page', url, 'PUT', 'net::ERR_FAILED', other)
      .fail('a', url, 'PUT');
    const paired = exchanges(run(script.events)).map((captured) => [captured.requestId, captured.preflightRequestId]);
    expect(paired).toEqual([
      ['patch', null],
      ['elsewhere', null],
      ['other-page', null],
      ['a', 'p'],
    ]);
  });

  it('pairs a request whose events arrive before its preflight', () => {
    const script = new EventScript()
      .preflight('p', url, 'PUT', [], 204, [...allow, ['Access-Control-Allow-Methods', 'PUT']])
      .send('a', url, 'PUT', [['Origin', PAGE]])
      .receive('a', url, 'PUT', 200, allow)
      .complete('a', url, 'PUT');
    const [send, receive, complete] = script.events.slice(3);
    const reordered = [send, ...script.events.slice(0, 3), receive, complete] as CaptureEvent[];
    const [captured, ...rest] = exchanges(run(reordered));
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p', exchange: { outcome: 'succeeded' } });
  });

  it('says a cached preflight may have been used when a request that needs one shows none', () => {
    const script = new EventScript()
      .send('a', url, 'PATCH', [['Origin', PAGE]])
      .receive('a', url, 'PATCH', 200, allow)
      .complete('a', url, 'PATCH');
    expect(exchanges(run(script.events))[0]?.exchange.preflight).toEqual({ kind: 'maybe-cached' });
  });

  it('keeps an orphan preflight and reports it when its request never shows up', () => {
    const correlator = new Correlator({ staleAfterMs: 1_000 });
    const script = new EventScript().preflight('p', url, 'PUT', ['x-a'], 403, []);
    expect(run(script.events, correlator)).toEqual([]);
    const [captured] = exchanges(correlator.sweep(1_000_000));
    expect(captured).toMatchObject({
      requestId: 'p',
      exchange: {
        request: { method: 'PUT' },
        outcome: 'unknown',
        preflight: { kind: 'observed', response: { status: 403 } },
      },
    });
  });
});

describe('Correlator: redirects', () => {
  it('keeps each hop with the headers sent at that hop', () => {
    const next = `${API}/moved`;
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .redirect('1', url, 'GET', 302, next, allow)
      .send('1', next, 'GET', [['Origin', PAGE]])
      .receive('1', next, 'GET', 200, allow)
      .complete('1', next, 'GET');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange.redirects).toEqual([
      {
        request: { url, method: 'GET', headers: [['Origin', PAGE]] },
        response: { status: 302, statusText: 'Redirect', headers: [...allow, ['Location', next]] },
      },
    ]);
    expect(captured?.exchange.response?.status).toBe(200);
  });

  it('turns a POST into a GET after a 303', () => {
    const next = `${API}/see-other`;
    const script = new EventScript()
      .send('1', url, 'POST', [['Origin', PAGE]])
      .redirect('1', url, 'POST', 303, next, allow)
      .send('1', next, 'GET', [['Origin', 'null']])
      .receive('1', next, 'GET', 200, [['Access-Control-Allow-Origin', '*']])
      .complete('1', next, 'GET');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange.redirects[0]?.request.method).toBe('POST');
    expect(captured?.exchange.request.method).toBe('POST');
  });
});

describe('Correlator: redirects the browser refused', () => {
  it('keeps a 3xx that was never followed as a failed hop, not as the final response', () => {
    // Chromium refuses a Location with credentials before onBeforeRedirect: 302, then ERR_FAILED.
    const location = 'http://user:pass@localhost:8080/b';
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .receive('1', url, 'GET', 302, [...allow, ['Location', location]])
      .fail('1', url, 'GET');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange).toMatchObject({
      redirects: [{ request: { url, method: 'GET' }, response: { status: 302 } }],
      response: null,
      outcome: 'blocked',
    });
    expect(evaluate(captured?.exchange as CapturedExchange['exchange'])).toMatchObject({
      code: 'RedirectContainsCredentials',
      stage: 'redirect',
    });
  });

  it("does not call blocked a 3xx handed to the page by redirect: 'manual' (webRequest: net::ERR_ABORTED)", () => {
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .receive('1', url, 'GET', 302, [...allow, ['Location', `${API}/b`]])
      .fail('1', url, 'GET', 'net::ERR_ABORTED');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange).toMatchObject({ outcome: 'network-error', response: null, redirects: [{}] });
    expect(evaluate(captured?.exchange as CapturedExchange['exchange'])).toMatchObject({ blocked: false });
  });

  it('finishes a request at a redirect to a scheme webRequest does not report (no more events come)', () => {
    const correlator = new Correlator();
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .redirect('1', url, 'GET', 302, 'myapp://open/x', allow);
    const [captured] = exchanges(run(script.events, correlator));
    expect(correlator.inFlight).toBe(0);
    expect(captured?.exchange).toMatchObject({ outcome: 'unknown', response: null, redirects: [{}] });
    expect(evaluate(captured?.exchange as CapturedExchange['exchange'])).toMatchObject({
      code: 'CorsDisabledScheme',
    });
  });

  it('waits for the end of a request redirected to a scheme webRequest reports (ftp:)', () => {
    const correlator = new Correlator();
    const script = new EventScript()
      .send('1', url, 'GET', [['Origin', PAGE]])
      .redirect('1', url, 'GET', 302, 'ftp://localhost/file', allow);
    expect(run(script.events, correlator)).toEqual([]);
    expect(correlator.inFlight).toBe(1);
  });
});

describe('Correlator: unreliable event streams', () => {
  const script = new EventScript()
    .preflight('p', url, 'PUT', [], 204, [...allow, ['Access-Control-Allow-Methods', 'PUT']])
    .send('a', url, 'PUT', [['Origin', PAGE]])
    .receive('a', url, 'PUT', 200, allow)
    .complete('a', url, 'PUT');

  it('ignores every event delivered twice', () => {
    const doubled = script.events.flatMap((event) => [event, event]);
    const captured = exchanges(run(doubled));
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({ requestId: 'a', preflightRequestId: 'p' });
  });

  it('waits for a preflight whose completion arrives after its request ended', () => {
    const preflightDone = script.events[2] as CaptureEvent;
    const reordered = [script.events[0], script.events[1], ...script.events.slice(3), preflightDone] as CaptureEvent[];
    const correlator = new Correlator();
    const beforeLast = exchanges(run(reordered.slice(0, -1), correlator));
    expect(beforeLast).toEqual([]);
    const captured = exchanges(correlator.ingest(preflightDone));
    expect(captured).toHaveLength(1);
    expect(captured[0]?.exchange.preflight).toMatchObject({ kind: 'observed', response: { status: 204 } });
  });

  it('finishes a request whose events stopped arriving, as unknown, after the stale time', () => {
    const correlator = new Correlator({ staleAfterMs: 30_000 });
    const hanging = new EventScript().send('1', url, 'GET', [['Origin', PAGE]]);
    run(hanging.events, correlator);
    expect(correlator.sweep(1_010 + 29_000)).toEqual([]);
    const [captured] = exchanges(correlator.sweep(1_010 + 31_000));
    expect(captured?.exchange.outcome).toBe('unknown');
    expect(correlator.inFlight).toBe(0);
  });

  it('remembers a bounded number of finished ids', () => {
    const correlator = new Correlator({ finishedIdMemory: 2 });
    for (const id of ['1', '2', '3']) {
      run(new EventScript().send(id, url, 'GET', [['Origin', PAGE]]).fail(id, url, 'GET').events, correlator);
    }
    // '3' is still remembered, so its late duplicate is ignored.
    const late = {
      kind: 'completed',
      requestId: '3',
      tabId: 7,
      url,
      method: 'GET',
      statusCode: 200,
      fromCache: false,
      timeStamp: 9,
    } as const;
    expect(correlator.ingest(late)).toEqual([]);
    expect(correlator.inFlight).toBe(0);
    // '1' was forgotten, so a late duplicate of its request starts a new trace.
    run(new EventScript().send('1', url, 'GET', [['Origin', PAGE]]).events, correlator);
    expect(correlator.inFlight).toBe(1);
  });
});

describe('Correlator: a new worker life', () => {
  const script = new EventScript()
    .preflight('p', url, 'PUT', ['x-token'], 204, [...allow, ['Access-Control-Allow-Methods', 'PUT']])
    .send('a', url, 'PUT', [
      ['Origin', PAGE],
      ['X-Token', 't'],
    ])
    .receive('a', url, 'PUT', 200, allow)
    .complete('a', url, 'PUT');

  it("rebuilds what was in flight from the previous life's events, pairing included", () => {
    const correlator = new Correlator();
    expect(correlator.replay(script.events.slice(0, 4))).toEqual([]);
    expect(correlator.has('p') && correlator.has('a')).toBe(true);
    const [captured] = exchanges(run(script.events.slice(4), correlator));
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p', exchange: { outcome: 'succeeded' } });
    expect(correlator.finishRestored()).toEqual([]);
  });

  it('finishes, as they stand, replayed requests that hear nothing more in this life', () => {
    const correlator = new Correlator();
    correlator.replay(script.events.slice(0, 5));
    const [captured, ...rest] = exchanges(correlator.finishRestored());
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p', exchange: { outcome: 'unknown' } });
    expect(captured?.exchange.response?.status).toBe(200);
    expect(correlator.inFlight).toBe(0);
  });
});

describe('Correlator: requests as real pages make them', () => {
  const allowPut = [...allow, ['Access-Control-Allow-Methods', 'PUT']] as const;

  it('gives a redirected request the preflight sent again at its new URL', () => {
    const next = `${API}/moved`;
    const script = new EventScript()
      .preflight('p1', url, 'PUT', [], 204, allowPut)
      .send('a', url, 'PUT', [['Origin', PAGE]])
      .redirect('a', url, 'PUT', 307, next, allow)
      .preflight('p2', next, 'PUT', [], 204, [])
      .fail('a', next, 'PUT');
    const [captured, ...rest] = exchanges(run(script.events));
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p1' });
    expect(captured?.exchange.redirects[0]?.nextPreflight).toMatchObject({
      kind: 'observed',
      request: { url: next },
      response: { status: 204 },
    });
    expect(evaluate(captured?.exchange as Exchange)).toMatchObject({
      code: 'PreflightMissingAllowOriginHeader',
      stage: 'preflight',
      redirectIndex: 0,
    });
  });

  it("pairs a page's own OPTIONS request with the preflight that asked for OPTIONS", () => {
    const script = new EventScript()
      .preflight('p', url, 'OPTIONS', [], 204, [...allow, ['Access-Control-Allow-Methods', 'GET']])
      .fail('a', url, 'OPTIONS');
    const [captured, ...rest] = exchanges(run(script.events));
    expect(rest).toEqual([]);
    expect(captured).toMatchObject({ requestId: 'a', preflightRequestId: 'p' });
    expect(evaluate(captured?.exchange as Exchange)).toMatchObject({
      code: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'OPTIONS',
    });
  });

  it('records a same-origin request that a redirect took to another origin', () => {
    const start = `${PAGE}/go`;
    const script = new EventScript()
      .send('a', start, 'GET', [])
      .redirect('a', start, 'GET', 302, url)
      .send('a', url, 'GET', [['Origin', PAGE]])
      .receive('a', url, 'GET', 200, [])
      .fail('a', url, 'GET');
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange.request.url).toBe(start);
    expect(evaluate(captured?.exchange as Exchange)).toMatchObject({ code: 'MissingAllowOriginHeader' });
  });

  it("drops a cache-only probe that missed (Chromium's font loader), keeping the real request", () => {
    const script = new EventScript()
      .fail('probe', url, 'GET', 'net::ERR_CACHE_MISS')
      .send('a', url, 'GET', [['Origin', PAGE]])
      .receive('a', url, 'GET', 200, [])
      .fail('a', url, 'GET');
    expect(exchanges(run(script.events)).map((captured) => captured.requestId)).toEqual(['a']);
  });
});

describe('Correlator: documents with an opaque origin', () => {
  it('records a request whose event names no initiator but whose Origin is null (a sandboxed frame in Firefox)', () => {
    const script = new EventScript()
      .send('a', url, 'GET', [['Origin', 'null']], null)
      .receive('a', url, 'GET', 200, allow)
      .fail('a', url, 'GET', 'net::ERR_FAILED', null);
    const [captured] = exchanges(run(script.events));
    expect(captured?.exchange.initiatorOrigin).toBeNull();
    expect(evaluate(captured?.exchange as Exchange)).toMatchObject({
      code: 'AllowOriginMismatch',
      failedParameter: PAGE,
    });
  });
});

describe('Correlator: bounds in flight', () => {
  it('drops the request in flight longest past its count bound, with its preflight, and ignores its later events', () => {
    const correlator = new Correlator({ inFlightBounds: { requests: 2, bytes: Number.POSITIVE_INFINITY } });
    const first = new EventScript()
      .preflight('p1', url, 'PUT', [], 204, [...allow, ['Access-Control-Allow-Methods', 'PUT']])
      .send('1', url, 'PUT', [['Origin', PAGE]]);
    expect(run(first.events, correlator)).toEqual([]);
    expect(run(new EventScript().send('2', `${url}/2`, 'GET', [['Origin', PAGE]]).events, correlator)).toEqual([
      { kind: 'dropped', tabId: 7, requestIds: ['1', 'p1'] },
    ]);
    expect(correlator.inFlight).toBe(1);
    const late = new EventScript().receive('1', url, 'PUT', 200, allow).complete('1', url, 'PUT');
    expect(run(late.events, correlator)).toEqual([]);
  });

  it('keeps the estimated bytes in flight within its bound, and counts none once all finished', () => {
    const correlator = new Correlator({ inFlightBounds: { requests: 1_000, bytes: 20_000 } });
    const big = [['X-Big', 'b'.repeat(4_000)]] as const;
    let script = new EventScript();
    for (let index = 0; index < 10; index += 1) script = script.send(`${index}`, `${url}/${index}`, 'GET', big);
    const dropped = run(script.events, correlator).filter((output) => output.kind === 'dropped');
    expect(correlator.inFlightBytes).toBeLessThanOrEqual(20_000);
    expect(correlator.inFlight + dropped.length).toBe(10);
    let rest = new EventScript();
    for (let index = 0; index < 10; index += 1) rest = rest.fail(`${index}`, `${url}/${index}`, 'GET');
    run(rest.events, correlator);
    expect([correlator.inFlight, correlator.inFlightBytes]).toEqual([0, 0]);
  });
});

describe('Correlator: abandoning what is in flight (capture paused)', () => {
  it('forgets every request in flight without an output, and ignores their late events', () => {
    const correlator = new Correlator();
    const script = new EventScript()
      .send('pre', url, 'OPTIONS', [
        ['Origin', PAGE],
        ['Access-Control-Request-Method', 'PUT'],
      ])
      .send('1', url, 'GET', [['Origin', PAGE]])
      .receive('1', url, 'GET', 500, []);
    expect(run(script.events, correlator)).toEqual([]);
    expect(correlator.inFlight).toBe(2);

    expect(correlator.abandonInFlight().sort()).toEqual(['1', 'pre']);
    expect(correlator.inFlight).toBe(0);
    expect(correlator.inFlightBytes).toBe(0);
    // The block that would have finished request 1 comes after the pause: nothing is judged.
    expect(run(new EventScript().fail('1', url, 'GET').events, correlator)).toEqual([]);
    expect(correlator.sweep(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(correlator.finishRestored()).toEqual([]);
  });
});
