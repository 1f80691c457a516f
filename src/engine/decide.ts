/**
 * One reading of an exchange (credentials included or not), in Chromium's order:
 * network error → scheme → mode → Local Network Access → preflight → redirects → response.
 */
import { corsDisabledSchemeFailure, disallowedByModeFailure } from './check-failure';
import { corsCheck } from './cors-check';
import { blockedDecision, type Decision, plainDecision, statusOf } from './decision';
import type { Exchange } from './exchange';
import { getHeader, hasHeader, isToken } from './header-list';
import { classifyNetworkError } from './network-error';
import { isHttpScheme } from './origin';
import { corsPreflightCheck } from './preflight';
import { httpRedirectFetch } from './redirect';
import { isLocalNetworkRequest, type RequestContext } from './request-context';

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

/** Nothing reached the server and the browser blocked the request: Local Network Access denied it. */
function localNetworkDenied(exchange: Exchange): Decision | null {
  const { preflight } = exchange;
  const errorSaysSo = classifyNetworkError(exchange.networkError) === 'local-network';
  const silent =
    exchange.response === null &&
    exchange.redirects.length === 0 &&
    (preflight.kind !== 'observed' || preflight.response === null);
  if (!silent || !(errorSaysSo || (exchange.outcome === 'blocked' && isLocalNetworkRequest(exchange.addressSpaces)))) {
    return null;
  }
  const failure = {
    code: 'LocalNetworkAccessPermissionDenied' as const,
    failedParameter: '',
    header: null,
    specStep: 'Local Network Access: permission denied before the request was sent',
  };
  return blockedDecision(failure, 'request', null);
}

function noResponse(exchange: Exchange, context: RequestContext): Decision {
  // Every CORS check passed and no response came: a source that saw the browser's own decision
  // (CDP, a HAR) says whether that net::ERR_FAILED was a network error, e.g. a redirect refused
  // by `redirect: 'error'`.
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

function passedStep(headers: Exchange['request']['headers'], includeCredentials: boolean): string {
  if (getHeader(headers, 'access-control-allow-origin') === '*') return 'CORS check 3';
  return includeCredentials ? 'CORS check 7' : 'CORS check 5';
}

/**
 * Decides one reading of the exchange.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 */
export function decide(exchange: Exchange, context: RequestContext, reading: Reading): Decision {
  const failedOnNetwork = networkFailure(exchange);
  if (failedOnNetwork !== null) return failedOnNetwork;
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
  if (crossOrigin && preflight.kind === 'observed') {
    if (preflight.response === null) {
      const failure = {
        code: 'InvalidResponse' as const,
        failedParameter: '',
        header: null,
        specStep: 'CORS-preflight fetch 8',
      };
      return blockedDecision(failure, 'preflight', null);
    }
    const failed = corsPreflightCheck({
      response: preflight.response,
      method: context.method,
      unsafeHeaderNames: context.unsafeHeaderNames,
      hasAuthorization: context.hasAuthorization,
      origin,
      includeCredentials,
      authorizationExcludedFromWildcard: reading.authorizationExcludedFromWildcard,
    });
    if (failed !== null) return blockedDecision(failed.failure, 'preflight', failed.status);
    passedPreflight = preflight.response;
  }
  const redirected = httpRedirectFetch(exchange.redirects, {
    origin,
    mode,
    includeCredentials,
    corsFlag: crossOrigin,
    tainted: false,
    currentUrl: request.url,
  });
  if (redirected.kind === 'blocked') {
    return blockedDecision(redirected.failure, 'redirect', redirected.status, redirected.index);
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
  if (response === null) return noResponse(exchange, context);
  const status = statusOf(response);
  const failure = corsCheck(response.headers, state.tainted ? 'null' : origin, includeCredentials);
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
