/**
 * Where to read more: the Fetch standard step that decided, then MDN's page for the failure.
 * MDN has one page per Firefox reason; Chromium-only failures link the nearest MDN or WICG page.
 */

import type { CorsErrorCode, VerdictKind } from '../verdict/verdict-types';
import type { Link } from './explanation-types';
import { firefoxReason } from './firefox-reason';

const FETCH = 'https://fetch.spec.whatwg.org/';
const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/';
const MDN_ERRORS = `${MDN}Guides/CORS/Errors`;
const PNA = 'https://wicg.github.io/private-network-access/';
const LNA = 'https://wicg.github.io/local-network-access/';

function fetchLink(anchor: string, title: string): Link {
  return { title: `Fetch standard: ${title}`, url: `${FETCH}#${anchor}` };
}

function mdnHeader(name: string): Link {
  return { title: `MDN: ${name}`, url: `${MDN}Reference/Headers/${name}` };
}

/** The Fetch-standard anchor for each code: the algorithm whose step fails. */
function specLink(code: CorsErrorCode): Link {
  switch (code) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
    case 'PreflightMultipleAllowOriginValues':
    case 'PreflightInvalidAllowOriginValue':
    case 'PreflightAllowOriginMismatch':
    case 'PreflightWildcardOriginNotAllowed':
    case 'PreflightInvalidAllowCredentials':
    case 'MultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'WildcardOriginNotAllowed':
    case 'InvalidAllowCredentials':
      return fetchLink('cors-check', 'CORS check');
    case 'MethodDisallowedByPreflightResponse':
      return fetchLink('cors-preflight-fetch', 'CORS-preflight fetch (methods)');
    case 'HeaderDisallowedByPreflightResponse':
      return fetchLink('cors-safelisted-request-header', 'CORS-safelisted request-header');
    case 'RedirectContainsCredentials':
      return fetchLink('http-redirect-fetch', 'HTTP-redirect fetch');
    case 'DisallowedByMode':
    case 'CorsDisabledScheme':
    case 'NoCorsRedirectModeNotFollow':
      return fetchLink('main-fetch', 'main fetch');
    case 'InsecurePrivateNetwork':
    case 'InvalidPrivateNetworkAccess':
    case 'UnexpectedPrivateNetworkAccess':
    case 'PreflightMissingAllowPrivateNetwork':
    case 'PreflightInvalidAllowPrivateNetwork':
    case 'PreflightMissingPrivateNetworkAccessId':
    case 'PreflightMissingPrivateNetworkAccessName':
    case 'PrivateNetworkAccessPermissionUnavailable':
    case 'PrivateNetworkAccessPermissionDenied':
    case 'PreflightMissingAllowExternal':
    case 'PreflightInvalidAllowExternal':
      return { title: 'Private Network Access (WICG)', url: PNA };
    case 'LocalNetworkAccessPermissionDenied':
      return { title: 'Local Network Access (WICG)', url: LNA };
    default:
      return fetchLink('cors-preflight-fetch', 'CORS-preflight fetch');
  }
}

/** MDN's header reference for the header a code is about, when one is. */
function headerLink(code: CorsErrorCode): Link | null {
  if (/AllowOrigin|WildcardOrigin/.test(code)) return mdnHeader('Access-Control-Allow-Origin');
  if (/AllowCredentials/.test(code)) return mdnHeader('Access-Control-Allow-Credentials');
  if (/AllowMethods|MethodDisallowed/.test(code)) return mdnHeader('Access-Control-Allow-Methods');
  if (/AllowHeaders|HeaderDisallowed/.test(code)) return mdnHeader('Access-Control-Allow-Headers');
  return null;
}

/**
 * Links for a blocked verdict: spec first, then MDN's page for Firefox's `reason` (or the errors
 * index when Firefox has none), then the header's reference page.
 */
export function linksForCode(code: CorsErrorCode, reason: string | null = firefoxReason(code)): Link[] {
  const links = [specLink(code)];
  const preflight = fetchLink('cors-preflight-fetch', 'CORS-preflight fetch');
  // The preflight ACAO/ACAC codes fail the CORS check inside the preflight fetch: link both steps.
  if (code.startsWith('Preflight') && links[0]?.url !== preflight.url && !/PrivateNetwork|External/.test(code)) {
    links.push(preflight);
  }
  links.push(
    reason === null
      ? { title: 'MDN: CORS errors', url: MDN_ERRORS }
      : { title: `MDN: ${reason}`, url: `${MDN_ERRORS}/${reason}` },
  );
  const header = headerLink(code);
  if (header) links.push(header);
  return links;
}

/** Links for the verdicts that are not a CORS failure. */
export function linksForKind(kind: Exclude<VerdictKind, 'blocked'>, networkError: string | null): Link[] {
  switch (kind) {
    case 'passed':
      return [fetchLink('http-cors-protocol', 'CORS protocol'), { title: 'MDN: CORS guide', url: `${MDN}Guides/CORS` }];
    case 'not-cors':
      return [
        fetchLink('concept-request-mode', 'request mode'),
        {
          title: 'MDN: Same-origin policy',
          url: 'https://developer.mozilla.org/en-US/docs/Web/Security/Same-origin_policy',
        },
      ];
    case 'network-error':
      return [
        fetchLink('concept-network-error', 'network error'),
        // Firefox logs a cross-origin request that failed at network level as CORSDidNotSucceed.
        { title: 'MDN: CORSDidNotSucceed', url: `${MDN_ERRORS}/CORSDidNotSucceed` },
        ...(networkError?.startsWith('net::')
          ? [
              {
                title: 'Chromium net error list',
                url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h',
              },
            ]
          : []),
      ];
    case 'unknown':
      return [fetchLink('http-cors-protocol', 'CORS protocol'), { title: 'MDN: CORS errors', url: MDN_ERRORS }];
  }
}
