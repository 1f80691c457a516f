/**
 * The shape of a `CorsError` catalog row (`CORS_ERROR_CATALOG` in cors-error-catalog.ts) and the
 * families it sorts codes into.
 */

/** Codes that share their words and hints (the preflight's twin of a CORS-check code, the address-space checks). */
export type CorsErrorFamily =
  | 'missing-allow-origin'
  | 'multiple-allow-origin'
  | 'invalid-allow-origin'
  | 'allow-origin-mismatch'
  | 'wildcard-origin'
  | 'invalid-allow-credentials'
  | 'preflight-status'
  | 'preflight-redirect'
  | 'invalid-response'
  | 'invalid-allow-methods'
  | 'invalid-allow-headers'
  | 'method-disallowed'
  | 'header-disallowed'
  | 'disallowed-by-mode'
  | 'cors-disabled-scheme'
  | 'no-cors-redirect-mode'
  | 'redirect-credentials'
  /** Local/Private Network Access: the user's permission, denied or not askable. */
  | 'network-permission-denied'
  | 'network-permission-unavailable'
  | 'insecure-private-network'
  | 'allow-private-network'
  | 'allow-external'
  | 'private-network-access-identity'
  | 'target-address-space';

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

export interface SpecLink {
  title: string;
  url: string;
}

/** What Chromium's console line is built from, already made safe to print. */
export interface ConsoleParts {
  /** `failedParameter` (or the received header value), encoded as Chromium prints it. */
  hint: string;
  /** The raw `failedParameter`, bounded, for the one message that prints it unencoded. */
  declaredSpace: string;
  /** The target's address space as Chromium names it, with (`true`) or without Local Network Access names. */
  space: (localNetworkAccess: boolean) => string;
  /** " Have the server send the header with a valid value." (or the legacy wording) for fetch(); '' otherwise. */
  noCorsTail: string;
  /** The legacy "If an opaque response serves your needs…" tail for fetch(); '' otherwise. */
  legacyMissingTail: string;
  /** The XMLHttpRequest withCredentials sentence for XHR; '' otherwise. */
  xhrTail: string;
}

export interface CorsErrorRow {
  family: CorsErrorFamily;
  /**
   * Firefox's `(Reason: …)` category for the same failure (netwerk/protocol/http/nsCORSListenerProxy.cpp,
   * as MDN titles its error pages), null when Firefox has no such check or logs none.
   */
  firefoxReason: string | null;
  /** The Fetch-standard (or WICG) steps that decide it, most specific first. */
  spec: readonly SpecLink[];
  /** The response header MDN's reference page to link, when the code is about one. */
  mdnHeader: string | null;
  /** Chromium prefixes the console line with "Response to preflight request doesn't pass access control check: ". */
  preflightPrefixed: boolean;
  /**
   * The reason part of Chromium's console line (`GetErrorStringForConsoleMessage` in
   * third_party/blink/renderer/platform/loader/cors/cors_error_string.cc).
   */
  consoleReason: (parts: ConsoleParts) => string;
  /** The stack pitfall a fix recipe names for it. */
  fixFamily: FailureKind;
  /** False when no server CORS configuration fixes it: the request's mode or scheme, a network error, a user permission. */
  fixedByServerConfig: boolean;
}
