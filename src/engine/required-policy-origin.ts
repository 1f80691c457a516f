import { checkedPreflight } from './decision';
import type { Exchange, HeaderList } from './exchange';
import type { Verdict } from './verdict-types';

/** The value of the first `name` field in `headers` (case-insensitive), or null when absent. */
export function findHeader(headers: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [fieldName, value] of headers) {
    if (fieldName.toLowerCase() === wanted) return value;
  }
  return null;
}

/**
 * The origin the server must allow for the check that failed: the browser's own `Origin` header when
 * the failing hop's request was captured, else the initiator's origin, or `null` (the string) once a
 * redirect left an origin other than the request's own.
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
export function requiredPolicyOrigin(exchange: Exchange, verdict: Verdict): string {
  const initiator = exchange.initiatorOrigin ?? findHeader(exchange.request.headers, 'origin') ?? '';
  const urls = exchange.redirects.map((hop) => hop.request.url);
  if (urls.length === 0) urls.push(exchange.request.url);

  const preflight = checkedPreflight(verdict, exchange);
  if (verdict.stage === 'preflight' && preflight.kind === 'observed') {
    const sent = findHeader(preflight.request.headers, 'origin');
    if (sent !== null && sent !== '') return sent;
    return initiator;
  }
  if (verdict.stage === 'redirect' && verdict.redirectIndex !== null) {
    const hop = exchange.redirects[verdict.redirectIndex];
    const sent = hop === undefined ? null : findHeader(hop.request.headers, 'origin');
    if (sent !== null && sent !== '') return sent;
    return isRedirectTainted(initiator, urls.slice(0, verdict.redirectIndex + 1)) ? 'null' : initiator;
  }
  if (verdict.stage === 'response' && exchange.redirects.length > 0) {
    const last = exchange.redirects[exchange.redirects.length - 1];
    const location = last === undefined ? null : findHeader(last.response.headers, 'location');
    const finalUrls = location === null ? urls : [...urls, location];
    return isRedirectTainted(initiator, finalUrls) ? 'null' : initiator;
  }
  return initiator;
}

/**
 * Fetch's redirect-taint: a hop from `previous` to `next` taints the request when the two URLs are
 * not same origin and the request's origin is not `previous`'s. A tainted request sends `Origin: null`.
 * Chromium 156 was seen doing this even when the chain comes back to the page's own origin.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 */
function isRedirectTainted(initiator: string, urls: readonly string[]): boolean {
  let previous: string | null = null;
  for (const url of urls) {
    const current: string | null = urlOrigin(url, previous);
    if (previous !== null && current !== null && current !== previous && previous !== initiator) return true;
    previous = current ?? previous;
  }
  return false;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

/**
 * The serialized origin of an absolute or scheme-relative URL, without the URL API (the engine
 * has none). A relative `Location` resolves against the previous URL, so it keeps that origin.
 */
function urlOrigin(url: string, base: string | null): string | null {
  const trimmed = url.trim();
  const baseScheme = base === null ? null : base.slice(0, base.indexOf(':'));
  const absolute = trimmed.startsWith('//') && baseScheme !== null ? `${baseScheme}:${trimmed}` : trimmed;
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d*))?/.exec(absolute);
  if (match === null) return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed) ? null : base;
  const scheme = (match[1] ?? '').toLowerCase();
  const host = (match[2] ?? '').toLowerCase();
  const port = match[3] ?? '';
  return port === '' || DEFAULT_PORTS[scheme] === port ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}
