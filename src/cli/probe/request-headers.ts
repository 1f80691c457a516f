/**
 * The header lists Chromium puts on a CORS request and on its preflight, from the page's own
 * (author) headers. Which headers need a preflight, and what the preflight asks for, come from the
 * engine: the probe only puts them on the wire.
 */
import {
  corsUnsafeRequestHeaderNames,
  getHeader,
  type HeaderList,
  type HttpRequest,
  hasHeader,
  isSameOrigin,
} from '../../engine';

/** What the page asked for: its author headers (plus the `Cookie` that stands for its cookie jar). */
export interface PageRequest {
  url: string;
  /** Serialized origin of the page. */
  origin: string;
  method: string;
  headers: HeaderList;
  /** Credentials mode `include` (fetch `credentials: 'include'`, XHR `withCredentials`). */
  credentials: boolean;
}

/** Where the request is in its redirect chain: its URL and how its `Origin` serialises there. */
export interface Hop {
  url: string;
  method: string;
  /** Author headers still on the request (a redirect can drop some). */
  headers: HeaderList;
  /** The tainted origin flag is set: `Origin: null`. */
  tainted: boolean;
}

/** Request headers that name the body; a redirect that turns the method into GET drops them with the body. */
const REQUEST_BODY_HEADER_NAMES = ['content-encoding', 'content-language', 'content-location', 'content-type'];

const without = (headers: HeaderList, names: readonly string[]): HeaderList =>
  headers.filter(([name]) => !names.includes(name.toLowerCase()));

/**
 * The author headers after a redirect: the body's headers go when the method became GET, and
 * `Authorization` goes when the redirect changes origin (Chromium's `RedirectUtil::UpdateHttpRequest`).
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
export function headersAfterRedirect(headers: HeaderList, from: Hop, toUrl: string, toMethod: string): HeaderList {
  let kept = headers;
  if (toMethod !== from.method && toMethod === 'GET') kept = without(kept, REQUEST_BODY_HEADER_NAMES);
  if (!isSameOrigin(from.url, toUrl)) kept = without(kept, ['authorization']);
  return kept;
}

function originValue(page: PageRequest, hop: Hop): string {
  return hop.tainted ? 'null' : page.origin;
}

/** Cookies stand for the page's cookie jar on the URL's host: they go only there, and only credentialed. */
function cookiesFor(page: PageRequest, url: string): HeaderList {
  if (!page.credentials) return [];
  const sameHost = new URL(page.url).hostname === new URL(url).hostname;
  return sameHost ? page.headers.filter(([name]) => name.toLowerCase() === 'cookie') : [];
}

/**
 * The request as Chromium sends it at `hop`: `Accept: *\/*` unless the page set one (fetch's
 * default), the author headers, `Origin` on a cross-origin request or a method other than GET/HEAD.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
export function actualRequest(page: PageRequest, hop: Hop, corsFlag: boolean, userAgent: string): HttpRequest {
  const authored = hop.headers.filter(([name]) => name.toLowerCase() !== 'cookie');
  const headers: (readonly [string, string])[] = [];
  if (!hasHeader(authored, 'accept')) headers.push(['Accept', '*/*']);
  headers.push(...authored);
  if (corsFlag || hop.tainted || (hop.method !== 'GET' && hop.method !== 'HEAD'))
    headers.push(['Origin', originValue(page, hop)]);
  headers.push(['User-Agent', userAgent], ...cookiesFor(page, hop.url));
  return { url: hop.url, method: hop.method, headers };
}

/**
 * The CORS preflight for the request at `hop`: OPTIONS with `Access-Control-Request-Method` and the
 * CORS-unsafe header names (lowercased, sorted, comma-joined), never credentials.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function preflightRequest(page: PageRequest, hop: Hop, userAgent: string): HttpRequest {
  const headers: [string, string][] = [
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', hop.method],
  ];
  const unsafe = corsUnsafeRequestHeaderNames(hop.headers);
  if (unsafe.length > 0) headers.push(['Access-Control-Request-Headers', unsafe.join(',')]);
  headers.push(['Origin', originValue(page, hop)], ['User-Agent', userAgent]);
  return { url: hop.url, method: 'OPTIONS', headers };
}

/** The `Location` of a redirect response the browser follows (301, 302, 303, 307, 308), or null. */
export function redirectLocation(status: number, headers: HeaderList): string | null {
  if (![301, 302, 303, 307, 308].includes(status)) return null;
  return getHeader(headers, 'location');
}
