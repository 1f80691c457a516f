/**
 * CDP → Exchange → verdict, beside Chromium's own: the events as a page's CDP session reports them
 * (shapes as Chromium 156 sends them; see test/e2e/cors-matrix.spec.ts for the live comparison).
 */
import { EventEmitter } from 'node:events';
import type { CDPSession } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { type Exchange, evaluate } from '../../../src/engine';
import { CdpRecorder, type CdpRequestEvents } from '../../../src/playwright/cdp-recorder';
import { judgeRequest } from '../../../src/playwright/judged-exchange';

const PAGE = 'http://localhost:3000';
const API = 'http://127.0.0.1:8080';
const WALL_TIME = 1_800_000_000.25;

/** A stand-in for Playwright's CDP session: the recorder only subscribes to its events. */
function fakeSession(): { session: CDPSession; emit: (event: string, params: object) => void } {
  const emitter = new EventEmitter();
  return {
    session: emitter as unknown as CDPSession,
    emit: (event, params) => emitter.emit(event, params),
  };
}

function willBeSent(requestId: string, url: string, method: string, extra: object = {}) {
  return {
    requestId,
    request: { url, method, headers: { Accept: '*/*' } },
    initiator: { type: 'script' },
    type: 'Fetch',
    documentURL: `${PAGE}/app`,
    wallTime: WALL_TIME,
    ...extra,
  };
}

/** Records one blocked simple GET: the wire headers, a response with a repeated header line, the CORS failure. */
function blockedGet(emit: (event: string, params: object) => void): void {
  emit('Network.requestWillBeSent', willBeSent('1', `${API}/items`, 'GET'));
  emit('Network.requestWillBeSentExtraInfo', {
    requestId: '1',
    headers: { Accept: '*/*', Origin: PAGE, 'Sec-Fetch-Mode': 'cors' },
  });
  emit('Network.responseReceivedExtraInfo', {
    requestId: '1',
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'X-Trace': 'a\nb' },
    headersText: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Trace: a\r\nX-Trace: b\r\n\r\n',
  });
  emit('Network.loadingFailed', {
    requestId: '1',
    errorText: 'net::ERR_FAILED',
    corsErrorStatus: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
  });
}

/** Records a preflighted PUT that passes: the OPTIONS (its own request id) and the PUT. */
function passingPut(emit: (event: string, params: object) => void): void {
  emit('Network.requestWillBeSent', willBeSent('2', `${API}/items/1`, 'PUT'));
  emit(
    'Network.requestWillBeSent',
    willBeSent('2-preflight', `${API}/items/1`, 'OPTIONS', {
      initiator: { type: 'preflight', requestId: '2', url: `${API}/items/1` },
      type: 'Preflight',
    }),
  );
  emit('Network.requestWillBeSentExtraInfo', {
    requestId: '2-preflight',
    headers: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors' },
  });
  const allow = `Access-Control-Allow-Origin: ${PAGE}`;
  emit('Network.responseReceivedExtraInfo', {
    requestId: '2-preflight',
    statusCode: 204,
    headers: {},
    headersText: `HTTP/1.1 204 No Content\r\n${allow}\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n`,
  });
  emit('Network.loadingFinished', { requestId: '2-preflight' });
  emit('Network.requestWillBeSentExtraInfo', {
    requestId: '2',
    headers: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' },
  });
  emit('Network.responseReceivedExtraInfo', {
    requestId: '2',
    statusCode: 200,
    headers: {},
    headersText: `HTTP/1.1 200 OK\r\n${allow}\r\n\r\n`,
  });
  emit('Network.responseReceived', {
    requestId: '2',
    response: { url: `${API}/items/1`, status: 200, statusText: 'OK', headers: {} },
  });
  emit('Network.loadingFinished', { requestId: '2' });
}

function recorded(record: (emit: (event: string, params: object) => void) => void): CdpRecorder {
  const { session, emit } = fakeSession();
  const recorder = new CdpRecorder(session);
  record(emit);
  return recorder;
}

function only(recorder: CdpRecorder): CdpRequestEvents {
  const [events, ...more] = recorder.pageRequests();
  expect(more).toEqual([]);
  if (events === undefined) throw new Error('no page request recorded');
  return events;
}

describe('CdpRecorder', () => {
  it('lists the page’s own requests, not the preflights, and finds each request’s preflight', () => {
    const recorder = recorded((emit) => {
      blockedGet(emit);
      passingPut(emit);
    });
    expect(recorder.pageRequests().map((events) => events.requestId)).toEqual(['1', '2']);
    expect(recorder.preflightsOf('2').map((events) => events.requestId)).toEqual(['2-preflight']);
    expect(recorder.preflightsOf('1')).toEqual([]);
  });
});

describe('judgeRequest', () => {
  it('builds a blocked GET from the wire: request headers, response lines in order, Chromium’s verdict beside', () => {
    const events = only(recorded(blockedGet));
    const judged = judgeRequest(events, [], evaluate);
    expect(judged?.exchange).toEqual({
      initiatorOrigin: PAGE,
      request: {
        url: `${API}/items`,
        method: 'GET',
        headers: [
          ['Accept', '*/*'],
          ['Origin', PAGE],
          ['Sec-Fetch-Mode', 'cors'],
        ],
      },
      resourceType: 'fetch',
      credentialsMode: 'unknown',
      mode: 'unknown',
      preflight: { kind: 'none' },
      redirects: [],
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Trace', 'a'],
          ['X-Trace', 'b'],
        ],
      },
      networkError: 'net::ERR_FAILED',
      outcome: 'blocked',
    } satisfies Exchange);
    expect(judged?.chromium).toEqual({ corsError: 'MissingAllowOriginHeader', failedParameter: '' });
    expect(judged?.verdict.code).toBe('MissingAllowOriginHeader');
    expect(judged?.explanation.summary).toMatch(/Access-Control-Allow-Origin/);
    expect(judged?.startedDateTime).toBe('2027-01-15T08:00:00.250Z');
    expect(judged?.disagrees).toBe(false);
  });

  it('builds a preflighted PUT with its observed preflight; both sides let it through', () => {
    const recorder = recorded(passingPut);
    const events = only(recorder);
    const judged = judgeRequest(events, recorder.preflightsOf(events.requestId), evaluate);
    expect(judged?.exchange.preflight).toEqual({
      kind: 'observed',
      request: {
        url: `${API}/items/1`,
        method: 'OPTIONS',
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', 'PUT'],
          ['Sec-Fetch-Mode', 'cors'],
        ],
      },
      response: {
        status: 204,
        statusText: 'No Content',
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
        ],
      },
      error: null,
    });
    expect(judged?.verdict.kind).toBe('passed');
    expect(judged?.chromium).toBeNull();
    expect(judged?.disagrees).toBe(false);
  });

  it('flags a disagreement when the judge decides otherwise than Chromium', () => {
    const recorder = recorded(passingPut);
    const events = only(recorder);
    const withoutPreflightAnswer = (exchange: Exchange): Exchange =>
      exchange.preflight.kind === 'observed' && exchange.preflight.response !== null
        ? {
            ...exchange,
            preflight: { ...exchange.preflight, response: { ...exchange.preflight.response, headers: [] } },
          }
        : exchange;
    const judged = judgeRequest(events, recorder.preflightsOf(events.requestId), (exchange) =>
      evaluate(withoutPreflightAnswer(exchange)),
    );
    expect(judged?.verdict.code).toBe('PreflightMissingAllowOriginHeader');
    expect(judged?.chromium).toBeNull();
    expect(judged?.disagrees).toBe(true);
  });

  it('leaves out same-origin requests and documents', () => {
    const recorder = recorded((emit) => {
      emit('Network.requestWillBeSent', willBeSent('3', `${PAGE}/api/items`, 'GET'));
      emit('Network.loadingFinished', { requestId: '3' });
      emit('Network.requestWillBeSent', willBeSent('4', `${API}/`, 'GET', { type: 'Document' }));
      emit('Network.loadingFinished', { requestId: '4' });
    });
    expect(recorder.pageRequests().map((events) => judgeRequest(events, [], evaluate))).toEqual([null, null]);
  });

  it('judges a same-origin request redirected to another origin', () => {
    const recorder = recorded((emit) => {
      emit('Network.requestWillBeSent', willBeSent('5', `${PAGE}/go`, 'GET'));
      emit('Network.requestWillBeSent', {
        ...willBeSent('5', `${API}/items`, 'GET'),
        redirectResponse: {
          url: `${PAGE}/go`,
          status: 302,
          statusText: 'Found',
          headers: { Location: `${API}/items` },
        },
      });
      emit('Network.loadingFailed', {
        requestId: '5',
        errorText: 'net::ERR_FAILED',
        corsErrorStatus: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
      });
    });
    const judged = judgeRequest(only(recorder), [], evaluate);
    expect(judged?.exchange.redirects.map((hop) => [hop.request.url, hop.response.status])).toEqual([
      [`${PAGE}/go`, 302],
    ]);
    expect(judged?.chromium?.corsError).toBe('MissingAllowOriginHeader');
  });
});
