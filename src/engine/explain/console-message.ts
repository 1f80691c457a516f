/**
 * Chromium's console message for a CORS failure, rebuilt from the verdict so users can match the
 * panel to what DevTools printed. Mirrors `GetErrorStringForConsoleMessage` in
 * third_party/blink/renderer/platform/loader/cors/cors_error_string.cc (Chromium main, 2025), and
 * `FetchLoaderBase::FileIssueAndPerformNetworkError` in core/fetch/fetch_manager.cc for the
 * renderer-side fetch() failures.
 */

import { CORS_ERROR_CATALOG } from '../verdict/cors-error-catalog';
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

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
const XHR_CREDENTIALS_TAIL =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';
const NO_CORS_TAIL = ' Have the server send the header with a valid value.';
const LEGACY_NO_CORS_TAIL =
  " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
const LEGACY_MISSING_TAIL =
  " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";

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
  const isFetch = kind === 'fetch';
  const target = ctx.exchange.addressSpaces?.target;
  return CORS_ERROR_CATALOG[code].consoleReason({
    // Cut before encoding: the value may be megabytes and only MAX_VALUE_CHARS are shown.
    hint: encodeHint(raw, MAX_VALUE_CHARS),
    declaredSpace: safeText(raw || 'unknown', 20),
    space: (lna) => `\`${addressSpaceName(target, ctx.lastUrl, lna)}\``,
    noCorsTail: isFetch ? (legacy ? LEGACY_NO_CORS_TAIL : NO_CORS_TAIL) : '',
    legacyMissingTail: isFetch && legacy ? LEGACY_MISSING_TAIL : '',
    xhrTail: kind === 'XMLHttpRequest' ? XHR_CREDENTIALS_TAIL : '',
  });
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
  const prefix = CORS_ERROR_CATALOG[code].preflightPrefixed ? PREFLIGHT_PREFIX : '';
  return `Access to ${kind} at '${last}' ${redirected}from origin '${safeText(ctx.origin)}' has been blocked by CORS policy: ${prefix}${reason(code, ctx, kind, options.legacyNoCorsHint === true)}`;
}
