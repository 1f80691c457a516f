import type { ExchangeRecord } from '../../model/exchange-record';
import { realStatus } from '../format/row-view';
import { recordClass, verdictLabel } from '../format/verdict-class';

/** The list's filter buttons. `advisories` means passed with advisories. */
export type RecordFilter = 'all' | 'blocked' | 'advisories';

export const RECORD_FILTERS: readonly { id: RecordFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'blocked', label: 'Blocked' },
  { id: 'advisories', label: 'Advisories' },
];

export function matchesFilter(record: ExchangeRecord, filter: RecordFilter): boolean {
  return filter === 'all' || recordClass(record) === filter;
}

/**
 * The lowercase text a search looks in: method, URL, status, verdict and CorsError code. Cached
 * per record (records are immutable), so a keystroke at 10,000 records does no string building.
 */
const haystacks = new WeakMap<ExchangeRecord, string>();

function haystack(record: ExchangeRecord): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    const { exchange, verdict } = record;
    text = [
      exchange.request.method,
      exchange.request.url,
      realStatus(exchange),
      verdictLabel(verdict),
      verdict.code ?? '',
      verdict.networkError ?? '',
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function hasTerms(record: ExchangeRecord, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = haystack(record);
  return terms.every((term) => text.includes(term));
}

/** Every whitespace-separated term of `query` occurs, case-insensitively; an empty query matches all. */
export function matchesSearch(record: ExchangeRecord, query: string): boolean {
  return hasTerms(record, searchTerms(query));
}

/** The records the list shows, in log order. Returns the input itself when nothing is filtered out. */
export function filterRecords(
  records: readonly ExchangeRecord[],
  filter: RecordFilter,
  query: string,
): readonly ExchangeRecord[] {
  const terms = searchTerms(query);
  if (filter === 'all' && terms.length === 0) return records;
  return records.filter((record) => matchesFilter(record, filter) && hasTerms(record, terms));
}
