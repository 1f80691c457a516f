/**
 * Fixes that belong in the page, not on the server: cases no server configuration can make work,
 * shown before the server snippet so that the user changes the right side first.
 */
import { asciiUppercase } from '../verdict/ascii';
import type { Exchange } from '../verdict/exchange';
import { getHeader } from '../verdict/header-list';
import { isSentWithLowercase } from '../verdict/method';
import { locationUrl } from '../verdict/origin';
import { REDIRECT_STATUSES } from '../verdict/preflight';
import { quoted } from './safe-text';

export interface PageFix {
  /** One line: what to change in the page. */
  summary: string;
  /** Why no server change can do it, with the real values. */
  detail: string;
}

/**
 * A method fetch() does not normalise (`patch`) goes out in lowercase; Node's HTTP parser and
 * nginx answer it with 400 before any CORS code runs, so even a preflight that allows it is
 * followed by a failing request. The page must send the method in uppercase.
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
function lowercaseMethodFix(method: string): PageFix | null {
  if (!isSentWithLowercase(method)) return null;
  const upper = asciiUppercase(method);
  return {
    summary: `Send ${quoted(upper)} from the page, not ${quoted(method)}.`,
    detail:
      `fetch() and XMLHttpRequest uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT, so ${quoted(method)} ` +
      "is sent as written. Most servers (Node's HTTP parser, nginx) refuse a lowercase method with 400 before any " +
      `CORS code runs, so no server configuration fixes this: write method: ${quoted(upper)} in the page's request.`,
  };
}

/**
 * A preflight answered with a redirect (a trailing slash, http to https, a canonical host) fails
 * whatever CORS headers it carries: browsers never follow a redirect for a preflight. The page
 * calling the final URL needs no redirect at all; a server could only stop redirecting OPTIONS.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
function preflightRedirectFix(exchange: Exchange): PageFix | null {
  const { preflight } = exchange;
  if (preflight.kind !== 'observed' || preflight.response === null) return null;
  const { status, headers } = preflight.response;
  const location = getHeader(headers, 'location');
  if (!REDIRECT_STATUSES.has(status) || location === null) return null;
  const target = locationUrl(location, preflight.request.url) ?? location;
  return {
    summary: `Request ${quoted(target)} from the page, not ${quoted(preflight.request.url)}.`,
    detail:
      `The preflight (OPTIONS) was answered ${status} with Location ${quoted(location)}, and browsers never follow a ` +
      'redirect for a preflight, whatever CORS headers it carries. Call the final URL directly so that no redirect ' +
      'happens (or make the server answer OPTIONS before it redirects); the snippet below covers the final URL.',
  };
}

/** The change the page itself must make for this request, or null when the server alone can fix it. */
export function pageFix(exchange: Exchange): PageFix | null {
  return lowercaseMethodFix(exchange.request.method) ?? preflightRedirectFix(exchange);
}
