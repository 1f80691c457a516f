import { describe, expect, it } from 'vitest';
import { afterNextFrame } from '../../../../src/panel/state/after-next-frame';

/** A stand-in for the frame: runs what was scheduled when the test says the frame was drawn. */
function fakeFrames() {
  const scheduled: (() => void)[] = [];
  let cancelled = 0;
  return {
    schedule: (run: () => void) => {
      scheduled.push(run);
      return () => {
        cancelled++;
        scheduled.splice(scheduled.indexOf(run), 1);
      };
    },
    drawFrame: () => {
      for (const run of scheduled.splice(0)) run();
    },
    scheduledCount: () => scheduled.length,
    cancelledCount: () => cancelled,
  };
}

describe('afterNextFrame', () => {
  it('hands over everything pushed before the frame, in order, in one delivery after it', () => {
    const frames = fakeFrames();
    const deliveries: number[][] = [];
    const queue = afterNextFrame<number>((items) => deliveries.push(items), frames.schedule);
    expect(queue.pending()).toBe(false);
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(queue.pending()).toBe(true);
    expect(frames.scheduledCount()).toBe(1);
    expect(deliveries).toEqual([]);
    frames.drawFrame();
    expect(deliveries).toEqual([[1, 2, 3]]);
    expect(queue.pending()).toBe(false);
    queue.push(4);
    frames.drawFrame();
    expect(deliveries).toEqual([[1, 2, 3], [4]]);
  });

  it('drops what waits when cancelled, and delivers nothing', () => {
    const frames = fakeFrames();
    const deliveries: number[][] = [];
    const queue = afterNextFrame<number>((items) => deliveries.push(items), frames.schedule);
    queue.push(1);
    queue.cancel();
    frames.drawFrame();
    expect(deliveries).toEqual([]);
    expect(frames.cancelledCount()).toBe(1);
    expect(queue.pending()).toBe(false);
  });
});
