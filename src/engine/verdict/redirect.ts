/**
 * Following the actual request's redirects as Chromium's `CorsURLLoader::OnReceiveRedirect`
 * does: CORS-check the 3xx itself → redirect count → Location credentials → taint → CORS flag →
 * the new URL's scheme and mode → its new preflight.
 */
import { type CheckFailure, corsDisabledSchemeFailure, disallowedByModeFailure } from './check-failure';
import { type RecordCheck, recorderFor } from './check-trail';
import { corsCheck } from './cors-check';
import { splitTruncation } from './cut-value';
import { statusOf } from './decision';
import type { PreflightObservation, RedirectHop } from './exchange';
import { getHeader } from './header-list';
import { isHttpScheme, isSameOrigin, parseUrl, resolveLocation, withoutCredentials } from './origin';
import type { CheckStep } from './verdict-types';

/**
 * The method of the request a redirect leads to: 301 and 302 turn a POST into a GET, 303 turns
 * anything but HEAD into a GET; otherwise it stays.
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch (step 12)
 */
export function methodAfterRedirect(status: number, method: string): string {
  if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'HEAD')) return 'GET';
  return method;
}

/**
 * Whether following a redirect from `currentUrl` to `locationUrl` sets the request's tainted origin
 * flag (its `Origin` serialises as `null` from then on): the hop changes origin while the request
 * is already away from its own origin `origin`.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 */
export function taintsOrigin(origin: string, currentUrl: string, locationUrl: string): boolean {
  return !isSameOrigin(locationUrl, currentUrl) && !isSameOrigin(origin, currentUrl);
}

/** Chromium fails the 21st redirect with net::ERR_TOO_MANY_REDIRECTS. */
export const MAX_REDIRECTS = 20;
const UNSAFE_REDIRECT_SCHEMES = new Set(['data', 'file']);

export interface RedirectState {
  /** Serialized origin of the request's client. */
  origin: string;
  /** Mode is `cors` (or treated as such); `same-origin` fails on a cross-origin hop instead. */
  mode: 'cors' | 'same-origin';
  includeCredentials: boolean;
  corsFlag: boolean;
  tainted: boolean;
  currentUrl: string;
}

export type RedirectOutcome =
  | { kind: 'followed'; state: RedirectState }
  /**
   * `stage` says which check failed: `redirect` the 3xx itself (its CORS check, its Location);
   * `request` the request it led to (its scheme or mode); `preflight` that request's new preflight.
   */
  | {
      kind: 'blocked';
      index: number;
      failure: CheckFailure;
      status: number | null;
      stage: 'redirect' | 'request' | 'preflight';
    }
  | { kind: 'network-error'; index: number; networkError: string; status: number | null };

/**
 * Judges the preflight a redirected request was sent again (`RedirectHop.nextPreflight`) for the
 * request's serialized origin at that point (`null` once tainted); null when it lets the request on.
 */
export type RedirectPreflightCheck = (
  preflight: PreflightObservation,
  origin: string,
  record: RecordCheck,
) => { failure: CheckFailure; status: number | null } | null;

/**
 * Walks `hops` from `start`; returns the state after the last hop, or the hop that failed. Each
 * check made is appended to `trail` as it is made.
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
export function httpRedirectFetch(
  hops: readonly RedirectHop[],
  start: RedirectState,
  checkPreflight: RedirectPreflightCheck,
  trail: CheckStep[],
): RedirectOutcome {
  const state = { ...start };
  for (let index = 0; index < hops.length; index++) {
    const hop = hops[index];
    if (hop === undefined) break;
    const status = statusOf(hop.response);
    const requestUrl = hop.request.url === '' ? state.currentUrl : hop.request.url;
    // HTTP fetch: if the CORS flag is set and a CORS check for request and response returns failure, network error.
    if (state.corsFlag && state.mode === 'cors') {
      const origin = state.tainted ? 'null' : state.origin;
      const record = recorderFor(trail, { kind: 'redirect', index });
      const failure = corsCheck(hop.response.headers, origin, state.includeCredentials, record);
      if (failure !== null) return { kind: 'blocked', index, failure, status, stage: 'redirect' };
    }
    // If request's redirect count is 20, return a network error.
    if (index >= MAX_REDIRECTS)
      return { kind: 'network-error', index, networkError: 'net::ERR_TOO_MANY_REDIRECTS', status };
    const location = getHeader(hop.response.headers, 'location');
    // A Location the capture cut is followed by its kept prefix, which holds what is judged here
    // (scheme, credentials, origin) unless the cut fell inside them.
    const next =
      location !== null
        ? resolveLocation(splitTruncation(location).kept, requestUrl)
        : (hops[index + 1]?.request.url ?? null);
    if (next === null) {
      if (location !== null) return { kind: 'network-error', index, networkError: 'net::ERR_INVALID_REDIRECT', status };
      state.currentUrl = requestUrl;
      continue;
    }
    const parsed = parseUrl(next);
    if (parsed === null) return { kind: 'network-error', index, networkError: 'net::ERR_INVALID_REDIRECT', status };
    const hasCredentials = parsed.username !== '' || parsed.password !== '';
    // A location URL with credentials fails a CORS request that is or becomes cross-origin.
    const crossOrigin = state.tainted || !isSameOrigin(state.origin, next);
    if (hasCredentials && (state.corsFlag || (state.mode === 'cors' && crossOrigin))) {
      const required = withoutCredentials(next);
      const received = location ?? next;
      const record = recorderFor(trail, { kind: 'redirect', index });
      record({ header: 'location', required, wildcardAllowed: false, received }, 'failed');
      const failure: CheckFailure = {
        code: 'RedirectContainsCredentials',
        failedParameter: '',
        header: { name: 'location', expected: required, received },
        specStep: 'HTTP-redirect fetch (location URL includes credentials)',
      };
      return { kind: 'blocked', index, failure, status, stage: 'redirect' };
    }
    // Chromium's network layer refuses redirects to data: and file: (net::ERR_UNSAFE_REDIRECT).
    if (UNSAFE_REDIRECT_SCHEMES.has(parsed.scheme)) {
      return { kind: 'network-error', index, networkError: 'net::ERR_UNSAFE_REDIRECT', status };
    }
    // Cross-origin hop while already cross-origin: set the tainted origin flag (`Origin: null` from now on).
    if (taintsOrigin(state.origin, requestUrl, next)) state.tainted = true;
    if (!isSameOrigin(state.origin, next)) state.corsFlag = true;
    // The restarted request checks the scheme, then the mode (CorsURLLoader::StartRequest).
    // It follows the redirect (DevTools lists the new URL as a request of its own) and fails there.
    if (state.corsFlag && !isHttpScheme(parsed)) {
      return { kind: 'blocked', index, failure: corsDisabledSchemeFailure(), status, stage: 'request' };
    }
    if (state.corsFlag && state.mode === 'same-origin') {
      return { kind: 'blocked', index, failure: disallowedByModeFailure(), status, stage: 'request' };
    }
    // A request that needed a preflight is preflighted again at its new URL (CorsURLLoader::FollowRedirect).
    if (state.corsFlag && hop.nextPreflight !== undefined) {
      const record = recorderFor(trail, { kind: 'preflight', afterRedirect: index });
      const failed = checkPreflight(hop.nextPreflight, state.tainted ? 'null' : state.origin, record);
      if (failed !== null) return { kind: 'blocked', index, ...failed, stage: 'preflight' };
    }
    state.currentUrl = next;
  }
  return { kind: 'followed', state };
}
