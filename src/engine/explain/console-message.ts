/**
 * Chromium's console message for a CORS failure, rebuilt from the verdict so users can match the
 * panel to what DevTools printed. Mirrors `GetErrorStringForConsoleMessage` in
 * third_party/blink/renderer/platform/loader/cors/cors_error_string.cc (Chromium main, 2025), and
 * `FetchLoaderBase::FileIssueAndPerformNetworkError` in core/fetch/fetch_manager.cc for the
 * renderer-side fetch() failures.
 */

import type { ResourceType } from '../verdict/exchange';
import type { CorsErrorCode } from '../verdict/verdict-types';
import { addressSpaceName } from './address-space-name';
import type { ExplainContext } from './context';
import { encodeHint } from './encode-hint';
import { MAX_VALUE_CHARS, safeText } from './safe-text';

/** URLs are allowed longer than other values: Chromium itself elides URLs only past 1024 characters. */
const MAX_URL_CHARS = 1024;

export interface ConsoleMessageOptions {
  /**
   * Chromium before the 2024 rewording appended "If an opaque response serves your needs, set the
   * request's mode to 'no-cors' …" to fetch() failures. Off by default: current Chromium prints
   * only " Have the server send the header with a valid value."
   */
  legacyNoCorsHint?: boolean;
}

/** Chromium's `ListOfCorsEnabledURLSchemes()` as Chrome 130+ prints it; embedders may add schemes. */
export const CORS_ENABLED_SCHEMES = 'chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app';

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
const XHR_CREDENTIALS_TAIL =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';
const NO_CORS_TAIL = ' Have the server send the header with a valid value.';
const LEGACY_NO_CORS_TAIL =
  " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
const LEGACY_MISSING_TAIL =
  " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";

/** The codes `IsPreflightError()` prefixes with PREFLIGHT_PREFIX. */
const PREFLIGHT_PREFIXED: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'PreflightMissingAllowPrivateNetwork',
  'PreflightInvalidAllowPrivateNetwork',
]);

/**
 * `Resource::ResourceTypeToString`, lowercased when its second letter is lowercase ("Image" → "image",
 * "XMLHttpRequest" kept). webRequest reports fetch() as `xmlhttprequest` too, so only a HAR `fetch`
 * gives "fetch". Media, beacons and EventSource are unconfirmed and use Chromium's fallback "resource".
 */
function resourceKind(type: ResourceType): string | null {
  switch (type) {
    case 'xmlhttprequest':
      return 'XMLHttpRequest';
    case 'fetch':
      return 'fetch';
    case 'image':
      return 'image';
    case 'script':
      return 'script';
    case 'stylesheet':
      return 'CSS stylesheet';
    case 'font':
      return 'font';
    case 'main_frame':
    case 'sub_frame':
    case 'websocket':
      return null;
    default:
      return 'resource';
  }
}

function reason(code: CorsErrorCode, ctx: ExplainContext, kind: string, legacy: boolean): string {
  const raw = ctx.verdict.failedParameter || (ctx.verdict.header?.received ?? '');
  // Cut before encoding: the value may be megabytes and only MAX_VALUE_CHARS are shown.
  const hint = encodeHint(raw, MAX_VALUE_CHARS);
  const isFetch = kind === 'fetch';
  const noCors = isFetch ? (legacy ? LEGACY_NO_CORS_TAIL : NO_CORS_TAIL) : '';
  const xhrTail = kind === 'XMLHttpRequest' ? XHR_CREDENTIALS_TAIL : '';
  const target = ctx.exchange.addressSpaces?.target;
  const space = (lna: boolean) => `\`${addressSpaceName(target, ctx.lastUrl, lna)}\``;
  switch (code) {
    case 'DisallowedByMode':
      return 'Cross origin requests are not allowed by request mode.';
    case 'InvalidResponse':
      return 'The response is invalid.';
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${xhrTail}`;
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `No 'Access-Control-Allow-Origin' header is present on the requested resource.${isFetch && legacy ? LEGACY_MISSING_TAIL : ''}`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `The 'Access-Control-Allow-Origin' header contains multiple values '${hint}', but only one is allowed.${noCors}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `The 'Access-Control-Allow-Origin' header contains the invalid value '${hint}'.${noCors}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `The 'Access-Control-Allow-Origin' header has a value '${hint}' that is not equal to the supplied origin.${noCors}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `The value of the 'Access-Control-Allow-Credentials' header in the response is '${hint}' which must be 'true' when the request's credentials mode is 'include'.${xhrTail}`;
    case 'CorsDisabledScheme':
      return `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`;
    case 'PreflightInvalidStatus':
      return 'It does not have HTTP ok status.';
    case 'PreflightDisallowedRedirect':
      return 'Redirect is not allowed for a preflight request.';
    case 'PreflightMissingAllowExternal':
      return "No 'Access-Control-Allow-External' header was present in the preflight response for this external request (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/').";
    case 'PreflightInvalidAllowExternal':
      // The double space after the comma is Chromium's.
      return `The 'Access-Control-Allow-External' header in the preflight response for this external request had a value of '${hint}',  not 'true' (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/').`;
    case 'PreflightMissingAllowPrivateNetwork':
      return `No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the ${space(false)} address space.`;
    case 'PreflightInvalidAllowPrivateNetwork':
      return `The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the ${space(false)} address space had a value of '${hint}',  not 'true'.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${hint} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${hint} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      return `Redirect location '${hint}' contains a username and password, which is disallowed for cross-origin requests.`;
    case 'InsecurePrivateNetwork':
      return `The request client is not a secure context and the resource is in more-private address space ${space(false)}.`;
    case 'InvalidPrivateNetworkAccess':
      // Chromium names the space the page declared (fetch's targetAddressSpace); the verdict carries it as failedParameter.
      return `Request had a target IP address space of \`${safeText(raw || 'unknown', 20)}\` yet the resource is in address space ${space(false)}.`;
    case 'UnexpectedPrivateNetworkAccess':
      return `Request had no target IP address space, yet the resource is in address space ${space(false)}.`;
    case 'PreflightMissingPrivateNetworkAccessId':
      return `No 'Private-Network-Access-Id' header was present in the preflight response for this private network request targeting the ${space(false)} address space.`;
    case 'PreflightMissingPrivateNetworkAccessName':
      return `No 'Private-Network-Access-Name' header was present in the preflight response for this private network request targeting the ${space(false)} address space.`;
    case 'PrivateNetworkAccessPermissionUnavailable':
      return `Unable to ask for permission to access the ${space(false)} IP address space.`;
    case 'PrivateNetworkAccessPermissionDenied':
      return `Permission was denied for this request to access the ${space(false)} address space.`;
    case 'LocalNetworkAccessPermissionDenied':
      return `Permission was denied for this request to access the ${space(true)} address space.`;
    case 'NoCorsRedirectModeNotFollow':
      return 'Request mode is "no-cors" but the redirect mode is not "follow".';
  }
}

/**
 * fetch() rejects these before any network request, in the renderer, with "Fetch API cannot load …"
 * (fetch_manager.cc). Only fetch() can ask for same-origin mode or a non-follow no-cors redirect,
 * so those two use this form even when webRequest labelled the request `xmlhttprequest`.
 */
function fetchApiMessage(code: CorsErrorCode, ctx: ExplainContext): string | null {
  const url = safeText(ctx.initialUrl, MAX_URL_CHARS);
  const kind = ctx.exchange.resourceType;
  if (code === 'DisallowedByMode' && (kind === 'fetch' || kind === 'xmlhttprequest')) {
    return `Fetch API cannot load ${url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${safeText(ctx.origin)}.`;
  }
  if (code === 'NoCorsRedirectModeNotFollow') {
    return `Fetch API cannot load ${url}. Request mode is "no-cors" but the redirect mode is not "follow".`;
  }
  if (code === 'CorsDisabledScheme' && kind === 'fetch') {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(ctx.initialUrl)?.[1]?.toLowerCase() ?? '';
    return `Fetch API cannot load ${url}. URL scheme "${safeText(scheme, 40)}" is not supported.`;
  }
  return null;
}

/** The console message for a blocked verdict; null when Chromium prints none we can rebuild (navigations, no code). */
export function consoleMessage(ctx: ExplainContext, options: ConsoleMessageOptions = {}): string | null {
  const code = ctx.verdict.code;
  if (ctx.verdict.kind !== 'blocked' || code === null) return null;
  const early = fetchApiMessage(code, ctx);
  if (early !== null) return early;
  const kind = resourceKind(ctx.exchange.resourceType);
  if (kind === null) return null;
  const last = safeText(ctx.lastUrl, MAX_URL_CHARS);
  const redirected =
    ctx.lastUrl !== ctx.initialUrl ? `(redirected from '${safeText(ctx.initialUrl, MAX_URL_CHARS)}') ` : '';
  const prefix = PREFLIGHT_PREFIXED.has(code) ? PREFLIGHT_PREFIX : '';
  return `Access to ${kind} at '${last}' ${redirected}from origin '${safeText(ctx.origin)}' has been blocked by CORS policy: ${prefix}${reason(code, ctx, kind, options.legacyNoCorsHint === true)}`;
}
