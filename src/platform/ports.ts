import type { TabId } from '../model/ids';
import { panelPortName, parsePanelPortName, type ToBackground, type ToPanel } from '../model/protocol';
import { browser, type Runtime } from './browser';

/** One end of a panel's long-lived connection, as the service worker sees it. */
export interface PanelPort {
  post(message: ToPanel): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

/** The same connection as the panel sees it. */
export interface WorkerPort {
  post(message: ToBackground): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

function wrap<Out>(port: Runtime.Port) {
  return {
    post(message: Out) {
      try {
        port.postMessage(message);
      } catch {
        // The other end went away; its onDisconnect tells the owner.
      }
    },
    onMessage(listener: (message: unknown) => void) {
      port.onMessage.addListener((message: unknown) => listener(message));
    },
    onDisconnect(listener: () => void) {
      port.onDisconnect.addListener(() => listener());
    },
    disconnect() {
      port.disconnect();
    },
  };
}

/** Service-worker side: calls `listener` for each panel that connects, with the tab it inspects. */
export function onPanelConnect(listener: (tabId: TabId, port: PanelPort) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    const tabId = parsePanelPortName(port.name);
    if (tabId === null) {
      port.disconnect();
      return;
    }
    listener(tabId, wrap<ToPanel>(port));
  });
}

/** Panel side: opens the port for `tabId`. */
export function connectToWorker(tabId: TabId): WorkerPort {
  return wrap<ToBackground>(browser.runtime.connect({ name: panelPortName(tabId) }));
}
