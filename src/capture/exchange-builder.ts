import type {
  Exchange,
  HeaderList,
  HttpResponse,
  ObservedOutcome,
  PreflightObservation,
  RedirectHop,
} from '../engine/exchange';
import { getHeader, splitHeaderList } from '../engine/header-list';
import { isCorsSafelistedMethod } from '../engine/method';
import { originOf } from '../engine/origin';
import { corsUnsafeRequestHeaderNames } from '../engine/unsafe-request-headers';
import type { RequestTrace } from './request-trace';

/** Chromium and Firefox name a CORS block with these; any other error is a network failure. */
const CORS_BLOCK_ERRORS = new Set(['net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI']);

function outcomeOf(trace: RequestTrace): ObservedOutcome {
  if (trace.end === null) return 'unknown';
  // Where onCompleted does not prove the page got the response (Firefox), only the headers can tell.
  if (trace.end.kind === 'completed') return trace.end.provesDelivery === false ? 'unknown' : 'succeeded';
  return CORS_BLOCK_ERRORS.has(trace.end.error) ? 'blocked' : 'network-error';
}

/**
 * When a preflight fails, the browser never sends the actual request, so webRequest never shows
 * its headers. The preflight names them: Origin, and the unsafe header names in
 * Access-Control-Request-Headers. Their values were never visible; an empty value stands in.
 */
function headersFromPreflight(preflight: RequestTrace): HeaderList {
  const sent = preflight.firstHeaders ?? [];
  const origin = getHeader(sent, 'origin');
  const names = splitHeaderList(getHeader(sent, 'access-control-request-headers') ?? '');
  return [...(origin === null ? [] : [['Origin', origin] as const]), ...names.map((name) => [name, ''] as const)];
}

function needsPreflight(method: string, headers: HeaderList): boolean {
  return !isCorsSafelistedMethod(method) || corsUnsafeRequestHeaderNames(headers).length > 0;
}

function preflightObservation(actual: RequestTrace, preflight: RequestTrace | null): PreflightObservation {
  if (preflight !== null) {
    // A redirected preflight is a failed one; the 3xx is what the browser judged.
    const response = preflight.redirects[0]?.response ?? preflight.pendingResponse;
    const error = preflight.end?.kind === 'error' ? preflight.end.error : null;
    return {
      kind: 'observed',
      request: { url: preflight.url, method: 'OPTIONS', headers: preflight.firstHeaders ?? [] },
      response,
      error: response === null ? (error ?? 'unknown') : null,
    };
  }
  if (actual.firstHeaders !== null && needsPreflight(actual.method, actual.firstHeaders))
    return { kind: 'maybe-cached' };
  return { kind: 'none' };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A 3xx the browser refused to follow. Chromium judges a redirect (its CORS check, a Location
 * with credentials, the target's scheme) before webRequest's onBeforeRedirect, so a refused one
 * shows only as onHeadersReceived with the 3xx, then onErrorOccurred: it is a hop with nothing
 * after it, not the final response (recorded in test/e2e/capture-matrix.spec.ts).
 */
function refusedRedirect(trace: RequestTrace): HttpResponse | null {
  const response = trace.pendingResponse;
  if (trace.end?.kind !== 'error' || response === null || !REDIRECT_STATUSES.has(response.status)) return null;
  return getHeader(response.headers, 'location') === null ? null : response;
}

function redirectsOf(trace: RequestTrace, refused: HttpResponse | null): RedirectHop[] {
  if (refused === null) return trace.redirects;
  const request = { url: trace.currentUrl, method: trace.currentMethod, headers: trace.currentHeaders ?? [] };
  return [...trace.redirects, { request, response: refused }];
}

/** The engine's view of a finished request and the preflight paired with it. */
export function buildExchange(actual: RequestTrace, preflight: RequestTrace | null): Exchange {
  const headers = actual.firstHeaders ?? (preflight === null ? [] : headersFromPreflight(preflight));
  const refused = refusedRedirect(actual);
  return {
    initiatorOrigin: actual.initiator === null ? null : originOf(actual.initiator),
    request: { url: actual.url, method: actual.method, headers },
    resourceType: actual.resourceType,
    credentialsMode: 'unknown',
    mode: 'unknown',
    preflight: preflightObservation(actual, preflight),
    redirects: redirectsOf(actual, refused),
    response: refused === null ? actual.pendingResponse : null,
    networkError: actual.end?.kind === 'error' ? actual.end.error : null,
    outcome: outcomeOf(actual),
  };
}

/**
 * An exchange for a preflight whose actual request never showed up: the request it asked about
 * is rebuilt from its Access-Control-Request-* headers.
 */
export function buildOrphanPreflightExchange(preflight: RequestTrace): Exchange {
  const method = preflight.askedMethod ?? 'GET';
  const standIn: RequestTrace = {
    ...preflight,
    method,
    firstHeaders: null,
    askedMethod: null,
    origin: null,
    redirects: [],
    end: null,
  };
  return { ...buildExchange(standIn, preflight), outcome: 'unknown', response: null };
}
