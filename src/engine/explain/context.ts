/**
 * The facts an explanation quotes, read once from a verdict and its exchange: which response the
 * decisive check looked at, its status and CORS headers, the page origin, the URLs involved.
 * Everything tolerates a malformed exchange (bad URLs, out-of-range indexes) because `explain` never throws.
 */
import { checkedPreflight } from '../verdict/decision';
import type { Exchange, HeaderList, HttpRequest, HttpResponse, PreflightObservation } from '../verdict/exchange';
import type { Verdict } from '../verdict/verdict-types';

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

/** All values of a header, in wire order, matched case-insensitively. */
export function headerValues(headers: HeaderList | null | undefined, name: string): string[] {
  if (!headers) return [];
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const entry of headers) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && entry[0].toLowerCase() === lower) {
      values.push(typeof entry[1] === 'string' ? entry[1] : '');
    }
  }
  return values;
}

/** The header's values joined with ", " as HTTP folds them, or null when absent. */
export function headerValue(headers: HeaderList | null | undefined, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(', ');
}

/** True when any `Access-Control-Allow-*` header is present: a CORS layer at least answered. */
export function hasAnyCorsHeader(headers: HeaderList | null | undefined): boolean {
  if (!headers) return false;
  return headers.some((entry) => typeof entry[0] === 'string' && /^access-control-/i.test(entry[0]));
}

const SCHEME_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;

/** `scheme://host[:port]` of an absolute URL, lowercased, without userinfo; null when not parseable. */
export function originOf(url: string): string | null {
  const match = SCHEME_AUTHORITY.exec(url);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1).toLowerCase();
  return authority === '' ? null : `${match[1].toLowerCase()}://${authority}`;
}

/** `host:port` with the scheme's default port filled in, for "is the server running on …?". */
export function hostAndPort(url: string): string | null {
  const origin = originOf(url);
  if (origin === null) return null;
  const [scheme = '', authority = ''] = origin.split('://');
  if (/:\d+$/.test(authority)) return authority;
  const port = scheme === 'https' || scheme === 'wss' ? 443 : scheme === 'http' || scheme === 'ws' ? 80 : null;
  return port === null ? authority : `${authority}:${port}`;
}

/** Resolves a redirect `Location` against the URL it answered, by hand (no URL global in the engine). */
export function resolveLocation(base: string, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location)) return location;
  const origin = originOf(base);
  if (origin === null) return location;
  if (location.startsWith('//')) return `${origin.split('://')[0]}:${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  const path = base.slice(origin.length).split(/[?#]/)[0] ?? '';
  return `${origin}${path.slice(0, path.lastIndexOf('/') + 1) || '/'}${location}`;
}

/** The URL the browser ended up requesting: the last redirect's Location, or the first URL. */
export function finalUrl(exchange: Exchange): string {
  let url = exchange.request.url;
  for (const hop of exchange.redirects) {
    const location = headerValue(hop.response.headers, 'location');
    if (location !== null) url = resolveLocation(hop.request.url, location);
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
