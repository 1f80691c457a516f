import { evaluate } from '../engine';
import type { CaptureEvent } from '../model/capture-event';
import { type ExchangeRecord, isBlockedRecord, type TabCounts, type TabLogView } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import { isRecord } from '../model/is-record';
import { isCount } from '../model/protocol';
import type { SessionStore } from '../platform/storage';
import { decodeEvent, encodeEvent } from './stored-event';
import { decodeRecord, encodeRecord } from './stored-record';

/**
 * storage.session layout. Records and events are stored one key each, so a write costs what
 * changed, not the size of the log; a tab's key holds only its counters.
 *   ev:<time>:<id>:<kind>  an event of a request still in flight, or not yet handled (see
 *                          stored-event.ts): a worker life that stops hands these to the next,
 *                          which replays them to rebuild what was in flight
 *   tab:<tabId>            { sameOriginCount, evictedCount, unpersistedCount, preserveLog }
 *   rec:<tabId>:<id>       one record with its place in the log, compactly (see stored-record.ts)
 * Keys with any other prefix (`req:`, in-flight requests as an older version stored them) are
 * removed on load.
 */
/** Unique per event (a duplicate event overwrites itself). */
export const journalKey = (event: CaptureEvent) => `ev:${event.timeStamp}:${event.requestId}:${event.kind}`;
const tabKey = (tabId: TabId) => `tab:${tabId}`;
const recordKey = (tabId: TabId, requestId: RequestId) => `rec:${tabId}:${requestId}`;

/** What a tab's key holds: everything about its log but the records. */
export interface TabMeta extends TabCounts {
  preserveLog: boolean;
}

/** A record whose write storage refused. */
export interface RecordRef {
  tabId: TabId;
  requestId: RequestId;
}

function isTabMeta(value: unknown): value is TabMeta {
  return (
    isRecord(value) &&
    isCount(value.sameOriginCount) &&
    isCount(value.evictedCount) &&
    isCount(value.unpersistedCount) &&
    typeof value.preserveLog === 'boolean'
  );
}

export interface Hydrated {
  /** Events of the requests a previous worker life had in flight or never handled, oldest first. */
  journal: Array<{ key: string; event: CaptureEvent }>;
  /** Keys this version does not read (an older layout, or unreadable values): to be removed. */
  stale: string[];
  tabs: TabLogView[];
  /** Greater than the place of every stored record, so new records sort after them. */
  nextSeq: number;
}

/** Reads everything back after the worker was (re)started. Unreadable entries are skipped. */
export async function hydrate(store: SessionStore): Promise<Hydrated> {
  const all = await store.getAll();
  const journal: Array<{ key: string; event: CaptureEvent; order: number }> = [];
  const stale: string[] = [];
  const metas = new Map<TabId, TabMeta>();
  const records = new Map<TabId, Array<{ record: ExchangeRecord; seq: number }>>();
  let nextSeq = 0;
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('ev:')) {
      const decoded = decodeEvent(value);
      if (decoded === null) stale.push(key);
      else journal.push({ key, ...decoded });
    } else if (key.startsWith('tab:')) {
      if (isTabMeta(value)) metas.set(Number(key.slice('tab:'.length)), value);
    } else if (key.startsWith('rec:')) {
      const decoded = decodeRecord(value);
      if (decoded === null || key !== recordKey(decoded.record.tabId, decoded.record.requestId)) continue;
      const { record, seq } = decoded;
      const list = records.get(record.tabId) ?? [];
      records.set(record.tabId, list);
      list.push({ record: { ...record, verdict: evaluate(record.exchange) }, seq });
      nextSeq = Math.max(nextSeq, seq + 1);
    } else {
      stale.push(key);
    }
  }
  const tabs: TabLogView[] = [...new Set([...metas.keys(), ...records.keys()])].map((tabId) => ({
    tabId,
    records: (records.get(tabId) ?? []).sort((a, b) => a.seq - b.seq).map(({ record }) => record),
    ...(metas.get(tabId) ?? { sameOriginCount: 0, evictedCount: 0, unpersistedCount: 0, preserveLog: false }),
  }));
  // A request with a record is finished: its events may outlive it for a while (see PendingWrites).
  const finished = new Set<RequestId>();
  for (const list of records.values()) {
    for (const { record } of list) {
      finished.add(record.requestId);
      if (record.preflightRequestId !== null) finished.add(record.preflightRequestId);
    }
  }
  const inFlight = journal.filter(({ key, event }) => {
    if (finished.has(event.requestId)) stale.push(key);
    return !finished.has(event.requestId);
  });
  // Events of one life in arrival order; lives follow each other in time.
  inFlight.sort((a, b) => a.event.timeStamp - b.event.timeStamp || a.order - b.order);
  return { journal: inFlight.map(({ key, event }) => ({ key, event })), stale, tabs, nextSeq };
}

class JournaledEvent {
  constructor(
    readonly event: CaptureEvent,
    readonly order: number,
  ) {}
}

class PendingRecord implements RecordRef {
  readonly tabId: TabId;
  readonly requestId: RequestId;
  readonly blocked: boolean;
  readonly encoded: string;

  constructor(record: ExchangeRecord, seq: number) {
    this.tabId = record.tabId;
    this.requestId = record.requestId;
    this.blocked = isBlockedRecord(record);
    this.encoded = encodeRecord(record, seq);
  }
}

function encodeItems(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value instanceof JournaledEvent) items[key] = encodeEvent(value.event, value.order);
    else if (value instanceof PendingRecord) items[key] = value.encoded;
    else items[key] = value;
  }
  return items;
}

/**
 * Writes `set` in one call; if storage refuses it (its quota is full: Chromium then stores none
 * of the call), again in three calls by importance — tab counters and journaled events, then
 * blocked records, then allowed ones — so what fits is kept, blocked records before allowed.
 * Resolves with the records that were still refused.
 */
async function writeByImportance(store: SessionStore, set: ReadonlyMap<string, unknown>): Promise<RecordRef[]> {
  try {
    await store.setMany(encodeItems(set));
    return [];
  } catch {
    const entries = [...set];
    const rank = ([, value]: [string, unknown]) => (value instanceof PendingRecord ? (value.blocked ? 1 : 2) : 0);
    const groups = [0, 1, 2].map((wanted) => entries.filter((entry) => rank(entry) === wanted));
    const refused: RecordRef[] = [];
    for (const group of groups) {
      if (group.length === 0) continue;
      await store.setMany(encodeItems(group)).catch(() => {
        for (const [, value] of group) if (value instanceof PendingRecord) refused.push(value);
      });
    }
    return refused;
  }
}

/** Retired journal keys go in one removal once this many wait, if nothing took them sooner. */
const RETIRED_BATCH = 256;

/** Collects changes and writes them in one storage call per flush. */
export class PendingWrites {
  #set = new Map<string, unknown>();
  #remove = new Set<string>();
  /**
   * Journaled events of finished requests. Their record now stands for them, and `hydrate`
   * ignores the events of a request that has one, so removing them can wait: they go with the
   * next removal, in a batch, or when the worker falls idle — one storage call for many
   * requests instead of one per request.
   */
  #retired = new Set<string>();
  /**
   * Journal keys that may be in storage: written by this worker life, or found there on load.
   * The journal key of a request that finished before its event was written is in none of the
   * maps, so finishing it costs no removal (on a busy page, most requests).
   */
  #stored = new Set<string>();

  /** True when nothing needs writing now; retired keys can wait (see `writeTo`). */
  get empty(): boolean {
    return this.#set.size === 0 && this.#remove.size === 0 && this.#retired.size < RETIRED_BATCH;
  }

  get hasRetired(): boolean {
    return this.#retired.size > 0;
  }

  /**
   * Journals `event` under `key`; `order` is when it arrived in this worker life. It is encoded
   * when written: an event whose request finishes before the next write never is.
   */
  event(key: string, event: CaptureEvent, order: number): void {
    this.#put(key, new JournaledEvent(event, order));
  }

  /** Journal keys of a previous worker life, read back from storage by `hydrate`. */
  foundStored(keys: Iterable<string>): void {
    for (const key of keys) this.#stored.add(key);
  }

  /**
   * The events of a finished request: see `#retired`. One not written yet never will be, and
   * one never written needs no removal.
   */
  retire(keys: readonly string[]): void {
    for (const key of keys) {
      this.#set.delete(key);
      if (this.#stored.delete(key)) this.#retired.add(key);
    }
  }

  /** Removes `keys` with the next write; a journal key never written is only dropped. */
  forget(keys: readonly string[]): void {
    for (const key of keys) {
      if (this.#set.has(key) && !this.#stored.has(key)) this.#set.delete(key);
      else this.#drop(key);
      this.#stored.delete(key);
    }
  }

  /** Stores `record` as the `seq`-th of its tab's log. */
  record(record: ExchangeRecord, seq: number): void {
    this.#put(recordKey(record.tabId, record.requestId), new PendingRecord(record, seq));
  }

  forgetRecord(tabId: TabId, requestId: RequestId): void {
    this.#drop(recordKey(tabId, requestId));
  }

  tab(tabId: TabId, meta: TabMeta): void {
    const stored: TabMeta = {
      sameOriginCount: meta.sameOriginCount,
      evictedCount: meta.evictedCount,
      unpersistedCount: meta.unpersistedCount,
      preserveLog: meta.preserveLog,
    };
    this.#put(tabKey(tabId), stored);
  }

  forgetTab(tabId: TabId, requestIds: readonly RequestId[]): void {
    this.#drop(tabKey(tabId));
    for (const id of requestIds) this.#drop(recordKey(tabId, id));
  }

  /**
   * Issues the writes at once, in this task: the browser may stop the worker right after an
   * event, and a write already sent survives that. Storage calls are delivered in the order they
   * are made, so writes need no chaining to stay ordered. Retired keys go along when there is a
   * removal anyway, when enough wait, or when `idle`. Resolves with the records storage refused.
   */
  writeTo(store: SessionStore, idle = false): Promise<RecordRef[]> {
    const set = this.#set;
    const remove = this.#remove;
    if (idle || remove.size > 0 || this.#retired.size >= RETIRED_BATCH) {
      for (const key of this.#retired) remove.add(key);
      this.#retired = new Set();
    }
    this.#set = new Map();
    this.#remove = new Set();
    for (const [key, value] of set) if (value instanceof JournaledEvent) this.#stored.add(key);
    return Promise.all([
      set.size > 0 ? writeByImportance(store, set) : [],
      remove.size > 0 ? store.removeMany([...remove]) : undefined,
    ]).then(([refused]) => refused);
  }

  #put(key: string, value: unknown): void {
    this.#remove.delete(key);
    this.#retired.delete(key);
    this.#set.set(key, value);
  }

  #drop(key: string): void {
    this.#set.delete(key);
    this.#remove.add(key);
  }
}
