import { type Badge, badgeFor } from '../model/badge';
import { type FailedRequest, looksCorsBlocked } from '../model/failed-request';
import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION, type TabSummary } from '../model/protocol';
import type { PanelPort } from '../platform/ports';
import type { SessionStore } from '../platform/storage';
import { PanelHub } from './panel-hub';
import { TabCounts } from './tab-counts';

export interface BackgroundDeps {
  store: SessionStore;
  showBadge(tabId: TabId, badge: Badge): Promise<void>;
}

/**
 * The service worker's behaviour, built from injected browser adapters so unit tests can run it
 * against fakes and restart it on the same storage.
 */
export function createBackground(deps: BackgroundDeps) {
  const counts = new TabCounts(deps.store);
  const hub = new PanelHub();
  const ready = counts.hydrate();

  const summaryOf = (tabId: TabId): TabSummary => ({ tabId, blockedCount: counts.get(tabId) });

  return {
    ready,

    async requestFailed(failure: FailedRequest): Promise<void> {
      await ready;
      if (failure.tabId < 0 || !looksCorsBlocked(failure)) return;
      const blockedCount = counts.increment(failure.tabId);
      hub.send(failure.tabId, {
        type: 'summary-changed',
        version: PROTOCOL_VERSION,
        summary: summaryOf(failure.tabId),
      });
      await deps.showBadge(failure.tabId, badgeFor(blockedCount));
    },

    async tabRemoved(tabId: TabId): Promise<void> {
      await ready;
      counts.forget(tabId);
      hub.forgetTab(tabId);
    },

    async panelConnected(tabId: TabId, port: PanelPort): Promise<void> {
      await ready;
      hub.add(tabId, port);
      port.post({ type: 'snapshot', version: PROTOCOL_VERSION, summary: summaryOf(tabId) });
    },

    flushed: () => counts.flushed(),
  };
}
