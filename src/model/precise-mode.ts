/**
 * What the panel's precise mode needs from the browser: attach Chromium's debugger to the inspected
 * tab, hear its Network events, detach. `platform/chromium-debugger.ts` backs it with chrome.debugger;
 * browsers without that API (Firefox) have none, and the panel then shows no switch.
 */
import type { ChromiumNetworkEvent } from './chromium-network-event';
import type { TabId } from './ids';

export interface PreciseModeListeners {
  onEvent(event: ChromiumNetworkEvent): void;
  /**
   * The browser ended the session: the user clicked Cancel on Chrome's "started debugging this
   * browser" bar, the tab closed, or DevTools' own front end took the tab.
   */
  onDetach(reason: string): void;
}

export interface PreciseModeDriver {
  /** Attaches and enables the Network domain; rejects with the browser's message when it cannot. */
  attach(tabId: TabId, listeners: PreciseModeListeners): Promise<void>;
  /** Detaches at once; resolves also when nothing was attached. */
  detach(tabId: TabId): Promise<void>;
}
