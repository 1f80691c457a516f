/**
 * One row per Chromium `CorsError`: every fact the rest of the engine keys on the code. explain/
 * reads the family (its words and hints), the console message, the links and Firefox's reason;
 * fix/ reads the fix family. Typed `satisfies Record<CorsErrorCode, …>`, so a new code that misses
 * a facet fails typecheck instead of falling into a `default:`.
 */
import type { ConsoleParts, CorsErrorFamily, CorsErrorRow, SpecLink } from './cors-error-row';
import type { CorsErrorCode } from './verdict-types';

const FETCH = 'https://fetch.spec.whatwg.org/';
const fetchLink = (anchor: string, title: string): SpecLink => ({
  title: `Fetch standard: ${title}`,
  url: `${FETCH}#${anchor}`,
});
const CORS_CHECK = [fetchLink('cors-check', 'CORS check')];
const PREFLIGHT = fetchLink('cors-preflight-fetch', 'CORS-preflight fetch');
/** A preflight's ACAO/ACAC failure fails the CORS check inside the preflight fetch: both steps. */
const PREFLIGHT_CORS_CHECK = [...CORS_CHECK, PREFLIGHT];
const MAIN_FETCH = [fetchLink('main-fetch', 'main fetch')];
const PNA = [{ title: 'Private Network Access (WICG)', url: 'https://wicg.github.io/private-network-access/' }];
const LNA = [{ title: 'Local Network Access (WICG)', url: 'https://wicg.github.io/local-network-access/' }];

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

/** Chromium's `ListOfCorsEnabledURLSchemes()` as Chrome 130+ prints it; embedders may add schemes. */
export const CORS_ENABLED_SCHEMES = 'chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app';
const RFC1918 = "(This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/').";

const missingAllowOrigin = (p: ConsoleParts) =>
  `No 'Access-Control-Allow-Origin' header is present on the requested resource.${p.legacyMissingTail}`;
const multipleAllowOrigin = (p: ConsoleParts) =>
  `The 'Access-Control-Allow-Origin' header contains multiple values '${p.hint}', but only one is allowed.${p.noCorsTail}`;
const invalidAllowOrigin = (p: ConsoleParts) =>
  `The 'Access-Control-Allow-Origin' header contains the invalid value '${p.hint}'.${p.noCorsTail}`;
const allowOriginMismatch = (p: ConsoleParts) =>
  `The 'Access-Control-Allow-Origin' header has a value '${p.hint}' that is not equal to the supplied origin.${p.noCorsTail}`;
const wildcardOrigin = (p: ConsoleParts) =>
  `The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${p.xhrTail}`;
const invalidAllowCredentials = (p: ConsoleParts) =>
  `The value of the 'Access-Control-Allow-Credentials' header in the response is '${p.hint}' which must be 'true' when the request's credentials mode is 'include'.${p.xhrTail}`;

/** A Private Network Access row: Chromium-only, no server CORS configuration fixes it. */
function networkAccess(
  family: CorsErrorFamily,
  consoleReason: (parts: ConsoleParts) => string,
  preflightPrefixed = false,
): CorsErrorRow {
  return {
    family,
    firefoxReason: null,
    spec: PNA,
    mdnHeader: null,
    preflightPrefixed,
    consoleReason,
    fixFamily: 'none',
    fixedByServerConfig: false,
  };
}

export const CORS_ERROR_CATALOG = {
  DisallowedByMode: {
    family: 'disallowed-by-mode',
    firefoxReason: null,
    spec: MAIN_FETCH,
    mdnHeader: null,
    preflightPrefixed: false,
    consoleReason: () => 'Cross origin requests are not allowed by request mode.',
    fixFamily: 'none',
    fixedByServerConfig: false,
  },
  InvalidResponse: {
    family: 'invalid-response',
    firefoxReason: 'CORSDidNotSucceed',
    spec: [PREFLIGHT],
    mdnHeader: null,
    preflightPrefixed: false,
    consoleReason: () => 'The response is invalid.',
    fixFamily: 'none',
    fixedByServerConfig: false,
  },
  WildcardOriginNotAllowed: {
    family: 'wildcard-origin',
    firefoxReason: 'CORSNotSupportingCredentials',
    spec: CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: false,
    consoleReason: wildcardOrigin,
    fixFamily: 'wildcard',
    fixedByServerConfig: true,
  },
  MissingAllowOriginHeader: {
    family: 'missing-allow-origin',
    firefoxReason: 'CORSMissingAllowOrigin',
    spec: CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: false,
    consoleReason: missingAllowOrigin,
    // An error page (4xx/5xx) is 'error-status': failureKind looks at the status.
    fixFamily: 'missing-allow-origin',
    fixedByServerConfig: true,
  },
  MultipleAllowOriginValues: {
    family: 'multiple-allow-origin',
    firefoxReason: 'CORSMultipleAllowOriginNotAllowed',
    spec: CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: false,
    consoleReason: multipleAllowOrigin,
    fixFamily: 'multiple-origins',
    fixedByServerConfig: true,
  },
  InvalidAllowOriginValue: {
    family: 'invalid-allow-origin',
    // Firefox never parses the value: anything but the exact origin (or `*`) is a mismatch.
    firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
    spec: CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: false,
    consoleReason: invalidAllowOrigin,
    fixFamily: 'origin-mismatch',
    fixedByServerConfig: true,
  },
  AllowOriginMismatch: {
    family: 'allow-origin-mismatch',
    firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
    spec: CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: false,
    consoleReason: allowOriginMismatch,
    fixFamily: 'origin-mismatch',
    fixedByServerConfig: true,
  },
  InvalidAllowCredentials: {
    family: 'invalid-allow-credentials',
    firefoxReason: 'CORSMissingAllowCredentials',
    spec: CORS_CHECK,
    mdnHeader: ACAC,
    preflightPrefixed: false,
    consoleReason: invalidAllowCredentials,
    fixFamily: 'credentials',
    fixedByServerConfig: true,
  },
  CorsDisabledScheme: {
    family: 'cors-disabled-scheme',
    firefoxReason: 'CORSRequestNotHttp',
    spec: MAIN_FETCH,
    mdnHeader: null,
    preflightPrefixed: false,
    consoleReason: () => `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES}.`,
    fixFamily: 'none',
    fixedByServerConfig: false,
  },
  PreflightInvalidStatus: {
    family: 'preflight-status',
    firefoxReason: 'CORSPreflightDidNotSucceed',
    spec: [PREFLIGHT],
    mdnHeader: null,
    preflightPrefixed: true,
    consoleReason: () => 'It does not have HTTP ok status.',
    fixFamily: 'preflight-status',
    fixedByServerConfig: true,
  },
  PreflightDisallowedRedirect: {
    family: 'preflight-redirect',
    firefoxReason: 'CORSExternalRedirectNotAllowed',
    spec: [PREFLIGHT],
    mdnHeader: null,
    preflightPrefixed: true,
    consoleReason: () => 'Redirect is not allowed for a preflight request.',
    fixFamily: 'preflight-redirect',
    fixedByServerConfig: true,
  },
  PreflightWildcardOriginNotAllowed: {
    family: 'wildcard-origin',
    firefoxReason: 'CORSNotSupportingCredentials',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: true,
    consoleReason: wildcardOrigin,
    fixFamily: 'wildcard',
    fixedByServerConfig: true,
  },
  PreflightMissingAllowOriginHeader: {
    family: 'missing-allow-origin',
    firefoxReason: 'CORSMissingAllowOrigin',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: true,
    consoleReason: missingAllowOrigin,
    fixFamily: 'preflight-missing-allow-origin',
    fixedByServerConfig: true,
  },
  PreflightMultipleAllowOriginValues: {
    family: 'multiple-allow-origin',
    firefoxReason: 'CORSMultipleAllowOriginNotAllowed',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: true,
    consoleReason: multipleAllowOrigin,
    fixFamily: 'multiple-origins',
    fixedByServerConfig: true,
  },
  PreflightInvalidAllowOriginValue: {
    family: 'invalid-allow-origin',
    firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: true,
    consoleReason: invalidAllowOrigin,
    fixFamily: 'origin-mismatch',
    fixedByServerConfig: true,
  },
  PreflightAllowOriginMismatch: {
    family: 'allow-origin-mismatch',
    firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAO,
    preflightPrefixed: true,
    consoleReason: allowOriginMismatch,
    fixFamily: 'origin-mismatch',
    fixedByServerConfig: true,
  },
  PreflightInvalidAllowCredentials: {
    family: 'invalid-allow-credentials',
    firefoxReason: 'CORSMissingAllowCredentials',
    spec: PREFLIGHT_CORS_CHECK,
    mdnHeader: ACAC,
    preflightPrefixed: true,
    consoleReason: invalidAllowCredentials,
    fixFamily: 'credentials',
    fixedByServerConfig: true,
  },
  PreflightMissingAllowExternal: networkAccess(
    'allow-external',

    () =>
      `No 'Access-Control-Allow-External' header was present in the preflight response for this external request ${RFC1918}`,
    true,
  ),
  PreflightInvalidAllowExternal: networkAccess(
    'allow-external',

    // The double space after the comma is Chromium's.
    (p) =>
      `The 'Access-Control-Allow-External' header in the preflight response for this external request had a value of '${p.hint}',  not 'true' ${RFC1918}`,
    true,
  ),
  PreflightMissingAllowPrivateNetwork: networkAccess(
    'allow-private-network',

    (p) =>
      `No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the ${p.space(false)} address space.`,
    true,
  ),
  PreflightInvalidAllowPrivateNetwork: networkAccess(
    'allow-private-network',

    (p) =>
      `The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the ${p.space(false)} address space had a value of '${p.hint}',  not 'true'.`,
    true,
  ),
  InvalidAllowMethodsPreflightResponse: {
    family: 'invalid-allow-methods',
    firefoxReason: 'CORSInvalidAllowMethod',
    spec: [PREFLIGHT],
    mdnHeader: ACAM,
    preflightPrefixed: false,
    consoleReason: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
    fixFamily: 'unparsable-list',
    fixedByServerConfig: true,
  },
  InvalidAllowHeadersPreflightResponse: {
    family: 'invalid-allow-headers',
    firefoxReason: 'CORSInvalidAllowHeader',
    spec: [PREFLIGHT],
    mdnHeader: ACAH,
    preflightPrefixed: false,
    consoleReason: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
    fixFamily: 'unparsable-list',
    fixedByServerConfig: true,
  },
  MethodDisallowedByPreflightResponse: {
    family: 'method-disallowed',
    firefoxReason: 'CORSMethodNotFound',
    spec: [fetchLink('cors-preflight-fetch', 'CORS-preflight fetch (methods)')],
    mdnHeader: ACAM,
    preflightPrefixed: false,
    consoleReason: (p) => `Method ${p.hint} is not allowed by Access-Control-Allow-Methods in preflight response.`,
    fixFamily: 'method',
    fixedByServerConfig: true,
  },
  HeaderDisallowedByPreflightResponse: {
    family: 'header-disallowed',
    firefoxReason: 'CORSMissingAllowHeaderFromPreflight',
    spec: [fetchLink('cors-safelisted-request-header', 'CORS-safelisted request-header')],
    mdnHeader: ACAH,
    preflightPrefixed: false,
    consoleReason: (p) =>
      `Request header field ${p.hint} is not allowed by Access-Control-Allow-Headers in preflight response.`,
    fixFamily: 'header',
    fixedByServerConfig: true,
  },
  RedirectContainsCredentials: {
    family: 'redirect-credentials',
    // Firefox fails a redirect to user:pass@ as a network error and logs "CORS request did not succeed".
    firefoxReason: 'CORSDidNotSucceed',
    spec: [fetchLink('http-redirect-fetch', 'HTTP-redirect fetch')],
    mdnHeader: null,
    preflightPrefixed: false,
    consoleReason: (p) =>
      `Redirect location '${p.hint}' contains a username and password, which is disallowed for cross-origin requests.`,
    fixFamily: 'none',
    fixedByServerConfig: false,
  },
  InsecurePrivateNetwork: networkAccess(
    'insecure-private-network',

    (p) =>
      `The request client is not a secure context and the resource is in more-private address space ${p.space(false)}.`,
  ),
  InvalidPrivateNetworkAccess: networkAccess(
    'target-address-space',

    // Chromium names the space the page declared (fetch's targetAddressSpace); the verdict carries it as failedParameter.
    (p) =>
      `Request had a target IP address space of \`${p.declaredSpace}\` yet the resource is in address space ${p.space(false)}.`,
  ),
  UnexpectedPrivateNetworkAccess: networkAccess(
    'target-address-space',

    (p) => `Request had no target IP address space, yet the resource is in address space ${p.space(false)}.`,
  ),
  NoCorsRedirectModeNotFollow: {
    family: 'no-cors-redirect-mode',
    firefoxReason: null,
    spec: MAIN_FETCH,
    mdnHeader: null,
    preflightPrefixed: false,
    consoleReason: () => 'Request mode is "no-cors" but the redirect mode is not "follow".',
    fixFamily: 'none',
    fixedByServerConfig: false,
  },
  PreflightMissingPrivateNetworkAccessId: networkAccess(
    'private-network-access-identity',

    (p) =>
      `No 'Private-Network-Access-Id' header was present in the preflight response for this private network request targeting the ${p.space(false)} address space.`,
  ),
  PreflightMissingPrivateNetworkAccessName: networkAccess(
    'private-network-access-identity',

    (p) =>
      `No 'Private-Network-Access-Name' header was present in the preflight response for this private network request targeting the ${p.space(false)} address space.`,
  ),
  PrivateNetworkAccessPermissionUnavailable: networkAccess(
    'network-permission-unavailable',

    (p) => `Unable to ask for permission to access the ${p.space(false)} IP address space.`,
  ),
  PrivateNetworkAccessPermissionDenied: networkAccess(
    'network-permission-denied',

    (p) => `Permission was denied for this request to access the ${p.space(false)} address space.`,
  ),
  LocalNetworkAccessPermissionDenied: {
    ...networkAccess(
      'network-permission-denied',
      (p) => `Permission was denied for this request to access the ${p.space(true)} address space.`,
    ),
    spec: LNA,
  },
} as const satisfies Record<CorsErrorCode, CorsErrorRow>;
