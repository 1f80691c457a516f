/**
 * Fixes that belong in the page, not on the server: cases no server configuration can make work,
 * shown before the server snippet so that the user changes the right side first.
 */
import { asciiUppercase } from '../verdict/ascii';
import type { Exchange } from '../verdict/exchange';
import { isSentWithLowercase } from '../verdict/method';
import { quoted } from './safe-text';

export interface PageFix {
  /** One line: what to change in the page. */
  summary: string;
  /** Why no server change can do it, with the real values. */
  detail: string;
}

/**
 * A method fetch() does not normalise (`patch`) goes out in lowercase; Node's HTTP parser and
 * nginx answer it with 400 before any CORS code runs, so even a preflight that allows it is
 * followed by a failing request. The page must send the method in uppercase.
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
function lowercaseMethodFix(method: string): PageFix | null {
  if (!isSentWithLowercase(method)) return null;
  const upper = asciiUppercase(method);
  return {
    summary: `Send ${quoted(upper)} from the page, not ${quoted(method)}.`,
    detail:
      `fetch() and XMLHttpRequest uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT, so ${quoted(method)} ` +
      "is sent as written. Most servers (Node's HTTP parser, nginx) refuse a lowercase method with 400 before any " +
      `CORS code runs, so no server configuration fixes this: write method: ${quoted(upper)} in the page's request.`,
  };
}

/** The change the page itself must make for this request, or null when the server alone can fix it. */
export function pageFix(exchange: Exchange): PageFix | null {
  return lowercaseMethodFix(exchange.request.method);
}
