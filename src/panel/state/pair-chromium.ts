/**
 * Which request Chromium reported (CDP) is which captured record (webRequest). The two APIs number
 * requests independently: CDP's Network `requestId` is DevTools' own id for the load, webRequest's
 * is the extension system's counter, and neither event carries the other's. What both do carry is
 * the request itself: the same method and URL, started within moments of each other (webRequest's
 * `timeStamp` and CDP's `wallTime` read the same browser clock). So a record is paired with the
 * request of the same method and URL nearest to it in time, each request used once; records are
 * taken in time order, so a page that repeats one request pairs the n-th with the n-th.
 */
import type { ExchangeRecord } from '../../model/exchange-record';
import type { RequestId } from '../../model/ids';
import type { ChromiumRequest } from './chromium-log';

/**
 * How far apart the two clocks' starts may be. Both are read as the request starts; the slack
 * covers a busy browser delivering one of them late. A request repeated within less than this
 * still pairs correctly, by nearest start.
 */
export const PAIRING_WINDOW_MS = 2_000;

function requestKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}

/** Each record with the Chromium request it is, for the records Chromium saw. */
export function pairWithChromium(
  records: readonly ExchangeRecord[],
  chromium: Iterable<ChromiumRequest>,
  windowMs = PAIRING_WINDOW_MS,
): Map<RequestId, ChromiumRequest> {
  const byKey = new Map<string, ChromiumRequest[]>();
  for (const request of chromium) {
    const key = requestKey(request.method, request.url);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [request]);
    else group.push(request);
  }
  const claimed = new Set<ChromiumRequest>();
  const pairs = new Map<RequestId, ChromiumRequest>();
  const inTimeOrder = [...records].sort((a, b) => a.startedAt - b.startedAt);
  for (const record of inTimeOrder) {
    const { method, url } = record.exchange.request;
    let best: ChromiumRequest | undefined;
    for (const candidate of byKey.get(requestKey(method, url)) ?? []) {
      const distance = Math.abs(candidate.startedAt - record.startedAt);
      if (claimed.has(candidate) || !(distance <= windowMs)) continue;
      if (best === undefined || distance < Math.abs(best.startedAt - record.startedAt)) best = candidate;
    }
    if (best === undefined) continue;
    claimed.add(best);
    pairs.set(record.requestId, best);
  }
  return pairs;
}
