/**
 * Rebuilds one engine Exchange from its HAR entries: the request, its redirect hops, and the
 * preflight paired with it. What HAR does not say (credentials mode, fetch mode) is inferred from
 * the wire only where the wire proves it, and left `unknown` otherwise for the engine to reason about.
 */
import type {
  Exchange,
  FetchMode,
  HttpResponse,
  ObservedOutcome,
  PreflightObservation,
  RedirectHop,
  ResourceType,
} from '../engine';
import {
  fetchMetadataMode,
  getHeader as headerValue,
  isHttpScheme,
  needsPreflight,
  originOf,
  outcomeOfError,
  parseUrl,
} from '../engine';
import { redirectTarget } from './follow-redirects';
import type { EntryView } from './read-entry';

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
  // Without its response, a Playwright failure may be a CORS block or anything that ends the same way.
  if (view.failedResponseUnrecorded && view.error !== null && outcomeOfError(view.error) === 'blocked')
    return 'unknown';
  if (view.error !== null) return outcomeOfError(view.error);
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

function modeOf(
  first: EntryView,
  preflight: EntryView | null,
  type: ResourceType,
  crossOrigin: boolean,
  outcome: ObservedOutcome,
): FetchMode {
  if (type === 'main_frame' || type === 'sub_frame') return 'navigate';
  // The browser's own Sec-Fetch-Mode says it (a no-cors POST sends Origin too).
  const announced = fetchMetadataMode(first.requestHeaders);
  if (announced !== null) return announced;
  if (preflight !== null || headerValue(first.requestHeaders, 'origin') !== null) return 'cors';
  // Chromium puts `Origin` on every cross-origin CORS request: a captured one without it was no-cors.
  if (crossOrigin && outcome === 'succeeded' && first.requestHeaders.length > 0) return 'no-cors';
  return 'unknown';
}

function observedPreflight(preflight: EntryView): PreflightObservation {
  return {
    kind: 'observed',
    request: { url: preflight.url, method: preflight.method, headers: preflight.requestHeaders },
    response: responseOf(preflight),
    error: preflight.error,
  };
}

function preflightOf(first: EntryView, preflight: EntryView | null, mode: FetchMode): PreflightObservation {
  if (preflight !== null) return observedPreflight(preflight);
  if (mode !== 'cors') return { kind: 'none' };
  return needsPreflight(first.method, first.requestHeaders) ? { kind: 'maybe-cached' } : { kind: 'none' };
}

function stoppedAtRedirect(view: EntryView): boolean {
  return view.status >= 300 && view.status <= 399 && view.error !== null;
}

/** A 3xx to a URL that is not HTTP(S): the Network panel exports only http(s) requests. */
function leftForUnexportedScheme(view: EntryView): boolean {
  const target = redirectTarget(view);
  const url = target === null ? null : parseUrl(target);
  return url !== null && !isHttpScheme(url);
}

/**
 * `chain` is the request then each later hop, in order; the last one is where the request ended.
 * `hopPreflights[i]` is the preflight sent again for `chain[i + 1]`, if any.
 */
export function toExchange(
  chain: readonly EntryView[],
  preflight: EntryView | null,
  hopPreflights: readonly (EntryView | null)[] = [],
): Exchange {
  const first = chain[0] as EntryView;
  const last = chain[chain.length - 1] as EntryView;
  const initiatorOrigin = initiatorOriginOf(first, preflight);
  const opaque = headerValue(first.requestHeaders, 'origin')?.trim() === 'null';
  const crossOrigin = opaque || (initiatorOrigin !== null && initiatorOrigin !== originOf(first.url));
  const outcome = outcomeOf(last);
  const resourceType = resourceTypeOf(first);
  const mode = modeOf(first, preflight, resourceType, crossOrigin, outcome);
  const redirects: RedirectHop[] = chain.slice(0, -1).map((hop, index) => {
    const again = hopPreflights[index] ?? null;
    return {
      request: { url: hop.url, method: hop.method, headers: hop.requestHeaders },
      response: responseOf(hop) ?? { status: hop.status, statusText: hop.statusText, headers: [] },
      ...(again === null ? {} : { nextPreflight: observedPreflight(again) }),
    };
  });
  let response = responseOf(last);
  // A 3xx that went nowhere: the browser stopped at that hop (a failed CORS check on the redirect),
  // or followed it to a scheme whose request DevTools does not export (ftp:, a custom scheme).
  if (response !== null && (stoppedAtRedirect(last) || leftForUnexportedScheme(last))) {
    const request = { url: last.url, method: last.method, headers: last.requestHeaders };
    redirects.push({ request, response, ...(stoppedAtRedirect(last) ? { refused: true } : {}) });
    response = null;
  }
  return {
    initiatorOrigin,
    request: { url: first.url, method: first.method, headers: first.requestHeaders },
    resourceType,
    // HAR does not say the credentials mode; what the wire proves (a Cookie, an Authorization the
    // page did not set) the engine reads itself (knownCredentials).
    credentialsMode: 'unknown',
    mode,
    preflight: preflightOf(first, preflight, mode),
    redirects,
    response,
    networkError: last.error,
    outcome,
  };
}
