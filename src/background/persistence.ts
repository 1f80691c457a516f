import type { SavedTrace } from '../capture/correlator';
import { parseSavedTrace } from '../capture/saved-trace';
import { evaluate } from '../engine/evaluate';
import type { Exchange } from '../engine/exchange';
import type { CaptureEvent } from '../model/capture-event';
import type { ExchangeRecord, TabLogView } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import type { SessionStore } from '../platform/storage';

/**
 * storage.session layout. Records and in-flight requests are stored one key each, so a write
 * costs what changed, not the size of the log; a tab's key holds only its order and counters.
 *   req:<requestId>    a request still in flight (the correlator's trace)
 *   ev:<key>           an event that arrived while the worker was still reading this back;
 *                      replayed by the next worker life if this one stops first
 *   tab:<tabId>        { ids, sameOriginCount, evictedCount, preserveLog }
 *   rec:<tabId>:<id>   one record without its verdict (recomputed on load: the engine is cheap,
 *                      and a verdict computed by a newer engine is the better one)
 */
const traceKey = (requestId: RequestId) => `req:${requestId}`;
/** Unique per event and sortable by arrival time within a request. */
export const journalKey = (event: CaptureEvent) => `ev:${event.timeStamp}:${event.requestId}:${event.kind}`;
const tabKey = (tabId: TabId) => `tab:${tabId}`;
const recordKey = (tabId: TabId, requestId: RequestId) => `rec:${tabId}:${requestId}`;

type StoredRecord = Omit<ExchangeRecord, 'verdict'>;

interface StoredTab {
  ids: RequestId[];
  sameOriginCount: number;
  evictedCount: number;
  preserveLog: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isStoredTab(value: unknown): value is StoredTab {
  return (
    isRecord(value) &&
    Array.isArray(value.ids) &&
    value.ids.every((id) => typeof id === 'string') &&
    typeof value.sameOriginCount === 'number' &&
    typeof value.evictedCount === 'number' &&
    typeof value.preserveLog === 'boolean'
  );
}

function isStoredRecord(value: unknown): value is StoredRecord {
  return (
    isRecord(value) &&
    typeof value.requestId === 'string' &&
    typeof value.tabId === 'number' &&
    typeof value.startedAt === 'number' &&
    typeof value.endedAt === 'number' &&
    isRecord(value.exchange) &&
    isRecord(value.exchange.request) &&
    Array.isArray(value.exchange.redirects)
  );
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
}

/** Reads everything back after the worker was (re)started. Unreadable entries are skipped. */
export async function hydrate(store: SessionStore): Promise<Hydrated> {
  const all = await store.getAll();
  const tabs: TabLogView[] = [];
  const inFlight: SavedTrace[] = [];
  const journal: Hydrated['journal'] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('ev:')) {
      if (isCaptureEvent(value)) journal.push({ key, event: value });
      continue;
    }
    if (key.startsWith('req:')) {
      const saved = parseSavedTrace(value);
      if (saved !== null) inFlight.push(saved);
      continue;
    }
    if (!key.startsWith('tab:') || !isStoredTab(value)) continue;
    const tabId = Number(key.slice('tab:'.length));
    const records = value.ids.flatMap((id): ExchangeRecord[] => {
      const stored = all[recordKey(tabId, id)];
      return isStoredRecord(stored) ? [{ ...stored, verdict: evaluate(stored.exchange as Exchange) }] : [];
    });
    tabs.push({
      tabId,
      records,
      sameOriginCount: value.sameOriginCount,
      evictedCount: value.evictedCount,
      preserveLog: value.preserveLog,
    });
  }
  journal.sort((a, b) => a.event.timeStamp - b.event.timeStamp);
  return { inFlight, journal, tabs };
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
    else this.#put(traceKey(requestId), saved);
  }

  record(record: ExchangeRecord): void {
    const { verdict: _recomputedOnLoad, ...stored } = record;
    this.#put(recordKey(record.tabId, record.requestId), stored);
  }

  forgetRecord(tabId: TabId, requestId: RequestId): void {
    this.#drop(recordKey(tabId, requestId));
  }

  tab(view: TabLogView): void {
    const stored: StoredTab = {
      ids: view.records.map((record) => record.requestId),
      sameOriginCount: view.sameOriginCount,
      evictedCount: view.evictedCount,
      preserveLog: view.preserveLog,
    };
    this.#put(tabKey(view.tabId), stored);
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
