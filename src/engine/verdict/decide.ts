/**
 * One reading of an exchange (credentials included or not), in Chromium's order:
 * network error → scheme → mode → Local Network Access → preflight → redirects → response.
 */
import { type CheckFailure, corsDisabledSchemeFailure, disallowedByModeFailure } from './check-failure';
import { type RecordCheck, recorderFor } from './check-trail';
import { corsCheck } from './cors-check';
import { blockedDecision, type Decision, plainDecision, statusOf } from './decision';
import type { Exchange, PreflightObservation } from './exchange';
import { getHeader, hasHeader, isToken } from './header-list';
import { localNetworkDenied, localNetworkFailure, saysLocalNetwork, silentlyRefusedLocally } from './local-network';
import { classifyNetworkError } from './network-error';
import { isHttpScheme } from './origin';
import { corsPreflightCheck } from './preflight';
import { httpRedirectFetch } from './redirect';
import { preflightAsks, type RequestContext } from './request-context';
import { inCheckOrder } from './unsafe-request-headers';
import type { CheckStep } from './verdict-types';

export interface Reading {
  includeCredentials: boolean;
  authorizationExcludedFromWildcard: boolean;
}

function networkFailure(exchange: Exchange): Decision | null {
  const { preflight } = exchange;
  if (
    preflight.kind === 'observed' &&
    preflight.response === null &&
    classifyNetworkError(preflight.error) === 'network'
  ) {
    // Chromium reports the preflight's own net error for the request, not a CORS error.
    return plainDecision('network-error', 'CORS-preflight fetch 6 (network error)', 'preflight', {
      networkError: preflight.error,
    });
  }
  const errorClass = classifyNetworkError(exchange.networkError);
  if (errorClass === 'network' || (exchange.outcome === 'network-error' && errorClass === 'none')) {
    const stage = exchange.response === null ? 'request' : 'response';
    return plainDecision('network-error', 'fetch (network error)', stage, {
      networkError: exchange.networkError,
      status: statusOf(exchange.response),
    });
  }
  return null;
}

/**
 * A redirect whose 3xx fails the CORS check is a CORS block, whatever network error the request
 * then ended with: Firefox ends such a request in NS_ERROR_UNEXPECTED (or similar) where Chromium
 * says net::ERR_FAILED, and its console names the 3xx's failure (CORSMissingAllowOrigin).
 */
function refusedRedirect(
  exchange: Exchange,
  context: RequestContext,
  reading: Reading,
  trail: CheckStep[],
): Decision | null {
  if (exchange.redirects.length === 0 || context.mode !== 'cors') return null;
  const checks: CheckStep[] = [];
  const redirected = httpRedirectFetch(
    exchange.redirects,
    {
      origin: context.origin,
      mode: 'cors',
      includeCredentials: reading.includeCredentials,
      corsFlag: context.crossOrigin,
      tainted: false,
      currentUrl: exchange.request.url,
    },
    () => null,
    checks,
  );
  if (redirected.kind !== 'blocked' || redirected.stage !== 'redirect') return null;
  trail.push(...checks);
  return blockedDecision(redirected.failure, 'redirect', redirected.status, redirected.index);
}

function noResponse(exchange: Exchange, context: RequestContext, finalUrl: string): Decision {
  // Redirected to a loopback or private address, and nothing came back from there.
  const lastHop = exchange.redirects.at(-1);
  const followed = lastHop !== undefined && lastHop.refused !== true;
  if (followed && (saysLocalNetwork(exchange) || silentlyRefusedLocally(exchange, finalUrl))) {
    const reason = 'the redirect led to a loopback/private address and nothing came back from it';
    return blockedDecision(localNetworkFailure(reason), 'request', null, exchange.redirects.length - 1);
  }
  // Every CORS check passed and no response came: only a source that knows the failure was not
  // CORS says so (outcome 'network-error'); from webRequest's net::ERR_FAILED alone, a redirect
  // refused by `redirect: 'error'` stays undecided.
  if (exchange.outcome === 'network-error') {
    return plainDecision('network-error', 'fetch (network error after the CORS checks passed)', 'request', {
      networkError: exchange.networkError,
    });
  }
  const preflightUnseen = context.needsPreflight && exchange.preflight.kind !== 'observed';
  return preflightUnseen
    ? plainDecision('unknown', 'CORS-preflight fetch (needed, but not captured)', 'preflight')
    : plainDecision('unknown', 'HTTP fetch (no response captured)', 'response');
}

/**
 * Judges an observed preflight for the request's serialized origin at that point; null when it
 * lets the request through. What it asked for (method, header names) comes from the preflight
 * itself where it carries Access-Control-Request-*, else from the actual request.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
function preflightFailure(
  preflight: PreflightObservation,
  context: RequestContext,
  reading: Reading,
  origin: string,
  record: RecordCheck,
): { failure: CheckFailure; status: number | null } | null {
  if (preflight.kind !== 'observed') return null;
  if (preflight.response === null) {
    const failure: CheckFailure = {
      code: 'InvalidResponse',
      failedParameter: '',
      header: null,
      specStep: 'CORS-preflight fetch 8',
    };
    return { failure, status: null };
  }
  const asked = preflightAsks(preflight.request);
  return corsPreflightCheck(
    {
      response: preflight.response,
      method: asked?.method ?? context.method,
      unsafeHeaderNames:
        asked === null ? context.unsafeHeaderNames : inCheckOrder(asked.headerNames, context.unsafeHeaderNames),
      hasAuthorization: context.hasAuthorization,
      origin,
      includeCredentials: reading.includeCredentials,
      authorizationExcludedFromWildcard: reading.authorizationExcludedFromWildcard,
    },
    record,
  );
}

function passedStep(headers: Exchange['request']['headers'], includeCredentials: boolean): string {
  if (getHeader(headers, 'access-control-allow-origin') === '*') return 'CORS check 3';
  return includeCredentials ? 'CORS check 7' : 'CORS check 5';
}

/**
 * Decides one reading of the exchange, with the checks it made in the order it made them.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 */
export function decide(exchange: Exchange, context: RequestContext, reading: Reading): Decision {
  const trail: CheckStep[] = [];
  return { ...decideReading(exchange, context, reading, trail), trail };
}

function decideReading(exchange: Exchange, context: RequestContext, reading: Reading, trail: CheckStep[]): Decision {
  const failedOnNetwork = networkFailure(exchange);
  if (failedOnNetwork !== null) return refusedRedirect(exchange, context, reading, trail) ?? failedOnNetwork;
  const { request } = exchange;
  const { url, crossOrigin } = context;
  if (url === null) return plainDecision('unknown', 'main fetch (request URL could not be parsed)', 'request');
  // fetch() and XHR throw on a method or header name that is not a token, so such a request never
  // reached the network: whatever the capture says about it cannot be a browser's CORS verdict.
  if (!isToken(request.method)) return plainDecision('unknown', 'fetch (request method is not a token)', 'request');
  if (request.headers.some(([name]) => !isToken(name))) {
    return plainDecision('unknown', 'fetch (a request header name is not a token)', 'request');
  }
  const { mode, origin } = context;
  if (mode === 'navigate' || mode === 'websocket')
    return plainDecision('not-cors', `main fetch (mode "${mode}")`, null);
  if (crossOrigin && mode !== 'no-cors' && !isHttpScheme(url)) {
    if (url.scheme === 'data') return plainDecision('not-cors', 'scheme fetch (data: URL, basic response)', null);
    return blockedDecision(corsDisabledSchemeFailure(), 'request', null);
  }
  if (crossOrigin && mode === 'same-origin') return blockedDecision(disallowedByModeFailure(), 'request', null);
  const deniedLocally = localNetworkDenied(exchange);
  if (deniedLocally !== null) return deniedLocally;
  if (mode === 'no-cors') return plainDecision('not-cors', 'main fetch (mode "no-cors": opaque response)', null);
  const { includeCredentials } = reading;
  let passedPreflight = null;
  const { preflight } = exchange;
  const checkPreflight = (observed: PreflightObservation, requestOrigin: string, record: RecordCheck) =>
    preflightFailure(observed, context, reading, requestOrigin, record);
  if (crossOrigin && preflight.kind === 'observed') {
    const failed = checkPreflight(preflight, origin, recorderFor(trail, { kind: 'preflight', afterRedirect: null }));
    if (failed !== null) return blockedDecision(failed.failure, 'preflight', failed.status);
    passedPreflight = preflight.response;
  }
  const redirected = httpRedirectFetch(
    exchange.redirects,
    { origin, mode, includeCredentials, corsFlag: crossOrigin, tainted: false, currentUrl: request.url },
    checkPreflight,
    trail,
  );
  if (redirected.kind === 'blocked') {
    return blockedDecision(redirected.failure, redirected.stage, redirected.status, redirected.index);
  }
  if (redirected.kind === 'network-error') {
    return plainDecision('network-error', 'HTTP-redirect fetch (network error)', 'redirect', {
      networkError: redirected.networkError,
      status: redirected.status,
      redirectIndex: redirected.index,
    });
  }
  const { state } = redirected;
  if (!state.corsFlag) return plainDecision('not-cors', 'main fetch (same origin: basic response)', null);
  const { response } = exchange;
  if (response === null) return noResponse(exchange, context, state.currentUrl);
  const status = statusOf(response);
  const record = recorderFor(trail, { kind: 'response' });
  const failure = corsCheck(response.headers, state.tainted ? 'null' : origin, includeCredentials, record);
  if (failure !== null) {
    const revalidation =
      status === 304 &&
      (hasHeader(request.headers, 'if-none-match') || hasHeader(request.headers, 'if-modified-since'));
    if (revalidation) {
      // Chromium CORS-checks a 304 against the stored response, which the capture does not hold.
      return plainDecision(
        'unknown',
        'HTTP-network-or-cache fetch (304 revalidation: stored response not captured)',
        'response',
        { status },
      );
    }
    return { ...blockedDecision(failure, 'response', status), tainted: state.tainted, passedPreflight };
  }
  return {
    ...plainDecision('unknown', passedStep(response.headers, includeCredentials), 'response', { status }),
    kind: 'passed',
    readableResponse: response,
    passedPreflight,
    tainted: state.tainted,
  };
}
