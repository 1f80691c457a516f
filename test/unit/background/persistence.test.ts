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
    expect(pending.empty).toBe(true);
    await pending.writeTo(store);
    expect(store.data.size).toBe(3);
    pending.forgetRecord(7, 'evicted');
    expect(pending.empty).toBe(false);
    await pending.writeTo(store);
    expect(store.data.size).toBe(0);
  });

  it('go in one batch once 256 wait, or when the worker is quiet', async () => {
    const [pending, store] = [new PendingWrites(), new MemorySessionStore()];
    const keys = await journaled(pending, store, 257);
    pending.retire(keys.slice(0, 255));
    expect(pending.empty).toBe(true);
    pending.retire(keys.slice(255, 256));
    expect(pending.empty).toBe(false);
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
