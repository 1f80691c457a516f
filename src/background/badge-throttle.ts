import type { Badge } from '../model/badge';
import type { TabId } from '../model/ids';
import type { Clock } from './clock';

export interface BadgeThrottleOptions {
  clock: Clock;
  /** At most one round of badge updates per this many milliseconds. */
  spacingMs: number;
  /** What the tab's badge should show now: its blocked records' count, or that capture is paused. */
  badgeOf(tabId: TabId): Badge;
  /** Shows `badge` on the tab; `previous` is what this worker life last showed there, if anything. */
  show(tabId: TabId, badge: Badge, previous?: Badge): Promise<void>;
}

/**
 * The toolbar badges of one worker life: a burst of blocked requests updates the toolbar a few
 * times a second, not once per request, and a badge that did not change is not shown again.
 */
export class BadgeThrottle {
  readonly #options: BadgeThrottleOptions;
  /** The badge this worker life last showed per tab. */
  readonly #shown = new Map<TabId, Badge>();
  /** Tabs whose badge may have changed since badges were last shown. */
  readonly #stale = new Set<TabId>();
  #lastShownAt = Number.NEGATIVE_INFINITY;
  #scheduled: Promise<void> | null = null;

  constructor(options: BadgeThrottleOptions) {
    this.#options = options;
  }

  /**
   * Shows the badges of `tabs` now, or with the next round within `spacingMs`; resolves once they
   * are shown. Requests of no tab (negative ids: the browser's own traffic) have no badge.
   */
  update(tabs: Iterable<TabId>): Promise<void> {
    for (const tabId of tabs) if (tabId >= 0) this.#stale.add(tabId);
    if (this.#scheduled !== null) return this.#scheduled;
    const { clock, spacingMs } = this.#options;
    const wait = this.#lastShownAt + spacingMs - clock.now();
    if (wait <= 0) return this.#showStale();
    this.#scheduled = new Promise((done) => {
      clock.schedule(() => {
        this.#scheduled = null;
        void this.#showStale().then(done);
      }, wait);
    });
    return this.#scheduled;
  }

  /** The browser dropped the tab's badge (a new document loaded): the next update shows it again. */
  forgetShown(tabId: TabId): void {
    this.#shown.delete(tabId);
  }

  /** The tab is gone: nothing is shown for it any more. */
  forgetTab(tabId: TabId): void {
    this.#shown.delete(tabId);
    this.#stale.delete(tabId);
  }

  #showStale(): Promise<void> {
    this.#lastShownAt = this.#options.clock.now();
    const shown: Promise<void>[] = [];
    for (const tabId of this.#stale) {
      const badge = this.#options.badgeOf(tabId);
      const previous = this.#shown.get(tabId);
      if (previous !== undefined && previous.text === badge.text && previous.title === badge.title) continue;
      this.#shown.set(tabId, badge);
      shown.push(this.#options.show(tabId, badge, previous));
    }
    this.#stale.clear();
    return Promise.all(shown).then(() => undefined);
  }
}
