/**
 * Phrases every explanation reuses: the HTTP status in words, which response is meant, how the
 * credentials mode is known, and the honest note when the verdict contradicts the browser.
 */

import { cutValueBytes } from '../verdict/cut-value';
import type { ResourceType } from '../verdict/exchange';
import type { VerdictStage } from '../verdict/verdict-types';
import { type ExplainContext, headerValue } from './context';
import { quoted, safeText } from './safe-text';

const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "401 Unauthorized": the server's own status text when it sent one (HTTP/2 sends none), else the standard phrase. */
export function statusPhrase(status: number | null, statusText = ''): string {
  if (status === null) return 'no HTTP status (no response arrived)';
  const text = statusText.trim() === '' ? (REASON_PHRASES[status] ?? '') : safeText(statusText.trim(), 60);
  return text === '' ? `HTTP ${status}` : `HTTP ${status} ${text}`;
}

/** The status of the response the decisive check looked at, in words. */
export function checkedStatus(ctx: ExplainContext): string {
  return statusPhrase(ctx.status, ctx.checked?.statusText ?? '');
}

/** Which response each stage means, for "… sent no header" sentences. */
const RESPONSE_NAMES: Readonly<Record<VerdictStage, string>> = {
  request: 'the response',
  preflight: 'the preflight response (to the OPTIONS request)',
  redirect: 'the redirect response',
  response: 'the response',
};

/** Which response is meant, for "… sent no header" sentences. */
export function responseName(ctx: ExplainContext): string {
  return ctx.verdict.stage === null ? 'the response' : RESPONSE_NAMES[ctx.verdict.stage];
}

const FETCH_CREDENTIALS = "credentials: 'include'";
const ELEMENT_CREDENTIALS = 'crossorigin="use-credentials"';

/** How the page opts into credentials, in the API each resource type implies (fetch's when none is). */
const CREDENTIALS_SWITCHES: Readonly<Record<ResourceType, string>> = {
  fetch: FETCH_CREDENTIALS,
  xmlhttprequest: "credentials: 'include' (fetch) or withCredentials = true (XHR)",
  image: ELEMENT_CREDENTIALS,
  script: ELEMENT_CREDENTIALS,
  stylesheet: ELEMENT_CREDENTIALS,
  font: ELEMENT_CREDENTIALS,
  media: ELEMENT_CREDENTIALS,
  ping: FETCH_CREDENTIALS,
  websocket: FETCH_CREDENTIALS,
  main_frame: FETCH_CREDENTIALS,
  sub_frame: FETCH_CREDENTIALS,
  other: FETCH_CREDENTIALS,
};

/**
 * How the page opts into credentials, in the API the resource type implies; fetch's for a type this
 * version does not know (a record restored from storage).
 */
export function credentialsSwitch(ctx: ExplainContext): string {
  return CREDENTIALS_SWITCHES[ctx.exchange.resourceType] ?? FETCH_CREDENTIALS;
}

/** One sentence on how the credentials mode used by the verdict was known. Empty when nothing useful can be said. */
export function credentialsSentence(ctx: ExplainContext): string {
  const { mode, evidence } = ctx.verdict.credentials;
  const how = credentialsSwitch(ctx);
  if (mode === 'include') {
    switch (evidence) {
      case 'sent-credentials': {
        const headers = ctx.exchange.request.headers;
        const sent = headerValue(headers, 'cookie') !== null ? 'a Cookie header' : 'an Authorization header';
        return `Because the request sent ${sent}, it was credentialed (${how}).`;
      }
      case 'declared':
        return `The request was made with ${how}, so it was credentialed.`;
      case 'inferred-from-outcome':
        return `The browser blocked this response, which only happens if the request was credentialed — so it must have been sent with ${how}.`;
      default:
        return `The request is treated as credentialed (${how}).`;
    }
  }
  if (mode === 'omit') {
    switch (evidence) {
      case 'declared':
        return 'The request was made without credentials.';
      case 'inferred-from-outcome':
        return 'The browser let this response through, which it would not do for a credentialed request — so it was sent without credentials.';
      default:
        return 'The request is treated as sent without credentials.';
    }
  }
  return "Whether the request carried credentials is not known (webRequest doesn't report it); the verdict is the same either way.";
}

/** Said plainly when the engine and the browser disagree, instead of hiding it. */
export function contradictionSentence(ctx: ExplainContext): string {
  if (!ctx.verdict.contradictsOutcome) return '';
  const outcome = ctx.exchange.outcome;
  const browser =
    outcome === 'blocked'
      ? 'the browser blocked this request'
      : outcome === 'succeeded'
        ? 'the browser let this request through'
        : `the browser's outcome was "${safeText(outcome, 20)}"`;
  return ` Note: this verdict contradicts what was observed — ${browser}. Headers may be missing from the capture (a cached preflight, an extension or proxy rewriting headers), or the browser differs from the Fetch standard here; trust the browser's behaviour and treat this explanation with caution.`;
}

/** `Name: value` of what the server sent, for a detail paragraph. */
export function sentHeader(name: string, value: string | null): string {
  return value === null ? `no ${name} header` : `${name}: ${quoted(value)}`;
}

/** The checked headers that hold one value, not a comma list. */
const SINGLE_VALUED: ReadonlySet<string> = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'location',
]);

/** `access-control-allow-origin` → `Access-Control-Allow-Origin`, as headers are written in prose. */
function writtenName(lowerName: string): string {
  return lowerName.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

/**
 * Said when a check read a header value the capture cut (its marker is in the trail's value): the
 * browser judged the whole value, the verdict only the part kept.
 */
export function cutValueSentence(ctx: ExplainContext): string {
  const cut = new Map<string, number>();
  for (const step of ctx.verdict.trail) {
    const total = step.received === null ? null : cutValueBytes(step.received);
    if (total !== null && !cut.has(step.header)) cut.set(step.header, total);
  }
  if (cut.size === 0) return '';
  const values = [...cut].map(([name, total]) => `${safeText(writtenName(name), 60)} (${total} bytes in all)`);
  const which = values.length > 1 ? 'these values' : 'the value';
  const lists = [...cut.keys()].some((name) => !SINGLE_VALUED.has(name))
    ? ' (a list by the names it kept whole, not the last one the cut shortened)'
    : '';
  return ` CORS Lens captured only the start of ${values.join(' and ')}: the browser judged the whole of ${which}, this verdict judges the part kept${lists}, so what the cut hid is not known.`;
}
