import { useEffect, useState } from 'preact/hooks';
import type { TabId } from '../model/ids';
import type { TabSummary } from '../model/protocol';
import type { ConnectionEvents, ConnectionStatus } from './connection';

export interface AppProps {
  tabId: TabId | null;
  connect(tabId: TabId, events: ConnectionEvents): () => void;
}

export function App({ tabId, connect }: AppProps) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [summary, setSummary] = useState<TabSummary | null>(null);

  useEffect(() => {
    if (tabId === null) return undefined;
    return connect(tabId, { onStatus: setStatus, onMessage: (message) => setSummary(message.summary) });
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

  const blocked = summary?.blockedCount ?? 0;
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
      </header>
      <p class="empty">
        CORS Lens records this tab's cross-origin requests even while DevTools is closed. Blocked requests appear here
        with the reason and the fix.
      </p>
    </main>
  );
}
