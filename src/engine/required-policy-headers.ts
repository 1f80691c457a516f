import type { Exchange, HeaderList } from './exchange';
import { splitHeaderList } from './header-list';
import { findHeader } from './required-policy-origin';
import { corsUnsafeRequestHeaderNames } from './unsafe-request-headers';
import type { Verdict } from './verdict-types';

/**
 * Added below the CORS layer, so never in need of Access-Control-Allow-Headers: `if-none-match`,
 * `if-modified-since` and `cache-control` come from the HTTP cache on revalidation (Chromium skips
 * them when `is_revalidating`), DevTools' "Disable cache" adds `cache-control` and `pragma`, and
 * the network stack adds `priority`.
 */
const ADDED_BELOW_CORS = new Set(['cache-control', 'if-modified-since', 'if-none-match', 'pragma', 'priority']);

function unsafeNames(headers: HeaderList): string[] {
  return corsUnsafeRequestHeaderNames(headers.filter(([name]) => !ADDED_BELOW_CORS.has(name.trim().toLowerCase())));
}

/**
 * The non-safelisted request-header names, lowercase and sorted, that the preflight must allow:
 * the preflight's own `Access-Control-Request-Headers` when it was captured (the browser's list is
 * authoritative), else computed from the request's headers.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function requiredPolicyHeaders(exchange: Exchange, verdict: Verdict): string[] {
  const preflight = exchange.preflight;
  const requested =
    preflight.kind === 'observed' ? findHeader(preflight.request.headers, 'access-control-request-headers') : null;
  const names =
    preflight.kind === 'observed'
      ? splitHeaderList(requested ?? '').map((name) => name.toLowerCase())
      : unsafeNames(exchange.request.headers);
  if (verdict.code === 'HeaderDisallowedByPreflightResponse' && verdict.failedParameter !== '') {
    names.push(verdict.failedParameter.trim().toLowerCase());
  }
  return [...new Set(names)].sort();
}
