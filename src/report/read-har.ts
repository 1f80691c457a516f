/**
 * Reads a HAR log into engine Exchanges. Works on a whole parsed file (`readHar`) or entry by
 * entry (`createHarReader`), so a caller can stream a file of any size: each entry is reduced to
 * its headers as it arrives, and pairing runs once at the end.
 */
import type { Exchange } from '../engine';
import { getHeader as headerValue, originOf } from '../engine';
import { isRecord } from '../model/is-record';
import { followRedirects } from './follow-redirects';
import { headerPool, optionalString } from './har-guards';
import { nestingGuard, TOO_DEEP } from './json-nesting';
import { isPreflightEntry, pairPreflights } from './pair-preflights';
import { type EntryView, readEntry } from './read-entry';
import { toExchange } from './to-exchange';

export interface HarWarning {
  /** Index in `log.entries`, or null for a problem with the log itself. */
  entry: number | null;
  message: string;
}

/** One exchange with the HAR entries it was rebuilt from. */
export interface HarExchange {
  exchange: Exchange;
  /** Indices in `log.entries`: the request, then each redirect hop; the last is where it ended. */
  entries: readonly number[];
  /** Index in `log.entries` of the paired preflight, or null. */
  preflightEntry: number | null;
  /** The request as it was sent at the last entry (after any redirects). */
  finalRequest: { url: string; method: string };
  startedDateTime: string | null;
  /** The request left its page's origin (an `Origin: null` request counts as cross-origin). */
  crossOrigin: boolean;
}

export interface HarCreator {
  name: string;
  version: string;
}

export interface HarReadResult {
  creator: HarCreator | null;
  /** `log.entries.length`, bad entries included. */
  entryCount: number;
  /** In the order of their first entry. */
  records: HarExchange[];
  /** Indices of every entry read as a CORS preflight, paired or not. */
  preflightEntries: number[];
  warnings: HarWarning[];
}

export interface HarReader {
  /** Feeds `log.creator` (optional). */
  creator(value: unknown): void;
  /** Feeds the next element of `log.entries`. */
  entry(value: unknown): void;
  finish(): HarReadResult;
}

export function createHarReader(): HarReader {
  const views: EntryView[] = [];
  const warnings: HarWarning[] = [];
  let creator: HarCreator | null = null;
  let count = 0;
  const pool = headerPool();
  return {
    creator(value) {
      if (isRecord(value))
        creator = { name: optionalString(value.name) ?? '', version: optionalString(value.version) ?? '' };
    },
    entry(value) {
      const view = readEntry(value, count, pool);
      if (typeof view === 'string') warnings.push({ entry: count, message: `skipped ${view}` });
      else views.push(view);
      count++;
    },
    finish() {
      return { creator, entryCount: count, ...buildRecords(views), warnings };
    },
  };
}

function viewAt(views: readonly EntryView[], position: number | undefined): EntryView | null {
  return position === undefined ? null : (views[position] ?? null);
}

function buildRecords(views: readonly EntryView[]): Pick<HarReadResult, 'records' | 'preflightEntries'> {
  const preflight = views.map(isPreflightEntry);
  const preflightOf = pairPreflights(views, preflight);
  const next = followRedirects(views, preflight);
  const isHop = new Set(next.values());
  const records: HarExchange[] = [];
  views.forEach((view, position) => {
    if (preflight[position] || isHop.has(position)) return;
    const chain = [view];
    const seen = new Set([position]);
    // A preflight paired with a later hop is the one the browser sent again after that redirect.
    const hopPreflights: (EntryView | null)[] = [];
    for (let at = next.get(position); at !== undefined && !seen.has(at); at = next.get(at)) {
      seen.add(at);
      chain.push(views[at] as EntryView);
      hopPreflights.push(viewAt(views, preflightOf.get(at)));
    }
    const pre = viewAt(views, preflightOf.get(position));
    const exchange = toExchange(chain, pre, hopPreflights);
    const opaque = headerValue(view.requestHeaders, 'origin')?.trim() === 'null';
    records.push({
      exchange,
      entries: chain.map((hop) => hop.index),
      preflightEntry: pre?.index ?? null,
      finalRequest: { url: (chain.at(-1) ?? view).url, method: (chain.at(-1) ?? view).method },
      startedDateTime: view.startedDateTime,
      crossOrigin: opaque || (exchange.initiatorOrigin !== null && exchange.initiatorOrigin !== originOf(view.url)),
    });
  });
  const preflightEntries = views.filter((_, position) => preflight[position]).map((view) => view.index);
  return { records, preflightEntries };
}

/** Why a JSON document is not a HAR log, after "not a HAR file: ". */
export const NO_LOG_OBJECT = 'no "log" object at the top level';
export const ENTRIES_NOT_ARRAY = '"log.entries" is not an array';

/** Thrown by readHar for input that is not a HAR log at all; entry-level problems are warnings. */
export class HarFormatError extends Error {
  override name = 'HarFormatError';
}

/**
 * Reads a whole HAR, given as text or already parsed. Throws HarFormatError only when it is not
 * HAR, or as text nests deeper than MAX_HAR_NESTING.
 */
export function readHar(input: unknown): HarReadResult {
  let parsed = input;
  if (typeof input === 'string') {
    if (!nestingGuard()(input)) throw new HarFormatError(TOO_DEEP);
    try {
      parsed = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      throw new HarFormatError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const log = isRecord(parsed) ? parsed.log : undefined;
  if (!isRecord(log)) throw new HarFormatError(`not a HAR file: ${NO_LOG_OBJECT}`);
  if (!Array.isArray(log.entries)) throw new HarFormatError(`not a HAR file: ${ENTRIES_NOT_ARRAY}`);
  const reader = createHarReader();
  reader.creator(log.creator);
  for (const entry of log.entries) reader.entry(entry);
  return reader.finish();
}
