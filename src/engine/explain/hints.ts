/**
 * Hidden causes: what real servers do that produces this verdict, most likely first. The browser's
 * message names the symptom (a missing header); these name the usual culprit (an auth layer's
 * 401, a proxy's 502, a CORS library that silently drops every header when it rejects a preflight).
 */
import { askPhrase } from './common';
import { type ExplainContext, hasAnyCorsHeader, headerValue } from './context';
import { codeHints } from './hints-by-code';
import { networkErrorFamily } from './network-error-text';
import { checkedStatus } from './phrases';
import { safeText } from './safe-text';

/** What each error status usually means when the browser only says "CORS error". */
function statusCause(status: number, preflight: boolean): string | null {
  if (status === 401 || status === 403) {
    return preflight
      ? 'An authentication layer rejected the OPTIONS preflight. Preflights never carry cookies or an Authorization header, so auth middleware must let OPTIONS through before checking credentials (Spring Security: enable http.cors() so CORS is processed before authentication; API gateways: exempt OPTIONS from the authorizer).'
      : 'An authentication layer rejected the request (expired session, missing token, wrong API key) and its error response skipped the CORS middleware. Fix the authentication, and register CORS before auth so even 401/403 answers carry CORS headers.';
  }
  if (status === 404 || status === 405) {
    return preflight
      ? 'No route answers OPTIONS for this URL: check the path, and with per-route cors() in Express also add app.options(path, cors()); some frameworks answer 405 to OPTIONS unless CORS is configured globally.'
      : "The URL or method is wrong (no such route), and the framework's 404/405 page has no CORS headers. Check the path, the method and any base URL or trailing slash.";
  }
  if (status >= 500 && status <= 501) {
    return 'The application crashed or threw: error pages produced by the framework or server usually skip the CORS middleware. Check the server logs for the exception.';
  }
  if (status >= 502 && status <= 504) {
    return 'A proxy or gateway answered because the application behind it is down, slow or unreachable, and its error page has no CORS headers. Check the upstream service (AWS API Gateway: also add CORS headers to the 4XX/5XX Gateway Responses).';
  }
  if (status === 400 && preflight) {
    return 'A CORS library may have rejected the preflight: Starlette/FastAPI answers 400 "Disallowed CORS origin/method/headers" when the origin, method or a requested header is not in its allow lists.';
  }
  return null;
}

/** The error-status hint: always names the real status, which Chrome's Network panel hides as "CORS error". */
function errorStatusHints(ctx: ExplainContext): string[] {
  const status = ctx.checked?.status ?? null;
  if (status === null || status < 400 || status >= 600) return [];
  const preflight = ctx.verdict.stage === 'preflight';
  const what = preflight ? 'the OPTIONS preflight' : 'the request';
  const hints: string[] = [];
  if (headerValue(ctx.checked?.headers, 'access-control-allow-origin') === null) {
    hints.push(
      `The server (or an auth layer or proxy in front of it) answered ${what} with ${checkedStatus(ctx)} without CORS headers, and Chrome shows this only as "CORS error". Fix that ${status} error, or add CORS headers to error responses too — nginx: add_header … always (without always, add_header skips 4xx/5xx).`,
    );
  } else if (preflight) {
    hints.push(
      `The CORS headers were there, but something after the CORS layer rejected the OPTIONS preflight with ${checkedStatus(ctx)}. Answer OPTIONS with 204 before authentication, routing or method checks.`,
    );
  }
  const cause = statusCause(status, preflight);
  if (cause !== null) hints.push(cause);
  return hints;
}

/** A preflight answer without a single CORS header is how CORS libraries say "method or header not allowed". */
function silentRejectionHint(ctx: ExplainContext): string[] {
  if (
    ctx.verdict.code !== 'PreflightMissingAllowOriginHeader' ||
    !ctx.checked ||
    hasAnyCorsHeader(ctx.checked.headers)
  ) {
    return [];
  }
  const status = ctx.checked.status;
  if (status > 400) return [];
  return [
    `The preflight answer has no CORS headers at all. CORS libraries answer that way when they reject a preflight: Go's rs/cors replies 204 without Access-Control-Allow-Origin, Starlette/FastAPI replies 400 "Disallowed CORS method/headers". So the real cause is probably that ${askPhrase(ctx)} is not in the server's allowed methods or headers (FastAPI's allow_methods defaults to GET only).`,
  ];
}

function networkErrorHints(ctx: ExplainContext): string[] {
  const name = ctx.verdict.networkError ?? ctx.exchange.networkError ?? '';
  if (networkErrorFamily(name) !== 'refused') return [];
  const hints = [
    'If the server runs in Docker, WSL or a VM, make sure it listens on 0.0.0.0 (not only 127.0.0.1 inside the container) and that the port is published.',
  ];
  if (/:\/\/localhost[:/]/i.test(ctx.initialUrl)) {
    hints.push(
      'localhost may resolve to ::1 (IPv6) while the server listens on 127.0.0.1 only; try 127.0.0.1 explicitly.',
    );
  }
  return hints;
}

/** Hints for any verdict, deduplicated, most likely cause first. */
export function hints(ctx: ExplainContext): string[] {
  const { kind } = ctx.verdict;
  let list: string[];
  if (kind === 'network-error') list = networkErrorHints(ctx);
  else if (kind === 'passed') list = ctx.verdict.advisories.map((a) => safeText(a.message, 400));
  else if (kind === 'blocked') list = [...errorStatusHints(ctx), ...silentRejectionHint(ctx), ...codeHints(ctx)];
  else list = [];
  return [...new Set(list)];
}
