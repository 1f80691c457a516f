/**
 * Rebuilds one engine Exchange from its HAR entries: the request, its redirect hops, and the
 * preflight paired with it. What HAR does not say (credentials mode, fetch mode) is inferred from
 * the wire only where the wire proves it, and left `unknown` otherwise for the engine to reason about.
 */
import type {
  CredentialsMode,
  Exchange,
  FetchMode,
  HttpResponse,
  ObservedOutcome,
  PreflightObservation,
  RedirectHop,
  ResourceType,
} from '../engine/exchange';
import { corsUnsafeRequestHeaderNames, isCorsSafelistedMethod, originOf } from '../engine/index';
import { headerValue } from './har-guards';
import type { EntryView } from './read-entry';

/** Chrome's and Firefox's error names for a response the browser withheld (CORS and similar policy blocks). */
const BLOCKED_ERRORS = new Set(['net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI', 'NS_ERROR_DOM_CORP_FAILED']);

const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  fetch: 'fetch',
  xhr: 'xmlhttprequest',
  xmlhttprequest: 'xmlhttprequest',
  image: 'image',
  img: 'image',
  script: 'script',
  stylesheet: 'stylesheet',
  font: 'font',
  media: 'media',
  ping: 'ping',
  beacon: 'ping',
  websocket: 'websocket',
  document: 'main_frame',
  main_frame: 'main_frame',
  sub_frame: 'sub_frame',
};

function resourceTypeOf(view: EntryView): ResourceType {
  return RESOURCE_TYPES[view.resourceType?.toLowerCase() ?? ''] ?? 'other';
}

/** A response when one reached the browser: a status above 0, or headers Chrome saw on a blocked response. */
export function responseOf(view: EntryView): HttpResponse | null {
  if (view.status <= 0 && view.responseHeaders.length === 0) return null;
  let status = view.status;
  // HTTP/2 raw headers carry `:status` even when DevTools reports 0 for a blocked response.
  if (status <= 0) status = Number(headerValue(view.responseHeaders, ':status') ?? '0') || 0;
  return { status, statusText: view.statusText, headers: view.responseHeaders };
}

export function outcomeOf(view: EntryView): ObservedOutcome {
  if (view.error !== null) return BLOCKED_ERRORS.has(view.error) ? 'blocked' : 'network-error';
  return view.status > 0 ? 'succeeded' : 'blocked';
}

/** The serialized origin of the page that made the request, from the wire; null when opaque or unknown. */
export function initiatorOriginOf(first: EntryView, preflight: EntryView | null): string | null {
  const origin =
    headerValue(first.requestHeaders, 'origin') ?? (preflight && headerValue(preflight.requestHeaders, 'origin'));
  if (origin !== null && origin !== undefined) return origin.trim() === 'null' ? null : origin.trim();
  const referer = headerValue(first.requestHeaders, 'referer');
  if (referer === null) return null;
  const fromReferer = originOf(referer);
  return fromReferer === 'null' ? null : fromReferer;
}

function credentialsModeOf(view: EntryView): CredentialsMode {
  const sent = headerValue(view.requestHeaders, 'cookie') ?? headerValue(view.requestHeaders, 'authorization');
  return sent === null ? 'unknown' : 'include';
}

function modeOf(
  first: EntryView,
  preflight: EntryView | null,
  type: ResourceType,
  crossOrigin: boolean,
  outcome: ObservedOutcome,
): FetchMode {
  if (type === 'main_frame' || type === 'sub_frame') return 'navigate';
  if (preflight !== null || headerValue(first.requestHeaders, 'origin') !== null) return 'cors';
  // Chromium puts `Origin` on every cross-origin CORS request: a captured one without it was no-cors.
  if (crossOrigin && outcome === 'succeeded' && first.requestHeaders.length > 0) return 'no-cors';
  return 'unknown';
}

function preflightOf(first: EntryView, preflight: EntryView | null, mode: FetchMode): PreflightObservation {
  if (preflight !== null) {
    return {
      kind: 'observed',
      request: { url: preflight.url, method: preflight.method, headers: preflight.requestHeaders },
      response: responseOf(preflight),
      error: preflight.error,
    };
  }
  if (mode !== 'cors') return { kind: 'none' };
  const needsOne =
    !isCorsSafelistedMethod(first.method) || corsUnsafeRequestHeaderNames(first.requestHeaders).length > 0;
  return needsOne ? { kind: 'maybe-cached' } : { kind: 'none' };
}

/** `chain` is the request then each later hop, in order; the last one is where the request ended. */
export function toExchange(chain: readonly EntryView[], preflight: EntryView | null): Exchange {
  const first = chain[0] as EntryView;
  const last = chain[chain.length - 1] as EntryView;
  const initiatorOrigin = initiatorOriginOf(first, preflight);
  const opaque = headerValue(first.requestHeaders, 'origin')?.trim() === 'null';
  const crossOrigin = opaque || (initiatorOrigin !== null && initiatorOrigin !== originOf(first.url));
  const outcome = outcomeOf(last);
  const resourceType = resourceTypeOf(first);
  const mode = modeOf(first, preflight, resourceType, crossOrigin, outcome);
  const redirects: RedirectHop[] = chain.slice(0, -1).map((hop) => ({
    request: { url: hop.url, method: hop.method, headers: hop.requestHeaders },
    response: responseOf(hop) ?? { status: hop.status, statusText: hop.statusText, headers: [] },
  }));
  let response = responseOf(last);
  // A 3xx that went nowhere: the browser stopped at that hop (a failed CORS check on the redirect).
  if (last.status >= 300 && last.status <= 399 && last.error !== null && response !== null) {
    redirects.push({ request: { url: last.url, method: last.method, headers: last.requestHeaders }, response });
    response = null;
  }
  return {
    initiatorOrigin,
    request: { url: first.url, method: first.method, headers: first.requestHeaders },
    resourceType,
    credentialsMode: credentialsModeOf(first),
    mode,
    preflight: preflightOf(first, preflight, mode),
    redirects,
    response,
    networkError: last.error,
    outcome,
  };
}
