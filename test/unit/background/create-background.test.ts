import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/create-background';
import type { Badge } from '../../../src/model/badge';
import type { FailedRequest } from '../../../src/model/failed-request';
import { PROTOCOL_VERSION } from '../../../src/model/protocol';
import { FakePanelPort } from '../../fakes/fake-panel-port';
import { MemorySessionStore } from '../../fakes/memory-session-store';

function failure(overrides: Partial<FailedRequest> = {}): FailedRequest {
  return {
    tabId: 4,
    requestId: '101',
    url: 'http://127.0.0.1:8080/api',
    initiator: 'http://localhost:3000',
    error: 'net::ERR_FAILED',
    ...overrides,
  };
}

function setup(store = new MemorySessionStore()) {
  const badges: Array<{ tabId: number; badge: Badge }> = [];
  const background = createBackground({
    store,
    showBadge: async (tabId, badge) => {
      badges.push({ tabId, badge });
    },
  });
  return { background, badges, store };
}

describe('createBackground', () => {
  it('counts a cross-origin net::ERR_FAILED on its tab and badges that tab', async () => {
    const { background, badges } = setup();
    await background.requestFailed(failure());
    await background.requestFailed(failure({ requestId: '102' }));
    expect(badges.map(({ tabId, badge }) => [tabId, badge.text])).toEqual([
      [4, '1'],
      [4, '2'],
    ]);
  });

  it.each([
    ['a same-origin failure', failure({ initiator: 'http://127.0.0.1:8080' })],
    ['a refused connection (not a CORS failure)', failure({ error: 'net::ERR_CONNECTION_REFUSED' })],
    ['a request outside any tab', failure({ tabId: -1 })],
    ['a request with no initiator', failure({ initiator: null })],
    ['a malformed URL', failure({ url: 'not a url' })],
  ])('ignores %s', async (_label, ignored) => {
    const { background, badges } = setup();
    await background.requestFailed(ignored);
    expect(badges).toEqual([]);
  });

  it('sends a snapshot to a panel on connect and summaries as counts change', async () => {
    const { background } = setup();
    const port = new FakePanelPort();
    await background.panelConnected(4, port);
    await background.requestFailed(failure());
    expect(port.posted).toEqual([
      { type: 'snapshot', version: PROTOCOL_VERSION, summary: { tabId: 4, blockedCount: 0 } },
      { type: 'summary-changed', version: PROTOCOL_VERSION, summary: { tabId: 4, blockedCount: 1 } },
    ]);
  });

  it('stops sending to a panel whose port disconnected', async () => {
    const { background } = setup();
    const port = new FakePanelPort();
    await background.panelConnected(4, port);
    port.disconnect();
    await background.requestFailed(failure());
    expect(port.posted).toHaveLength(1);
  });

  it('remembers counts across a worker restart on the same session storage', async () => {
    const first = setup();
    await first.background.requestFailed(failure());
    await first.background.requestFailed(failure({ requestId: '102' }));
    await first.background.flushed();

    // A new instance on the same storage is what the browser gives us after stopping the worker.
    const second = setup(first.store);
    const port = new FakePanelPort();
    await second.background.panelConnected(4, port);
    expect(port.posted[0]).toMatchObject({ type: 'snapshot', summary: { tabId: 4, blockedCount: 2 } });
    await second.background.requestFailed(failure({ requestId: '103' }));
    expect(second.badges.at(-1)?.badge.text).toBe('3');
  });

  it('forgets a closed tab, in memory and in storage', async () => {
    const first = setup();
    await first.background.requestFailed(failure());
    await first.background.tabRemoved(4);
    await first.background.flushed();
    const second = setup(first.store);
    const port = new FakePanelPort();
    await second.background.panelConnected(4, port);
    expect(port.posted[0]).toMatchObject({ summary: { blockedCount: 0 } });
  });

  it('ignores corrupt saved state instead of failing to start', async () => {
    const store = new MemorySessionStore();
    await store.set('blocked-counts', { 4: 'many' });
    const { background } = setup(store);
    const port = new FakePanelPort();
    await background.panelConnected(4, port);
    expect(port.posted[0]).toMatchObject({ summary: { blockedCount: 0 } });
  });
});
