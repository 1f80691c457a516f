import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/create-background';
import { encodeEvent } from '../../../src/background/stored-event';
import type { Badge } from '../../../src/model/badge';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { PROTOCOL_VERSION, parseToPanel, type ToPanel } from '../../../src/model/protocol';
import { API, EventScript, PAGE } from '../../fakes/capture-events';
import { FakeCaptureSwitch } from '../../fakes/fake-capture-switch';
import { FakePanelPort } from '../../fakes/fake-panel-port';
import { MemorySessionStore } from '../../fakes/memory-session-store';
import { QuotaSessionStore } from '../../fakes/quota-session-store';

const url = `${API}/items`;

function setup(store = new MemorySessionStore()) {
  const badges: Array<{ tabId: number; badge: Badge }> = [];
  const background = createBackground({
    store,
    capture: new FakeCaptureSwitch().deps,
    showBadge: async (tabId, badge) => {
      badges.push({ tabId, badge });
    },
  });
  const feed = async (events: readonly CaptureEvent[]) => {
    for (const event of events) await background.event(event);
  };
  return { background, badges, store, feed };
}

function blockedGet(script: EventScript, id: string): EventScript {
  return script
    .send(id, url, 'GET', [['Origin', PAGE]])
    .receive(id, url, 'GET', 500, [])
    .fail(id, url, 'GET');
}

function allowedGet(script: EventScript, id: string): EventScript {
  return script
    .send(id, url, 'GET', [['Origin', PAGE]])
    .receive(id, url, 'GET', 200, [['Access-Control-Allow-Origin', PAGE]])
    .complete(id, url, 'GET');
}

function navigation(tabId: number, timeStamp: number): CaptureEvent {
  return {
    kind: 'send-headers',
    requestId: `nav-${timeStamp}`,
    tabId,
    url: `${PAGE}/next`,
    method: 'GET',
    initiator: null,
    resourceType: 'main_frame',
    requestHeaders: [],
    timeStamp,
  };
}

async function snapshotOf(background: ReturnType<typeof setup>['background'], tabId: number) {
  const port = new FakePanelPort();
  await background.panelConnected(tabId, port);
  const [first] = port.posted;
  if (first?.type !== 'snapshot') throw new Error('expected a snapshot first');
  return first.log;
}

describe('createBackground', () => {
  it('gives a panel that connects later the same records, verdicts included, as one that watched them arrive', async () => {
    const { feed, background } = setup();
    const watching = new FakePanelPort();
    await background.panelConnected(7, watching);
    await feed(blockedGet(allowedGet(new EventScript(), '1'), '2').events);
    const arrived = watching.posted.flatMap((message) => (message.type === 'request-added' ? [message.record] : []));
    expect(arrived.map((record) => record.verdict.code)).toEqual([null, 'MissingAllowOriginHeader']);
    expect((await snapshotOf(background, 7)).records).toEqual(arrived);
  });

  it('judges each captured exchange and badges the tab with its blocked count', async () => {
    const { feed, badges, background } = setup();
    await feed(blockedGet(allowedGet(blockedGet(new EventScript(), '1'), '2'), '3').events);
    expect(badges.map(({ tabId, badge }) => [tabId, badge.text])).toEqual([
      [7, '1'],
      [7, '2'],
    ]);
    const log = await snapshotOf(background, 7);
    expect(log.records.map((record) => [record.requestId, record.verdict.code])).toEqual([
      ['1', 'MissingAllowOriginHeader'],
      ['2', null],
      ['3', 'MissingAllowOriginHeader'],
    ]);
  });

  it('updates the badge a few times a second during a burst, not once per blocked request', async () => {
    const { background, badges } = setup();
    await background.ready;
    let script = new EventScript();
    for (let index = 0; index < 20; index += 1) script = blockedGet(script, `b${index}`);
    await Promise.all(script.events.map((event) => background.event(event)));
    expect(badges.map(({ badge }) => badge.text)).toEqual(['1', '20']);
  });

  it('counts same-origin requests without storing them', async () => {
    const { feed, background } = setup();
    const same = `${PAGE}/x`;
    await feed(
      new EventScript().send('1', same, 'GET', []).receive('1', same, 'GET', 200, []).complete('1', same, 'GET').events,
    );
    expect(await snapshotOf(background, 7)).toMatchObject({ records: [], sameOriginCount: 1 });
  });

  it('streams deltas to the panels of that tab only', async () => {
    const { feed, background } = setup();
    const mine = new FakePanelPort();
    const other = new FakePanelPort();
    await background.panelConnected(7, mine);
    await background.panelConnected(8, other);
    await feed(blockedGet(new EventScript(), '1').events);
    expect(mine.posted.map((message: ToPanel) => message.type)).toEqual(['snapshot', 'capture-state', 'request-added']);
    expect(other.posted.map((message: ToPanel) => message.type)).toEqual(['snapshot', 'capture-state']);
  });

  it("sends a snapshot's first page on connect and its other pages when the panel asks", async () => {
    const { feed, background } = setup();
    let script = new EventScript();
    for (let i = 0; i < 250; i++) script = blockedGet(script, `r${i}`);
    await feed(script.events);
    const port = new FakePanelPort();
    await background.panelConnected(7, port);
    // A delta made after connecting is posted at once; the panel holds it until the pages are in.
    await feed(blockedGet(new EventScript(), 'late').events);
    expect(port.posted.map((message) => message.type)).toEqual(['snapshot', 'capture-state', 'request-added']);
    const [first] = port.posted;
    if (first?.type !== 'snapshot') throw new Error('expected a snapshot first');
    expect([first.log.records.length, first.more]).toEqual([100, 150]);

    port.receive({ type: 'snapshot-rest', version: PROTOCOL_VERSION });
    port.receive({ type: 'snapshot-rest', version: PROTOCOL_VERSION });
    const pages = port.posted.slice(3);
    expect(pages.map((message) => message.type)).toEqual(['snapshot-more']);
    // The pages hold the log as it was at connect time: the later request is not in them twice.
    const paged = pages.flatMap((message) => (message.type === 'snapshot-more' ? message.records : []));
    expect(paged.map((record) => record.requestId)).toEqual(Array.from({ length: 150 }, (_, i) => `r${i + 100}`));
  });

  it('starts a new log on a top-level navigation, and clears the badge', async () => {
    const { feed, background, badges } = setup();
    await feed(blockedGet(new EventScript(), '1').events);
    await feed([navigation(7, 5_000)]);
    expect((await snapshotOf(background, 7)).records).toEqual([]);
    expect(badges.at(-1)).toMatchObject({ tabId: 7, badge: { text: '' } });
  });

  it('keeps the log across navigations when a panel turned "preserve log" on', async () => {
    const { feed, background } = setup();
    const port = new FakePanelPort();
    await background.panelConnected(7, port);
    port.receive({ type: 'set-preserve-log', version: PROTOCOL_VERSION, preserveLog: true });
    await feed(blockedGet(new EventScript(), '1').events);
    await feed([navigation(7, 5_000)]);
    expect(await snapshotOf(background, 7)).toMatchObject({ preserveLog: true, records: [{ requestId: '1' }] });
  });

  it('shows the badge again when a new document loaded in the tab (Chrome drops it then)', async () => {
    const { feed, background, badges } = setup();
    await feed(blockedGet(new EventScript(), '1').events);
    expect(badges).toHaveLength(1);
    await background.tabLoaded(7);
    expect(badges.map(({ tabId, badge }) => [tabId, badge.text])).toEqual([
      [7, '1'],
      [7, '1'],
    ]);
  });

  it('clears the log when a panel asks, telling every panel of the tab', async () => {
    const { feed, background, badges } = setup();
    await feed(blockedGet(new EventScript(), '1').events);
    const port = new FakePanelPort();
    await background.panelConnected(7, port);
    port.receive({ type: 'clear-log', version: PROTOCOL_VERSION });
    await expect.poll(() => port.posted.at(-1)?.type).toBe('log-cleared');
    // Badges follow within BADGE_SPACING_MS of the last update.
    await expect.poll(() => badges.at(-1)?.badge.text).toBe('');
  });

  it('ignores malformed panel messages', async () => {
    const { feed, background } = setup();
    await feed(blockedGet(new EventScript(), '1').events);
    const port = new FakePanelPort();
    await background.panelConnected(7, port);
    port.receive({ type: 'clear-log', version: 1 });
    port.receive('clear-log');
    expect((await snapshotOf(background, 7)).records).toHaveLength(1);
  });

  it('keeps requests from outside any tab apart, without a badge', async () => {
    const { feed, background, badges } = setup();
    await feed(blockedGet(new EventScript(-1), '1').events);
    expect(badges).toEqual([]);
    expect((await snapshotOf(background, -1)).records).toHaveLength(1);
    expect((await snapshotOf(background, 7)).records).toHaveLength(0);
  });
});

describe('createBackground across worker restarts', () => {
  it('gives the same snapshot after a restart on the same storage', async () => {
    const first = setup();
    await first.feed(blockedGet(allowedGet(new EventScript(), '1'), '2').events);
    await first.background.flushed();
    const before = await snapshotOf(first.background, 7);

    const second = setup(first.store);
    expect(await snapshotOf(second.background, 7)).toEqual(before);
  });

  it('pairs a preflight seen before the restart with its request seen after', async () => {
    const script = new EventScript()
      .preflight('p', url, 'PUT', ['x-token'], 204, [['Access-Control-Allow-Origin', PAGE]])
      .fail('a', url, 'PUT');
    const first = setup();
    await first.feed(script.events.slice(0, 3));
    await first.background.flushed();

    const second = setup(first.store);
    await second.feed(script.events.slice(3));
    const [record] = (await snapshotOf(second.background, 7)).records;
    expect(record).toMatchObject({
      requestId: 'a',
      preflightRequestId: 'p',
      verdict: { code: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' },
    });
  });

  it('keeps the events of a request in storage only while it is in flight', async () => {
    const { feed, background, store } = setup();
    const events = blockedGet(new EventScript(), '1').events;
    const journal = () => [...store.data.keys()].filter((key) => key.startsWith('ev:'));
    await feed(events.slice(0, 2));
    await background.flushed();
    expect(journal()).toHaveLength(2);
    await feed(events.slice(2));
    await background.flushed();
    expect(journal()).toEqual([]);
    expect([...store.data.keys()].filter((key) => key.startsWith('rec:'))).toEqual(['rec:7:1']);
  });

  it('after a restart, ignores the events of a request that already has its record', async () => {
    const store = new MemorySessionStore();
    // Writes go out; the removal that waits for a quiet worker never comes.
    const schedule = (task: () => void, delayMs: number) => {
      if (delayMs < 1_000) setTimeout(task, delayMs);
    };
    const first = createBackground({
      store,
      capture: new FakeCaptureSwitch().deps,
      showBadge: async () => {},
      schedule,
    });
    const [sent, ...rest] = blockedGet(new EventScript(), '1').events as [CaptureEvent, ...CaptureEvent[]];
    await first.event(sent);
    for (const event of rest) await first.event(event);
    await vi.waitFor(() => expect(store.data.has('rec:7:1')).toBe(true));
    // Stopped before the finished request's events were removed.
    expect([...store.data.keys()].filter((key) => key.startsWith('ev:'))).toEqual(['ev:1005:1:send-headers']);

    const second = setup(store);
    const { records } = await snapshotOf(second.background, 7);
    expect(records.map((record) => [record.requestId, record.verdict.code])).toEqual([
      ['1', 'MissingAllowOriginHeader'],
    ]);
    await second.background.flushed();
    expect([...store.data.keys()].filter((key) => key.startsWith('ev:'))).toEqual([]);
  });

  it('counts a same-origin request once, even when the worker stops right after it', async () => {
    const same = `${PAGE}/x`;
    const events = new EventScript()
      .send('1', same, 'GET', [])
      .receive('1', same, 'GET', 200, [])
      .complete('1', same, 'GET').events;
    const store = new MemorySessionStore();
    // Writes go out; the removal that waits for a quiet worker never comes.
    const schedule = (task: () => void, delayMs: number) => {
      if (delayMs < 1_000) setTimeout(task, delayMs);
    };
    const first = createBackground({
      store,
      capture: new FakeCaptureSwitch().deps,
      showBadge: async () => {},
      schedule,
    });
    for (const event of events) await first.event(event);
    await vi.waitFor(() => expect(store.data.get('tab:7')).toMatchObject({ sameOriginCount: 1 }));

    // The next life finishes whatever it replays at once, instead of after the grace period.
    const second = createBackground({
      store,
      capture: new FakeCaptureSwitch().deps,
      showBadge: async () => {},
      schedule: (task, delayMs) => (delayMs >= 2_000 ? task() : schedule(task, delayMs)),
    });
    await second.ready;
    expect(await snapshotOf(second, 7)).toMatchObject({ records: [], sameOriginCount: 1 });
  });

  it('judges a request in flight at the restart on the headers seen before it', async () => {
    const events = blockedGet(new EventScript(), '1').events;
    const first = setup();
    await first.feed(events.slice(0, 2));
    await first.background.flushed();

    const second = setup(first.store);
    await second.feed(events.slice(2));
    const [record] = (await snapshotOf(second.background, 7)).records;
    expect(record?.exchange.response?.status).toBe(500);
    expect(record?.verdict).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader' });
  });

  it('hands an event that arrived while it was starting to the next life, if stopped right then', async () => {
    const events = blockedGet(new EventScript(), '1').events;
    const store = new MemorySessionStore();
    const starting = setup(store);
    // Not awaited: the worker is stopped before it has read its state back.
    void starting.background.event(events[0] as CaptureEvent);

    const next = setup(store);
    await next.feed(events.slice(1));
    const [record] = (await snapshotOf(next.background, 7)).records;
    expect(record?.exchange.request.headers).toEqual([['Origin', PAGE]]);
    expect(record?.verdict).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader' });
  });

  it("removes what it no longer reads, such as an older version's in-flight requests", async () => {
    const store = new MemorySessionStore();
    await store.setMany({ 'req:12': '{"trace":{}}', 'ev:1:2:completed': 'garbage' });
    const { background } = setup(store);
    await background.flushed();
    expect([...store.data.keys()]).toEqual([]);
  });

  it('forgets a closed tab, in memory and in storage', async () => {
    const first = setup();
    await first.feed(blockedGet(new EventScript(), '1').events);
    await first.background.tabRemoved(7);
    await first.background.flushed();
    expect([...first.store.data.keys()].filter((key) => key.includes(':7'))).toEqual([]);
    const second = setup(first.store);
    expect((await snapshotOf(second.background, 7)).records).toEqual([]);
  });

  it('starts empty instead of failing on corrupt saved state', async () => {
    const store = new MemorySessionStore();
    await store.setMany({ 'tab:7': { ids: 'many' }, capture: 'garbage', 'rec:7:1': 42 });
    const { background, feed } = setup(store);
    expect((await snapshotOf(background, 7)).records).toEqual([]);
    await feed(blockedGet(new EventScript(), '1').events);
    expect((await snapshotOf(background, 7)).records).toHaveLength(1);
  });

  it('reads stored tab counters with the panel’s own check: a negative or fractional one is not sent on', async () => {
    const store = new MemorySessionStore();
    await store.setMany({ 'tab:7': { sameOriginCount: -3, evictedCount: 0.5, preserveLog: false } });
    const port = new FakePanelPort();
    await setup(store).background.panelConnected(7, port);
    // The snapshot the panel receives passes the panel's parser, so it is not ignored.
    expect(port.posted.map((message) => parseToPanel(JSON.parse(JSON.stringify(message)))?.type)).toEqual([
      'snapshot',
      'capture-state',
    ]);
  });

  it('starts, and keeps capturing, whatever storage holds', async () => {
    const key = fc.oneof(
      fc
        .constantFrom('ev:', 'rec:7:', 'tab:7', 'req:', 'ev:1:1:send-headers')
        .chain((prefix) => fc.string().map((rest) => prefix + rest)),
      fc.string(),
    );
    const sent = JSON.parse(encodeEvent(blockedGet(new EventScript(), 'x').events[0] as CaptureEvent, 0));
    const value = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.jsonValue().map((json) => JSON.stringify(json)),
      fc.record({ tabId: fc.anything(), order: fc.anything() }).map((odd) => JSON.stringify({ ...sent, ...odd })),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value), async (saved) => {
        const store = new MemorySessionStore();
        await store.setMany(saved);
        const { background, feed } = setup(store);
        await feed(blockedGet(new EventScript(), 'after').events);
        const { records } = await snapshotOf(background, 7);
        expect(records.map((record) => record.requestId)).toContain('after');
      }),
      { numRuns: 200 },
    );
  });

  it('writes what changed, not the whole log, on each flush', async () => {
    const { feed, background, store } = setup();
    await feed(blockedGet(new EventScript(), '1').events);
    await background.flushed();
    const keysBefore = new Set(store.data.keys());
    const recordBefore = store.data.get('rec:7:1');
    await feed(blockedGet(new EventScript(), '2').events);
    await background.flushed();
    expect([...store.data.keys()].filter((key) => !keysBefore.has(key))).toEqual(['rec:7:2']);
    expect(store.data.get('rec:7:1')).toBe(recordBefore);
  });

  it('writes as much per flush with 500 records in the log as with 10', async () => {
    /** Bytes handed to storage per flush: keys plus values as JSON (what goes over IPC). */
    async function flushBytesAt(logSize: number): Promise<number> {
      const { feed, background, store } = setup();
      let script = new EventScript();
      for (let index = 0; index < logSize; index += 1) script = allowedGet(script, `r${index}`);
      await feed(script.events);
      await background.flushed();
      let bytes = 0;
      const setMany = store.setMany.bind(store);
      store.setMany = (items) => {
        for (const [key, value] of Object.entries(items)) bytes += key.length + JSON.stringify(value).length;
        return setMany(items);
      };
      await feed(allowedGet(new EventScript(), 'next').events.map((event) => ({ ...event, timeStamp: 9e9 })));
      await background.flushed();
      return bytes;
    }
    const [small, full] = [await flushBytesAt(10), await flushBytesAt(500)];
    console.log(`bytes written for one more request: ${small} with 10 records in the log, ${full} with 500`);
    // At 500 the log is full: the flush also writes the tab's eviction counter (a few dozen bytes).
    expect(full).toBeLessThan(small + 100);
  });
});

describe('createBackground when storage is full', () => {
  function largeAllowedGet(script: EventScript, id: string): EventScript {
    const big = Array.from({ length: 6 }, (_, index) => [`X-Big-${index}`, 'v'.repeat(8_000)] as const);
    return script
      .send(id, url, 'GET', [['Origin', PAGE]])
      .receive(id, url, 'GET', 200, [['Access-Control-Allow-Origin', PAGE], ...big])
      .complete(id, url, 'GET');
  }

  it('stores blocked records before allowed ones, and tells the panel how many it could not save', async () => {
    const store = new QuotaSessionStore(150_000);
    const { background, badges } = setup(store);
    const port = new FakePanelPort();
    await background.panelConnected(7, port);
    let script = new EventScript();
    for (let index = 0; index < 6; index += 1) script = largeAllowedGet(script, `a${index}`);
    script = blockedGet(script, 'b');
    // All at once: one write carries them all, and storage refuses it.
    await Promise.all(script.events.map((event) => background.event(event)));
    await background.flushed();
    expect(store.refused).toBeGreaterThan(0);
    expect(store.data.has('rec:7:b')).toBe(true);
    const log = await snapshotOf(background, 7);
    const notStored = log.records.filter((record) => !store.data.has(`rec:7:${record.requestId}`));
    expect(notStored.length).toBeGreaterThan(0);
    expect(log.unpersistedCount).toBe(notStored.length);
    expect(port.posted.at(-1)).toMatchObject({ type: 'counts-changed', unpersistedCount: notStored.length });
    expect(store.data.get('tab:7')).toMatchObject({ unpersistedCount: notStored.length });
    // The refused records are still shown and counted on the badge while this worker lives.
    expect(log.records).toHaveLength(7);
    expect(badges.at(-1)?.badge.text).toBe('1');
  });

  it('counts requests dropped unfinished in flight, and forgets their journaled events', async () => {
    const { feed, background, store } = setup();
    const script = new EventScript();
    for (let index = 0; index < 1_001; index += 1)
      script.send(`h${index}`, `${url}/${index}`, 'GET', [['Origin', PAGE]]);
    await feed(script.events);
    await background.flushed();
    expect((await snapshotOf(background, 7)).evictedCount).toBe(1);
    expect([...store.data.keys()].some((key) => key.includes(':h0:'))).toBe(false);
    expect(store.data.get('tab:7')).toMatchObject({ evictedCount: 1 });
  });
});
