import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION, parseToPanel, type ToPanel } from '../model/protocol';
import { connectToWorker } from '../platform/ports';

export type ConnectionStatus = 'connecting' | 'connected';

export interface ConnectionEvents {
  onMessage(message: ToPanel): void;
  onStatus(status: ConnectionStatus): void;
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Keeps a port open to the service worker for one tab. When the worker is stopped the port
 * drops; we reconnect with backoff and the worker answers with a fresh snapshot, so a reconnect
 * never duplicates state. Returns a function that closes the connection for good.
 */
export function connectPanel(tabId: TabId, events: ConnectionEvents): () => void {
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disconnectCurrent = () => {};

  const open = () => {
    events.onStatus('connecting');
    const port = connectToWorker(tabId);
    disconnectCurrent = () => port.disconnect();
    port.onMessage((raw) => {
      const message = parseToPanel(raw);
      if (message === null) return;
      retryMs = FIRST_RETRY_MS;
      events.onStatus('connected');
      events.onMessage(message);
    });
    port.onDisconnect(() => {
      if (closed) return;
      events.onStatus('connecting');
      timer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    });
    port.post({ type: 'hello', version: PROTOCOL_VERSION });
  };

  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    disconnectCurrent();
  };
}
