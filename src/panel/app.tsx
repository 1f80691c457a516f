import { useEffect, useState } from 'preact/hooks';
import { blockedCount, type TabLogView } from '../model/exchange-record';
import type { TabId } from '../model/ids';
import type { ConnectionEvents, ConnectionStatus } from './connection';
import { RequestTable } from './request-table';
import { applyMessage } from './state/apply';

export interface AppProps {
  tabId: TabId | null;
  connect(tabId: TabId, events: ConnectionEvents): () => void;
}

export function App({ tabId, connect }: AppProps) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [log, setLog] = useState<TabLogView | null>(null);

  useEffect(() => {
    if (tabId === null) return undefined;
    return connect(tabId, {
      onStatus: setStatus,
      onMessage: (message) => setLog((current) => applyMessage(current, message)),
    });
  }, [tabId, connect]);

  if (tabId === null) {
    return (
      <main class="empty">
        <h1>CORS Lens</h1>
        <p>
          No tab to inspect. Open this panel from DevTools, or add <code>?tabId=N</code> to its address.
        </p>
      </main>
    );
  }

  const blocked = log === null ? 0 : blockedCount(log);
  return (
    <main>
      <header class="toolbar">
        <h1>CORS Lens</h1>
        <span class="tab" data-testid="tab-id">
          Tab {tabId}
        </span>
        <span class={`status status-${status}`} data-testid="connection-status">
          {status === 'connected' ? 'Recording' : 'Connecting to the extension…'}
        </span>
        <span class={blocked > 0 ? 'count count-blocked' : 'count'} data-testid="blocked-count">
          {blocked} blocked
        </span>
        {log !== null && log.evictedCount > 0 && (
          <span class="tab" data-testid="evicted-count">
            {log.evictedCount} older requests dropped
          </span>
        )}
      </header>
      {log === null || log.records.length === 0 ? (
        <p class="empty">
          CORS Lens records this tab's cross-origin requests even while DevTools is closed. Blocked requests appear here
          with the reason and the fix.
        </p>
      ) : (
        <RequestTable records={log.records} />
      )}
    </main>
  );
}
