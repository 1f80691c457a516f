import { BoundedLog, type Eviction, type LogBounds } from '../capture/bounded-log';
import { exchangeBytes } from '../capture/estimated-bytes';
import { evaluate } from '../engine';
import { type ExchangeRecord, isBlockedRecord, type TabLogView } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import type { TabMeta } from './persistence';
import type { StoredRecord } from './stored-record';

interface Entry {
  requestId: string;
  blocked: boolean;
  bytes: number;
  /**
   * Without its verdict: a verdict is about as large as its exchange and only a panel reads it,
   * so the log keeps what decides it and `view` decides it again (the engine is pure).
   */
  record: StoredRecord;
}

interface TabSettings {
  sameOriginCount: number;
  preserveLog: boolean;
  /** Records storage refused that a previous worker life held: gone now, still counted. */
  lostUnsaved: number;
}

function entryOf(record: ExchangeRecord): Entry {
  const { verdict: _decided, ...stored } = record;
  return {
    requestId: record.requestId,
    blocked: isBlockedRecord(record),
    bytes: exchangeBytes(record.exchange),
    record: stored,
  };
}

/**
 * The per-tab logs the worker keeps: bounded record lists (blocked requests outlive allowed ones)
 * plus the counters and settings that go with each tab.
 */
export class TabLogs {
  readonly #log: BoundedLog<Entry>;
  readonly #meta = new Map<TabId, TabSettings>();
  /** Records in the log whose write storage refused: they live only as long as this worker. */
  readonly #unsaved = new Map<TabId, Set<RequestId>>();

  constructor(bounds: LogBounds) {
    this.#log = new BoundedLog(bounds);
  }

  add(record: ExchangeRecord): Eviction[] {
    const evictions = this.#log.add(record.tabId, entryOf(record));
    // An evicted record is counted as evicted, not as unsaved.
    for (const { tabId, requestId } of evictions) this.#unsaved.get(tabId)?.delete(requestId);
    return evictions;
  }

  countSameOrigin(tabId: TabId): number {
    const meta = this.#metaOf(tabId);
    meta.sameOriginCount += 1;
    return meta.sameOriginCount;
  }

  /** Counts a request dropped unfinished (see Correlator's bounds in flight). */
  countDropped(tabId: TabId): void {
    this.#log.countEvicted(tabId, 1);
  }

  /** Notes that storage refused the record; false when it has left the log meanwhile. */
  markUnsaved(tabId: TabId, requestId: RequestId): boolean {
    if (!this.#log.entries(tabId).some((entry) => entry.requestId === requestId)) return false;
    const unsaved = this.#unsaved.get(tabId) ?? new Set();
    this.#unsaved.set(tabId, unsaved);
    unsaved.add(requestId);
    return true;
  }

  /** Starts a new log for the tab; its "preserve log" setting stays. */
  clear(tabId: TabId): void {
    this.#log.clear(tabId);
    this.#unsaved.delete(tabId);
    const meta = this.#metaOf(tabId);
    meta.sameOriginCount = 0;
    meta.lostUnsaved = 0;
  }

  /** Forgets a closed tab entirely. */
  remove(tabId: TabId): void {
    this.#log.clear(tabId);
    this.#unsaved.delete(tabId);
    this.#meta.delete(tabId);
  }

  setPreserveLog(tabId: TabId, preserveLog: boolean): void {
    this.#metaOf(tabId).preserveLog = preserveLog;
  }

  preserveLog(tabId: TabId): boolean {
    return this.#meta.get(tabId)?.preserveLog ?? false;
  }

  /**
   * What the toolbar badge counts: the tab's records the browser blocked (`isBlockedRecord`),
   * including those it blocked without the headers that would say why. Not the panel's top-bar
   * count, which counts only records the engine judged blocked (`verdictBlockedCount` in
   * src/panel/app.tsx).
   */
  blockedRecordCount(tabId: TabId): number {
    return this.#log.blockedCount(tabId);
  }

  /** The tab's counters and settings, without building its record list. */
  meta(tabId: TabId): TabMeta {
    return {
      sameOriginCount: this.#meta.get(tabId)?.sameOriginCount ?? 0,
      evictedCount: this.#log.evictedCount(tabId),
      unpersistedCount: (this.#meta.get(tabId)?.lostUnsaved ?? 0) + (this.#unsaved.get(tabId)?.size ?? 0),
      preserveLog: this.preserveLog(tabId),
    };
  }

  /** The tab's log as a panel shows it: every record with its verdict. */
  view(tabId: TabId): TabLogView {
    const records = this.#log.entries(tabId).map(({ record }) => ({ ...record, verdict: evaluate(record.exchange) }));
    return { tabId, records, ...this.meta(tabId) };
  }

  /** The ids of the tab's records, in log order. */
  requestIds(tabId: TabId): RequestId[] {
    return this.#log.entries(tabId).map((entry) => entry.requestId);
  }

  tabIds(): TabId[] {
    return [...new Set([...this.#log.tabIds(), ...this.#meta.keys()])];
  }

  /** Puts a saved tab back, as `persistence` read it. */
  restore(view: TabLogView): void {
    this.#log.restore(view.tabId, view.records.map(entryOf), view.evictedCount);
    this.#unsaved.delete(view.tabId);
    this.#meta.set(view.tabId, {
      sameOriginCount: view.sameOriginCount,
      preserveLog: view.preserveLog,
      lostUnsaved: view.unpersistedCount,
    });
  }

  #metaOf(tabId: TabId): TabSettings {
    let meta = this.#meta.get(tabId);
    if (meta === undefined) {
      meta = { sameOriginCount: 0, preserveLog: false, lostUnsaved: 0 };
      this.#meta.set(tabId, meta);
    }
    return meta;
  }
}
