import { advisedUnexposedHeaders } from './advisories';
import type { Exchange } from './exchange';
import type { RequiredPolicy } from './explanation-types';
import { requiredPolicyHeaders } from './required-policy-headers';
import {
  findHeader,
  originsByServer,
  requestChain,
  requiredPolicyOrigin,
  requiredPolicyOrigins,
} from './required-policy-origin';
import type { CorsErrorCode, Verdict } from './verdict-types';

/** Only these methods are uppercased by fetch()/XHR; `patch` stays `patch`. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** Codes that only a credentialed request can produce. */
const CREDENTIALED_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'WildcardOriginNotAllowed',
  'PreflightWildcardOriginNotAllowed',
  'InvalidAllowCredentials',
  'PreflightInvalidAllowCredentials',
]);

/** Suggested Access-Control-Max-Age: long enough to spare most preflights, short enough to roll out a change. */
const MAX_AGE_SECONDS = 600;

/** @see https://fetch.spec.whatwg.org/#concept-method-normalize */
function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

function requiredMethods(exchange: Exchange, verdict: Verdict): string[] {
  const preflight = exchange.preflight;
  const requested =
    preflight.kind === 'observed' ? findHeader(preflight.request.headers, 'access-control-request-method') : null;
  const candidates = [requested !== null && requested.trim() !== '' ? requested.trim() : exchange.request.method];
  if (verdict.code === 'MethodDisallowedByPreflightResponse' && verdict.failedParameter !== '') {
    candidates.push(verdict.failedParameter);
  }
  const methods = candidates.map(normalizeMethod).filter((method) => method !== '' && !SAFELISTED_METHODS.has(method));
  return [...new Set(methods)];
}

function sentCredentials(exchange: Exchange): boolean {
  const requests = [exchange.request, ...exchange.redirects.map((hop) => hop.request)];
  return requests.some(
    (request) =>
      findHeader(request.headers, 'cookie') !== null || findHeader(request.headers, 'authorization') !== null,
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
