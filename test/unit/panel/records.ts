import type { Exchange } from '../../../src/engine';
import { evaluate } from '../../../src/engine';
import type { ExchangeRecord } from '../../../src/model/exchange-record';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../fixtures/exchange-builder';

/** A record of `ex` as the worker would send it, with its verdict from the engine. */
export function record(requestId: string, ex: Exchange, startedAt = 1_000): ExchangeRecord {
  return {
    requestId,
    preflightRequestId: ex.preflight.kind === 'observed' ? `${requestId}-p` : null,
    tabId: 7,
    startedAt,
    endedAt: startedAt + 42,
    exchange: ex,
    verdict: evaluate(ex),
  };
}

/** GET to the API answered 200 without Access-Control-Allow-Origin: MissingAllowOriginHeader. */
export function blockedRecord(requestId: string, path = '/data'): ExchangeRecord {
  return record(
    requestId,
    exchange({
      request: { url: `${API_ORIGIN}${path}`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
      response: response(200, [['Content-Type', 'application/json']], 'OK'),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    }),
  );
}

/** GET allowed with `*`. */
export function passedRecord(requestId: string, path = '/ok'): ExchangeRecord {
  return record(
    requestId,
    exchange({
      request: { url: `${API_ORIGIN}${path}`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
      response: response(200, [['Access-Control-Allow-Origin', '*']], 'OK'),
    }),
  );
}

/** GET allowed by reflecting the origin without `Vary: Origin`: passed with an advisory. */
export function advisoryRecord(requestId: string, path = '/reflect'): ExchangeRecord {
  return record(
    requestId,
    exchange({
      request: { url: `${API_ORIGIN}${path}`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
      response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]], 'OK'),
    }),
  );
}

/** PUT with X-Token whose preflight answered 404 without CORS headers. */
export function preflightBlockedRecord(requestId: string): ExchangeRecord {
  return record(
    requestId,
    exchange({
      request: {
        url: `${API_ORIGIN}/items/1`,
        method: 'PUT',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['X-Token', 'abc'],
        ],
      },
      preflight: preflight('PUT', ['x-token'], response(404, [], 'Not Found'), `${API_ORIGIN}/items/1`),
      response: null,
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    }),
  );
}
