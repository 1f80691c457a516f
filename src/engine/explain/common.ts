/**
 * Building blocks shared by the per-code explanation modules: the opening sentence about the
 * request, the preflight it needed, and what the checked response looked like.
 */
import { isCorsSafelistedMethod } from '../verdict/method';
import { type ExplainContext, headerValue, headerValues } from './context';
import { checkedStatus, contradictionSentence, credentialsSentence, cutValueSentence } from './phrases';
import { safeText } from './safe-text';

/** Summary and detail for one verdict: the two strings every explanation module produces. */
export interface Words {
  summary: string;
  detail: string;
}

/** The method and non-safelisted headers the preflight asked for (`Access-Control-Request-*`). */
export function preflightAsk(ctx: ExplainContext): { method: string; headers: string[] } {
  const req = ctx.preflightRequest;
  const method = headerValue(req?.headers, 'access-control-request-method') ?? ctx.method;
  const list = headerValue(req?.headers, 'access-control-request-headers') ?? '';
  const headers = list
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  return { method, headers };
}

/** "PUT with the headers content-type, x-api-key" — what the preflight asked permission for. */
export function askPhrase(ctx: ExplainContext): string {
  const { method, headers } = preflightAsk(ctx);
  const shown = headers.slice(0, 10).map((h) => safeText(h, 60));
  const more = headers.length > shown.length ? ` and ${headers.length - shown.length} more` : '';
  const list = shown.length === 0 ? '' : ` with the header${shown.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`;
  return `${safeText(method, 40)}${list}`;
}

/** Why a preflight was needed, in Fetch terms: a non-safelisted method and/or request headers. */
function preflightReason(ctx: ExplainContext): string {
  const { method, headers } = preflightAsk(ctx);
  const reasons: string[] = [];
  if (!isCorsSafelistedMethod(method)) reasons.push(`${safeText(method, 40)} is not a CORS-safelisted method`);
  if (headers.length > 0)
    reasons.push(`${headers.length > 1 ? 'the request headers are' : 'the request header is'} not CORS-safelisted`);
  return reasons.length === 0 ? 'Because the request needed one' : `Because ${reasons.join(' and ')}`;
}

/** "The page at http://localhost:3000 sent GET http://127.0.0.1:8080/data." */
export function opening(ctx: ExplainContext): string {
  return `The page at ${safeText(ctx.origin)} sent ${safeText(ctx.method, 40)} ${safeText(ctx.initialUrl)}.`;
}

/** The opening plus, for preflight-stage verdicts, the OPTIONS request the browser sent first. */
export function openingWithPreflight(ctx: ExplainContext): string {
  if (ctx.verdict.stage !== 'preflight') return opening(ctx);
  const cached =
    ctx.exchange.preflight.kind === 'maybe-cached' ? ' (no OPTIONS was seen; a cached result may have been used)' : '';
  return `${opening(ctx)} ${preflightReason(ctx)}, the browser first sent a CORS preflight (OPTIONS) asking to use ${askPhrase(ctx)}${cached}.`;
}

/** For a redirect-stage verdict: which hop, and where it pointed. */
export function redirectSentence(ctx: ExplainContext): string {
  if (ctx.verdict.stage !== 'redirect' || ctx.verdict.redirectIndex === null) return '';
  const hop = ctx.exchange.redirects[ctx.verdict.redirectIndex];
  if (!hop) return '';
  const location = headerValue(hop.response.headers, 'location');
  const to = location === null ? 'without a Location' : `to ${safeText(location)}`;
  return ` Redirect ${ctx.verdict.redirectIndex + 1} (${checkedStatus(ctx)} from ${safeText(hop.request.url)}) pointed ${to}; every redirect of a CORS request must pass the CORS check too.`;
}

/** What happened to the request after a preflight failure, stated because newcomers look for it in server logs. */
export function neverSent(ctx: ExplainContext): string {
  return ctx.verdict.stage === 'preflight'
    ? ` The actual ${safeText(ctx.method, 40)} request was never sent, so it won't appear in the server's logs.`
    : '';
}

/** Number of `Access-Control-Allow-Origin` field lines on the checked response. */
export function allowOriginLines(ctx: ExplainContext): number {
  return headerValues(ctx.checked?.headers, 'access-control-allow-origin').length;
}

/** Joins a detail paragraph, appending the credentials, cut-value and contradiction sentences. */
export function paragraph(ctx: ExplainContext, parts: readonly string[], withCredentials: boolean): string {
  const credentials = withCredentials ? ` ${credentialsSentence(ctx)}` : '';
  return `${parts.join('')}${credentials}${cutValueSentence(ctx)}${contradictionSentence(ctx)}`.trim();
}
