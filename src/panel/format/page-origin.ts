import type { ExchangeRecord } from '../../model/exchange-record';

/**
 * The origin of the page the list is about: the initiator of the most recent request (the page
 * the tab shows now), or null before any request names one. The worker's tab id means nothing to
 * a user; the page's origin is what the requests are checked against.
 */
export function latestPageOrigin(records: readonly ExchangeRecord[]): string | null {
  for (let index = records.length - 1; index >= 0; index--) {
    const origin = records[index]?.exchange.initiatorOrigin;
    if (origin !== null && origin !== undefined) return origin;
  }
  return null;
}
