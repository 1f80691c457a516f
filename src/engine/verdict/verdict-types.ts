/**
 * What the engine decides about one exchange. Codes are Chromium's DevTools-protocol
 * `Network.CorsError` names, so a verdict can be compared with Chromium's own, request for request.
 */

export type CorsErrorCode =
  | 'DisallowedByMode'
  | 'InvalidResponse'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'PreflightMissingAllowExternal'
  | 'PreflightInvalidAllowExternal'
  | 'PreflightMissingAllowPrivateNetwork'
  | 'PreflightInvalidAllowPrivateNetwork'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'InsecurePrivateNetwork'
  | 'InvalidPrivateNetworkAccess'
  | 'UnexpectedPrivateNetworkAccess'
  | 'NoCorsRedirectModeNotFollow'
  | 'PreflightMissingPrivateNetworkAccessId'
  | 'PreflightMissingPrivateNetworkAccessName'
  | 'PrivateNetworkAccessPermissionUnavailable'
  | 'PrivateNetworkAccessPermissionDenied'
  | 'LocalNetworkAccessPermissionDenied';

/**
 * - `blocked`: the browser refuses the response to the page because of CORS.
 * - `passed`: a CORS request the browser lets through (advisories may still apply).
 * - `not-cors`: not subject to the CORS protocol (same-origin, `no-cors`, navigation).
 * - `network-error`: failed for a non-CORS reason (connection refused, DNS, TLS, aborted, …).
 * - `unknown`: the capture lacks what a decision needs (e.g. no response and no error seen).
 */
export type VerdictKind = 'blocked' | 'passed' | 'not-cors' | 'network-error' | 'unknown';

/** Where in the exchange the decisive check happened. */
export type VerdictStage = 'request' | 'preflight' | 'redirect' | 'response';

/** How the engine knows the credentials mode it used. */
export type CredentialsEvidence =
  /** The capture said so (HAR initiator data, a test table). */
  | 'declared'
  /** A `Cookie` or `Authorization` header was on the wire, which only a credentialed request sends. */
  | 'sent-credentials'
  /** The observed outcome is explained only by the credentialed (or only by the uncredentialed) reading. */
  | 'inferred-from-outcome'
  /** Both readings give the same verdict, or nothing tells them apart. */
  | 'unknown';

export interface CredentialsFinding {
  /** The mode the verdict was computed with. `unknown` only when both readings agree. */
  mode: 'include' | 'omit' | 'unknown';
  evidence: CredentialsEvidence;
  /** One sentence saying how this was known, e.g. "The request sent a Cookie header, so its credentials mode was 'include'." */
  note: string;
}

/** The header (or method) check that failed, with what had to be there and what was. */
export interface HeaderFinding {
  /** Lowercase header name, e.g. `access-control-allow-origin`. */
  name: string;
  /** What the browser needed, in words a developer can paste into a server config (`http://localhost:3000`, `true`, `PUT`). */
  expected: string;
  /** What the server sent: null when absent; several values joined with `, ` as they arrived. */
  received: string | null;
}

/**
 * Which response a check looked at: the preflight (the request's own, or the one a redirect's
 * request was sent again, `afterRedirect` being that redirect's index), a redirect's 3xx, or the final response.
 */
export type CheckStage =
  | { kind: 'preflight'; afterRedirect: number | null }
  | { kind: 'redirect'; index: number }
  | { kind: 'response' };

/**
 * - `passed` / `failed`: the check was made and came out so.
 * - `not-checked`: a later check of the stage that failed, never made (listed so the server's whole answer shows).
 * - `advice`: not part of the CORS check, but the page cannot read a header it plausibly wanted.
 */
export type CheckOutcome = 'passed' | 'failed' | 'not-checked' | 'advice';

/** One check of the trail: which response, which header, what the check required, what came, how it came out. */
export interface CheckStep {
  stage: CheckStage;
  /** Lowercase header name, or `status` for the preflight's ok-status check. */
  header: string;
  /** What the check itself required: the request's serialized origin, `true`, the method, the header names, `200–299`. */
  required: string;
  /** `*` would have done too (no credentials, so the wildcard counts). */
  wildcardAllowed: boolean;
  /** What the server sent: null when absent; several values joined with `, ` as they arrived. */
  received: string | null;
  outcome: CheckOutcome;
}

export type AdvisoryCode =
  /** Custom response headers that JavaScript cannot read (not in Access-Control-Expose-Headers). */
  | 'unexposed-response-headers'
  /** The server reflects the request origin without `Vary: Origin`. */
  | 'missing-vary-origin'
  /** A preflight on every call: no or zero Access-Control-Max-Age. */
  | 'preflight-not-cached'
  /** Access-Control-Max-Age above the browser's cap (Chromium 7200 s, Firefox 86400 s). */
  | 'max-age-above-cap'
  /** `Authorization` allowed only through `*` in Access-Control-Allow-Headers. */
  | 'authorization-via-wildcard';

export interface Advisory {
  code: AdvisoryCode;
  /** The header involved, lowercase. */
  header: string | null;
  /** A one-line plain-words statement with the real values. */
  message: string;
}

export interface Verdict {
  kind: VerdictKind;
  /** True exactly when `kind === 'blocked'`. */
  blocked: boolean;
  code: CorsErrorCode | null;
  /** As Chromium reports it in `corsErrorStatus.failedParameter`: the offending value, method or header name; '' when none. */
  failedParameter: string;
  stage: VerdictStage | null;
  /**
   * Index into `exchange.redirects`: for stage `redirect`, the hop whose 3xx failed; for stage
   * `request` or `preflight`, the hop that led to the request that failed (its scheme, its mode,
   * the preflight sent again at its URL, Local Network Access); null when no redirect was involved.
   */
  redirectIndex: number | null;
  header: HeaderFinding | null;
  credentials: CredentialsFinding;
  /** HTTP status of the response the decisive check looked at (the preflight's for preflight stage); null when none. */
  status: number | null;
  /** The non-CORS network error for kind `network-error`. */
  networkError: string | null;
  /** The Fetch-standard step that decided, e.g. `CORS check 4`, `CORS-preflight fetch 7`. */
  specStep: string;
  /** Passed-but-hurts findings; present on passed and blocked verdicts alike. */
  advisories: readonly Advisory[];
  /**
   * Every check the decision made, in the order Chromium makes them (preflight, each redirect, the
   * response), the failing one marked and the rest of its stage `not-checked`; then an `advice` row
   * for response headers the page cannot read. Empty when no CORS check was made.
   */
  trail: readonly CheckStep[];
  /**
   * True when the engine's decision contradicts the observed outcome (e.g. it would pass but the
   * browser blocked it). The UI shows this rather than hiding a disagreement.
   */
  contradictsOutcome: boolean;
}
