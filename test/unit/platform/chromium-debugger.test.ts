import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChromiumNetworkEvent } from '../../../src/model/chromium-network-event';

type Source = { tabId?: number };
type EventListener = (source: Source, method: string, params?: object) => void;
type DetachListener = (source: Source, reason: string) => void;

/** chrome.debugger as Chromium has it, recording calls; events and detaches can be fired as the browser would. */
const calls: string[] = [];
let eventListeners: EventListener[] = [];
let detachListeners: DetachListener[] = [];
let failOn: string | null = null;
let api: unknown = null;

function listeners<T>(list: () => T[], set: (next: T[]) => void) {
  return {
    addListener: (listener: T) => set([...list(), listener]),
    removeListener: (listener: T) => set(list().filter((candidate) => candidate !== listener)),
  };
}

vi.mock('../../../src/platform/browser', () => ({ chromiumDebuggerApi: () => api }));

beforeEach(() => {
  calls.length = 0;
  eventListeners = [];
  detachListeners = [];
  failOn = null;
  api = {
    attach: async ({ tabId }: Source, version: string) => {
      calls.push(`attach ${tabId} ${version}`);
      if (failOn === 'attach') throw new Error('Another debugger is already attached');
    },
    sendCommand: async ({ tabId }: Source, method: string) => {
      calls.push(`${method} ${tabId}`);
      if (failOn === method) throw new Error(`${method} failed`);
    },
    detach: async ({ tabId }: Source) => {
      calls.push(`detach ${tabId}`);
      if (failOn === 'detach') throw new Error('Debugger is not attached to the tab');
    },
    onEvent: listeners(
      () => eventListeners,
      (next) => {
        eventListeners = next;
      },
    ),
    onDetach: listeners(
      () => detachListeners,
      (next) => {
        detachListeners = next;
      },
    ),
  };
});

const load = async () => (await import('../../../src/platform/chromium-debugger')).chromiumDebugger;

describe('chromiumDebugger', () => {
  it('is null where the browser has no chrome.debugger (Firefox)', async () => {
    api = undefined;
    expect((await load())()).toBeNull();
  });

  it('attaches to the tab with the Network domain, and hands over only that tab’s Network events', async () => {
    const driver = (await load())();
    const events: ChromiumNetworkEvent[] = [];
    await driver?.attach(7, { onEvent: (event) => events.push(event), onDetach: () => {} });
    expect(calls).toEqual(['attach 7 1.3', 'Network.enable 7']);
    const finished = { requestId: '1.1' };
    for (const listener of eventListeners) {
      listener({ tabId: 8 }, 'Network.loadingFinished', finished);
      listener({ tabId: 7 }, 'Network.dataReceived', finished);
      listener({ tabId: 7 }, 'Network.loadingFinished', finished);
    }
    expect(events).toEqual([{ kind: 'ended', cdpRequestId: '1.1', outcome: { kind: 'passed' } }]);
  });

  it("reports the browser's own detach of that tab and stops listening", async () => {
    const driver = (await load())();
    const reasons: string[] = [];
    await driver?.attach(7, { onEvent: () => {}, onDetach: (reason) => reasons.push(reason) });
    for (const listener of detachListeners) listener({ tabId: 8 }, 'target_closed');
    for (const listener of detachListeners) listener({ tabId: 7 }, 'canceled_by_user');
    expect(reasons).toEqual(['canceled_by_user']);
    expect(eventListeners).toHaveLength(0);
    expect(detachListeners).toHaveLength(0);
  });

  it('leaves nothing attached when Network.enable fails, and says why', async () => {
    const driver = (await load())();
    failOn = 'Network.enable';
    await expect(driver?.attach(7, { onEvent: () => {}, onDetach: () => {} })).rejects.toThrow('Network.enable failed');
    expect(calls).toEqual(['attach 7 1.3', 'Network.enable 7', 'detach 7']);
    expect(eventListeners).toHaveLength(0);
  });

  it('detaches and stops listening; a session the user already ended is detached too', async () => {
    const driver = (await load())();
    await driver?.attach(7, { onEvent: () => {}, onDetach: () => {} });
    failOn = 'detach';
    await driver?.detach(7);
    expect(calls.at(-1)).toBe('detach 7');
    expect(eventListeners).toHaveLength(0);
    expect(detachListeners).toHaveLength(0);
  });
});
