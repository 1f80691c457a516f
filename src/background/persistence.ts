import type { SavedTrace } from '../capture/correlator';
import { parseSavedTrace } from '../capture/saved-trace';
import { evaluate } from '../engine/evaluate';
import type { CaptureEvent } from '../model/capture-event';
import type { ExchangeRecord, TabLogView } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import type { SessionStore } from '../platform/storage';
import { decodeRecord, encodeRecord } from './stored-record';

/**
 * storage.session layout. Records and in-flight requests are stored one key each, so a write
 * costs what changed, not the size of the log; a tab's key holds only its counters.
 *   req:<requestId>    a request still in flight (the correlator's trace, as a JSON string)
 *   ev:<key>           an event that arrived while the worker was still reading this back;
 *                      replayed by the next worker life if this one stops first
 *   tab:<tabId>        { sameOriginCount, evictedCount, preserveLog }
 *   rec:<tabId>:<id>   one record with its place in the log, compactly (see stored-record.ts)
 */
const traceKey = (requestId: RequestId) => `req:${requestId}`;
/** Unique per event and sortable by arrival time within a request. */
export const journalKey = (event: CaptureEvent) => `ev:${event.timeStamp}:${event.requestId}:${event.kind}`;
const tabKey = (tabId: TabId) => `tab:${tabId}`;
const recordKey = (tabId: TabId, requestId: RequestId) => `rec:${tabId}:${requestId}`;

/** What a tab's key holds: everything about its log but the records. */
export interface TabMeta {
  sameOriginCount: number;
  evictedCount: number;
  preserveLog: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isTabMeta(value: unknown): value is TabMeta {
  return (
    isRecord(value) &&
    typeof value.sameOriginCount === 'number' &&
    typeof value.evictedCount === 'number' &&
    typeof value.preserveLog === 'boolean'
  );
}

/**
 * An in-flight request as one JSON string. The first hop's headers are usually the current
 * hop's too (the same array): they are written once.
 */
function encodeTrace(saved: SavedTrace): string {
  const { trace } = saved;
  const currentHeaders =
    trace.currentHeaders !== null && trace.currentHeaders === trace.firstHeaders ? 1 : trace.currentHeaders;
  return JSON.stringify({ ...saved, trace: { ...trace, currentHeaders } });
}

function decodeTrace(value: unknown): SavedTrace | null {
  if (typeof value !== 'string') return null;
  try {
    const saved = JSON.parse(value) as { trace?: Record<string, unknown> };
    if (saved.trace?.currentHeaders === 1) saved.trace.currentHeaders = saved.trace.firstHeaders;
    return parseSavedTrace(saved);
  } catch {
    return null;
  }
}

const EVENT_KINDS = new Set(['send-headers', 'headers-received', 'redirect', 'completed', 'error']);

/** Journaled events were written by us; the check guards against older shapes after an update. */
function isCaptureEvent(value: unknown): value is CaptureEvent {
  return (
    isRecord(value) &&
    typeof value.kind === 'string' &&
    EVENT_KINDS.has(value.kind) &&
    typeof value.requestId === 'string' &&
    typeof value.tabId === 'number' &&
    typeof value.url === 'string' &&
    typeof value.method === 'string' &&
    typeof value.timeStamp === 'number'
  );
}

export interface Hydrated {
  inFlight: SavedTrace[];
  /** Events a previous worker life received but never handled, oldest first. */
  journal: Array<{ key: string; event: CaptureEvent }>;
  tabs: TabLogView[];
  /** Greater than the place of every stored record, so new records sort after them. */
  nextSeq: number;
}

/** Reads everything back after the worker was (re)started. Unreadable entries are skipped. */
export async function hydrate(store: SessionStore): Promise<Hydrated> {
  const all = await store.getAll();
  const inFlight: SavedTrace[] = [];
  const journal: Hydrated['journal'] = [];
  const metas = new Map<TabId, TabMeta>();
  const records = new Map<TabId, Array<{ record: ExchangeRecord; seq: number }>>();
  let nextSeq = 0;
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('ev:')) {
      if (isCaptureEvent(value)) journal.push({ key, event: value });
    } else if (key.startsWith('req:')) {
      const saved = decodeTrace(value);
      if (saved !== null) inFlight.push(saved);
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
    }
  }
  const tabs: TabLogView[] = [...new Set([...metas.keys(), ...records.keys()])].map((tabId) => ({
    tabId,
    records: (records.get(tabId) ?? []).sort((a, b) => a.seq - b.seq).map(({ record }) => record),
    ...(metas.get(tabId) ?? { sameOriginCount: 0, evictedCount: 0, preserveLog: false }),
  }));
  journal.sort((a, b) => a.event.timeStamp - b.event.timeStamp);
  return { inFlight, journal, tabs, nextSeq };
}

/** Collects changes and writes them in one storage call per flush. */
export class PendingWrites {
  #set: Record<string, unknown> = {};
  #remove = new Set<string>();

  get empty(): boolean {
    return Object.keys(this.#set).length === 0 && this.#remove.size === 0;
  }

  journal(event: CaptureEvent): void {
    this.#put(journalKey(event), event);
  }

  handled(journal: string): void {
    this.#drop(journal);
  }

  trace(requestId: RequestId, saved: SavedTrace | null): void {
    if (saved === null) this.#drop(traceKey(requestId));
    else this.#put(traceKey(requestId), encodeTrace(saved));
  }

  /** Stores `record` as the `seq`-th of its tab's log. */
  record(record: ExchangeRecord, seq: number): void {
    this.#put(recordKey(record.tabId, record.requestId), encodeRecord(record, seq));
  }

  forgetRecord(tabId: TabId, requestId: RequestId): void {
    this.#drop(recordKey(tabId, requestId));
  }

  tab(tabId: TabId, meta: TabMeta): void {
    const stored: TabMeta = {
      sameOriginCount: meta.sameOriginCount,
      evictedCount: meta.evictedCount,
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
   * are made, so writes need no chaining to stay ordered.
   */
  writeTo(store: SessionStore): Promise<void> {
    const set = this.#set;
    const remove = [...this.#remove];
    this.#set = {};
    this.#remove = new Set();
    return Promise.all([
      remove.length > 0 ? store.removeMany(remove) : undefined,
      Object.keys(set).length > 0 ? store.setMany(set) : undefined,
    ]).then(() => undefined);
  }

  #put(key: string, value: unknown): void {
    this.#remove.delete(key);
    this.#set[key] = value;
  }

  #drop(key: string): void {
    delete this.#set[key];
    this.#remove.add(key);
  }
}
