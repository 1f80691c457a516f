/**
 * Which request headers need the server's permission: the CORS-unsafe request-header names,
 * minus the forbidden request headers the browser itself adds (Chromium's
 * `CorsUnsafeNotForbiddenRequestHeaderNames`).
 */
import { asciiLowercase, asciiUppercase } from './ascii';
import type { HeaderList } from './exchange';
import { byteLength, splitHeaderList } from './header-list';
import { isCorsSafelistedRequestHeader } from './safelist';

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
 * The CORS-unsafe request-header names: lowercased, deduplicated, sorted. When the safelisted
 * values add up to more than 1024 bytes, those headers become unsafe too.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
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
  return [...unsafe].sort();
}
