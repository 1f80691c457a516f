import type { Clock } from '../../src/background/clock';

/** A clock that moves only when the test says so; scheduled tasks run in due order as it passes them. */
export class FakeClock implements Clock {
  #now = 0;
  #tasks: Array<{ due: number; task: () => void }> = [];

  now(): number {
    return this.#now;
  }

  schedule(task: () => void, delayMs: number): void {
    this.#tasks.push({ due: this.#now + delayMs, task });
  }

  /** Delays of the tasks waiting, from now. */
  get waiting(): number[] {
    return this.#tasks.map(({ due }) => due - this.#now);
  }

  /** Moves time on by `ms`, running each task that falls due on the way. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const next = this.#tasks.filter(({ due }) => due <= until).sort((a, b) => a.due - b.due)[0];
      if (next === undefined) break;
      this.#tasks.splice(this.#tasks.indexOf(next), 1);
      this.#now = next.due;
      next.task();
    }
    this.#now = until;
  }
}
