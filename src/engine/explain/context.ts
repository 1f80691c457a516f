/**
 * The facts an explanation quotes, read once from a verdict and its exchange: which response the
 * decisive check looked at, its status and CORS headers, the page origin, the URLs involved.
 * Everything tolerates a malformed exchange (bad URLs, out-of-range indexes) because `explain` never throws.
 */
import { asciiLowercase } from '../verdict/ascii';
import { checkedPreflight } from '../verdict/decision';
import type { Exchange, HeaderList, HttpRequest, HttpResponse, PreflightObservation } from '../verdict/exchange';
import { getHeader, getHeaderValues } from '../verdict/header-list';
import { locationUrl, parseUrl } from '../verdict/origin';
import type { Verdict } from '../verdict/verdict-types';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

export interface ExplainContext {
  verdict: Verdict;
  exchange: Exchange;
  /** The page origin as the browser serialises it; `null` for an opaque origin. */
  origin: string;
  method: string;
  /** The URL first requested. */
  initialUrl: string;
  /** The URL whose response failed the check (after redirects), or the first one. */
  lastUrl: string;
  /** The response the decisive check looked at: the preflight's, a redirect hop's or the final one. */
  checked: HttpResponse | null;
  /** The OPTIONS request, when one was observed. */
  preflightRequest: HttpRequest | null;
  /** HTTP status of `checked`, or the verdict's when no response is at hand. */
  status: number | null;
}

/** All values of a header, in wire order; none when the response or request is not at hand. */
export function headerValues(headers: HeaderList | null | undefined, name: string): string[] {
  return headers ? getHeaderValues(headers, asciiLowercase(name)) : [];
}

/** The header's values joined with ", " as HTTP folds them, or null when absent or not at hand. */
export function headerValue(headers: HeaderList | null | undefined, name: string): string | null {
  return headers ? getHeader(headers, asciiLowercase(name)) : null;
}

/** True when any `Access-Control-Allow-*` header is present: a CORS layer at least answered. */
export function hasAnyCorsHeader(headers: HeaderList | null | undefined): boolean {
  if (!headers) return false;
  return headers.some((entry) => typeof entry[0] === 'string' && /^access-control-/i.test(entry[0]));
}

/** `host:port` with the scheme's default port filled in, for "is the server running on …?". */
export function hostAndPort(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.host === '') return null;
  const port = parsed.port === '' ? DEFAULT_PORTS[parsed.scheme] : parsed.port;
  return port === undefined ? parsed.host : `${parsed.host}:${port}`;
}

/** The URL the browser ended up requesting: the last redirect's Location, or the first URL. */
export function finalUrl(exchange: Exchange): string {
  let url = exchange.request.url;
  for (const hop of exchange.redirects) {
    const location = headerValue(hop.response.headers, 'location');
    if (location !== null) url = locationUrl(location, hop.request.url) ?? location;
  }
  return url;
}

function checkedResponse(verdict: Verdict, exchange: Exchange): HttpResponse | null {
  switch (verdict.stage) {
    case 'preflight': {
      const preflight = checkedPreflight(verdict, exchange);
      return preflight.kind === 'observed' ? preflight.response : null;
    }
    case 'redirect':
      return verdict.redirectIndex === null ? null : (exchange.redirects[verdict.redirectIndex]?.response ?? null);
    case 'request':
      return null;
    default:
      return exchange.response;
  }
}

function lastRequestUrl(verdict: Verdict, exchange: Exchange): string {
  if (verdict.stage === 'redirect' && verdict.redirectIndex !== null) {
    return exchange.redirects[verdict.redirectIndex]?.request.url ?? exchange.request.url;
  }
  const preflight = checkedPreflight(verdict, exchange);
  if (verdict.stage === 'preflight' && preflight.kind === 'observed') return preflight.request.url;
  if (verdict.stage === 'request') return exchange.request.url;
  return finalUrl(exchange);
}

function preflightRequestOf(preflight: PreflightObservation): HttpRequest | null {
  return preflight.kind === 'observed' ? preflight.request : null;
}

export function explainContext(verdict: Verdict, exchange: Exchange): ExplainContext {
  const checked = checkedResponse(verdict, exchange);
  return {
    verdict,
    exchange,
    origin: exchange.initiatorOrigin ?? 'null',
    method: exchange.request.method,
    initialUrl: exchange.request.url,
    lastUrl: lastRequestUrl(verdict, exchange),
    checked,
    preflightRequest: preflightRequestOf(checkedPreflight(verdict, exchange)),
    status: checked?.status ?? verdict.status,
  };
}
