import type { CaptureEvent } from '../model/capture-event';
import type { RequestId } from '../model/ids';
import { journalKey, type PendingWrites } from './persistence';

/**
 * The events of the requests in flight, journaled so a worker stopped mid-request hands them to
 * the next life (which replays them), and let go once their request is finished. An event is
 * given its key and handed to storage only by the write after it (`stage`), and only if its
 * request is still in flight then: on a busy page most requests finish within the spacing of two
 * writes, and their events then cost no key, no pending write and no removal.
 */
export class InFlightJournal {
  readonly #pending: PendingWrites;
  readonly #inFlight: (requestId: RequestId) => boolean;
  /** The journal keys of each request in flight: its events handed to storage, until it is finished. */
  readonly #keys = new Map<RequestId, string[]>();
  /** Events of requests in flight that no write has taken yet, with their arrival order. */
  readonly #unwritten = new Map<RequestId, Array<{ event: CaptureEvent; order: number }>>();
  /** Arrival order of events in this worker life, stored with each (see stored-event.ts). */
  #arrivals = 0;

  constructor(pending: PendingWrites, inFlight: (requestId: RequestId) => boolean) {
    this.#pending = pending;
    this.#inFlight = inFlight;
  }

  /** True when events wait for the next write. */
  get hasUnwritten(): boolean {
    return this.#unwritten.size > 0;
  }

  /** Journals `event` with the next write at once (before the previous life is back); returns its key. */
  write(event: CaptureEvent): string {
    const key = journalKey(event);
    this.#pending.event(key, event, this.#arrivals++);
    return key;
  }

  /**
   * After `event` was handled: kept while its request is in flight, so a worker stopped after the
   * next write hands it on; `journaledAs` is its key when it was journaled on arrival, before it
   * was handled.
   */
  handled(event: CaptureEvent, journaledAs?: string): void {
    const { requestId } = event;
    if (!this.#inFlight(requestId)) {
      if (journaledAs !== undefined) this.#pending.retire([journaledAs]);
      return;
    }
    if (journaledAs !== undefined) {
      this.note(requestId, journaledAs);
      return;
    }
    const unwritten = this.#unwritten.get(requestId);
    const entry = { event, order: this.#arrivals++ };
    if (unwritten === undefined) this.#unwritten.set(requestId, [entry]);
    else unwritten.push(entry);
  }

  /** Hands the events that wait, all of requests still in flight, to the write about to be issued. */
  stage(): void {
    for (const [requestId, entries] of this.#unwritten) {
      for (const { event, order } of entries) {
        const key = journalKey(event);
        this.#pending.event(key, event, order);
        this.note(requestId, key);
      }
    }
    this.#unwritten.clear();
  }

  /** `key` holds an event of `requestId` (journaled now, or found from the previous life). */
  note(requestId: RequestId, key: string): void {
    const keys = this.#keys.get(requestId);
    if (keys === undefined) this.#keys.set(requestId, [key]);
    else if (!keys.includes(key)) keys.push(key);
  }

  /**
   * Once a request is no longer in flight, its journaled events are no longer needed. Those of a
   * request with a record can wait to be removed (see PendingWrites); a request that leaves only
   * its tab's counter has its events go in the same write as that counter, or a worker stopped in
   * between would replay them and count the request twice.
   */
  settle(requestId: RequestId, withCounter = false): void {
    if (this.#inFlight(requestId)) return;
    this.#unwritten.delete(requestId);
    const keys = this.#keys.get(requestId);
    if (keys === undefined) return;
    this.#keys.delete(requestId);
    if (withCounter) this.#pending.forget(keys);
    else this.#pending.retire(keys);
  }

  /** Capture paused: these requests go, journal included, leaving no record. */
  abandon(requestIds: Iterable<RequestId>): void {
    for (const requestId of requestIds) {
      this.#unwritten.delete(requestId);
      this.#pending.forget(this.#keys.get(requestId) ?? []);
      this.#keys.delete(requestId);
    }
  }
}
