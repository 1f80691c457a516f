/**
 * Words for the CORS-check failures (Fetch "CORS check"): the Access-Control-Allow-Origin family
 * and Access-Control-Allow-Credentials, on the response, a redirect or the preflight.
 */
import { allowOriginLines, neverSent, openingWithPreflight, paragraph, redirectSentence, type Words } from './common';
import { type ExplainContext, headerValue } from './context';
import { checkedStatus, responseName } from './phrases';
import { quoted, safeText } from './safe-text';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

function received(ctx: ExplainContext, name: string): string | null {
  const finding = ctx.verdict.header;
  if (finding && finding.name.toLowerCase() === name.toLowerCase()) return finding.received;
  return headerValue(ctx.checked?.headers, name);
}

/** The origin the server had to name: the verdict's finding (it is `null` after a cross-origin redirect), else the page's. */
function expectedOrigin(ctx: ExplainContext): string {
  const finding = ctx.verdict.header;
  return finding && finding.name.toLowerCase() === ACAO.toLowerCase() && finding.expected !== ''
    ? finding.expected
    : ctx.origin;
}

function credentialed(ctx: ExplainContext): boolean {
  return ctx.verdict.credentials.mode === 'include';
}

/** "It had to send …": both headers for a credentialed request, `*` allowed otherwise. */
function mustSend(ctx: ExplainContext): string {
  const origin = safeText(expectedOrigin(ctx));
  if (credentialed(ctx)) return ` To pass, ${responseName(ctx)} had to include ${ACAO}: ${origin} and ${ACAC}: true.`;
  const star = expectedOrigin(ctx) === 'null' ? '' : ' (or *, since the request carried no credentials)';
  return ` To pass, ${responseName(ctx)} had to include ${ACAO}: ${origin}${star}.`;
}

function where(ctx: ExplainContext): string {
  return ctx.verdict.stage === 'preflight' ? 'the preflight response' : 'the response';
}

function body(ctx: ExplainContext, sent: string, withCredentials: boolean): string {
  return paragraph(
    ctx,
    [openingWithPreflight(ctx), redirectSentence(ctx), sent, mustSend(ctx), neverSent(ctx)],
    withCredentials || credentialed(ctx),
  );
}

export function explainMissingAllowOrigin(ctx: ExplainContext): Words {
  const status = checkedStatus(ctx);
  return {
    summary: `Blocked by CORS: ${where(ctx)} (${status}) has no ${ACAO} header`,
    detail: body(
      ctx,
      ` The server answered ${status} with no ${ACAO} header, so the browser ${ctx.verdict.stage === 'preflight' ? 'failed the preflight' : 'withheld the response from the page'} (Chrome's Network panel shows only "CORS error" and hides this status).`,
      false,
    ),
  };
}

export function explainMultipleAllowOrigin(ctx: ExplainContext): Words {
  const value = received(ctx, ACAO) ?? ctx.verdict.failedParameter;
  const lines = allowOriginLines(ctx);
  const how = lines > 1 ? `${lines} ${ACAO} header lines` : `one ${ACAO} header listing several origins`;
  return {
    summary: `Blocked by CORS: ${ACAO} has several values (${quoted(value, 80)}) but only one is allowed`,
    detail: body(
      ctx,
      ` The server answered ${checkedStatus(ctx)} with ${how}: ${quoted(value)}. The header must hold exactly one origin (or *); it cannot be a list.`,
      false,
    ),
  };
}

export function explainInvalidAllowOrigin(ctx: ExplainContext): Words {
  const value = received(ctx, ACAO) ?? ctx.verdict.failedParameter;
  const shown = value === '' ? 'an empty value' : quoted(value);
  return {
    summary: `Blocked by CORS: ${ACAO} is not a valid origin (${value === '' ? 'empty' : quoted(value, 80)})`,
    detail: body(
      ctx,
      ` The server answered ${checkedStatus(ctx)} with ${ACAO} set to ${shown}, which is not an origin: it must be scheme://host[:port] with no path, or *.`,
      false,
    ),
  };
}

export function explainAllowOriginMismatch(ctx: ExplainContext): Words {
  const value = received(ctx, ACAO) ?? ctx.verdict.failedParameter;
  const expected = expectedOrigin(ctx);
  const nullNote =
    expected === 'null' && ctx.origin !== 'null'
      ? ' After a redirect to another origin the browser sends Origin: null, so only null or * can match.'
      : '';
  const whose = nullNote === '' ? "the page's origin" : "after the cross-origin redirect the request's Origin";
  return {
    summary: `Blocked by CORS: ${ACAO} is ${quoted(value, 80)} but ${whose} is ${quoted(expected, 80)}`,
    detail: body(
      ctx,
      ` The server answered ${checkedStatus(ctx)} with ${ACAO}: ${quoted(value)}, but the request's origin is ${quoted(expected)}. The browser compares them byte for byte: scheme, host, port, case and any trailing slash must all match.${nullNote}`,
      false,
    ),
  };
}

export function explainWildcardOrigin(ctx: ExplainContext): Words {
  return {
    summary: `Blocked by CORS: ${ACAO} is '*', which is not allowed when the request sends credentials`,
    detail: body(
      ctx,
      ` The server answered ${checkedStatus(ctx)} with ${ACAO}: '*'. The wildcard only works for requests without credentials; a credentialed request needs the exact origin echoed back.`,
      true,
    ),
  };
}

export function explainInvalidAllowCredentials(ctx: ExplainContext): Words {
  const value = received(ctx, ACAC);
  const sent = value === null ? `no ${ACAC} header` : `${ACAC}: ${quoted(value)}`;
  const summaryValue = value === null ? 'the server did not send it' : `the server sent ${quoted(value, 80)}`;
  return {
    summary: `Blocked by CORS: ${ACAC} must be 'true' for a request with credentials, but ${summaryValue}`,
    detail: body(
      ctx,
      ` The server answered ${checkedStatus(ctx)} with ${sent}. For a credentialed request the header must be exactly the lowercase word true.`,
      true,
    ),
  };
}
