/**
 * Precise mode's one contact with the browser: chrome.debugger on the inspected tab, its Network
 * events read into `ChromiumNetworkEvent`s (model/chromium-network-event.ts) and nothing else.
 * @see https://developer.chrome.com/docs/extensions/reference/api/debugger
 */
import { readChromiumNetworkEvent } from '../model/chromium-network-event';
import type { TabId } from '../model/ids';
import type { PreciseModeDriver, PreciseModeListeners } from '../model/precise-mode';
import { chromiumDebuggerApi } from './browser';

/** The DevTools-protocol version chrome.debugger.attach asks for. */
const PROTOCOL_VERSION = '1.3';

/** chrome.debugger as precise mode uses it; null where the browser offers none (Firefox). */
export function chromiumDebugger(): PreciseModeDriver | null {
  const api = chromiumDebuggerApi();
  if (api === undefined) return null;
  const stopListening = new Map<TabId, () => void>();

  const unlisten = (tabId: TabId) => {
    stopListening.get(tabId)?.();
    stopListening.delete(tabId);
  };

  const listen = (tabId: TabId, listeners: PreciseModeListeners) => {
    unlisten(tabId);
    const onEvent = (source: chrome.debugger.Debuggee, method: string, params?: object) => {
      if (source.tabId !== tabId) return;
      const event = readChromiumNetworkEvent(method, params);
      if (event !== null) listeners.onEvent(event);
    };
    const onDetach = (source: chrome.debugger.Debuggee, reason: string) => {
      if (source.tabId !== tabId) return;
      unlisten(tabId);
      listeners.onDetach(reason);
    };
    api.onEvent.addListener(onEvent);
    api.onDetach.addListener(onDetach);
    stopListening.set(tabId, () => {
      api.onEvent.removeListener(onEvent);
      api.onDetach.removeListener(onDetach);
    });
  };

  return {
    async attach(tabId, listeners) {
      listen(tabId, listeners);
      try {
        await api.attach({ tabId }, PROTOCOL_VERSION);
        await api.sendCommand({ tabId }, 'Network.enable', {});
      } catch (error) {
        unlisten(tabId);
        // Attached but Network.enable failed: leave nothing attached behind.
        await api.detach({ tabId }).catch(() => undefined);
        throw error;
      }
    },
    async detach(tabId) {
      unlisten(tabId);
      // Rejects when nothing is attached (the user already cancelled it): detached either way.
      await api.detach({ tabId }).catch(() => undefined);
    },
  };
}
