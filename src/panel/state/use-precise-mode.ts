import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExchangeRecord } from '../../model/exchange-record';
import type { RequestId, TabId } from '../../model/ids';
import type { PreciseModeDriver } from '../../model/precise-mode';
import { afterNextFrame } from './after-next-frame';
import { type ChromiumRequest, recordChromiumEvent } from './chromium-log';
import { pairWithChromium } from './pair-chromium';

export interface PreciseMode {
  /** The browser can do it (Chromium, with chrome.debugger); false in Firefox, where no switch shows. */
  offered: boolean;
  on: boolean;
  /** Attaching or detaching. */
  busy: boolean;
  /** Why precise mode is off when the user did not turn it off, or why it could not start. */
  notice: string | null;
  turn(on: boolean): void;
  /** The request Chromium reported for each record it saw while precise mode was on. */
  pairs: ReadonlyMap<RequestId, ChromiumRequest>;
}

/** chrome.debugger's `onDetach` reasons in words. */
const DETACH_REASONS: Readonly<Record<string, string>> = {
  canceled_by_user: "Precise mode is off: Chrome's debugging bar was cancelled.",
  target_closed: 'Precise mode is off: the tab closed, or Chrome stopped debugging it.',
};

/**
 * The precise-mode switch of the panel: attaches the driver to the inspected tab when turned on,
 * detaches at once when turned off, when the panel goes away, and follows the browser when it ends
 * the session itself (the user's Cancel on Chrome's bar). Chromium's reports are kept (bounded) and
 * paired with the live records.
 */
export function usePreciseMode(
  driver: PreciseModeDriver | null,
  tabId: TabId | null,
  records: readonly ExchangeRecord[],
): PreciseMode {
  const [on, setOn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const log = useRef(new Map<string, ChromiumRequest>());
  // A burst of events re-pairs the list once per frame, not once per event.
  const changed = useMemo(() => afterNextFrame<true>(() => setRevision((n) => n + 1)), []);
  useEffect(() => () => changed.cancel(), [changed]);

  useEffect(() => {
    if (!on || driver === null || tabId === null) return;
    const detach = () => void driver.detach(tabId);
    // Effects do not clean up when the page itself goes (DevTools closed): detach then too.
    window.addEventListener('pagehide', detach);
    return () => {
      window.removeEventListener('pagehide', detach);
      detach();
    };
  }, [on, driver, tabId, changed]);

  const turn = (wanted: boolean) => {
    if (driver === null || tabId === null || busy || wanted === on) return;
    setNotice(null);
    if (!wanted) {
      // The effect's cleanup detaches.
      setOn(false);
      return;
    }
    log.current = new Map();
    setRevision((n) => n + 1);
    setBusy(true);
    driver
      .attach(tabId, {
        onEvent(event) {
          if (recordChromiumEvent(log.current, event)) changed.push(true);
        },
        onDetach(reason) {
          setOn(false);
          setNotice(DETACH_REASONS[reason] ?? `Precise mode is off: Chrome ended the debugging session (${reason}).`);
        },
      })
      .then(
        () => setOn(true),
        (error: unknown) =>
          setNotice(`Precise mode could not start: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => setBusy(false));
  };

  // `revision` says the log (a ref) changed.
  const pairs = useMemo(() => pairWithChromium(records, log.current.values()), [records, revision]);
  return { offered: driver !== null, on, busy, notice, turn, pairs };
}
