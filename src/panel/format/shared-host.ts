import type { ExchangeRecord } from '../../model/exchange-record';
import { rowView } from './row-view';

/**
 * The host most of the listed requests go to, or '' when none does. The list names it once, in
 * its column heading, and rows to it show only their path — so a narrow list spends its width on
 * what differs. Rows to any other host still show theirs.
 */
export function sharedHost(records: readonly ExchangeRecord[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const record of records) {
    const { host } = rowView(record);
    if (host === '') continue;
    const count = (counts.get(host) ?? 0) + 1;
    counts.set(host, count);
    if (count > bestCount) {
      best = host;
      bestCount = count;
    }
  }
  return best;
}
