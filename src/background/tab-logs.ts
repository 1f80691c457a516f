import { BoundedLog, type Eviction, type LogBounds } from '../capture/bounded-log';
import { type ExchangeRecord, isBlockedRecord, type TabLogView } from '../model/exchange-record';
import type { TabId } from '../model/ids';
import type { TabMeta } from './persistence';

interface Entry {
  requestId: string;
  blocked: boolean;
  record: ExchangeRecord;
}

interface TabSettings {
  sameOriginCount: number;
  preserveLog: boolean;
}

/**
 * The per-tab logs the worker keeps: bounded record lists (blocked requests outlive allowed ones)
 * plus the counters and settings that go with each tab.
 */
export class TabLogs {
  readonly #log: BoundedLog<Entry>;
  readonly #meta = new Map<TabId, TabSettings>();

  constructor(bounds: LogBounds) {
    this.#log = new BoundedLog(bounds);
  }

  add(record: ExchangeRecord): Eviction[] {
    return this.#log.add(record.tabId, { requestId: record.requestId, blocked: isBlockedRecord(record), record });
  }

  countSameOrigin(tabId: TabId): number {
    const meta = this.#metaOf(tabId);
    meta.sameOriginCount += 1;
    return meta.sameOriginCount;
  }

  /** Starts a new log for the tab; its "preserve log" setting stays. */
  clear(tabId: TabId): void {
    this.#log.clear(tabId);
    this.#metaOf(tabId).sameOriginCount = 0;
  }

  /** Forgets a closed tab entirely. */
  remove(tabId: TabId): void {
    this.#log.clear(tabId);
    this.#meta.delete(tabId);
  }

  setPreserveLog(tabId: TabId, preserveLog: boolean): void {
    this.#metaOf(tabId).preserveLog = preserveLog;
  }

  preserveLog(tabId: TabId): boolean {
    return this.#meta.get(tabId)?.preserveLog ?? false;
  }

  blockedCount(tabId: TabId): number {
    return this.#log.blockedCount(tabId);
  }

  /** The tab's counters and settings, without building its record list. */
  meta(tabId: TabId): TabMeta {
    return {
      sameOriginCount: this.#meta.get(tabId)?.sameOriginCount ?? 0,
      evictedCount: this.#log.evictedCount(tabId),
      preserveLog: this.preserveLog(tabId),
    };
  }

  view(tabId: TabId): TabLogView {
    return {
      tabId,
      records: this.#log.entries(tabId).map((entry) => entry.record),
      sameOriginCount: this.#meta.get(tabId)?.sameOriginCount ?? 0,
      evictedCount: this.#log.evictedCount(tabId),
      preserveLog: this.preserveLog(tabId),
    };
  }

  tabIds(): TabId[] {
    return [...new Set([...this.#log.tabIds(), ...this.#meta.keys()])];
  }

  /** Puts a saved tab back, as `persistence` read it. */
  restore(view: TabLogView): void {
    const entries = view.records.map((record) => ({
      requestId: record.requestId,
      blocked: isBlockedRecord(record),
      record,
    }));
    this.#log.restore(view.tabId, entries, view.evictedCount);
    this.#meta.set(view.tabId, { sameOriginCount: view.sameOriginCount, preserveLog: view.preserveLog });
  }

  #metaOf(tabId: TabId): TabSettings {
    let meta = this.#meta.get(tabId);
    if (meta === undefined) {
      meta = { sameOriginCount: 0, preserveLog: false };
      this.#meta.set(tabId, meta);
    }
    return meta;
  }
}
