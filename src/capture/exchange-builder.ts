import type { Exchange, HeaderList, HttpResponse, ObservedOutcome, PreflightObservation, RedirectHop } from '../engine';
import { getHeader, isSameOrigin, needsPreflight, originOf, outcomeOfError, resolveLocation } from '../engine';
import type { RequestTrace } from './request-trace';

function outcomeOf(trace: RequestTrace): ObservedOutcome {
  if (trace.end === null) return 'unknown';
  // Where onCompleted does not prove the page got the response (Firefox), only the headers can tell.
  if (trace.end.kind === 'completed') return trace.end.provesDelivery === false ? 'unknown' : 'succeeded';
  return outcomeOfError(trace.end.error);
}

/**
 * When a preflight fails, the browser never sends the actual request, so webRequest never shows
 * its headers. The preflight carries its Origin; the names it asked about are in its
 * Access-Control-Request-Headers (which the engine reads), their values and order were never visible.
 */
function headersFromPreflight(preflight: RequestTrace): HeaderList {
  const origin = getHeader(preflight.firstHeaders ?? [], 'origin');
  return origin === null ? [] : [['Origin', origin]];
}

function observedPreflight(preflight: RequestTrace): PreflightObservation {
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

function preflightObservation(actual: RequestTrace, preflight: RequestTrace | null): PreflightObservation {
  if (preflight !== null) return observedPreflight(preflight);
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

/** The hops, each with the preflight sent again for the URL it led to (matched by that URL). */
function redirectsOf(
  trace: RequestTrace,
  refused: HttpResponse | null,
  hopPreflights: readonly RequestTrace[],
): RedirectHop[] {
  const followed = trace.redirects.map((hop, index) => {
    const to = trace.redirects[index + 1]?.request.url ?? trace.currentUrl;
    const again = hopPreflights.find((candidate) => candidate.url === to);
    return again === undefined ? hop : { ...hop, nextPreflight: observedPreflight(again) };
  });
  if (refused === null) return followed;
  const request = { url: trace.currentUrl, method: trace.currentMethod, headers: trace.currentHeaders ?? [] };
  return [...followed, { request, response: refused, refused: true }];
}

/**
 * The engine's view of a finished request, the preflight paired with it and those sent again
 * after its redirects.
 */
export function buildExchange(
  actual: RequestTrace,
  preflight: RequestTrace | null,
  hopPreflights: readonly RequestTrace[] = [],
): Exchange {
  const headers = actual.firstHeaders ?? (preflight === null ? [] : headersFromPreflight(preflight));
  const refused = refusedRedirect(actual);
  return {
    initiatorOrigin: actual.initiator === null ? null : originOf(actual.initiator),
    request: { url: actual.url, method: actual.method, headers },
    resourceType: actual.resourceType,
    credentialsMode: 'unknown',
    mode: 'unknown',
    preflight: preflightObservation(actual, preflight),
    redirects: redirectsOf(actual, refused, hopPreflights),
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

/**
 * The request left the initiator's origin somewhere: at its URL or at a URL a redirect took it to
 * (a same-origin request redirected to another origin is a CORS request from there on).
 */
export function leavesOrigin(initiatorOrigin: string, exchange: Exchange): boolean {
  // An opaque origin (`null`) is same origin with nothing.
  if (!isSameOrigin(initiatorOrigin, exchange.request.url)) return true;
  return exchange.redirects.some((hop) => {
    const location = getHeader(hop.response.headers, 'location');
    const next = location === null ? null : resolveLocation(location, hop.request.url);
    return !isSameOrigin(initiatorOrigin, hop.request.url) || (next !== null && !isSameOrigin(initiatorOrigin, next));
  });
}
