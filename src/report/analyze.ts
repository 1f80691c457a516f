/** Runs the engine over rebuilt exchanges: one row per exchange with its verdict and its words. */

import type { Explanation } from '../engine';
import { explain } from '../engine';
import type { Exchange, Verdict } from '../engine/index';
import { evaluate } from '../engine/index';
import type { HarExchange } from './read-har';

/** Where a row came from in a HAR log; null for rows that never were HAR (the panel's live log). */
export interface RowSource {
  /** Indices in `log.entries`: the request, then each redirect hop. */
  entries: readonly number[];
  preflightEntry: number | null;
  /** The request as it was sent at the last entry (after any redirects). */
  finalRequest: { url: string; method: string };
}

export interface ReportRow {
  exchange: Exchange;
  verdict: Verdict;
  explanation: Explanation;
  crossOrigin: boolean;
  /**
   * The browser blocked it as the capture shows: the verdict's `blocked`, or what the capturing
   * browser showed beyond it (model/exchange-record.ts `isBlockedRecord`, for a live log).
   */
  blocked: boolean;
  startedDateTime: string | null;
  source: RowSource | null;
}

export function analyzeOne(record: HarExchange): ReportRow {
  const verdict = evaluate(record.exchange);
  return {
    exchange: record.exchange,
    verdict,
    explanation: explain(verdict, record.exchange),
    crossOrigin: record.crossOrigin,
    blocked: verdict.blocked,
    startedDateTime: record.startedDateTime,
    source: { entries: record.entries, preflightEntry: record.preflightEntry, finalRequest: record.finalRequest },
  };
}

export function analyze(records: readonly HarExchange[]): ReportRow[] {
  return records.map(analyzeOne);
}
