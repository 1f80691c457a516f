/**
 * One cross-origin exchange a page made, as the Playwright helper keeps it: the exchange built from
 * CDP's wire events, CORS Lens's verdict on it, and Chromium's own verdict (`corsErrorStatus`)
 * beside it — never fed into the engine — so the two can be compared.
 */
import {
  agreesWithChromium,
  type ChromiumOutcome,
  type Exchange,
  type Explanation,
  explain,
  isHttpScheme,
  isSameOrigin,
  originOf,
  parseUrl,
  type ResourceType,
  type Verdict,
} from '../engine';
import { buildExchange } from './cdp-exchange';
import { type CdpRequestEvents, type CorsErrorStatus, chromiumVerdict } from './cdp-recorder';

/** Decides an exchange: the engine's `evaluate` unless the caller passes another. */
export type Judge = (exchange: Exchange) => Verdict;

export interface JudgedExchange {
  exchange: Exchange;
  verdict: Verdict;
  explanation: Explanation;
  /** Chromium's own CORS verdict (`Network.loadingFailed.corsErrorStatus`), null when it reported none. */
  chromium: CorsErrorStatus | null;
  /** When the request started (ISO 8601), from CDP's wall time. */
  startedDateTime: string | null;
  /** True when CORS Lens and Chromium decided differently: a fidelity bug of CORS Lens. */
  disagrees: boolean;
}

/**
 * CDP's resource types in the engine's names; CDP reports neither credentials nor request mode, so
 * the engine reads them from the wire (`Sec-Fetch-Mode`, `Cookie`) as it does for webRequest.
 * @see https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-ResourceType
 */
const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  Document: 'main_frame',
  Stylesheet: 'stylesheet',
  Image: 'image',
  Media: 'media',
  Font: 'font',
  Script: 'script',
  XHR: 'xmlhttprequest',
  Fetch: 'fetch',
  EventSource: 'xmlhttprequest',
  WebSocket: 'websocket',
  Ping: 'ping',
};

/** True when a request of the page may be judged on CORS: an http(s) subresource that left its document's origin. */
function crossOriginSubresource(events: CdpRequestEvents, initiatorOrigin: string): boolean {
  const first = events.willBeSent[0];
  if (first === undefined || first.type === 'Document') return false;
  return events.willBeSent.some((hop) => {
    const url = parseUrl(hop.request.url);
    return url !== null && isHttpScheme(url) && !isSameOrigin(initiatorOrigin, hop.request.url);
  });
}

/**
 * How Chromium ended the request, from its own events: a CORS error, another failure, or the page
 * got it (a `redirect: 'manual'` 3xx reaches the page although CDP calls it aborted: the exchange
 * already reads that as succeeded).
 */
export function chromiumOutcome(
  events: CdpRequestEvents,
  chromium: CorsErrorStatus | null,
  exchange: Exchange,
): ChromiumOutcome {
  if (chromium !== null) return { kind: 'blocked', status: chromium };
  if (exchange.outcome !== 'succeeded' && events.failed !== null) {
    return { kind: 'network-error', errorText: events.failed.errorText };
  }
  return { kind: 'passed' };
}

/**
 * Judges one settled page request and the preflights Chromium sent for it; null when it is not a
 * cross-origin request, or when the engine calls it not a CORS request and Chromium agrees.
 */
export function judgeRequest(
  events: CdpRequestEvents,
  preflights: readonly CdpRequestEvents[],
  judge: Judge,
): JudgedExchange | null {
  const first = events.willBeSent[0];
  if (first === undefined || first.documentURL === undefined) return null;
  const initiatorOrigin = originOf(first.documentURL);
  if (!crossOriginSubresource(events, initiatorOrigin)) return null;
  const exchange = buildExchange(events, preflights, {
    initiatorOrigin,
    credentialsMode: 'unknown',
    mode: 'unknown',
    resourceType: RESOURCE_TYPES[first.type ?? ''] ?? 'other',
  });
  const verdict = judge(exchange);
  const chromium = chromiumVerdict(events);
  if (verdict.kind === 'not-cors' && chromium === null) return null;
  return {
    exchange,
    verdict,
    explanation: explain(verdict, exchange),
    chromium,
    startedDateTime: first.wallTime === undefined ? null : new Date(first.wallTime * 1000).toISOString(),
    disagrees: !agreesWithChromium(verdict, chromiumOutcome(events, chromium, exchange)),
  };
}
