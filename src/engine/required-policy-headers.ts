import type { Exchange, HeaderList } from './exchange';
import { findHeader } from './required-policy-origin';
import type { Verdict } from './verdict-types';

/**
 * Headers the browser adds itself (forbidden request-header names and friends), which never need
 * Access-Control-Allow-Headers. `if-none-match`, `if-modified-since` and `cache-control` come from the
 * HTTP cache on revalidation (Chromium skips them when `is_revalidating`), and DevTools' "Disable
 * cache" adds `cache-control` and `pragma` below the CORS layer.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
const BROWSER_SET = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'cache-control',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'if-modified-since',
  'if-none-match',
  'keep-alive',
  'origin',
  'pragma',
  'priority',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** Client hints Chromium safelists (seen in Chromium 156: no preflight for them). */
const CLIENT_HINTS = new Set(['dpr', 'device-memory', 'downlink', 'rtt', 'viewport-width', 'width']);

const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * A deliberately small reading of "CORS-safelisted request-header": name plus the content-type
 * essence and the `range` shape. It only serves to propose a fix when no preflight was captured.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
function isSafelistedOrBrowserSet(name: string, value: string): boolean {
  if (BROWSER_SET.has(name) || CLIENT_HINTS.has(name)) return true;
  if (name.startsWith('sec-') || name.startsWith('proxy-')) return true;
  switch (name) {
    case 'accept':
    case 'accept-language':
    case 'content-language':
      return true;
    case 'content-type':
      return SAFELISTED_CONTENT_TYPES.has((value.split(';')[0] ?? '').trim().toLowerCase());
    case 'range':
      return /^bytes=\d+-\d*$/.test(value.trim());
    default:
      return false;
  }
}

function namesFromList(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

function unsafeNames(headers: HeaderList): string[] {
  return headers
    .map(([name, value]) => [name.trim().toLowerCase(), value] as const)
    .filter(([name, value]) => name !== '' && !isSafelistedOrBrowserSet(name, value))
    .map(([name]) => name);
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
  const names = preflight.kind === 'observed' ? namesFromList(requested ?? '') : unsafeNames(exchange.request.headers);
  if (verdict.code === 'HeaderDisallowedByPreflightResponse' && verdict.failedParameter !== '') {
    names.push(verdict.failedParameter.trim().toLowerCase());
  }
  return [...new Set(names)].sort();
}
