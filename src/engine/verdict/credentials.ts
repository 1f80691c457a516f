/**
 * What the capture proves about the credentials mode. webRequest never reports it, so the
 * engine reasons from what went on the wire and, failing that, from the outcome (see evaluate.ts).
 */

import { asciiLowercase } from './ascii';
import type { Exchange } from './exchange';
import { getHeader, hasHeader, splitHeaderList } from './header-list';
import type { CredentialsFinding } from './verdict-types';

/** A finding that is certain, or null when both readings must be tried. */
export type KnownCredentials = CredentialsFinding & { mode: 'include' | 'omit' };

function sentCookie(exchange: Exchange): boolean {
  if (hasHeader(exchange.request.headers, 'cookie')) return true;
  for (const hop of exchange.redirects) if (hasHeader(hop.request.headers, 'cookie')) return true;
  return false;
}

function authorizationSetByPage(exchange: Exchange): boolean {
  const { preflight } = exchange;
  if (preflight.kind === 'maybe-cached') return true;
  if (preflight.kind !== 'observed') return false;
  const listed = getHeader(preflight.request.headers, 'access-control-request-headers');
  return listed !== null && splitHeaderList(listed).some((name) => asciiLowercase(name) === 'authorization');
}

/**
 * The credentials mode when the capture proves it: declared by the source, or shown by a `Cookie`
 * header (which only a credentialed request carries) or an `Authorization` header the browser
 * added from its HTTP-auth cache. An `Authorization` the page set itself (listed in the
 * preflight's Access-Control-Request-Headers, or possibly behind a cached preflight) proves nothing.
 * `same-origin` sends no credentials cross-origin, so it reads as `omit`.
 * @see https://fetch.spec.whatwg.org/#concept-request-credentials-mode
 */
export function knownCredentials(exchange: Exchange): KnownCredentials | null {
  const declared = exchange.credentialsMode;
  if (declared === 'include') {
    return { mode: 'include', evidence: 'declared', note: "The capture declared credentials mode 'include'." };
  }
  if (declared === 'omit') {
    return { mode: 'omit', evidence: 'declared', note: "The capture declared credentials mode 'omit'." };
  }
  if (declared === 'same-origin') {
    const note =
      "The capture declared credentials mode 'same-origin', which sends no credentials cross-origin (read as 'omit').";
    return { mode: 'omit', evidence: 'declared', note };
  }
  if (sentCookie(exchange)) {
    const note = "The request sent a Cookie header, so its credentials mode was 'include'.";
    return { mode: 'include', evidence: 'sent-credentials', note };
  }
  if (hasHeader(exchange.request.headers, 'authorization') && !authorizationSetByPage(exchange)) {
    const note =
      "The request carried an Authorization header the page did not set (it was not in the preflight's " +
      "Access-Control-Request-Headers), so the browser added it from its HTTP-auth cache: credentials mode 'include'.";
    return { mode: 'include', evidence: 'sent-credentials', note };
  }
  return null;
}
