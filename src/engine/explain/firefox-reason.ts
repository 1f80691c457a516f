/**
 * Firefox's name for the same failure, so a developer who tests in both browsers sees one problem,
 * not two. Names are the `(Reason: …)` categories of netwerk/protocol/http/nsCORSListenerProxy.cpp
 * as MDN titles its error pages; Firefox's localisation keys add version suffixes
 * (`CORSMissingAllowOrigin2`, `CORSPreflightDidNotSucceed3`) that we drop.
 */

import type { CorsErrorCode } from '../verdict/verdict-types';
import { networkErrorFamily } from './network-error-text';

const REASONS: Readonly<Record<CorsErrorCode, string | null>> = {
  DisallowedByMode: null,
  InvalidResponse: 'CORSDidNotSucceed',
  WildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  MissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  MultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  // Firefox never parses the value: anything but the exact origin (or `*`) is a mismatch.
  InvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  AllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  InvalidAllowCredentials: 'CORSMissingAllowCredentials',
  CorsDisabledScheme: 'CORSRequestNotHttp',
  PreflightInvalidStatus: 'CORSPreflightDidNotSucceed',
  PreflightDisallowedRedirect: 'CORSExternalRedirectNotAllowed',
  PreflightWildcardOriginNotAllowed: 'CORSNotSupportingCredentials',
  PreflightMissingAllowOriginHeader: 'CORSMissingAllowOrigin',
  PreflightMultipleAllowOriginValues: 'CORSMultipleAllowOriginNotAllowed',
  PreflightInvalidAllowOriginValue: 'CORSAllowOriginNotMatchingOrigin',
  PreflightAllowOriginMismatch: 'CORSAllowOriginNotMatchingOrigin',
  PreflightInvalidAllowCredentials: 'CORSMissingAllowCredentials',
  PreflightMissingAllowExternal: null,
  PreflightInvalidAllowExternal: null,
  PreflightMissingAllowPrivateNetwork: null,
  PreflightInvalidAllowPrivateNetwork: null,
  InvalidAllowMethodsPreflightResponse: 'CORSInvalidAllowMethod',
  InvalidAllowHeadersPreflightResponse: 'CORSInvalidAllowHeader',
  MethodDisallowedByPreflightResponse: 'CORSMethodNotFound',
  HeaderDisallowedByPreflightResponse: 'CORSMissingAllowHeaderFromPreflight',
  // Firefox fails a redirect to user:pass@ as a network error and logs "CORS request did not succeed".
  RedirectContainsCredentials: 'CORSDidNotSucceed',
  InsecurePrivateNetwork: null,
  InvalidPrivateNetworkAccess: null,
  UnexpectedPrivateNetworkAccess: null,
  NoCorsRedirectModeNotFollow: null,
  PreflightMissingPrivateNetworkAccessId: null,
  PreflightMissingPrivateNetworkAccessName: null,
  PrivateNetworkAccessPermissionUnavailable: null,
  PrivateNetworkAccessPermissionDenied: null,
  LocalNetworkAccessPermissionDenied: null,
};

export interface FirefoxReasonOptions {
  /**
   * How many `Access-Control-Allow-Origin` lines the response had. Firefox reports
   * CORSMultipleAllowOriginNotAllowed only for repeated lines; one line holding a comma list is
   * simply not the origin, so it is CORSAllowOriginNotMatchingOrigin.
   */
  allowOriginLines?: number;
  /** The redirect the verdict is about leads to data: or file:, which Firefox refuses before any CORS check. */
  redirectsToUnsafeScheme?: boolean;
}

/** Firefox's reason name for a Chromium CORS error code; null when Firefox has no such check or logs none. */
export function firefoxReason(code: CorsErrorCode, options: FirefoxReasonOptions = {}): string | null {
  if (options.redirectsToUnsafeScheme === true) return 'CORSDidNotSucceed';
  // Firefox CORS-checks a redirected preflight's 3xx before it refuses the redirect itself.
  if (code === 'PreflightDisallowedRedirect' && options.allowOriginLines === 0) return 'CORSMissingAllowOrigin';
  const reason = REASONS[code] ?? null;
  if (
    reason === 'CORSMultipleAllowOriginNotAllowed' &&
    options.allowOriginLines !== undefined &&
    options.allowOriginLines <= 1
  ) {
    return 'CORSAllowOriginNotMatchingOrigin';
  }
  return reason;
}

/** Every code with a Firefox reason, for tests and docs. */
export const FIREFOX_REASONS: Readonly<Record<CorsErrorCode, string | null>> = REASONS;

/**
 * Firefox's reason for a CORS request that failed on the network (a refused connection, too many
 * redirects, a redirect to data: or to a URL with credentials): its console calls that a CORS
 * failure, CORSDidNotSucceed. Null for a request the page or a content blocker cancelled, which
 * Firefox does not log.
 */
export function firefoxNetworkFailureReason(networkError: string | null): string | null {
  const family = networkErrorFamily(networkError ?? '');
  return family === 'aborted' || family === 'blocked-by-client' ? null : 'CORSDidNotSucceed';
}
