import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/create-background';
import { type Badge, PAUSED_BADGE } from '../../../src/model/badge';
import type { CaptureEvent } from '../../../src/model/capture-event';
import { PROTOCOL_VERSION } from '../../../src/model/protocol';
import { API, EventScript, PAGE } from '../../fakes/capture-events';
import { FakeCaptureSwitch } from '../../fakes/fake-capture-switch';
import { FakePanelPort } from '../../fakes/fake-panel-port';
import { MemorySessionStore } from '../../fakes/memory-session-store';

const url = `${API}/items`;

/** A worker on fakes of the browser's edges; `capture` and `store` carry over to a restarted one. */
function worker(capture = new FakeCaptureSwitch({ tabs: [7, 8] }), store = new MemorySessionStore()) {
  const badges = new Map<number, Badge>();
  const background = createBackground({
    store,
    capture: capture.deps,
    showBadge: async (tabId, badge) => {
      badges.set(tabId, badge);
    },
  });
  const feed = async (events: readonly CaptureEvent[]) => {
    for (const event of events) await background.event(event);
  };
  return { background, capture, store, badges, feed };
}

function blockedGet(script: EventScript, id: string): EventScript {
  return script
    .send(id, url, 'GET', [['Origin', PAGE]])
    .receive(id, url, 'GET', 500, [])
    .fail(id, url, 'GET');
}

async function connect(background: ReturnType<typeof worker>['background'], tabId: number) {
  const port = new FakePanelPort();
  await background.panelConnected(tabId, port);
  return port;
}

/** The switch as the panel last heard it. */
function lastCaptureState(port: FakePanelPort): boolean | undefined {
  let paused: boolean | undefined;
  for (const message of port.posted) if (message.type === 'capture-state') paused = message.paused;
  return paused;
}

const journalKeys = (store: MemorySessionStore) => [...store.data.keys()].filter((key) => key.startsWith('ev:'));

describe('pausing and resuming capture', () => {
  it('paused: removes the webRequest listeners, records nothing, and says so on every tab and panel', async () => {
    const { background, capture, badges, feed } = worker();
    await feed(blockedGet(new EventScript(), '1').events);
    const panel = await connect(background, 7);
    expect(lastCaptureState(panel)).toBe(false);

    await background.setPaused(true);
    expect(capture).toMatchObject({ listening: false, removed: 1, menuChecked: true, stored: { paused: true } });
    expect(capture.defaultBadge).toEqual(PAUSED_BADGE);
    // Tab 8 never had a request in this worker life: it is badged too.
    expect(badges.get(7)).toEqual(PAUSED_BADGE);
    expect(badges.get(8)).toEqual(PAUSED_BADGE);
    expect(PAUSED_BADGE.title).toMatch(/^CORS Lens: capture paused/);
    expect(lastCaptureState(panel)).toBe(true);

    // An event already on its way when the listeners went is not recorded.
    await feed(blockedGet(new EventScript(), '2').events);
    const again = await connect(background, 7);
    const [snapshot] = again.posted;
    expect(snapshot?.type === 'snapshot' && snapshot.log.records.map((record) => record.requestId)).toEqual(['1']);
    expect(lastCaptureState(again)).toBe(true);
  });

  it('resumed: adds the listeners again, captures again and shows the counts again', async () => {
    const { background, capture, badges, feed } = worker();
    await feed(blockedGet(new EventScript(), '1').events);
    await background.setPaused(true);
    await background.setPaused(false);
    expect(capture).toMatchObject({ listening: true, added: 1, menuChecked: false, stored: { paused: false } });
    expect(capture.defaultBadge).toMatchObject({ text: '', color: 'none' });
    expect(badges.get(7)).toMatchObject({ text: '1', color: 'error' });
    expect(badges.get(8)).toMatchObject({ text: '', color: 'none' });

    await feed(blockedGet(new EventScript(), '2').events);
    expect(badges.get(7)).toMatchObject({ text: '2' });
  });

  it('forgets requests in flight at the pause: no half exchange is judged blocked, no journal is left', async () => {
    const { background, store, badges, feed } = worker();
    const [sent, received, failed] = blockedGet(new EventScript(), '1').events as [
      CaptureEvent,
      CaptureEvent,
      CaptureEvent,
    ];
    await feed([sent, received]);
    await background.flushed();
    expect(journalKeys(store)).not.toEqual([]);

    await background.setPaused(true);
    await background.flushed();
    expect(journalKeys(store)).toEqual([]);
    // Its last event arrives after the resume: it belongs to a request that was forgotten.
    await background.setPaused(false);
    await feed([failed]);
    const [snapshot] = (await connect(background, 7)).posted;
    expect(snapshot?.type === 'snapshot' && snapshot.log.records).toEqual([]);
    expect(badges.get(7)).toMatchObject({ text: '' });
  });

  it('stays paused across a worker or browser restart: the next life removes the listeners it added', async () => {
    const first = worker();
    await first.background.setPaused(true);

    const capture = first.capture.restart();
    const second = worker(capture, first.store);
    // An event that woke the worker before it could read the switch.
    const early = second.background.event(blockedGet(new EventScript(), '1').events[0] as CaptureEvent);
    await second.background.ready;
    await early;
    expect(capture).toMatchObject({ listening: false, menuChecked: true });
    expect(capture.defaultBadge).toEqual(PAUSED_BADGE);
    await second.background.flushed();
    expect(journalKeys(second.store)).toEqual([]);
    await second.feed(blockedGet(new EventScript(), '2').events.slice(1));
    const panel = await connect(second.background, 7);
    expect(lastCaptureState(panel)).toBe(true);
    const [snapshot] = panel.posted;
    expect(snapshot?.type === 'snapshot' && snapshot.log.records).toEqual([]);
  });

  it('is switched from any panel, and every open panel follows', async () => {
    const { background, capture } = worker();
    const inspecting7 = await connect(background, 7);
    const inspecting8 = await connect(background, 8);
    inspecting7.receive({ type: 'set-paused', version: PROTOCOL_VERSION, paused: true });
    await background.flushed();
    await expect.poll(() => capture.listening).toBe(false);
    await expect.poll(() => lastCaptureState(inspecting8)).toBe(true);

    inspecting8.receive({ type: 'set-paused', version: PROTOCOL_VERSION, paused: false });
    await expect.poll(() => capture.listening).toBe(true);
    await expect.poll(() => lastCaptureState(inspecting7)).toBe(false);
    // A message of another protocol version changes nothing.
    inspecting8.receive({ type: 'set-paused', version: PROTOCOL_VERSION - 1, paused: true });
    await background.flushed();
    expect(capture.listening).toBe(true);
  });
});
