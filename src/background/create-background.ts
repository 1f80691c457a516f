import { Correlator } from '../capture/correlator';
import { evaluate } from '../engine/evaluate';
import { type Badge, badgeFor } from '../model/badge';
import type { CaptureEvent } from '../model/capture-event';
import type { ExchangeRecord } from '../model/exchange-record';
import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION, parseToBackground } from '../model/protocol';
import type { PanelPort } from '../platform/ports';
import type { SessionStore } from '../platform/storage';
import { PanelHub } from './panel-hub';
import { hydrate, PendingWrites } from './persistence';
import { TabLogs } from './tab-logs';

export interface BackgroundDeps {
  store: SessionStore;
  showBadge(tabId: TabId, badge: Badge): Promise<void>;
  /** Runs `flush` after `delayMs`; injected so tests can flush at once. */
  schedule?(flush: () => void, delayMs: number): void;
}

/** Records per tab and overall: blocked requests are kept longest (see BoundedLog). */
export const LOG_BOUNDS = { perTab: 500, overall: 3_000 };
/** Writes are coalesced for this long: storage.session is an IPC away. */
const FLUSH_DELAY_MS = 100;
/** Silent requests are finished (outcome unknown) after this long. */
const SWEEP_EVERY_MS = 10_000;

/**
 * The service worker's behaviour, built from injected browser adapters so unit tests can run it
 * against fakes and restart it on the same storage. Every entry point waits for `ready`, so no
 * event is handled before the state of the previous worker life is back.
 */
export function createBackground(deps: BackgroundDeps) {
  const schedule = deps.schedule ?? ((flush, delayMs) => setTimeout(flush, delayMs));
  const correlator = new Correlator();
  const logs = new TabLogs(LOG_BOUNDS);
  const hub = new PanelHub();
  const pending = new PendingWrites();
  let flushScheduled = false;
  let writes: Promise<void> = Promise.resolve();
  let lastSweep = 0;

  const ready = hydrate(deps.store).then((saved) => {
    correlator.restore(saved.correlator);
    for (const tab of saved.tabs) logs.restore(tab);
  });

  function flushSoon(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(() => {
      flushScheduled = false;
      // Chained so an older write never lands after a newer one.
      writes = writes.then(() => pending.writeTo(deps.store)).catch(() => undefined);
    }, FLUSH_DELAY_MS);
  }

  function updateBadge(tabId: TabId): Promise<void> {
    return tabId < 0 ? Promise.resolve() : deps.showBadge(tabId, badgeFor(logs.blockedCount(tabId)));
  }

  async function store(record: ExchangeRecord): Promise<void> {
    const evictions = logs.add(record);
    pending.record(record);
    for (const eviction of evictions) pending.forgetRecord(eviction.tabId, eviction.requestId);
    pending.tab(logs.view(record.tabId));
    hub.send(record.tabId, { type: 'request-added', version: PROTOCOL_VERSION, record });
    for (const eviction of evictions) {
      const evictedCount = logs.view(eviction.tabId).evictedCount;
      hub.send(eviction.tabId, {
        type: 'request-evicted',
        version: PROTOCOL_VERSION,
        requestId: eviction.requestId,
        evictedCount,
      });
    }
    if (record.verdict.blocked || evictions.length > 0) await updateBadge(record.tabId);
  }

  async function clearLog(tabId: TabId): Promise<void> {
    const before = logs.view(tabId);
    if (before.records.length === 0 && before.sameOriginCount === 0) return;
    logs.clear(tabId);
    pending.forgetTab(
      tabId,
      before.records.map((record) => record.requestId),
    );
    pending.tab(logs.view(tabId));
    hub.send(tabId, { type: 'log-cleared', version: PROTOCOL_VERSION, preserveLog: logs.preserveLog(tabId) });
    await updateBadge(tabId);
  }

  async function handleOutputs(outputs: ReturnType<Correlator['ingest']>): Promise<void> {
    for (const output of outputs) {
      if (output.kind === 'same-origin') {
        const sameOriginCount = logs.countSameOrigin(output.tabId);
        pending.tab(logs.view(output.tabId));
        hub.send(output.tabId, { type: 'counts-changed', version: PROTOCOL_VERSION, sameOriginCount });
        continue;
      }
      const { captured } = output;
      await store({ ...captured, verdict: evaluate(captured.exchange) });
    }
  }

  return {
    ready,

    async event(event: CaptureEvent): Promise<void> {
      await ready;
      // A new top-level document starts a new log for its tab, unless the user preserves it.
      if (event.kind === 'send-headers' && event.resourceType === 'main_frame' && event.tabId >= 0) {
        if (!logs.preserveLog(event.tabId)) await clearLog(event.tabId);
      }
      const outputs = correlator.ingest(event);
      if (event.timeStamp - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = event.timeStamp;
        outputs.push(...correlator.sweep(event.timeStamp));
      }
      await handleOutputs(outputs);
      pending.correlator(correlator.snapshot());
      flushSoon();
    },

    async tabRemoved(tabId: TabId): Promise<void> {
      await ready;
      pending.forgetTab(
        tabId,
        logs.view(tabId).records.map((record) => record.requestId),
      );
      logs.remove(tabId);
      hub.forgetTab(tabId);
      flushSoon();
    },

    async panelConnected(tabId: TabId, port: PanelPort): Promise<void> {
      await ready;
      hub.add(tabId, port);
      port.onMessage((raw) => void handlePanelMessage(tabId, raw));
      port.post({ type: 'snapshot', version: PROTOCOL_VERSION, log: logs.view(tabId) });
    },

    /** Resolves once every change so far has reached storage. */
    async flushed(): Promise<void> {
      await ready;
      await pending.writeTo(deps.store);
      await writes;
    },
  };

  async function handlePanelMessage(tabId: TabId, raw: unknown): Promise<void> {
    const message = parseToBackground(raw);
    if (message === null) return;
    if (message.type === 'clear-log') {
      await clearLog(tabId);
    } else if (message.type === 'set-preserve-log') {
      logs.setPreserveLog(tabId, message.preserveLog);
      pending.tab(logs.view(tabId));
    }
    flushSoon();
  }
}
