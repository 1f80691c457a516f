/**
 * `storage.session` outlives the worker and can hold anything (an older version's format, a
 * half-written state, a bug). Whatever it holds, the worker must start, keep capturing, and send
 * the panel only messages the panel's own parser accepts — a message it rejected would make the
 * panel ignore every snapshot of that tab until the log was cleared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { parseToPanel } from '../../src/model/protocol';
import { API, EventScript, PAGE } from '../fakes/capture-events';
import { FakeCaptureSwitch } from '../fakes/fake-capture-switch';
import { FakePanelPort } from '../fakes/fake-panel-port';
import { MemorySessionStore } from '../fakes/memory-session-store';

const TAB = 7;

/** Numbers a counter should never be, and the kinds of value storage can end up holding. */
const oddNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0.5, -0, Number.MAX_SAFE_INTEGER + 2, 1e308),
);
const oddValue = fc.oneof(oddNumber, fc.nat(), fc.string(), fc.boolean(), fc.constant(null), fc.jsonValue());
const counters = fc.record(
  {
    sameOriginCount: oddValue,
    evictedCount: oddValue,
    unpersistedCount: oddValue,
    preserveLog: oddValue,
    ids: oddValue,
  },
  { requiredKeys: [] },
);

function blockedGet(id: string) {
  const url = `${API}/items`;
  return new EventScript()
    .send(id, url, 'GET', [['Origin', PAGE]])
    .receive(id, url, 'GET', 500, [])
    .fail(id, url, 'GET').events;
}

describe('a worker started on corrupted storage', () => {
  it('sends the panel only messages the panel accepts, and keeps capturing', async () => {
    await fc.assert(
      fc.asyncProperty(counters, fc.dictionary(fc.string(), fc.jsonValue()), async (tab, other) => {
        const store = new MemorySessionStore();
        await store.setMany({ ...other, [`tab:${TAB}`]: tab });
        const background = createBackground({
          store,
          capture: new FakeCaptureSwitch().deps,
          showBadge: async () => {},
        });
        for (const event of blockedGet('after')) await background.event(event);
        const port = new FakePanelPort();
        await background.panelConnected(TAB, port);
        expect(port.posted.length).toBeGreaterThan(0);
        for (const message of port.posted) {
          // As the message crosses the port: structured clone, which JSON stands in for here.
          const parsed = parseToPanel(JSON.parse(JSON.stringify(message)));
          expect(parsed, JSON.stringify(message).slice(0, 300)).not.toBeNull();
          if (parsed?.type === 'snapshot') expect(parsed.log.records.map((r) => r.requestId)).toContain('after');
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
