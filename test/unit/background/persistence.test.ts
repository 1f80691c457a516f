import { describe, expect, it } from 'vitest';
import { PendingWrites } from '../../../src/background/persistence';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { API, EventScript, PAGE } from '../../fakes/capture-events';
import { MemorySessionStore } from '../../fakes/memory-session-store';

const [event] = new EventScript().send('1', `${API}/items`, 'GET', [['Origin', PAGE]]).events as [CaptureEvent];

/** Journals `count` events under keys k0, k1, … and writes them. */
async function journaled(pending: PendingWrites, store: MemorySessionStore, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, index) => `ev:k${index}`);
  keys.forEach((key, order) => {
    pending.event(key, event, order);
  });
  await pending.writeTo(store);
  return keys;
}

describe('PendingWrites: the events of finished requests', () => {
  it('wait to be removed with the next removal that has to happen anyway', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    const keys = await journaled(pending, store, 3);
    pending.retire(keys);
    expect(pending.hasChanges(0)).toBe(false);
    await pending.writeTo(store);
    expect(store.data.size).toBe(3);
    pending.forgetRecord(7, 'evicted');
    expect(pending.hasChanges(0)).toBe(true);
    await pending.writeTo(store);
    expect(store.data.size).toBe(0);
  });

  it('go in one batch once 256 wait, or when the worker is quiet', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    const keys = await journaled(pending, store, 257);
    pending.retire(keys.slice(0, 255));
    expect(pending.hasChanges(0)).toBe(false);
    pending.retire(keys.slice(255, 256));
    expect(pending.hasChanges(0)).toBe(true);
    await pending.writeTo(store);
    expect([...store.data.keys()]).toEqual(['ev:k256']);
    pending.retire(['ev:k256']);
    await pending.writeTo(store, true);
    expect(store.data.size).toBe(0);
  });

  it('are never written when the request finished before its events were', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    pending.event('ev:k0', event, 0);
    pending.retire(['ev:k0']);
    await pending.writeTo(store, true);
    expect(store.writes).toBe(0);
    expect(store.removedKeys).toBe(0);
    expect(store.data.size).toBe(0);
  });

  it('cost no removal when never written, whether retired or forgotten with a counter', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    const [written] = await journaled(pending, store, 1);
    pending.event('ev:late', event, 1);
    pending.forget(['ev:late', written as string]);
    await pending.writeTo(store, true);
    expect(store.removedKeys).toBe(1);
    expect(store.data.size).toBe(0);
  });

  it('are removed when a previous worker life wrote them, even if this life journaled them again', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    await store.setMany({ 'ev:k0': 'written by the previous life' });
    pending.foundStored(['ev:k0']);
    pending.event('ev:k0', event, 0);
    pending.retire(['ev:k0']);
    await pending.writeTo(store, true);
    expect(store.data.size).toBe(0);
  });
});

describe('PendingWrites: journaled events with a due time', () => {
  it('are written with the first write at or after it, and never if their request finishes first', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    pending.event('ev:slow', event, 0, 1_000);
    pending.event('ev:quick', event, 1, 1_050);
    expect(pending.hasChanges(999)).toBe(false);
    expect(pending.nextDueAfter(999)).toBe(1_000);
    await pending.writeTo(store, false, 999);
    expect(store.writes).toBe(0);
    pending.retire(['ev:quick']);
    expect(pending.hasChanges(1_000)).toBe(true);
    await pending.writeTo(store, false, 1_000);
    expect([...store.data.keys()]).toEqual(['ev:slow']);
    expect(pending.nextDueAfter(5_000)).toBeUndefined();
    await pending.writeTo(store, true);
    expect(store.removedKeys).toBe(0);
  });

  it('all go with an idle write, or once made due', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    pending.event('ev:a', event, 0, 1_000);
    await pending.writeTo(store, true, 0);
    pending.event('ev:b', event, 1, 1_000);
    pending.allDue();
    expect(pending.hasChanges(0)).toBe(true);
    await pending.writeTo(store, false, 0);
    expect([...store.data.keys()]).toEqual(['ev:a', 'ev:b']);
  });
});
