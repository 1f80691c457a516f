/**
 * Holds items and hands them over together once the next frame has been drawn (an animation frame,
 * then a task, so they land after that frame's paint, not in it).
 */
export interface FrameQueue<T> {
  push(item: T): void;
  /** Items are waiting for the frame. */
  pending(): boolean;
  /** Drops what waits, for a panel that closes. */
  cancel(): void;
}

export function afterNextFrame<T>(
  deliver: (items: T[]) => void,
  schedule: (run: () => void) => () => void = afterFramePainted,
): FrameQueue<T> {
  let items: T[] = [];
  let cancelScheduled: (() => void) | null = null;
  const flush = () => {
    cancelScheduled = null;
    const delivered = items;
    items = [];
    deliver(delivered);
  };
  return {
    push(item) {
      items.push(item);
      cancelScheduled ??= schedule(flush);
    },
    pending: () => items.length > 0,
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      items = [];
    },
  };
}

/** Runs `run` once the next frame has been drawn; returns a cancel. */
export function afterFramePainted(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
