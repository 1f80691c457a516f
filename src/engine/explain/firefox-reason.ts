/**
 * Firefox's name for the same failure, so a developer who tests in both browsers sees one problem,
 * not two: the catalog row's reason (`CORS_ERROR_CATALOG` in verdict/cors-error-catalog.ts),
 * refined by what the response shows. Firefox's localisation keys add version suffixes
 * (`CORSMissingAllowOrigin2`, `CORSPreflightDidNotSucceed3`) that we drop.
 */

import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { CorsErrorCode } from '../verdict/verdict-types';
import { networkErrorFamily } from './network-error-text';

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
  const reason = CORS_ERROR_CATALOG[code].firefoxReason;
  if (
    reason === 'CORSMultipleAllowOriginNotAllowed' &&
    options.allowOriginLines !== undefined &&
    options.allowOriginLines <= 1
  ) {
    return 'CORSAllowOriginNotMatchingOrigin';
  }
  return reason;
}

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
