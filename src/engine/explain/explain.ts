/**
 * `explain(verdict, exchange)`: the words for one verdict — summary, detail, Chromium's console
 * message, Firefox's reason, links and hidden-cause hints. Pure and total: any verdict and
 * exchange, however hostile or malformed, yields bounded plain text and never throws.
 */

import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
import type { CorsErrorFamily } from '../verdict/cors-error-row';
import type { Exchange } from '../verdict/exchange';
import { getHeader, getHeaderValues } from '../verdict/header-list';
import type { CorsErrorCode, Verdict } from '../verdict/verdict-types';
import { allowOriginLines, paragraph, type Words } from './common';
import { consoleMessage } from './console-message';
import { type ExplainContext, explainContext } from './context';
import type { Explanation } from './explanation-types';
import { firefoxNetworkFailureReason, firefoxReason } from './firefox-reason';
import { hints } from './hints';
import { linksForCode, linksForKind } from './links';
import { explainNetworkError, explainNotCors, explainPassed, explainUnknown } from './non-blocked';
import {
  explainAllowOriginMismatch,
  explainInvalidAllowCredentials,
  explainInvalidAllowOrigin,
  explainMissingAllowOrigin,
  explainMultipleAllowOrigin,
  explainWildcardOrigin,
} from './origin-codes';
import {
  explainAllowExternal,
  explainAllowPrivateNetwork,
  explainCorsDisabledScheme,
  explainDisallowedByMode,
  explainInsecurePrivateNetwork,
  explainNetworkPermissionDenied,
  explainNetworkPermissionUnavailable,
  explainNoCorsRedirectMode,
  explainPrivateNetworkAccessIdentity,
  explainRedirectCredentials,
  explainTargetAddressSpace,
} from './other-codes';
import {
  explainHeaderDisallowed,
  explainInvalidAllowHeaders,
  explainInvalidAllowMethods,
  explainInvalidResponse,
  explainMethodDisallowed,
  explainPreflightInvalidStatus,
  explainPreflightRedirect,
} from './preflight-codes';
import { boundedText, safeText } from './safe-text';

/** Upper bounds on every output string, so a hostile exchange cannot flood the UI. */
export const EXPLANATION_LIMITS = {
  summary: 400,
  detail: 4000,
  consoleMessage: 3000,
  hint: 800,
  hints: 8,
} as const;

/** The words of each family of CORS error (the family is the catalog row's). */
const WORDS_BY_FAMILY = {
  'missing-allow-origin': explainMissingAllowOrigin,
  'multiple-allow-origin': explainMultipleAllowOrigin,
  'invalid-allow-origin': explainInvalidAllowOrigin,
  'allow-origin-mismatch': explainAllowOriginMismatch,
  'wildcard-origin': explainWildcardOrigin,
  'invalid-allow-credentials': explainInvalidAllowCredentials,
  'preflight-status': explainPreflightInvalidStatus,
  'preflight-redirect': explainPreflightRedirect,
  'invalid-response': explainInvalidResponse,
  'invalid-allow-methods': explainInvalidAllowMethods,
  'invalid-allow-headers': explainInvalidAllowHeaders,
  'method-disallowed': explainMethodDisallowed,
  'header-disallowed': explainHeaderDisallowed,
  'disallowed-by-mode': explainDisallowedByMode,
  'cors-disabled-scheme': explainCorsDisabledScheme,
  'no-cors-redirect-mode': explainNoCorsRedirectMode,
  'redirect-credentials': explainRedirectCredentials,
  'network-permission-denied': explainNetworkPermissionDenied,
  'network-permission-unavailable': explainNetworkPermissionUnavailable,
  'insecure-private-network': explainInsecurePrivateNetwork,
  'allow-private-network': explainAllowPrivateNetwork,
  'allow-external': explainAllowExternal,
  'private-network-access-identity': explainPrivateNetworkAccessIdentity,
  'target-address-space': explainTargetAddressSpace,
} satisfies Record<CorsErrorFamily, (ctx: ExplainContext, code: CorsErrorCode) => Words>;

function blockedWords(code: CorsErrorCode, ctx: ExplainContext): Words {
  return WORDS_BY_FAMILY[CORS_ERROR_CATALOG[code].family](ctx, code);
}

/** A blocked verdict without a code (an engine bug or a future code): say what is known. */
function blockedWithoutCode(ctx: ExplainContext): Words {
  const step = ctx.verdict.specStep ? ` (${safeText(ctx.verdict.specStep, 80)})` : '';
  return {
    summary: 'Blocked by CORS, for a reason CORS Lens cannot name',
    detail: paragraph(
      ctx,
      [`The browser's CORS rules block this request${step}; check the console message for the exact reason.`],
      true,
    ),
  };
}

function wordsFor(ctx: ExplainContext): Words {
  switch (ctx.verdict.kind) {
    case 'blocked':
      return ctx.verdict.code === null ? blockedWithoutCode(ctx) : blockedWords(ctx.verdict.code, ctx);
    case 'passed':
      return explainPassed(ctx);
    case 'not-cors':
      return explainNotCors(ctx);
    case 'network-error':
      return explainNetworkError(ctx);
    default:
      return explainUnknown(ctx);
  }
}

/**
 * How many Access-Control-Allow-Origin lines the checked response had, when the capture can tell:
 * one that joined repeated lines cannot, for a value with a comma in it.
 */
function knownAllowOriginLines(ctx: ExplainContext): number | undefined {
  if (ctx.checked === null) return undefined;
  const joined = ctx.exchange.headerLinesMerged === true;
  const values = getHeaderValues(ctx.checked.headers, 'access-control-allow-origin');
  return joined && values.some((value) => value.includes(',')) ? undefined : allowOriginLines(ctx);
}

/** data: and file:, where Firefox (like Chromium's network layer) refuses to follow a redirect. */
const UNSAFE_REDIRECT_TARGET = /^\s*(data|file):/i;

/** The Location of the 3xx a verdict at stage `redirect` is about ('' otherwise). */
function redirectTarget(ctx: ExplainContext): string {
  const index = ctx.verdict.redirectIndex;
  const hop = index === null ? undefined : ctx.exchange.redirects[index];
  return hop === undefined ? '' : (getHeader(hop.response.headers, 'location') ?? '');
}

/** Firefox logs a cross-origin request that failed at network level (but was not aborted) as CORSDidNotSucceed. */
function firefoxFor(ctx: ExplainContext): string | null {
  const { verdict } = ctx;
  if (verdict.kind === 'blocked' && verdict.code !== null) {
    return firefoxReason(verdict.code, {
      allowOriginLines: knownAllowOriginLines(ctx),
      redirectsToUnsafeScheme: verdict.stage === 'redirect' && UNSAFE_REDIRECT_TARGET.test(redirectTarget(ctx)),
    });
  }
  if (verdict.kind === 'network-error') {
    return firefoxNetworkFailureReason(verdict.networkError ?? ctx.exchange.networkError);
  }
  return null;
}

/**
 * Chromium's console line for a network error ("GET http://… net::ERR_CONNECTION_REFUSED"), the way
 * DevTools shows a failed load; only for Chromium `net::` names.
 */
function networkConsoleLine(ctx: ExplainContext): string | null {
  const name = ctx.verdict.networkError ?? ctx.exchange.networkError;
  if (ctx.verdict.kind !== 'network-error' || !name?.startsWith('net::')) return null;
  return `${safeText(ctx.method, 40)} ${safeText(ctx.initialUrl, 1024)} ${safeText(name, 80)}`;
}

function compute(verdict: Verdict, exchange: Exchange): Explanation {
  const ctx = explainContext(verdict, exchange);
  const words = wordsFor(ctx);
  const message = verdict.kind === 'blocked' ? consoleMessage(ctx) : networkConsoleLine(ctx);
  const firefox = firefoxFor(ctx);
  const links =
    verdict.kind === 'blocked'
      ? verdict.code === null
        ? linksForKind('unknown', null)
        : linksForCode(verdict.code, firefox)
      : linksForKind(verdict.kind, verdict.networkError);
  return {
    summary: boundedText(words.summary, EXPLANATION_LIMITS.summary),
    detail: boundedText(words.detail, EXPLANATION_LIMITS.detail, true),
    consoleMessage: message === null ? null : boundedText(message, EXPLANATION_LIMITS.consoleMessage),
    firefoxReason: firefox,
    links,
    hints: hints(ctx)
      .slice(0, EXPLANATION_LIMITS.hints)
      .map((h) => boundedText(h, EXPLANATION_LIMITS.hint)),
  };
}

/**
 * Explains a verdict about an exchange in plain text. Never throws: should a malformed input
 * (a verdict from a newer engine, a truncated HAR) trip a builder, a minimal honest explanation is returned.
 */
export function explain(verdict: Verdict, exchange: Exchange): Explanation {
  try {
    return compute(verdict, exchange);
  } catch {
    return {
      summary: 'CORS Lens could not explain this request',
      detail:
        'The captured data is malformed or incomplete, so no explanation could be built. The browser console shows the exact error.',
      consoleMessage: null,
      firefoxReason: null,
      links: linksForKind('unknown', null),
      hints: [],
    };
  }
}
