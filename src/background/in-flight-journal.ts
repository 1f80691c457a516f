import type { CaptureEvent } from '../model/capture-event';
import type { RequestId } from '../model/ids';
import { journalKey, type PendingWrites } from './persistence';

/**
 * The events of the requests in flight, journaled so a worker stopped mid-request hands them to
 * the next life (which replays them), and let go once their request is finished.
 */
export class InFlightJournal {
  readonly #pending: PendingWrites;
  readonly #inFlight: (requestId: RequestId) => boolean;
  /** The journal keys of each request in flight: its events, until it is finished. */
  readonly #keys = new Map<RequestId, string[]>();
  /** Arrival order of events in this worker life, stored with each (see stored-event.ts). */
  #arrivals = 0;

  constructor(pending: PendingWrites, inFlight: (requestId: RequestId) => boolean) {
    this.#pending = pending;
    this.#inFlight = inFlight;
  }

  /** Journals `event` with the next write; returns its key. */
  write(event: CaptureEvent): string {
    const key = journalKey(event);
    this.#pending.event(key, event, this.#arrivals++);
    return key;
  }

  /**
   * After `event` was handled: kept while its request is in flight, so a worker stopped now hands
   * it on; `journaledAs` is its key when it was journaled on arrival, before it was handled.
   */
  handled(event: CaptureEvent, journaledAs?: string): void {
    if (this.#inFlight(event.requestId)) this.note(event.requestId, journaledAs ?? this.write(event));
    else if (journaledAs !== undefined) this.#pending.retire([journaledAs]);
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
    const keys = this.#keys.get(requestId);
    if (keys === undefined || this.#inFlight(requestId)) return;
    this.#keys.delete(requestId);
    if (withCounter) this.#pending.forget(keys);
    else this.#pending.retire(keys);
  }

  /** Capture paused: these requests go, journal included, leaving no record. */
  abandon(requestIds: Iterable<RequestId>): void {
    for (const requestId of requestIds) {
      this.#pending.forget(this.#keys.get(requestId) ?? []);
      this.#keys.delete(requestId);
    }
  }
}
