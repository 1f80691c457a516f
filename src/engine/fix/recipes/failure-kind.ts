import type { CorsErrorCode, Verdict } from '../../verdict/verdict-types';

/** The family of failure a recipe's pitfall speaks to; several Chromium codes share one. */
export type FailureKind =
  /** The actual response was a 4xx/5xx without Access-Control-Allow-Origin: an error page. */
  | 'error-status'
  | 'missing-allow-origin'
  /** Access-Control-Allow-Origin present but not the request's origin (or unparsable). */
  | 'origin-mismatch'
  | 'multiple-origins'
  /** `*` with a credentialed request. */
  | 'wildcard'
  /** Credentialed request without `Access-Control-Allow-Credentials: true`. */
  | 'credentials'
  /** The preflight was answered 401/403, as an authentication layer does. */
  | 'preflight-auth'
  | 'preflight-status'
  | 'preflight-missing-allow-origin'
  | 'preflight-redirect'
  | 'method'
  | 'header'
  /** Access-Control-Allow-Methods / -Headers could not be parsed. */
  | 'unparsable-list'
  /** The failing response was a redirect hop. */
  | 'redirect'
  /** A passed exchange with advisories. */
  | 'advisory'
  | 'none';

/**
 * Blocked codes no server CORS configuration fixes: the request's mode or scheme, a network error,
 * Local/Private Network Access (a user permission since Chromium's LNA), credentials in a redirect URL.
 */
export const NOT_FIXED_BY_SERVER_CONFIG: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'DisallowedByMode',
  'CorsDisabledScheme',
  'InvalidResponse',
  'NoCorsRedirectModeNotFollow',
  'RedirectContainsCredentials',
  'InsecurePrivateNetwork',
  'InvalidPrivateNetworkAccess',
  'UnexpectedPrivateNetworkAccess',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'PreflightMissingAllowPrivateNetwork',
  'PreflightInvalidAllowPrivateNetwork',
  'PreflightMissingPrivateNetworkAccessId',
  'PreflightMissingPrivateNetworkAccessName',
  'PrivateNetworkAccessPermissionUnavailable',
  'PrivateNetworkAccessPermissionDenied',
  'LocalNetworkAccessPermissionDenied',
]);

const BY_CODE: Partial<Record<CorsErrorCode, FailureKind>> = {
  AllowOriginMismatch: 'origin-mismatch',
  PreflightAllowOriginMismatch: 'origin-mismatch',
  InvalidAllowOriginValue: 'origin-mismatch',
  PreflightInvalidAllowOriginValue: 'origin-mismatch',
  MultipleAllowOriginValues: 'multiple-origins',
  PreflightMultipleAllowOriginValues: 'multiple-origins',
  WildcardOriginNotAllowed: 'wildcard',
  PreflightWildcardOriginNotAllowed: 'wildcard',
  InvalidAllowCredentials: 'credentials',
  PreflightInvalidAllowCredentials: 'credentials',
  PreflightMissingAllowOriginHeader: 'preflight-missing-allow-origin',
  PreflightInvalidStatus: 'preflight-status',
  PreflightDisallowedRedirect: 'preflight-redirect',
  MethodDisallowedByPreflightResponse: 'method',
  HeaderDisallowedByPreflightResponse: 'header',
  InvalidAllowMethodsPreflightResponse: 'unparsable-list',
  InvalidAllowHeadersPreflightResponse: 'unparsable-list',
};

/** Which family of failure this verdict is, for choosing a stack's pitfall. */
export function failureKind(verdict: Verdict): FailureKind {
  if (verdict.kind !== 'blocked' || verdict.code === null) {
    return verdict.kind === 'passed' && verdict.advisories.length > 0 ? 'advisory' : 'none';
  }
  const status = verdict.status ?? 0;
  if (verdict.stage === 'redirect') return 'redirect';
  if (verdict.code === 'MissingAllowOriginHeader') return status >= 400 ? 'error-status' : 'missing-allow-origin';
  const kind = BY_CODE[verdict.code] ?? 'none';
  const preflightRejected = kind === 'preflight-status' || kind === 'preflight-missing-allow-origin';
  if (preflightRejected && (status === 401 || status === 403)) return 'preflight-auth';
  return kind;
}
