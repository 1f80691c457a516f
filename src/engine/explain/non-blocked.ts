/**
 * Words for the verdicts that are not a CORS block: passed (with or without advisories),
 * not subject to CORS, network errors and the undecidable.
 */

import { originOf } from '../verdict/origin';
import { askPhrase, opening, paragraph, type Words } from './common';
import { type ExplainContext, headerValue, hostAndPort } from './context';
import { networkErrorFamily, networkErrorWords } from './network-error-text';
import { statusPhrase } from './phrases';
import { quoted, safeText } from './safe-text';

const ACAO = 'Access-Control-Allow-Origin';

export function explainPassed(ctx: ExplainContext): Words {
  const response = ctx.exchange.response;
  const acao = headerValue(response?.headers, ACAO);
  const sent = acao === null ? 'no Access-Control-Allow-Origin header' : `${ACAO}: ${safeText(acao.trim(), 80)}`;
  const advisories = ctx.verdict.advisories;
  const tail =
    advisories.length === 0 ? '' : ` — but ${advisories.length} thing${advisories.length > 1 ? 's' : ''} to improve`;
  const preflight =
    ctx.exchange.preflight.kind === 'observed' && ctx.exchange.preflight.response
      ? ` Its preflight (OPTIONS, ${statusPhrase(ctx.exchange.preflight.response.status, ctx.exchange.preflight.response.statusText)}) allowed ${askPhrase(ctx)}.`
      : ctx.exchange.preflight.kind === 'maybe-cached'
        ? ' No preflight was seen; the browser probably reused a cached one.'
        : '';
  const advice = advisories.map((a, i) => ` (${i + 1}) ${safeText(a.message, 300)}`).join('');
  return {
    summary: `Allowed: the server sent ${sent}${tail}`,
    detail: paragraph(
      ctx,
      [
        opening(ctx),
        ` The server answered ${statusPhrase(response?.status ?? ctx.verdict.status, response?.statusText ?? '')} with ${acao === null ? `no ${ACAO} header` : `${ACAO}: ${quoted(acao)}`}, which the CORS check accepts, so the page can read the response.`,
        preflight,
        advisories.length > 0 ? ` Worth fixing:${advice}` : '',
      ],
      ctx.verdict.credentials.mode !== 'unknown',
    ),
  };
}

function notCorsReason(ctx: ExplainContext): string {
  const mode = ctx.exchange.mode;
  if (mode === 'no-cors') {
    return "it was made with mode: 'no-cors', so the page gets an opaque response (status 0, empty body) by design. To read it, use mode: 'cors' and have the server send CORS headers.";
  }
  if (mode === 'navigate' || ctx.exchange.resourceType === 'main_frame' || ctx.exchange.resourceType === 'sub_frame') {
    return 'it is a navigation (a page or frame load), which CORS does not govern.';
  }
  if (mode === 'websocket' || ctx.exchange.resourceType === 'websocket') {
    return 'WebSocket connections are not subject to CORS; the server should check the Origin header itself.';
  }
  const target = originOf(ctx.exchange.request.url);
  if (target !== 'null' && target === ctx.exchange.initiatorOrigin) {
    return `the page and the URL share the origin ${safeText(target)}, so no CORS check applies.`;
  }
  return 'the request was not made in CORS mode (e.g. an <img> or <script> without the crossorigin attribute), so no CORS check applies; the page just cannot read the response.';
}

export function explainNotCors(ctx: ExplainContext): Words {
  return {
    summary: 'Not a CORS request: no CORS check applies here',
    detail: paragraph(ctx, [opening(ctx), ` This is not a CORS problem: ${notCorsReason(ctx)}`], false),
  };
}

export function explainNetworkError(ctx: ExplainContext): Words {
  const name = ctx.verdict.networkError ?? ctx.exchange.networkError ?? '';
  const cls = networkErrorFamily(name);
  const hostPort = hostAndPort(ctx.initialUrl) ?? safeText(ctx.initialUrl);
  const { what, action } = networkErrorWords(cls, safeText(hostPort, 120));
  const shownName = name === '' ? '' : ` (${safeText(name, 80)})`;
  const prefix = cls === 'cors-generic' ? 'Probably a CORS problem' : 'Not a CORS problem';
  return {
    summary: `${prefix}: ${what}${shownName} — ${action.charAt(0).toLowerCase()}${action.slice(1)}`,
    detail: paragraph(
      ctx,
      [
        opening(ctx),
        ` It failed with ${name === '' ? 'a network error' : safeText(name, 80)}: ${what}. No response reached the CORS check, so CORS headers cannot be the cause. ${action}`,
      ],
      false,
    ),
  };
}

export function explainUnknown(ctx: ExplainContext): Words {
  const missing: string[] = [];
  if (ctx.exchange.response === null && ctx.exchange.networkError === null)
    missing.push('no response and no error were captured');
  if (ctx.exchange.preflight.kind === 'maybe-cached')
    missing.push('the preflight was not seen (probably served from the cache)');
  if (ctx.exchange.initiatorOrigin === null) missing.push("the page's origin is unknown");
  if (ctx.exchange.outcome === 'unknown') missing.push("the browser's own outcome is unknown");
  const why = missing.length > 0 ? missing.join('; ') : 'the capture lacks what the decision needs';
  return {
    summary: 'Cannot tell: the capture does not show enough to decide',
    detail: paragraph(
      ctx,
      [
        opening(ctx),
        ` CORS Lens cannot decide whether this request passes: ${why}. Reload the page with DevTools open (and "Disable cache" ticked) so the whole exchange, preflight included, is captured.`,
      ],
      false,
    ),
  };
}
