import { describe, expect, it } from 'vitest';
import { noEffects } from '../../../src/background/effects';
import { LogChanges } from '../../../src/background/log-changes';
import { PendingWrites } from '../../../src/background/persistence';
import { TabLogs } from '../../../src/background/tab-logs';
import type { ExchangeRecord } from '../../../src/model/exchange-record';
import { MemorySessionStore } from '../../fakes/memory-session-store';
import { blockedRecord, passedRecord } from '../panel/records';

/** Two records a tab at most, so the third evicts the first. */
function setup() {
  const logs = new TabLogs({ perTab: 2, overall: 10, perTabBytes: 1 << 20, overallBytes: 1 << 22 });
  const pending = new PendingWrites();
  const store = new MemorySessionStore();
  const changes = new LogChanges(logs, pending);
  const written = async () => {
    await pending.writeTo(store);
    return [...store.data.keys()].sort();
  };
  return { logs, changes, written };
}

const inTab = (record: ExchangeRecord, tabId: number): ExchangeRecord => ({ ...record, tabId });

describe('LogChanges', () => {
  it('writes and announces each record and the eviction it causes, and forgets the evicted one', async () => {
    const { changes, written } = setup();
    const effects = noEffects();
    for (const id of ['a', 'b', 'c']) changes.addRecord(passedRecord(id), effects);
    expect(effects.messages.map(([, message]) => message.type)).toEqual([
      'request-added',
      'request-added',
      'request-added',
      'request-evicted',
    ]);
    // Nothing blocked came or went: no badge changes.
    expect([...effects.badges]).toEqual([]);
    expect((await written()).filter((key) => key.startsWith('rec:'))).toEqual(['rec:7:b', 'rec:7:c']);
  });

  it('refreshes the badge of a tab whose blocked records came or went', () => {
    const { changes } = setup();
    const added = noEffects();
    changes.addRecord(inTab(blockedRecord('a'), 5), added);
    expect([...added.badges]).toEqual([5]);
    changes.addRecord(inTab(blockedRecord('b'), 5), noEffects());
    const evicting = noEffects();
    changes.addRecord(inTab(passedRecord('c'), 6), evicting);
    expect([...evicting.badges]).toEqual([]);
    changes.addRecord(inTab(blockedRecord('d'), 5), evicting);
    expect(evicting.messages.map(([tabId, message]) => [tabId, message.type])).toContainEqual([5, 'request-evicted']);
    expect([...evicting.badges]).toEqual([5]);
  });

  it('clears a tab: its records leave storage, its panels hear of it, its badge is refreshed', async () => {
    const { changes, logs, written } = setup();
    changes.addRecord(inTab(blockedRecord('a'), 3), noEffects());
    await written();
    const effects = noEffects();
    changes.clear(3, effects);
    expect(logs.requestIds(3)).toEqual([]);
    expect(effects.messages).toEqual([[3, expect.objectContaining({ type: 'log-cleared' })]]);
    expect([...effects.badges]).toEqual([3]);
    expect((await written()).filter((key) => key.includes(':a'))).toEqual([]);
    const nothing = noEffects();
    changes.clear(3, nothing);
    expect(nothing.messages).toEqual([]);
  });

  it('counts what storage refused per tab and tells that tab', () => {
    const { changes, logs } = setup();
    changes.addRecord(blockedRecord('a'), noEffects());
    const effects = noEffects();
    changes.markUnsaved(
      [
        { tabId: 7, requestId: 'a' },
        { tabId: 7, requestId: 'not-in-the-log' },
      ],
      effects,
    );
    expect(logs.meta(7).unpersistedCount).toBe(1);
    expect(effects.messages).toEqual([[7, expect.objectContaining({ type: 'counts-changed', unpersistedCount: 1 })]]);
  });
});
