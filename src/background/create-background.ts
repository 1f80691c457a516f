import { type CaptureOutput, Correlator } from '../capture/correlator';
import { evaluate } from '../engine/evaluate';
import { type Badge, badgeFor } from '../model/badge';
import type { CaptureEvent } from '../model/capture-event';
import type { ExchangeRecord } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import { PROTOCOL_VERSION, parseToBackground, type ToPanel } from '../model/protocol';
import type { PanelPort } from '../platform/ports';
import type { SessionStore } from '../platform/storage';
import { PanelHub } from './panel-hub';
import { hydrate, PendingWrites } from './persistence';
import { TabLogs } from './tab-logs';

export interface BackgroundDeps {
  store: SessionStore;
  showBadge(tabId: TabId, badge: Badge): Promise<void>;
}

/** Records per tab and overall: blocked requests are kept longest (see BoundedLog). */
export const LOG_BOUNDS = { perTab: 500, overall: 3_000 };
/** Silent requests are finished (outcome unknown) after this long. */
const SWEEP_EVERY_MS = 10_000;

/**
 * The service worker's behaviour, built from injected browser adapters so unit tests can run it
 * against fakes and restart it on the same storage. Every entry point waits for `ready`, so no
 * event is handled before the state of the previous worker life is back. State changes are
 * written through to storage in the task that made them: nothing waits in memory for a timer a
 * stopped worker would never run.
 */
export function createBackground(deps: BackgroundDeps) {
  const correlator = new Correlator();
  const logs = new TabLogs(LOG_BOUNDS);
  const hub = new PanelHub();
  const pending = new PendingWrites();
  const writes = new Set<Promise<void>>();
  let lastSweep = 0;

  const ready = hydrate(deps.store).then((saved) => {
    correlator.restore(saved.inFlight);
    for (const tab of saved.tabs) logs.restore(tab);
  });

  function flush(): void {
    if (pending.empty) return;
    const write = pending.writeTo(deps.store).catch(() => undefined);
    writes.add(write);
    void write.then(() => writes.delete(write));
  }

  /** Badges to refresh and messages to send once the state change is safely written. */
  interface Effects {
    badges: Set<TabId>;
    messages: Array<[TabId, ToPanel]>;
  }

  function storeRecord(record: ExchangeRecord, effects: Effects): void {
    const evictions = logs.add(record);
    pending.record(record);
    effects.messages.push([record.tabId, { type: 'request-added', version: PROTOCOL_VERSION, record }]);
    for (const eviction of evictions) {
      pending.forgetRecord(eviction.tabId, eviction.requestId);
      const { evictedCount } = logs.view(eviction.tabId);
      const message: ToPanel = {
        type: 'request-evicted',
        version: PROTOCOL_VERSION,
        requestId: eviction.requestId,
        evictedCount,
      };
      effects.messages.push([eviction.tabId, message]);
      effects.badges.add(eviction.tabId);
    }
    pending.tab(logs.view(record.tabId));
    if (record.verdict.blocked) effects.badges.add(record.tabId);
  }

  function clearLog(tabId: TabId, effects: Effects): void {
    const before = logs.view(tabId);
    if (before.records.length === 0 && before.sameOriginCount === 0) return;
    logs.clear(tabId);
    pending.forgetTab(
      tabId,
      before.records.map((record) => record.requestId),
    );
    pending.tab(logs.view(tabId));
    effects.messages.push([
      tabId,
      { type: 'log-cleared', version: PROTOCOL_VERSION, preserveLog: logs.preserveLog(tabId) },
    ]);
    effects.badges.add(tabId);
  }

  function applyOutputs(outputs: readonly CaptureOutput[], effects: Effects): void {
    for (const output of outputs) {
      if (output.kind === 'same-origin') {
        const sameOriginCount = logs.countSameOrigin(output.tabId);
        pending.tab(logs.view(output.tabId));
        effects.messages.push([output.tabId, { type: 'counts-changed', version: PROTOCOL_VERSION, sameOriginCount }]);
        continue;
      }
      const { captured } = output;
      pending.trace(captured.requestId, null);
      if (captured.preflightRequestId !== null) pending.trace(captured.preflightRequestId, null);
      storeRecord({ ...captured, verdict: evaluate(captured.exchange) }, effects);
    }
  }

  function saveTrace(requestId: RequestId): void {
    pending.trace(requestId, correlator.saved(requestId));
    const partner = correlator.partnerOf(requestId);
    if (partner !== null) pending.trace(partner, correlator.saved(partner));
  }

  async function commit(effects: Effects): Promise<void> {
    flush();
    for (const [tabId, message] of effects.messages) hub.send(tabId, message);
    await Promise.all(
      [...effects.badges]
        .filter((tabId) => tabId >= 0)
        .map((tabId) => deps.showBadge(tabId, badgeFor(logs.blockedCount(tabId)))),
    );
  }

  async function handlePanelMessage(tabId: TabId, raw: unknown): Promise<void> {
    const message = parseToBackground(raw);
    if (message === null) return;
    const effects: Effects = { badges: new Set(), messages: [] };
    if (message.type === 'clear-log') {
      clearLog(tabId, effects);
    } else if (message.type === 'set-preserve-log') {
      logs.setPreserveLog(tabId, message.preserveLog);
      pending.tab(logs.view(tabId));
    }
    await commit(effects);
  }

  return {
    ready,

    async event(event: CaptureEvent): Promise<void> {
      await ready;
      const effects: Effects = { badges: new Set(), messages: [] };
      // A new top-level document starts a new log for its tab, unless the user preserves it.
      if (event.kind === 'send-headers' && event.resourceType === 'main_frame' && event.tabId >= 0) {
        if (!logs.preserveLog(event.tabId)) clearLog(event.tabId, effects);
      }
      const outputs = correlator.ingest(event);
      saveTrace(event.requestId);
      if (event.timeStamp - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = event.timeStamp;
        outputs.push(...correlator.sweep(event.timeStamp));
      }
      applyOutputs(outputs, effects);
      await commit(effects);
    },

    async tabRemoved(tabId: TabId): Promise<void> {
      await ready;
      pending.forgetTab(
        tabId,
        logs.view(tabId).records.map((record) => record.requestId),
      );
      logs.remove(tabId);
      hub.forgetTab(tabId);
      flush();
    },

    async panelConnected(tabId: TabId, port: PanelPort): Promise<void> {
      await ready;
      hub.add(tabId, port);
      port.onMessage((raw) => void handlePanelMessage(tabId, raw));
      port.post({ type: 'snapshot', version: PROTOCOL_VERSION, log: logs.view(tabId) });
    },

    /** Resolves once every write issued so far has reached storage. */
    async flushed(): Promise<void> {
      await ready;
      await Promise.all([...writes]);
    },
  };
}
