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

/**
 * A port opened by one of this extension's own pages (the panel, or it in a tab). runtime.onConnect
 * also hears content scripts, which this extension has none of; a page of a site must never read a
 * tab's log, so anything else is refused (defence in depth).
 */
export function isOwnPage(
  sender: Runtime.MessageSender | undefined,
  runtime: Pick<typeof browser.runtime, 'id' | 'getURL'>,
): boolean {
  const url = sender?.url ?? '';
  // The panel may run in a tab of its own (sender.tab set): what tells it apart is its URL.
  return sender?.id === runtime.id && url.startsWith(runtime.getURL('/'));
}

/** Service-worker side: calls `listener` for each panel that connects, with the tab it inspects. */
export function onPanelConnect(listener: (tabId: TabId, port: PanelPort) => void): void {
  browser.runtime.onConnect.addListener((port) => {
    const tabId = parsePanelPortName(port.name);
    if (tabId === null || !isOwnPage(port.sender, browser.runtime)) {
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
