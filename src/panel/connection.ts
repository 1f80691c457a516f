import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION, parseToPanel, type ToBackground, type ToPanel } from '../model/protocol';
import { connectToWorker, type WorkerPort } from '../platform/ports';

export type ConnectionStatus = 'connecting' | 'connected';

export interface ConnectionEvents {
  onMessage(message: ToPanel): void;
  onStatus(status: ConnectionStatus): void;
}

/** The panel's end of its connection to the worker. */
export interface PanelConnection {
  /** Sends to the worker over the current port; dropped while reconnecting (the next snapshot tells the truth). */
  send(message: ToBackground): void;
  /** Closes the connection for good. */
  close(): void;
}

export type ConnectFn = (tabId: TabId, events: ConnectionEvents) => PanelConnection;

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Keeps a port open to the service worker for one tab. When the worker is stopped the port
 * drops; we reconnect with backoff and the worker answers with a fresh snapshot, so a reconnect
 * never duplicates state.
 */
export function connectPanel(tabId: TabId, events: ConnectionEvents): PanelConnection {
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: WorkerPort | null = null;

  const open = () => {
    events.onStatus('connecting');
    const port = connectToWorker(tabId);
    current = port;
    port.onMessage((raw) => {
      const message = parseToPanel(raw);
      if (message === null) return;
      retryMs = FIRST_RETRY_MS;
      events.onStatus('connected');
      events.onMessage(message);
    });
    port.onDisconnect(() => {
      if (current === port) current = null;
      if (closed) return;
      events.onStatus('connecting');
      timer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    });
    port.post({ type: 'hello', version: PROTOCOL_VERSION });
  };

  open();
  return {
    send(message) {
      current?.post(message);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      current?.disconnect();
      current = null;
    },
  };
}
