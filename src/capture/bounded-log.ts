import type { RequestId, TabId } from '../model/ids';

/** What the bounded log needs to know of a record to decide what to evict. */
export interface LogEntry {
  requestId: RequestId;
  blocked: boolean;
  /** Estimated heap bytes (see estimated-bytes.ts). */
  bytes: number;
}

export interface LogBounds {
  /** Most records kept for one tab. */
  perTab: number;
  /** Most records kept over all tabs together. */
  overall: number;
  /** Most estimated bytes kept for one tab. */
  perTabBytes: number;
  /** Most estimated bytes kept over all tabs together. */
  overallBytes: number;
}

export interface Eviction {
  tabId: TabId;
  requestId: RequestId;
  /** The evicted record was blocked: the tab's badge changes. */
  blocked: boolean;
}

/**
 * Per-tab record lists with hard bounds, in records and in bytes. When a bound is reached, the
 * oldest allowed record goes first; blocked records — the ones users come for — go only when a
 * tab holds nothing else. Every eviction is counted per tab, so the UI can say "N older requests
 * were dropped".
 */
export class BoundedLog<Entry extends LogEntry> {
  readonly #bounds: LogBounds;
  readonly #tabs = new Map<TabId, Entry[]>();
  readonly #evicted = new Map<TabId, number>();
  /** Request ids per tab, so adding a record costs the same at any log size. */
  readonly #ids = new Map<TabId, Set<RequestId>>();
  readonly #blocked = new Map<TabId, number>();
  readonly #bytes = new Map<TabId, number>();
  #total = 0;
  #totalBytes = 0;

  constructor(bounds: LogBounds) {
    this.#bounds = bounds;
  }

  get size(): number {
    return this.#total;
  }

  /** Estimated bytes of every entry kept. */
  get bytes(): number {
    return this.#totalBytes;
  }

  tabBytes(tabId: TabId): number {
    return this.#bytes.get(tabId) ?? 0;
  }

  entries(tabId: TabId): readonly Entry[] {
    return this.#tabs.get(tabId) ?? [];
  }

  evictedCount(tabId: TabId): number {
    return this.#evicted.get(tabId) ?? 0;
  }

  blockedCount(tabId: TabId): number {
    return this.#blocked.get(tabId) ?? 0;
  }

  tabIds(): TabId[] {
    return [...this.#tabs.keys()];
  }

  /** Counts requests of the tab dropped before they had a record (see Correlator's bounds). */
  countEvicted(tabId: TabId, count: number): void {
    this.#evicted.set(tabId, this.evictedCount(tabId) + count);
  }

  /** Adds `entry` (or replaces the entry with the same request id) and returns what had to go. */
  add(tabId: TabId, entry: Entry): Eviction[] {
    const list = this.#tabs.get(tabId) ?? [];
    this.#tabs.set(tabId, list);
    const ids = this.#ids.get(tabId) ?? new Set();
    this.#ids.set(tabId, ids);
    if (ids.has(entry.requestId)) {
      const existing = list.findIndex((candidate) => candidate.requestId === entry.requestId);
      const replaced = list[existing];
      this.#countBlocked(tabId, (replaced?.blocked ? -1 : 0) + (entry.blocked ? 1 : 0));
      this.#countBytes(tabId, entry.bytes - (replaced?.bytes ?? 0));
      list[existing] = entry;
    } else {
      list.push(entry);
      ids.add(entry.requestId);
      this.#countBlocked(tabId, entry.blocked ? 1 : 0);
      this.#countBytes(tabId, entry.bytes);
      this.#total += 1;
    }
    const evictions: Eviction[] = [];
    while (list.length > this.#bounds.perTab || this.tabBytes(tabId) > this.#bounds.perTabBytes) {
      evictions.push(this.#evictFrom(tabId, list));
    }
    while (this.#total > this.#bounds.overall || this.#totalBytes > this.#bounds.overallBytes) {
      const [largestTab, largestList] = this.#largestTab(this.#total > this.#bounds.overall);
      evictions.push(this.#evictFrom(largestTab, largestList));
    }
    return evictions;
  }

  /** Empties one tab's log and its eviction counter. */
  clear(tabId: TabId): void {
    this.#total -= this.#tabs.get(tabId)?.length ?? 0;
    this.#totalBytes -= this.tabBytes(tabId);
    this.#bytes.delete(tabId);
    this.#tabs.delete(tabId);
    this.#ids.delete(tabId);
    this.#blocked.delete(tabId);
    this.#evicted.delete(tabId);
  }

  /** Restores a tab's entries and counter as they were saved, applying today's bounds. */
  restore(tabId: TabId, entries: readonly Entry[], evicted: number): void {
    this.clear(tabId);
    this.#evicted.set(tabId, evicted);
    for (const entry of entries) this.add(tabId, entry);
  }

  #countBlocked(tabId: TabId, delta: number): void {
    if (delta !== 0) this.#blocked.set(tabId, this.blockedCount(tabId) + delta);
  }

  #countBytes(tabId: TabId, delta: number): void {
    this.#bytes.set(tabId, this.tabBytes(tabId) + delta);
    this.#totalBytes += delta;
  }

  /** The tab holding the most entries (`byCount`) or the most bytes. */
  #largestTab(byCount: boolean): [TabId, Entry[]] {
    const size = ([tabId, list]: [TabId, Entry[]]) => (byCount ? list.length : this.tabBytes(tabId));
    let largest: [TabId, Entry[]] | undefined;
    for (const pair of this.#tabs) if (largest === undefined || size(pair) > size(largest)) largest = pair;
    // The total is over the bound, so some tab holds entries.
    return largest as [TabId, Entry[]];
  }

  #evictFrom(tabId: TabId, list: Entry[]): Eviction {
    const allowedIndex = list.findIndex((entry) => !entry.blocked);
    const [removed] = list.splice(Math.max(allowedIndex, 0), 1);
    this.#ids.get(tabId)?.delete(removed?.requestId ?? '');
    if (removed?.blocked) this.#countBlocked(tabId, -1);
    this.#countBytes(tabId, -(removed?.bytes ?? 0));
    this.#total -= 1;
    this.#evicted.set(tabId, this.evictedCount(tabId) + 1);
    return { tabId, requestId: removed?.requestId ?? '', blocked: removed?.blocked === true };
  }
}
