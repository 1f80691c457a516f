/**
 * Where to read more: the Fetch standard step that decided, then MDN's page for the failure.
 * MDN has one page per Firefox reason; Chromium-only failures link the nearest MDN or WICG page.
 */

import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { CorsErrorCode, VerdictKind } from '../verdict/verdict-types';
import type { Link } from './explanation-types';
import { firefoxReason } from './firefox-reason';

const FETCH = 'https://fetch.spec.whatwg.org/';
const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/';
const MDN_ERRORS = `${MDN}Guides/CORS/Errors`;

function fetchLink(anchor: string, title: string): Link {
  return { title: `Fetch standard: ${title}`, url: `${FETCH}#${anchor}` };
}

function mdnHeader(name: string): Link {
  return { title: `MDN: ${name}`, url: `${MDN}Reference/Headers/${name}` };
}

/**
 * Links for a blocked verdict: spec first, then MDN's page for Firefox's `reason` (or the errors
 * index when Firefox has none), then the header's reference page.
 */
export function linksForCode(code: CorsErrorCode, reason: string | null = firefoxReason(code)): Link[] {
  const row = CORS_ERROR_CATALOG[code];
  const links: Link[] = [...row.spec];
  links.push(
    reason === null
      ? { title: 'MDN: CORS errors', url: MDN_ERRORS }
      : { title: `MDN: ${reason}`, url: `${MDN_ERRORS}/${reason}` },
  );
  if (row.mdnHeader !== null) links.push(mdnHeader(row.mdnHeader));
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
