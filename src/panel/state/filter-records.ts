import type { Exchange, HeaderList } from '../../engine';
import { explain } from '../../engine';
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
 * The lowercase text a search looks in: method, URL, status, verdict, CorsError code, the header
 * at fault and its failed parameter, the summary, and the name of every header of the exchange
 * (so `x-api-key` or `allow-headers` finds the request it matters to). Cached per record (records
 * are immutable), so a keystroke at 10,000 records does no string building.
 */
const haystacks = new WeakMap<ExchangeRecord, string>();

/** Header names only: values can be long, and the user searches for what a header is called. */
function headerNames(exchange: Exchange): string[] {
  const lists: HeaderList[] = [exchange.request.headers];
  if (exchange.response !== null) lists.push(exchange.response.headers);
  if (exchange.preflight.kind === 'observed') {
    lists.push(exchange.preflight.request.headers);
    if (exchange.preflight.response !== null) lists.push(exchange.preflight.response.headers);
  }
  for (const hop of exchange.redirects) lists.push(hop.request.headers, hop.response.headers);
  return lists.flatMap((headers) => headers.map(([name]) => name));
}

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
      verdict.header?.name ?? '',
      verdict.failedParameter,
      explain(verdict, exchange).summary,
      ...headerNames(exchange),
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
