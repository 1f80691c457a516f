/**
 * Which request headers need the server's permission: the CORS-unsafe request-header names,
 * minus the forbidden request headers the browser itself adds (Chromium's
 * `CorsUnsafeNotForbiddenRequestHeaderNames`).
 */
import { asciiLowercase, asciiUppercase } from './ascii';
import type { HeaderList } from './exchange';
import { byteLength, splitHeaderList } from './header-list';
import { isCorsSafelistedRequestHeader, isSafelistableName } from './safelist';

/** Chromium's `kForbiddenHeaderFields` (net/http/http_util.cc), which still includes `user-agent`. */
const FORBIDDEN_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'access-control-request-private-network',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);
const METHOD_OVERRIDE_NAMES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const SAFELISTED_TOTAL_MAX_BYTES = 1024;

/**
 * A header the page cannot set, so the browser added it and it never needs permission.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  return isForbiddenLowercase(asciiLowercase(name), value);
}

function isForbiddenLowercase(lower: string, value: string): boolean {
  if (FORBIDDEN_NAMES.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (!METHOD_OVERRIDE_NAMES.has(lower)) return false;
  return splitHeaderList(value).some((method) => FORBIDDEN_METHODS.has(asciiUppercase(method)));
}

/**
 * The CORS-unsafe request-header names in the order Chromium checks them against
 * Access-Control-Allow-Headers: lowercased and deduplicated, in header-list order, the unsafe ones
 * first; when the safelisted values add up to more than 1024 bytes, those headers become unsafe too
 * and follow, again in header-list order (`CorsUnsafeNotForbiddenRequestHeaderNames` in Chromium's
 * services/network/cors/cors_util.cc). The first of them the preflight does not allow is the one
 * Chromium names.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function unsafeHeaderNamesInCheckOrder(headers: HeaderList): string[] {
  if (headers.length === 0) return [];
  const unsafe = new Set<string>();
  const safelisted: string[] = [];
  let safelistedBytes = 0;
  for (const [name, value] of headers) {
    const lower = asciiLowercase(name);
    if (isForbiddenLowercase(lower, value)) continue;
    if (isCorsSafelistedRequestHeader(lower, value)) {
      safelisted.push(lower);
      safelistedBytes += byteLength(value);
    } else {
      unsafe.add(lower);
    }
  }
  if (safelistedBytes > SAFELISTED_TOTAL_MAX_BYTES) for (const name of safelisted) unsafe.add(name);
  return [...unsafe];
}

/**
 * The CORS-unsafe request-header names, lowercased, deduplicated and sorted: what
 * `Access-Control-Request-Headers` carries.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  return unsafeHeaderNamesInCheckOrder(headers).sort();
}

/**
 * The names a preflight asked about (`Access-Control-Request-Headers`, sorted) in the order Chromium
 * checks them: as they come in `checkOrder` (the actual request's, see `unsafeHeaderNamesInCheckOrder`)
 * where they are there, the rest after them in the order asked, names that can be safelisted last.
 */
export function inCheckOrder(asked: readonly string[], checkOrder: readonly string[]): string[] {
  // Names the request does not show: a name that can be safelisted was most likely asked about
  // because the safelisted values went over 1024 bytes, and Chromium checks those last.
  const rank = (name: string) => {
    const index = checkOrder.indexOf(name);
    if (index >= 0) return index;
    return checkOrder.length + (isSafelistableName(name) ? 1 : 0);
  };
  return asked
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map(({ name }) => name);
}
