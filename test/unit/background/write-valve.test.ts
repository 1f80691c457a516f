import { describe, expect, it } from 'vitest';
import { WriteValve } from '../../../src/background/write-valve';
import { FakeClock } from '../../fakes/fake-clock';

const SPACING = 100;
const IDLE = 1_000;

/** A valve over a fake store: `changes` and `retired` count what waits; each write takes them. */
function setup() {
  const clock = new FakeClock();
  const state = { changes: 0, retired: 0 };
  const writes: Array<{ at: number; changes: number; retired: number }> = [];
  let finish: (() => void) | null = null;
  let holdWrites = false;
  const valve = new WriteValve({
    clock,
    spacingMs: SPACING,
    idleMs: IDLE,
    waiting: () => ({ changes: state.changes > 0, retired: state.retired > 0 }),
    write: (withRetired) => {
      writes.push({ at: clock.now(), changes: state.changes, retired: withRetired ? state.retired : 0 });
      state.changes = 0;
      if (withRetired) state.retired = 0;
      return holdWrites ? new Promise<void>((done) => (finish = done)) : Promise.resolve();
    },
  });
  const settle = () => new Promise<void>((done) => setTimeout(done, 0));
  return {
    clock,
    state,
    writes,
    valve,
    settle,
    hold: () => (holdWrites = true),
    release: () => {
      holdWrites = false;
      finish?.();
    },
  };
}

describe('WriteValve', () => {
  it('writes a quiet worker’s change in the same task', () => {
    const { state, writes, valve } = setup();
    state.changes = 1;
    valve.flush();
    expect(writes).toEqual([{ at: 0, changes: 1, retired: 0 }]);
  });

  it('writes nothing when nothing changed', () => {
    const { writes, valve } = setup();
    valve.flush();
    expect(writes).toEqual([]);
  });

  it('spaces a busy worker’s writes and carries every change made meanwhile in one call', async () => {
    const { clock, state, writes, valve, settle } = setup();
    state.changes = 1;
    valve.flush();
    await settle();
    clock.advance(10);
    for (let change = 0; change < 5; change++) {
      state.changes++;
      valve.flush();
    }
    expect(writes).toHaveLength(1);
    expect(clock.waiting).toEqual([SPACING - 10]);
    clock.advance(SPACING - 11);
    expect(writes).toHaveLength(1);
    clock.advance(1);
    expect(writes).toEqual([
      { at: 0, changes: 1, retired: 0 },
      { at: SPACING, changes: 5, retired: 0 },
    ]);
  });

  it('issues one call at a time: changes made during a write go when it is done', async () => {
    const { clock, state, writes, valve, settle, hold, release } = setup();
    hold();
    state.changes = 1;
    valve.flush();
    clock.advance(SPACING * 3);
    state.changes = 2;
    valve.flush();
    expect(writes).toHaveLength(1);
    expect(valve.writing).not.toBeNull();
    release();
    await settle();
    expect(writes).toEqual([
      { at: 0, changes: 1, retired: 0 },
      { at: SPACING * 3, changes: 2, retired: 0 },
    ]);
  });

  it('lets retired keys wait for a later write, or for the worker to be quiet for the idle time', async () => {
    const { clock, state, writes, valve, settle } = setup();
    state.retired = 3;
    valve.flush();
    expect(writes).toEqual([]);
    state.changes = 1;
    valve.flush();
    await settle();
    expect(writes).toEqual([{ at: 0, changes: 1, retired: 0 }]);
    expect(clock.waiting).toEqual([IDLE]);
    clock.advance(IDLE);
    expect(writes).toEqual([
      { at: 0, changes: 1, retired: 0 },
      { at: IDLE, changes: 0, retired: 3 },
    ]);
  });

  it('flush(true) skips the spacing and takes retired keys along', async () => {
    const { state, writes, valve, settle } = setup();
    state.changes = 1;
    valve.flush();
    await settle();
    state.changes = 1;
    state.retired = 2;
    valve.flush(true);
    expect(writes).toEqual([
      { at: 0, changes: 1, retired: 0 },
      { at: 0, changes: 1, retired: 2 },
    ]);
  });

  it('drained() resolves once every change and retired key has been written', async () => {
    const { state, writes, valve, hold, release } = setup();
    hold();
    state.changes = 1;
    valve.flush();
    state.changes = 1;
    state.retired = 1;
    const drained = valve.drained();
    release();
    await drained;
    expect(writes.map(({ changes, retired }) => [changes, retired])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(state).toEqual({ changes: 0, retired: 0 });
  });
});
