import { type ExchangeRecord, isBlockedRecord } from '../model/exchange-record';
import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION } from '../model/protocol';
import type { Effects } from './effects';
import type { PendingWrites, RecordRef } from './persistence';
import type { TabLogs } from './tab-logs';

/**
 * Every change to the tab logs together with what it must write (PendingWrites) and whom it must
 * tell (Effects), so storage, the panels and the badge can never miss one: the log is only
 * changed through here once the worker is running.
 */
export class LogChanges {
  readonly #logs: TabLogs;
  readonly #pending: PendingWrites;
  /** Place of the next record in its tab's log, so storage can give the order back. */
  #nextSeq = 0;

  constructor(logs: TabLogs, pending: PendingWrites) {
    this.#logs = logs;
    this.#pending = pending;
  }

  /** After a restart, records continue after those the previous life stored. */
  continueAfter(storedNextSeq: number): void {
    this.#nextSeq = Math.max(this.#nextSeq, storedNextSeq);
  }

  addRecord(record: ExchangeRecord, effects: Effects): void {
    const evictions = this.#logs.add(record);
    this.#pending.record(record, this.#nextSeq++);
    effects.messages.push([record.tabId, { type: 'request-added', version: PROTOCOL_VERSION, record }]);
    for (const eviction of evictions) {
      this.#pending.forgetRecord(eviction.tabId, eviction.requestId);
      const meta = this.#logs.meta(eviction.tabId);
      const { sameOriginCount, evictedCount, unpersistedCount } = meta;
      effects.messages.push([
        eviction.tabId,
        {
          type: 'request-evicted',
          version: PROTOCOL_VERSION,
          requestId: eviction.requestId,
          sameOriginCount,
          evictedCount,
          unpersistedCount,
        },
      ]);
      // Only the counters change in a tab's key; the badge, only if a blocked record went.
      this.#pending.tab(eviction.tabId, meta);
      if (eviction.blocked) effects.badges.add(eviction.tabId);
    }
    if (isBlockedRecord(record)) effects.badges.add(record.tabId);
  }

  /** A request that leaves no record: only its tab's counter shows it. */
  countWithoutRecord(tabId: TabId, kind: 'same-origin' | 'dropped', effects: Effects): void {
    if (kind === 'same-origin') this.#logs.countSameOrigin(tabId);
    else this.#logs.countDropped(tabId);
    this.countsChanged(tabId, effects);
  }

  clear(tabId: TabId, effects: Effects): void {
    const requestIds = this.#logs.requestIds(tabId);
    if (requestIds.length === 0 && this.#logs.meta(tabId).sameOriginCount === 0) return;
    this.#logs.clear(tabId);
    this.#pending.forgetTab(tabId, requestIds);
    this.#pending.tab(tabId, this.#logs.meta(tabId));
    effects.messages.push([
      tabId,
      { type: 'log-cleared', version: PROTOCOL_VERSION, preserveLog: this.#logs.preserveLog(tabId) },
    ]);
    effects.badges.add(tabId);
  }

  setPreserveLog(tabId: TabId, preserveLog: boolean): void {
    this.#logs.setPreserveLog(tabId, preserveLog);
    this.#pending.tab(tabId, this.#logs.meta(tabId));
  }

  /**
   * Storage refused these records (its quota is full): they stay in the log while this worker
   * lives, and each tab's count of them is written and sent, so the panel says what a restart
   * will lose instead of losing it silently.
   */
  markUnsaved(refused: readonly RecordRef[], effects: Effects): void {
    const tabs = new Set(
      refused.filter(({ tabId, requestId }) => this.#logs.markUnsaved(tabId, requestId)).map(({ tabId }) => tabId),
    );
    for (const tabId of tabs) this.countsChanged(tabId, effects);
  }

  /** Writes the tab's counters and tells its panels. */
  countsChanged(tabId: TabId, effects: Effects): void {
    const meta = this.#logs.meta(tabId);
    this.#pending.tab(tabId, meta);
    const { sameOriginCount, evictedCount, unpersistedCount } = meta;
    effects.messages.push([
      tabId,
      { type: 'counts-changed', version: PROTOCOL_VERSION, sameOriginCount, evictedCount, unpersistedCount },
    ]);
  }
}
