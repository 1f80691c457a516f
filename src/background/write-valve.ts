import type { Clock } from './clock';

export interface WriteValveOptions {
  clock: Clock;
  /** While writes keep coming, at most one storage call per this many milliseconds. */
  spacingMs: number;
  /** How long the valve waits with nothing to write before it issues a write of retired keys alone. */
  idleMs: number;
  /** What waits to be written: `changes` that must go soon, `retired` keys that may go later. */
  waiting(): { changes: boolean; retired: boolean };
  /** One storage call with the changes waiting; `withRetired` takes retired keys along. */
  write(withRetired: boolean): Promise<void>;
}

/**
 * Spaces the worker's storage writes: one call at a time; a call at once when the last began more
 * than `spacingMs` ago, otherwise one as soon as that holds, carrying everything changed meanwhile.
 * Retired keys ride along with a later write, or go on their own once the worker has been quiet
 * for `idleMs`. (Why spacing pays: the comment on WRITE_SPACING_MS in create-background.ts.)
 */
export class WriteValve {
  readonly #options: WriteValveOptions;
  /** The storage call under way, if any; changes made meanwhile wait for it, then go together. */
  #writing: Promise<void> | null = null;
  #lastWriteAt = Number.NEGATIVE_INFINITY;
  #writeScheduled = false;
  #idleWriteScheduled = false;

  constructor(options: WriteValveOptions) {
    this.#options = options;
  }

  /** The storage call under way, if any. */
  get writing(): Promise<void> | null {
    return this.#writing;
  }

  /**
   * Issues what changed, now or once the spacing allows. `atOnce` skips the wait and takes
   * retired keys along.
   */
  flush(atOnce = false): void {
    if (this.#writing !== null || (this.#writeScheduled && !atOnce)) return;
    const waiting = this.#options.waiting();
    if (!waiting.changes && !(atOnce && waiting.retired)) return;
    const { clock, spacingMs } = this.#options;
    const wait = this.#lastWriteAt + spacingMs - clock.now();
    if (wait > 0 && !atOnce) {
      this.#writeScheduled = true;
      clock.schedule(() => {
        this.#writeScheduled = false;
        this.flush();
      }, wait);
      return;
    }
    this.#lastWriteAt = clock.now();
    this.#writing = this.#options.write(atOnce).then(() => {
      this.#writing = null;
      this.flush();
      if (this.#writing === null && !this.#writeScheduled && this.#options.waiting().retired) {
        this.#scheduleIdleWrite();
      }
    });
  }

  /** Resolves once nothing waits to be written, retired keys included, and no call is under way. */
  async drained(): Promise<void> {
    for (;;) {
      while (this.#writing !== null) await this.#writing;
      this.flush(true);
      if (this.#writing === null) return;
    }
  }

  #scheduleIdleWrite(): void {
    if (this.#idleWriteScheduled) return;
    this.#idleWriteScheduled = true;
    this.#options.clock.schedule(() => {
      this.#idleWriteScheduled = false;
      if (this.#writing === null) this.flush(true);
      else this.#scheduleIdleWrite();
    }, this.#options.idleMs);
  }
}
