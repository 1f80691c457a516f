import type { ToPanel } from '../../model/protocol';

/**
 * Puts a paged snapshot back together in the order the worker meant (see `snapshotMessages`,
 * src/model/protocol.ts). The worker sends a snapshot's first page on connect and its other pages
 * only when the panel asks, while deltas flow from the start: a delta that arrives before the last
 * page waits for it, so it applies to the log it was made against (an eviction to a record that
 * is already in, an addition after the older records).
 */
export class SnapshotAssembler {
  /** Records of the current snapshot not yet received. */
  #missing = 0;
  #waiting: ToPanel[] = [];

  /** The messages to apply now, in order (none while `message` has to wait). */
  receive(message: ToPanel): ToPanel[] {
    if (message.type === 'snapshot') {
      this.#missing = message.more;
      this.#waiting = [];
      return [message];
    }
    if (message.type === 'snapshot-more') {
      // A page the current snapshot did not announce belongs to none: appending it would duplicate rows.
      if (this.#missing <= 0 || message.records.length === 0) return [];
      this.#missing -= message.records.length;
      if (this.#missing > 0) return [message];
      const ready = [message, ...this.#waiting];
      this.#waiting = [];
      return ready;
    }
    if (this.#missing > 0) {
      this.#waiting.push(message);
      return [];
    }
    return [message];
  }

  /** The current snapshot still has pages to come. */
  incomplete(): boolean {
    return this.#missing > 0;
  }
}
