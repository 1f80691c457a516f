/**
 * Facts about the request that do not depend on the credentials reading: its origin, effective
 * mode, method and CORS-unsafe header names (as Chromium would have computed them).
 */
import { asciiLowercase } from './ascii';
import type { AddressSpace, Exchange, HeaderList, HttpRequest } from './exchange';
import { getHeader, hasHeader, splitHeaderList } from './header-list';
import { isCorsSafelistedMethod, normalizeMethod } from './method';
import { originOf, type ParsedUrl, parseUrlAndOrigin } from './origin';
import { inCheckOrder, unsafeHeaderNamesInCheckOrder } from './unsafe-request-headers';

export type EffectiveMode = 'cors' | 'same-origin' | 'no-cors' | 'navigate' | 'websocket';

export interface RequestContext {
  /** Serialized request origin; `null` when opaque or unknown. */
  origin: string;
  mode: EffectiveMode;
  /** Normalized method of the actual request. */
  method: string;
  /** CORS-unsafe request-header names in the order Chromium checks them (see `unsafeHeaderNamesInCheckOrder`). */
  unsafeHeaderNames: readonly string[];
  needsPreflight: boolean;
  hasAuthorization: boolean;
  /** The request URL, parsed; null when unparsable. */
  url: Readonly<ParsedUrl> | null;
  /** The request URL is not same origin with the request's origin. */
  crossOrigin: boolean;
}

/**
 * The request's origin: the initiator's, else the `Origin` header that went out, else opaque.
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
export function requestOrigin(exchange: Exchange): string {
  if (exchange.initiatorOrigin !== null) return originOf(exchange.initiatorOrigin);
  const sent = getHeader(exchange.request.headers, 'origin');
  return sent === null ? 'null' : originOf(sent);
}

const FETCH_METADATA_MODES: Readonly<Record<string, EffectiveMode>> = {
  cors: 'cors',
  'no-cors': 'no-cors',
  'same-origin': 'same-origin',
  navigate: 'navigate',
  websocket: 'websocket',
};

/**
 * The mode the browser itself announced in `Sec-Fetch-Mode` (sent to potentially trustworthy
 * URLs: https, localhost), or null without one.
 * @see https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-mode-header
 */
export function fetchMetadataMode(headers: HeaderList): EffectiveMode | null {
  const found = getHeader(headers, 'sec-fetch-mode');
  const value = found === null ? undefined : asciiLowercase(found.trim());
  return value === undefined || !Object.hasOwn(FETCH_METADATA_MODES, value)
    ? null
    : (FETCH_METADATA_MODES[value] ?? null);
}

/**
 * The request's mode. When the capture does not say, the browser's `Sec-Fetch-Mode` does; without it: frames navigate; XHR/fetch and fonts are
 * always CORS; other destinations are CORS only with a `crossorigin` attribute, which shows as an
 * `Origin` header on a GET/HEAD (a no-cors POST sends `Origin` too, so there the preflight, a block,
 * or an Access-Control-Allow-Origin in the answer decides).
 * @see https://fetch.spec.whatwg.org/#concept-request-mode
 */
export function effectiveMode(exchange: Exchange): EffectiveMode {
  if (exchange.mode !== 'unknown') return exchange.mode;
  const declared = fetchMetadataMode(exchange.request.headers);
  if (declared !== null) return declared;
  switch (exchange.resourceType) {
    case 'main_frame':
    case 'sub_frame':
      return 'navigate';
    case 'websocket':
      return 'websocket';
    case 'xmlhttprequest':
    case 'fetch':
    case 'font':
      return 'cors';
    default:
      break;
  }
  if (!hasHeader(exchange.request.headers, 'origin')) return 'no-cors';
  const method = normalizeMethod(exchange.request.method);
  if (method === 'GET' || method === 'HEAD') return 'cors';
  const answered = exchange.response !== null && hasHeader(exchange.response.headers, 'access-control-allow-origin');
  return exchange.preflight.kind === 'observed' || exchange.outcome === 'blocked' || answered ? 'cors' : 'no-cors';
}

/**
 * What a preflight asked for: its Access-Control-Request-Method (normalized) and the names in its
 * Access-Control-Request-Headers, lowercased and deduplicated; null when it carries no method
 * (no header, or an empty one: a method is a non-empty token, so no browser sends that).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function preflightAsks(preflight: HttpRequest): { method: string; headerNames: string[] } | null {
  const requestedMethod = getHeader(preflight.headers, 'access-control-request-method');
  if (requestedMethod === null || requestedMethod.trim() === '') return null;
  const requested = getHeader(preflight.headers, 'access-control-request-headers');
  const headerNames = requested === null ? [] : [...new Set(splitHeaderList(requested).map(asciiLowercase))];
  return { method: normalizeMethod(requestedMethod), headerNames };
}

/**
 * Whether a CORS request must be preceded by a CORS-preflight fetch: its method is not
 * CORS-safelisted, or it carries a CORS-unsafe request header.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 */
export function needsPreflight(method: string, headers: HeaderList): boolean {
  return !isCorsSafelistedMethod(method) || unsafeHeaderNamesInCheckOrder(headers).length > 0;
}

/**
 * Method and unsafe header names: from the observed preflight's Access-Control-Request-* (what
 * Chromium computed) when it carries them, else recomputed from the actual request's headers; in
 * the order Chromium checks them either way.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function requestContext(exchange: Exchange): RequestContext {
  const { preflight, request } = exchange;
  let method = normalizeMethod(request.method);
  // Computed once: the preflight check and `needsPreflight` both read it (the engine's hottest scan).
  const requestUnsafeNames = unsafeHeaderNamesInCheckOrder(request.headers);
  let unsafeHeaderNames = requestUnsafeNames;
  const asked = preflight.kind === 'observed' ? preflightAsks(preflight.request) : null;
  if (asked !== null) {
    method = asked.method;
    unsafeHeaderNames = inCheckOrder(asked.headerNames, unsafeHeaderNames);
  }
  const origin = requestOrigin(exchange);
  const target = parseUrlAndOrigin(request.url);
  return {
    origin,
    mode: effectiveMode(exchange),
    method,
    unsafeHeaderNames,
    needsPreflight: !isCorsSafelistedMethod(request.method) || requestUnsafeNames.length > 0,
    hasAuthorization: hasHeader(request.headers, 'authorization'),
    url: target.url,
    // Same origin needs two tuple origins; an opaque origin is same origin with nothing captured.
    crossOrigin: origin === 'null' || origin !== target.origin,
  };
}

const SPACE_RANK: Readonly<Record<AddressSpace, number>> = { public: 0, private: 1, local: 2, unknown: -1 };

/**
 * True when the target is in a more private address space than the initiator.
 * @see https://wicg.github.io/local-network-access/
 */
export function isLocalNetworkRequest(spaces: Exchange['addressSpaces']): boolean {
  if (spaces === undefined) return false;
  const from = SPACE_RANK[spaces.initiator] ?? -1;
  const to = SPACE_RANK[spaces.target] ?? -1;
  return from >= 0 && to >= 0 && to > from;
}
