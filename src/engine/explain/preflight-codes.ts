/**
 * Words for failures of the CORS-preflight fetch itself: its status, a redirect, a network error,
 * and the Access-Control-Allow-Methods / -Headers checks.
 */
import { neverSent, openingWithPreflight, paragraph, preflightAsk, type Words } from './common';
import { type ExplainContext, headerValue } from './context';
import { checkedStatus, sentHeader } from './phrases';
import { quoted, safeText } from './safe-text';

const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

function preflightHeader(ctx: ExplainContext, name: string): string | null {
  return headerValue(ctx.checked?.headers, name);
}

function detail(ctx: ExplainContext, sent: string, fix: string): string {
  return paragraph(
    ctx,
    [openingWithPreflight(ctx), sent, fix, neverSent(ctx)],
    ctx.verdict.credentials.mode === 'include',
  );
}

export function explainPreflightInvalidStatus(ctx: ExplainContext): Words {
  const status = checkedStatus(ctx);
  return {
    summary: `Blocked by CORS: the preflight (OPTIONS) request got ${status} instead of a 2xx success`,
    detail: detail(
      ctx,
      ` The server answered the OPTIONS request with ${status}. Its CORS headers were fine, but a preflight only succeeds with a status from 200 to 299.`,
      ' The server (or whatever sits in front of it) must answer OPTIONS with 200 or 204, before any authentication, routing or method checks reject it.',
    ),
  };
}

export function explainPreflightRedirect(ctx: ExplainContext): Words {
  const location = preflightHeader(ctx, 'location');
  const to = location === null ? '' : ` to ${quoted(location)}`;
  return {
    summary: `Blocked by CORS: the preflight (OPTIONS) request was redirected${location === null ? '' : ` to ${quoted(location, 80)}`}, which browsers never follow`,
    detail: detail(
      ctx,
      ` The server answered the OPTIONS request with ${checkedStatus(ctx)}${to}. Browsers do not follow redirects for a preflight.`,
      ' Request the final URL directly (https instead of http, the exact trailing slash, no login redirect), or make the server answer OPTIONS at this URL.',
    ),
  };
}

export function explainInvalidResponse(ctx: ExplainContext): Words {
  const error =
    ctx.exchange.preflight.kind === 'observed' && ctx.exchange.preflight.error !== null
      ? ` (${safeText(ctx.exchange.preflight.error, 80)})`
      : '';
  return {
    summary: `Blocked by CORS: the preflight (OPTIONS) request failed without a usable response${error}`,
    detail: detail(
      ctx,
      ` The OPTIONS request got no valid HTTP response${error}: the connection failed or the answer could not be parsed.`,
      ' Check that the server is reachable at this URL and answers OPTIONS at all.',
    ),
  };
}

export function explainInvalidAllowMethods(ctx: ExplainContext): Words {
  const value = preflightHeader(ctx, ACAM) ?? ctx.verdict.failedParameter;
  return {
    summary: `Blocked by CORS: the preflight's ${ACAM} header cannot be parsed (${quoted(value, 80)})`,
    detail: detail(
      ctx,
      ` The preflight answered ${checkedStatus(ctx)} with ${ACAM}: ${quoted(value)}, which is not a comma-separated list of method names.`,
      ` Send a plain list such as ${ACAM}: ${safeText([...new Set(['GET', 'POST', preflightAsk(ctx).method])].join(', '), 60)}.`,
    ),
  };
}

export function explainInvalidAllowHeaders(ctx: ExplainContext): Words {
  const value = preflightHeader(ctx, ACAH) ?? ctx.verdict.failedParameter;
  const wanted = preflightAsk(ctx).headers.join(', ') || 'content-type';
  return {
    summary: `Blocked by CORS: the preflight's ${ACAH} header cannot be parsed (${quoted(value, 80)})`,
    detail: detail(
      ctx,
      ` The preflight answered ${checkedStatus(ctx)} with ${ACAH}: ${quoted(value)}, which is not a comma-separated list of header names.`,
      ` Send a plain list such as ${ACAH}: ${safeText(wanted)}.`,
    ),
  };
}

export function explainMethodDisallowed(ctx: ExplainContext): Words {
  const method = ctx.verdict.failedParameter || preflightAsk(ctx).method;
  const allowed = preflightHeader(ctx, ACAM);
  const credentialed = ctx.verdict.credentials.mode === 'include';
  const star =
    allowed?.split(',').some((m) => m.trim() === '*') && credentialed
      ? ' Its * does not count because the request is credentialed.'
      : '';
  return {
    summary: `Blocked by CORS: method ${safeText(method, 40)} is not listed in the preflight's ${ACAM} header`,
    detail: detail(
      ctx,
      ` The preflight answered ${checkedStatus(ctx)} with ${sentHeader(ACAM, allowed)}, which does not include ${safeText(method, 40)}.${star}`,
      ` It had to send ${ACAM}: ${safeText(method, 40)} (method names are case-sensitive).`,
    ),
  };
}

export function explainHeaderDisallowed(ctx: ExplainContext): Words {
  const header = ctx.verdict.failedParameter || (preflightAsk(ctx).headers[0] ?? '');
  const allowed = preflightHeader(ctx, ACAH);
  const credentialed = ctx.verdict.credentials.mode === 'include';
  const hasStar = allowed?.split(',').some((h) => h.trim() === '*') ?? false;
  const star = !hasStar
    ? ''
    : header.toLowerCase() === 'authorization'
      ? " Its * does not cover Authorization under the Fetch standard's rule (Chromium's default still lets it) or with credentials: name Authorization explicitly."
      : credentialed
        ? ' Its * does not count because the request is credentialed.'
        : '';
  const all = preflightAsk(ctx).headers;
  const list = all.length > 0 ? all.join(', ') : header;
  return {
    summary: `Blocked by CORS: request header ${safeText(header, 60)} is not allowed by the preflight's ${ACAH} header`,
    detail: detail(
      ctx,
      ` The preflight answered ${checkedStatus(ctx)} with ${sentHeader(ACAH, allowed)}, which does not include ${safeText(header, 60)}.${star}`,
      ` It had to send ${ACAH}: ${safeText(list)} (every non-safelisted header the request sends).`,
    ),
  };
}
