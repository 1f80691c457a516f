import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabLogView } from '../../model/exchange-record';
import type { TabId } from '../../model/ids';
import { PROTOCOL_VERSION, type ToBackground, type ToPanel } from '../../model/protocol';
import type { ConnectFn, ConnectionStatus, PanelConnection } from '../connection';
import { afterFramePainted, afterNextFrame } from './after-next-frame';
import { applyMessage } from './apply';
import { SnapshotAssembler } from './snapshot-assembler';

export interface LiveLog {
  status: ConnectionStatus;
  /** Null until the worker's first snapshot. */
  log: TabLogView | null;
  /** Whether capture is paused in every tab; null until the worker says. */
  paused: boolean | null;
  clear(): void;
  setPreserveLog(preserveLog: boolean): void;
  /** Pauses or resumes capture everywhere, as the toolbar's "Pause capture" item does. */
  setPaused(paused: boolean): void;
}

/**
 * The worker's log of one tab, kept current over the panel's port. Clearing and "preserve log"
 * are requests to the worker, which owns the log and the badge; the panel changes when the
 * worker's answer (`log-cleared`, a snapshot) arrives, so badge and list never disagree. The
 * capture switch works the same way: the panel shows what the worker announces (`capture-state`),
 * which also follows a pause from the toolbar.
 */
export function useLiveLog(tabId: TabId | null, connect: ConnectFn): LiveLog {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [log, setLog] = useState<TabLogView | null>(null);
  const [paused, setPausedState] = useState<boolean | null>(null);
  const connection = useRef<PanelConnection | null>(null);

  useEffect(() => {
    if (tabId === null) return undefined;
    const assembler = new SnapshotAssembler();
    const later = afterNextFrame<ToPanel>((messages) =>
      setLog((current) => messages.reduce<TabLogView | null>(applyMessage, current)),
    );
    let cancelAskForRest: (() => void) | null = null;
    const opened = connect(tabId, {
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.type === 'capture-state') {
          setPausedState(message.paused);
          return;
        }
        for (const ready of assembler.receive(message)) {
          // A snapshot's later pages, and whatever follows them, land a frame at a time.
          if (ready.type === 'snapshot-more' || later.pending()) later.push(ready);
          else setLog((current) => applyMessage(current, ready));
        }
        // The rest of a snapshot is asked for once its first page is on screen: that frame then
        // costs the same whatever the log's length.
        if (message.type === 'snapshot' && assembler.incomplete()) {
          cancelAskForRest?.();
          cancelAskForRest = afterFramePainted(() => {
            cancelAskForRest = null;
            connection.current?.send({ type: 'snapshot-rest', version: PROTOCOL_VERSION });
          });
        }
      },
    });
    connection.current = opened;
    return () => {
      connection.current = null;
      later.cancel();
      cancelAskForRest?.();
      opened.close();
    };
  }, [tabId, connect]);

  const send = (message: ToBackground) => connection.current?.send(message);
  return {
    status,
    log,
    paused,
    clear: () => send({ type: 'clear-log', version: PROTOCOL_VERSION }),
    setPreserveLog: (preserveLog) => send({ type: 'set-preserve-log', version: PROTOCOL_VERSION, preserveLog }),
    setPaused: (next) => send({ type: 'set-paused', version: PROTOCOL_VERSION, paused: next }),
  };
}
