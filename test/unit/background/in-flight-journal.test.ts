import { describe, expect, it } from 'vitest';
import { InFlightJournal } from '../../../src/background/in-flight-journal';
import { PendingWrites } from '../../../src/background/persistence';
import { API, EventScript, PAGE } from '../../fakes/capture-events';
import { MemorySessionStore } from '../../fakes/memory-session-store';

const url = `${API}/items`;

/** A journal over real pending writes and a store, with the requests in flight named by hand. */
function setup() {
  const pending = new PendingWrites();
  const store = new MemorySessionStore();
  const inFlight = new Set<string>();
  const journal = new InFlightJournal(pending, (requestId) => inFlight.has(requestId));
  const removed: string[] = [];
  const removeMany = store.removeMany.bind(store);
  store.removeMany = async (keys) => {
    removed.push(...keys);
    await removeMany(keys);
  };
  // As the worker's write does: the events that wait are staged, then written.
  const stored = async () => {
    journal.stage();
    await pending.writeTo(store, true);
    return [...store.data.keys()].filter((key) => key.startsWith('ev:')).length;
  };
  const [sent, received] = new EventScript()
    .send('1', url, 'GET', [['Origin', PAGE]])
    .receive('1', url, 'GET', 200, []).events;
  if (sent === undefined || received === undefined) throw new Error('two events');
  return { journal, inFlight, stored, removed, sent, received };
}

describe('InFlightJournal', () => {
  it('keeps the events of a request in flight, and lets them go in one write once it is finished', async () => {
    const { journal, inFlight, stored, sent, received } = setup();
    inFlight.add('1');
    journal.handled(sent);
    journal.handled(received);
    expect(await stored()).toBe(2);
    inFlight.delete('1');
    journal.settle('1');
    expect(await stored()).toBe(0);
  });

  it('gives no key to the events of a request that finishes before the next write', async () => {
    const { journal, inFlight, stored, removed, sent, received } = setup();
    inFlight.add('1');
    journal.handled(sent);
    expect(journal.hasUnwritten).toBe(true);
    inFlight.delete('1');
    journal.handled(received);
    journal.settle('1');
    expect(journal.hasUnwritten).toBe(false);
    expect(await stored()).toBe(0);
    expect(removed).toEqual([]);
  });

  it('never writes the event of a request that finished with it', async () => {
    const { journal, stored, sent } = setup();
    journal.handled(sent);
    expect(await stored()).toBe(0);
  });

  it('retires an event journaled on arrival when handling it finished its request', async () => {
    const { journal, stored, sent } = setup();
    const key = journal.write(sent);
    expect(await stored()).toBe(1);
    journal.handled(sent, key);
    expect(await stored()).toBe(0);
  });

  it('does not settle a request still in flight, and drops the journal of abandoned ones', async () => {
    const { journal, inFlight, stored, sent } = setup();
    inFlight.add('1');
    journal.handled(sent);
    journal.settle('1');
    expect(await stored()).toBe(1);
    journal.abandon(['1']);
    expect(await stored()).toBe(0);
  });
});
