import { advisedUnexposedHeaders } from '../verdict/advisories';
import { checkedPreflight } from '../verdict/decision';
import type { Exchange, HeaderList } from '../verdict/exchange';
import { getHeader, splitHeaderList } from '../verdict/header-list';
import { isCorsSafelistedMethod, normalizeMethod } from '../verdict/method';
import { originOf, resolveLocation } from '../verdict/origin';
import { taintsOrigin } from '../verdict/redirect';
import { corsUnsafeRequestHeaderNames } from '../verdict/unsafe-request-headers';
import type { CorsErrorCode, Verdict } from '../verdict/verdict-types';
import type { OriginRedirect, RequiredPolicy, ServerOrigins } from './fix-types';

/** One request of the actual request's redirect chain and the `Origin` it carried. */
interface ChainRequest {
  /** The serialized origin of the request's URL, i.e. the server that answered it; null when unparsable. */
  server: string | null;
  /** The `Origin` it carried: as captured on the wire when the capture has it, else as Fetch serializes it. */
  origin: string;
  /** Fetch's tainted origin flag was set by then, so the request carried `Origin: null`. */
  tainted: boolean;
}

/** The requests of the chain, and the redirect that set the tainted origin flag (the origins it left and led to). */
export interface RequestChain {
  requests: ChainRequest[];
  taintedBy: OriginRedirect | null;
}

function initiatorOf(exchange: Exchange): string {
  return exchange.initiatorOrigin ?? getHeader(exchange.request.headers, 'origin') ?? '';
}

/**
 * Every request of the actual request's chain in order: the first, each redirect's, and the one
 * the last `Location` leads to (made once that redirect is allowed, even if this capture stopped
 * before it). Fetch's redirect-taint: a redirect taints the request when it leads to another
 * origin from a URL that is not the request's own origin; a tainted request sends `Origin: null`.
 * Chromium 156 was seen doing this even when the chain comes back to the page's own origin.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
export function requestChain(exchange: Exchange): RequestChain {
  const initiator = initiatorOf(exchange);
  const { redirects } = exchange;
  const urls = redirects.length === 0 ? [exchange.request.url] : redirects.map((hop) => hop.request.url);
  const last = redirects[redirects.length - 1];
  const location = last === undefined ? null : getHeader(last.response.headers, 'location');
  if (location !== null) urls.push(location);
  const requests: ChainRequest[] = [];
  let taintedBy: RequestChain['taintedBy'] = null;
  let previous: string | null = null;
  let previousUrl: string | null = null;
  let tainted = false;
  urls.forEach((url, index) => {
    const server = serverOf(url, previousUrl);
    if (!tainted && previous !== null && server !== null && taintsOrigin(initiator, previous, server)) {
      tainted = true;
      // An opaque page sends `Origin: null` from the start: no redirect is to blame.
      if (initiator !== 'null') taintedBy = { from: previous, to: server };
    }
    previous = server ?? previous;
    previousUrl = server === null ? previousUrl : url;
    const hop = redirects[index];
    const sent = hop === undefined ? null : getHeader(hop.request.headers, 'origin');
    requests.push({ server, origin: sent !== null && sent !== '' ? sent : tainted ? 'null' : initiator, tainted });
  });
  return { requests, taintedBy };
}

/**
 * The origin the server must allow for the check that failed: the browser's own `Origin` header when
 * the failing hop's request was captured, else the initiator's origin, or `null` (the string) once a
 * redirect left an origin other than the request's own.
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
function requiredPolicyOrigin(exchange: Exchange, verdict: Verdict, chain: RequestChain): string {
  const initiator = initiatorOf(exchange);
  const preflight = checkedPreflight(verdict, exchange);
  if (verdict.stage === 'preflight' && preflight.kind === 'observed') {
    const sent = getHeader(preflight.request.headers, 'origin');
    if (sent !== null && sent !== '') return sent;
    return initiator;
  }
  if (verdict.stage === 'redirect' && verdict.redirectIndex !== null) {
    const request =
      verdict.redirectIndex < exchange.redirects.length ? chain.requests[verdict.redirectIndex] : undefined;
    return request?.origin ?? initiator;
  }
  if (verdict.stage === 'response' && exchange.redirects.length > 0) {
    return chain.requests[chain.requests.length - 1]?.tainted === true ? 'null' : initiator;
  }
  return initiator;
}

/**
 * Every origin one configuration answering the whole chain must allow: those the chain's requests
 * carried, in order, then the one the failing check needed, each once. Without a redirect it is the
 * failing check's alone: a capture's stray `Origin` header must not widen the allow-list.
 */
function requiredPolicyOrigins(exchange: Exchange, allowOrigin: string, chain: RequestChain): string[] {
  if (exchange.redirects.length === 0) return [allowOrigin];
  return [...new Set([...chain.requests.map((request) => request.origin), allowOrigin])];
}

/** Each server of a redirect chain with the origins its own requests carried, in order; empty without a redirect. */
function originsByServer(exchange: Exchange, chain: RequestChain): ServerOrigins[] {
  if (exchange.redirects.length === 0) return [];
  const byServer = new Map<string, string[]>();
  for (const { server, origin } of chain.requests) {
    if (server === null) continue;
    const origins = byServer.get(server) ?? [];
    if (!origins.includes(origin)) origins.push(origin);
    byServer.set(server, origins);
  }
  return [...byServer].map(([server, origins]) => ({ server, origins }));
}

/**
 * The server a request of the chain went to: the origin of its URL, a `Location` resolved against
 * the URL before it as the redirect check resolves it. Null when it has no tuple origin (an
 * unparsable or non-HTTP URL), so no server name is made up from it.
 */
function serverOf(url: string, previousUrl: string | null): string | null {
  const absolute = previousUrl === null ? url : resolveLocation(url, previousUrl);
  const origin = absolute === null ? 'null' : originOf(absolute);
  return origin === 'null' ? null : origin;
}

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
function requiredPolicyHeaders(exchange: Exchange, verdict: Verdict): string[] {
  const preflight = exchange.preflight;
  const requested =
    preflight.kind === 'observed' ? getHeader(preflight.request.headers, 'access-control-request-headers') : null;
  const names =
    preflight.kind === 'observed'
      ? splitHeaderList(requested ?? '').map((name) => name.toLowerCase())
      : unsafeNames(exchange.request.headers);
  if (verdict.code === 'HeaderDisallowedByPreflightResponse' && verdict.failedParameter !== '') {
    names.push(verdict.failedParameter.trim().toLowerCase());
  }
  return [...new Set(names)].sort();
}

/** Codes that only a credentialed request can produce. */
const CREDENTIALED_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'WildcardOriginNotAllowed',
  'PreflightWildcardOriginNotAllowed',
  'InvalidAllowCredentials',
  'PreflightInvalidAllowCredentials',
]);

/** Suggested Access-Control-Max-Age: long enough to spare most preflights, short enough to roll out a change. */
const MAX_AGE_SECONDS = 600;

function requiredMethods(exchange: Exchange, verdict: Verdict): string[] {
  const preflight = exchange.preflight;
  const requested =
    preflight.kind === 'observed' ? getHeader(preflight.request.headers, 'access-control-request-method') : null;
  const candidates = [requested !== null && requested.trim() !== '' ? requested.trim() : exchange.request.method];
  if (verdict.code === 'MethodDisallowedByPreflightResponse' && verdict.failedParameter !== '') {
    candidates.push(verdict.failedParameter);
  }
  const methods = candidates.map(normalizeMethod).filter((method) => method !== '' && !isCorsSafelistedMethod(method));
  return [...new Set(methods)];
}

function sentCredentials(exchange: Exchange): boolean {
  const requests = [exchange.request, ...exchange.redirects.map((hop) => hop.request)];
  return requests.some(
    (request) => getHeader(request.headers, 'cookie') !== null || getHeader(request.headers, 'authorization') !== null,
  );
}

/** The response headers the page could not read and plausibly wanted (the advisory's names, not its header). */
function exposeHeaders(exchange: Exchange, verdict: Verdict): string[] {
  const advised = verdict.advisories.some((advisory) => advisory.code === 'unexposed-response-headers');
  if (!advised || exchange.response === null) return [];
  return advisedUnexposedHeaders(exchange.response.headers, verdict.credentials.mode === 'include');
}

/**
 * What the server must allow for this exchange to pass: the exact origin (never `*`, so it also
 * works with credentials) and, after a redirect, every origin the chain's requests carried, credentials when the request carried or needed them, the request's
 * non-safelisted method and header names, and the response headers the page could not read.
 * Pure and total: it reads only the exchange and the verdict, and never throws.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
export function requiredPolicy(exchange: Exchange, verdict: Verdict): RequiredPolicy {
  const allowMethods = requiredMethods(exchange, verdict);
  const allowHeaders = requiredPolicyHeaders(exchange, verdict);
  const allowCredentials =
    verdict.credentials.mode === 'include' ||
    exchange.credentialsMode === 'include' ||
    (verdict.code !== null && CREDENTIALED_CODES.has(verdict.code)) ||
    sentCredentials(exchange);
  const chain = requestChain(exchange);
  const allowOrigin = requiredPolicyOrigin(exchange, verdict, chain);
  return {
    allowOrigin,
    allowOrigins: requiredPolicyOrigins(exchange, allowOrigin, chain),
    originsByServer: originsByServer(exchange, chain),
    nullOriginRedirect: chain.taintedBy,
    allowCredentials,
    allowMethods,
    allowHeaders,
    exposeHeaders: exposeHeaders(exchange, verdict),
    answerPreflight:
      allowMethods.length > 0 ||
      allowHeaders.length > 0 ||
      exchange.preflight.kind !== 'none' ||
      verdict.stage === 'preflight',
    varyOrigin: true,
    maxAgeSeconds: MAX_AGE_SECONDS,
  };
}
