import type { Exchange, Verdict } from '../engine';
import { firefoxNetworkFailureReason } from '../engine';
import type { RequestId, TabId } from './ids';

/** The browser whose webRequest events a record was built from. */
export type CapturingBrowser = 'chromium' | 'firefox';

/** One captured cross-origin request with its preflight, as the log keeps it. */
export interface ExchangeRecord {
  requestId: RequestId;
  preflightRequestId: RequestId | null;
  /** Negative for requests from outside any tab (service workers, extensions, the browser). */
  tabId: TabId;
  startedAt: number;
  endedAt: number;
  exchange: Exchange;
  verdict: Verdict;
  /**
   * Which browser captured it, so the panel can say what that browser did where it decides
   * differently from Chromium (whose codes the verdict uses). Absent in records from before this
   * field and in imported HAR files.
   */
  capturedBy?: CapturingBrowser;
}

/** What a tab's log counts but does not show. */
export interface TabCounts {
  /** Same-origin requests seen (counted, not stored). */
  sameOriginCount: number;
  /**
   * Requests dropped because a bound in records or bytes was reached (model/capture-limits.ts):
   * records, allowed ones first, and requests still in flight, oldest first.
   */
  evictedCount: number;
  /**
   * Records browser storage refused to keep (its quota was full): shown while this worker lives,
   * gone once the browser restarts it.
   */
  unpersistedCount: number;
}

/** A tab's log as the panel sees it. */
export interface TabLogView extends TabCounts {
  tabId: TabId;
  records: readonly ExchangeRecord[];
  /** When on, a top-level navigation does not start a new log. */
  preserveLog: boolean;
}

/**
 * Firefox shows a CORS request that failed on the network as a blocked one (CORSDidNotSucceed in
 * its console); records it captured say so too, and the detail says the network failed, not the
 * headers (panel/format/firefox-notes.ts).
 */
export function blockedByFirefoxOnNetwork(record: Pick<ExchangeRecord, 'verdict' | 'capturedBy'>): boolean {
  return (
    record.capturedBy === 'firefox' &&
    record.verdict.kind === 'network-error' &&
    firefoxNetworkFailureReason(record.verdict.networkError) !== null
  );
}

/**
 * A request the capturing browser blocked: the engine says so, or the browser was seen blocking it
 * (`net::ERR_FAILED`) while the capture missed the headers the engine would need to say why, or
 * Firefox showed a network failure as a CORS block. This is what the badge counts, the list's
 * Blocked filter shows, an export marks blocked and the log keeps longest.
 */
export function isBlockedRecord(record: Pick<ExchangeRecord, 'verdict' | 'exchange' | 'capturedBy'>): boolean {
  return (
    record.verdict.blocked ||
    (record.verdict.kind === 'unknown' && record.exchange.outcome === 'blocked') ||
    blockedByFirefoxOnNetwork(record)
  );
}
