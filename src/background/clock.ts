/** Time as the worker's valves see it; injected so unit tests control it. */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `task` after `delayMs`. */
  schedule(task: () => void, delayMs: number): void;
}

/** The worker's real clock: `performance.now()` (monotonic, unlike `Date.now()`) and `setTimeout`. */
export const workerClock: Clock = {
  now: () => performance.now(),
  schedule: (task, delayMs) => void setTimeout(task, delayMs),
};
