import { describe, expect, it } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { Correlator } from '../../src/capture/correlator';
import type { HeaderList } from '../../src/engine';
import type { CaptureEvent } from '../../src/model/capture-event';
import { isBlockedRecord, type TabLogView } from '../../src/model/exchange-record';
import type { SessionStore } from '../../src/platform/storage';
import { API, EventScript, PAGE } from '../fakes/capture-events';
import { FakeCaptureSwitch } from '../fakes/fake-capture-switch';
import { FakePanelPort } from '../fakes/fake-panel-port';
import { MemorySessionStore } from '../fakes/memory-session-store';
import { QuotaSessionStore } from '../fakes/quota-session-store';

/**
 * Issue #14 item 4: the worker was bounded by record count, not bytes. Each test drives the real
 * worker (or correlator) with oversized or hung requests and asserts byte figures on what it keeps
 * and stores. The figures the code before the fix reached are in the comments.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const url = `${API}/items`;

function worker(store: SessionStore) {
  const background = createBackground({ store, capture: new FakeCaptureSwitch().deps, showBadge: async () => {} });
  return {
    background,
    async feed(events: readonly CaptureEvent[]) {
      for (const event of events) await background.event(event);
    },
    async snapshot(tabId = 7): Promise<TabLogView> {
      const port = new FakePanelPort();
      await background.panelConnected(tabId, port);
      const [first] = port.posted;
      if (first?.type !== 'snapshot') throw new Error('expected a snapshot first');
      return first.log;
    },
  };
}

/** `count` headers of `bytes` bytes each: what a hostile page or server can send. */
function bigHeaders(count: number, bytes: number): HeaderList {
  return Array.from({ length: count }, (_, index) => [`X-Big-${index}`, 'v'.repeat(bytes)] as const);
}

function blockedGet(script: EventScript, id: string, target = url, extra: HeaderList = []): EventScript {
  return script
    .send(id, target, 'GET', [['Origin', PAGE], ...extra])
    .receive(id, target, 'GET', 500, [])
    .fail(id, target, 'GET');
}

function largeAllowedGet(script: EventScript, id: string): EventScript {
  return script
    .send(id, url, 'GET', [['Origin', PAGE]])
    .receive(id, url, 'GET', 200, [['Access-Control-Allow-Origin', PAGE], ...bigHeaders(6, 10 * KiB)])
    .complete(id, url, 'GET');
}

function storedRecordBytes(store: MemorySessionStore): number {
  let bytes = 0;
  for (const [key, value] of store.data) if (key.startsWith('rec:')) bytes += key.length + JSON.stringify(value).length;
  return bytes;
}

describe('worker bounds (#14 item 4)', () => {
  it('caps a 2 MB URL and a 2 MB header at capture, with a marker, and judges it the same', async () => {
    const store = new MemorySessionStore();
    const { feed, background, snapshot } = worker(store);
    const huge = `${url}?q=${'a'.repeat(2 * MiB)}`;
    await feed(blockedGet(new EventScript(), '1', huge, [['X-Trace', 'b'.repeat(2 * MiB)]]).events);
    await background.flushed();
    const [record] = (await snapshot()).records;
    const stored = JSON.stringify(store.data.get('rec:7:1')).length;
    console.log(
      `2 MB URL + 2 MB header: stored record ${stored} bytes, URL kept ${record?.exchange.request.url.length} chars`,
    );
    // Before the fix: the stored record was 4,194,604 bytes and the URL 2,097,182 chars.
    expect(stored).toBeLessThan(32 * KiB);
    expect(record?.exchange.request.url.length).toBeLessThanOrEqual(16 * KiB);
    expect(record?.exchange.request.url).toMatch(/… \[truncated by CORS Lens: 2097\d{3} bytes in all\]$/);
    expect(record?.verdict.code).toBe('MissingAllowOriginHeader');
  });

  it('keeps at most 1,000 hung requests in flight, within 4 MiB, whatever arrives (100,000 never end)', () => {
    const correlator = new Correlator();
    for (let index = 0; index < 100_000; index += 1) {
      correlator.ingest({
        kind: 'send-headers',
        requestId: `h${index}`,
        tabId: 7,
        url: `${url}/${index}`,
        method: 'GET',
        initiator: PAGE,
        resourceType: 'xmlhttprequest',
        requestHeaders: [['Origin', PAGE]],
        timeStamp: 1_000 + index / 1_000,
      });
    }
    console.log(`100,000 hung requests: ${correlator.inFlight} in flight, ${correlator.inFlightBytes} bytes estimated`);
    // Before the fix: 100,000 in flight, with no byte accounting (111 MB of heap in Chromium).
    expect(correlator.inFlight).toBeLessThanOrEqual(1_000);
    expect(correlator.inFlightBytes).toBeLessThanOrEqual(4 * MiB);
  });

  it('journals at most 1,000 hung requests, and counts those it dropped', async () => {
    const store = new MemorySessionStore();
    const { feed, background, snapshot } = worker(store);
    const script = new EventScript();
    for (let index = 0; index < 5_000; index += 1)
      script.send(`h${index}`, `${url}/${index}`, 'GET', [['Origin', PAGE]]);
    await feed(script.events);
    await background.flushed();
    const journaled = [...store.data.keys()].filter((key) => key.startsWith('ev:')).length;
    console.log(`5,000 hung requests: ${journaled} journaled events in storage`);
    // Before the fix: 5,000 journaled, none counted as dropped.
    expect(journaled).toBeLessThanOrEqual(1_000);
    expect((await snapshot()).evictedCount).toBe(5_000 - journaled);
  });

  it("bounds a tab's log in bytes, not only in records (500 records with 60 KB of headers each)", async () => {
    const store = new MemorySessionStore();
    const { feed, background, snapshot } = worker(store);
    let script = new EventScript();
    for (let index = 0; index < 500; index += 1) script = largeAllowedGet(script, `r${index}`);
    await feed(script.events);
    await background.flushed();
    const log = await snapshot();
    const held = JSON.stringify(log.records).length;
    const stored = storedRecordBytes(store);
    console.log(`500 large records: ${log.records.length} kept, ${held} bytes as JSON, ${stored} bytes stored`);
    // Before the fix: all 500 kept, 31,493,891 bytes as JSON and 30,915,670 stored.
    expect(held).toBeLessThan(2.5 * MiB);
    expect(stored).toBeLessThan(2.5 * MiB);
    expect(log.records.length + log.evictedCount).toBe(500);
  });

  it('drops allowed records for bytes before any blocked one', async () => {
    const { feed, snapshot } = worker(new MemorySessionStore());
    let script = new EventScript();
    for (let index = 0; index < 20; index += 1) script = blockedGet(script, `b${index}`, url, bigHeaders(6, 10 * KiB));
    for (let index = 0; index < 300; index += 1) script = largeAllowedGet(script, `a${index}`);
    await feed(script.events);
    const log = await snapshot();
    expect(log.records.filter(isBlockedRecord)).toHaveLength(20);
    expect(log.evictedCount).toBeGreaterThan(0);
  });

  it('says how many of 300 large records storage did not keep, exactly, before and after a restart', async () => {
    // A quota the log's byte budget does not fit in, so storage refuses writes.
    const store = new QuotaSessionStore(1 * MiB);
    const first = worker(store);
    let script = new EventScript();
    for (let index = 0; index < 300; index += 1) script = largeAllowedGet(script, `r${index}`);
    await first.feed(script.events);
    await first.background.flushed();
    const live = await first.snapshot();
    const notStored = live.records.filter((record) => !store.data.has(`rec:7:${record.requestId}`)).length;
    console.log(
      `300 large records, 1 MiB quota: ${store.refused} writes refused, ${live.records.length} shown, ${notStored} of them not stored, unpersistedCount ${live.unpersistedCount}`,
    );
    // Before the fix: 300 shown, none stored, the refusal swallowed and no count for the panel.
    expect(store.refused).toBeGreaterThan(0);
    expect(notStored).toBeGreaterThan(0);
    expect(live.unpersistedCount).toBe(notStored);
    const restarted = await worker(store).snapshot();
    expect(restarted.unpersistedCount).toBe(notStored);
    expect(restarted.records.length + restarted.evictedCount + restarted.unpersistedCount).toBe(300);
  });

  it('keeps every one of 300 large records or counts it, with the real 10 MB quota', async () => {
    const store = new QuotaSessionStore();
    const first = worker(store);
    let script = new EventScript();
    for (let index = 0; index < 300; index += 1) script = largeAllowedGet(script, `r${index}`);
    await first.feed(script.events);
    await first.background.flushed();
    const log = await worker(store).snapshot();
    console.log(
      `300 large records, 10 MB quota: ${store.refused} writes refused; after a restart ${log.records.length} kept, ${log.evictedCount} dropped, ${log.unpersistedCount} not saved`,
    );
    // Before the fix: the one write was refused; after a restart 0 kept and nothing counted.
    expect(log.records.length + log.evictedCount + (log.unpersistedCount ?? 0)).toBe(300);
    expect(log.unpersistedCount).toBe(0);
  });

  it('keeps all 50 blocked records after 102 hung requests with 100 KB headers', async () => {
    const store = new QuotaSessionStore();
    const first = worker(store);
    const script = new EventScript();
    for (let index = 0; index < 102; index += 1) {
      script.send(`h${index}`, `${url}/hung/${index}`, 'GET', [['Origin', PAGE], ...bigHeaders(1, 100 * KiB)]);
    }
    let blocked = script;
    for (let index = 0; index < 50; index += 1) blocked = blockedGet(blocked, `b${index}`);
    await first.feed(blocked.events);
    await first.background.flushed();
    const log = await worker(store).snapshot();
    const kept = log.records.filter(isBlockedRecord).length;
    console.log(
      `102 hung 100 KB requests, then 50 blocked: ${kept} blocked kept after a restart, ${store.refused} writes refused`,
    );
    // Before the fix: 26 kept after a restart, 24 writes refused silently.
    expect(kept).toBe(50);
    expect(store.refused).toBe(0);
  });
});
