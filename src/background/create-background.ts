import { capEvent } from '../capture/cap-event';
import { type CaptureOutput, finishedRequestIds } from '../capture/capture-output';
import { Correlator } from '../capture/correlator';
import { evaluate } from '../engine';
import { type Badge, badgeFor, PAUSED_BADGE } from '../model/badge';
import type { CaptureEvent } from '../model/capture-event';
import { LOG_BOUNDS } from '../model/capture-limits';
import type { CapturingBrowser, ExchangeRecord } from '../model/exchange-record';
import type { TabId } from '../model/ids';
import { snapshotMessages, type ToBackground } from '../model/protocol';
import type { PanelPort } from '../platform/ports';
import type { SessionStore } from '../platform/storage';
import { BadgeThrottle } from './badge-throttle';
import { CaptureSwitch, type CaptureSwitchDeps } from './capture-switch';
import { type Clock, workerClock } from './clock';
import { type Effects, noEffects } from './effects';
import { InFlightJournal } from './in-flight-journal';
import { LogChanges } from './log-changes';
import { PanelHub } from './panel-hub';
import { hydrate, PendingWrites, type RecordRef } from './persistence';
import { TabLogs } from './tab-logs';
import { WriteValve } from './write-valve';

export interface BackgroundDeps {
  store: SessionStore;
  capture: CaptureSwitchDeps;
  /** Shows `badge` on the tab; `previous` is what this worker life last showed there, if anything. */
  showBadge(tabId: TabId, badge: Badge, previous?: Badge): Promise<void>;
  /** Runs `task` after `delayMs` (setTimeout by default); injected so tests control time. */
  schedule?: Clock['schedule'];
  /** Milliseconds on a monotonic clock (performance.now() by default); injected so tests control time. */
  now?: Clock['now'];
  /** The browser capturing, stamped on each record (see ExchangeRecord.capturedBy). */
  browser?: CapturingBrowser;
}

/** Silent requests are finished (outcome unknown) after this long. */
const SWEEP_EVERY_MS = 10_000;
/**
 * After a restart, a request from the previous life that sees no event for this long is finished
 * with what was seen: its remaining events were lost with the stopped worker.
 */
const RESTORED_GRACE_MS = 2_000;
/** How long the worker waits with nothing to write before it removes retired journal keys. */
const IDLE_REMOVAL_MS = 1_000;
/**
 * While a page is busy, at most one storage call per this many milliseconds. A call costs the
 * worker about as much as handling a few webRequest events (binding, IPC, a key's encoding), and
 * the events of a request that finishes within the window are never written at all, only its
 * record. Profiled in Chromium over two loads of the bench page (1,200 requests each): written
 * event by event, 2,502 set and 594 remove calls; 10 ms apart, 576 and 291; 100 ms apart, 73
 * and 50. Chrome stops an idle worker only after 30 s without events, far beyond the window.
 */
const WRITE_SPACING_MS = 100;
/** At most one round of toolbar badge updates per this many milliseconds (see BadgeThrottle). */
const BADGE_SPACING_MS = 100;
const DONE: Promise<void> = Promise.resolve();

/**
 * The service worker's behaviour, built from injected browser adapters so unit tests can run it
 * against fakes and restart it on the same storage. Every entry point waits for `ready`, so no
 * event is handled before the state of the previous worker life is back. A quiet worker issues
 * a state change to storage in the task that made it; a busy one, within WRITE_SPACING_MS (see
 * WriteValve). Chrome stops a worker only after 30 s without events, so what a stop can lose is
 * what a crash or a forced stop (as test/e2e/capture.spec.ts does) catches in those last milliseconds.
 */
export function createBackground(deps: BackgroundDeps) {
  const clock: Clock = { now: deps.now ?? workerClock.now, schedule: deps.schedule ?? workerClock.schedule };
  const correlator = new Correlator({ browser: deps.browser ?? 'chromium' });
  const logs = new TabLogs(LOG_BOUNDS);
  const hub = new PanelHub();
  const pending = new PendingWrites();
  const valve = new WriteValve({
    clock,
    spacingMs: WRITE_SPACING_MS,
    idleMs: IDLE_REMOVAL_MS,
    waiting: () => ({ changes: !pending.empty || journal.hasUnwritten, retired: pending.hasRetired }),
    write: (withRetired) => {
      journal.stage();
      return (
        pending
          .writeTo(deps.store, withRetired)
          // A failed removal leaves keys behind that the next write or hydrate replaces or skips.
          .catch((): RecordRef[] => [])
          .then((refused) => {
            if (refused.length === 0) return;
            const effects = noEffects();
            changes.markUnsaved(refused, effects);
            void commit(effects);
          })
      );
    },
  });
  const badges = new BadgeThrottle({
    clock,
    spacingMs: BADGE_SPACING_MS,
    badgeOf: (tabId) => (capture.paused ? PAUSED_BADGE : badgeFor(logs.blockedRecordCount(tabId))),
    show: (tabId, badge, previous) => deps.showBadge(tabId, badge, previous),
  });
  const changes = new LogChanges(logs, pending);
  const journal = new InFlightJournal(pending, (requestId) => correlator.has(requestId));
  let lastSweep = 0;
  /** Events that arrived before the state of the previous life was back, with their journal keys. */
  const early: Array<{ key: string; event: CaptureEvent }> = [];
  let hydrated = false;
  const capture = new CaptureSwitch(deps.capture, {
    abandonInFlight: () => {
      journal.abandon(correlator.abandonInFlight());
      valve.flush();
    },
    sendAll: (message) => hub.sendAll(message),
    updateBadges: (tabs) => badges.update(tabs),
  });

  const ready = Promise.all([hydrate(deps.store), capture.load()]).then(async ([saved]) => {
    changes.continueAfter(saved.nextSeq);
    pending.forget(saved.stale);
    pending.foundStored(saved.journal.map(({ key }) => key));
    // storage.session lives and dies with this browser's session: whatever it holds, this browser captured.
    for (const tab of saved.tabs) logs.restore({ ...tab, records: tab.records.map(stamped) });
    const effects = noEffects();
    // What the previous life had in flight comes back by replaying its journaled events.
    for (const { key, event } of saved.journal) journal.note(event.requestId, key);
    applyOutputs(correlator.replay(saved.journal.map(({ event }) => event)), effects);
    for (const { event } of saved.journal) journal.settle(event.requestId);
    const replayed = new Set(saved.journal.map(({ key }) => key));
    // Paused: what the listeners heard before the switch could be read is not recorded.
    if (capture.paused) pending.forget(early.splice(0).map(({ key }) => key));
    for (const { key, event } of early.splice(0)) {
      if (!replayed.has(key)) handleEvent(event, effects, key);
    }
    hydrated = true;
    capture.start();
    clock.schedule(() => {
      const late = noEffects();
      applyOutputs(correlator.finishRestored(), late);
      void commit(late);
    }, RESTORED_GRACE_MS);
    await commit(effects);
  });

  function stamped(record: ExchangeRecord): ExchangeRecord {
    return deps.browser === undefined || record.capturedBy !== undefined
      ? record
      : { ...record, capturedBy: deps.browser };
  }

  /**
   * Everything an event changes, done synchronously so its writes leave in the same task.
   * `journalAs` is its journal key when it was journaled on arrival, before hydration finished.
   */
  function handleEvent(event: CaptureEvent, effects: Effects, journalAs?: string): void {
    // A new top-level document starts a new log for its tab, unless the user preserves it.
    if (event.kind === 'send-headers' && event.resourceType === 'main_frame' && event.tabId >= 0) {
      if (!logs.preserveLog(event.tabId)) changes.clear(event.tabId, effects);
    }
    const outputs = correlator.ingest(event);
    journal.handled(event, journalAs);
    if (event.timeStamp - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = event.timeStamp;
      outputs.push(...correlator.sweep(event.timeStamp));
    }
    applyOutputs(outputs, effects);
  }

  function applyOutputs(outputs: readonly CaptureOutput[], effects: Effects): void {
    for (const output of outputs) {
      // A request that leaves no record has only its tab's counter to show for it.
      for (const requestId of finishedRequestIds(output)) journal.settle(requestId, output.kind !== 'exchange');
      if (output.kind === 'exchange') {
        const { captured } = output;
        changes.addRecord(stamped({ ...captured, verdict: evaluate(captured.exchange) }), effects);
      } else changes.countWithoutRecord(output.tabId, output.kind, effects);
    }
  }

  /** Issues the storage write and the panel messages; resolves once the badges are shown. */
  function commit(effects: Effects): Promise<void> {
    valve.flush();
    for (const [tabId, message] of effects.messages) hub.send(tabId, message);
    return effects.badges.size === 0 ? DONE : badges.update(effects.badges);
  }

  async function handlePanelMessage(tabId: TabId, message: ToBackground): Promise<void> {
    const effects = noEffects();
    if (message.type === 'clear-log') changes.clear(tabId, effects);
    else if (message.type === 'set-preserve-log') changes.setPreserveLog(tabId, message.preserveLog);
    else if (message.type === 'set-paused') {
      await capture.set(message.paused);
    }
    await commit(effects);
  }

  return {
    ready,

    /**
     * Handles one webRequest event. Once the previous life's state is back this is synchronous up
     * to the storage write; before that, the event is journaled at once, so a worker stopped while
     * starting up hands it to the next life instead of dropping it.
     */
    event(observed: CaptureEvent): Promise<void> {
      // Sent before the listeners were removed: capture is off, so it is not recorded.
      if (capture.paused) return DONE;
      const event = capEvent(observed);
      if (!hydrated) {
        const key = journal.write(event);
        valve.flush();
        early.push({ key, event });
        return ready;
      }
      const effects = noEffects();
      handleEvent(event, effects);
      return commit(effects);
    },

    /** Chrome drops a tab's own badge when a new document loads: show it again from the log. */
    async tabLoaded(tabId: TabId): Promise<void> {
      await ready;
      badges.forgetShown(tabId);
      await commit({ badges: new Set([tabId]), messages: [] });
    },

    async tabRemoved(tabId: TabId): Promise<void> {
      await ready;
      pending.forgetTab(tabId, logs.requestIds(tabId));
      logs.remove(tabId);
      hub.forgetTab(tabId);
      badges.forgetTab(tabId);
      valve.flush();
    },

    async panelConnected(tabId: TabId, port: PanelPort): Promise<void> {
      await ready;
      hub.connect(
        tabId,
        port,
        snapshotMessages(logs.view(tabId)),
        (message) => void handlePanelMessage(tabId, message),
      );
      port.post(capture.state());
    },

    /** Pauses or resumes capture in every tab (see CaptureSwitch). */
    async setPaused(paused: boolean): Promise<void> {
      await ready;
      await capture.set(paused);
    },

    /** Resolves once every change so far, retired journal keys included, has reached storage. */
    async flushed(): Promise<void> {
      await ready;
      // A write that storage refused records of queues their tabs' counters: those go too.
      await valve.drained();
    },
  };
}
