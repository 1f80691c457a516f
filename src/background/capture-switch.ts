import { type Badge, badgeFor, PAUSED_BADGE } from '../model/badge';
import type { CaptureSettingsStore } from '../model/capture-settings';
import type { TabId } from '../model/ids';
import { PROTOCOL_VERSION, type ToPanel } from '../model/protocol';
import type { CaptureListeners } from '../platform/web-request';

/** What pausing and resuming capture touches in the browser. */
export interface CaptureSwitchDeps {
  /** Where the switch is kept (storage.local: a pause outlives the browser session). */
  settings: CaptureSettingsStore;
  /** The webRequest listeners, which the caller has already added at the worker's top level. */
  listeners: CaptureListeners;
  /** The toolbar button's "Pause capture" item, checked when paused. */
  showMenuItem(paused: boolean): Promise<void>;
  /** The badge of every tab without one of its own (see platform/action-badge.ts). */
  showDefaultBadge(badge: Badge): Promise<void>;
  /** Every open tab, so pausing and resuming re-badge tabs this worker life never saw. */
  tabIds(): Promise<TabId[]>;
}

/** What the switch asks of the rest of the worker. */
export interface CaptureSwitchHooks {
  /** Forgets the requests in flight, leaving no record of them. */
  abandonInFlight(): void;
  /** Tells every open panel, whatever tab it inspects. */
  sendAll(message: ToPanel): void;
  /** Shows the badges of these tabs again (they read `paused`). */
  updateBadges(tabs: readonly TabId[]): Promise<void>;
}

/**
 * Whether CORS Lens captures, in every tab. Paused, every webRequest listener is removed, so no
 * event reaches the extension and pages pay nothing for it; resumed, they are added again. The
 * logs stay as they are. Requests in flight when capture pauses are forgotten: their remaining
 * events will never arrive, and a half exchange would be judged as blocked. Every panel, the
 * toolbar menu item and every tab's badge follow the switch, whoever changed it.
 */
export class CaptureSwitch {
  readonly #deps: CaptureSwitchDeps;
  readonly #hooks: CaptureSwitchHooks;
  #paused = false;

  constructor(deps: CaptureSwitchDeps, hooks: CaptureSwitchHooks) {
    this.#deps = deps;
    this.#hooks = hooks;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Reads the switch as the last worker life left it; `start` then acts on it. */
  async load(): Promise<void> {
    this.#paused = (await this.#deps.settings.load()).paused;
  }

  /**
   * Once the previous life's state is back: a paused worker removes the listeners its top level
   * added before the switch could be read, with what they heard, and says it is paused on every
   * tab again (the browser keeps no badge across its restarts).
   */
  start(): void {
    if (this.#paused) {
      this.#deps.listeners.remove();
      this.#hooks.abandonInFlight();
      void this.#badgeEveryTab();
    }
    void this.#deps.showMenuItem(this.#paused);
  }

  /** The message that tells a panel which way the switch is. */
  state(): ToPanel {
    return { type: 'capture-state', version: PROTOCOL_VERSION, paused: this.#paused };
  }

  /** Pauses or resumes capture; resolves once storage, the menu item and the badges say so. */
  async set(paused: boolean): Promise<void> {
    if (paused !== this.#paused) {
      this.#paused = paused;
      if (paused) {
        this.#deps.listeners.remove();
        this.#hooks.abandonInFlight();
      } else {
        this.#deps.listeners.add();
      }
    }
    this.#hooks.sendAll(this.state());
    await Promise.all([
      this.#deps.settings.save({ paused }).catch(() => undefined),
      this.#deps.showMenuItem(paused),
      this.#badgeEveryTab(),
    ]);
  }

  /** Re-badges every open tab, and the default for tabs opened later, for the current switch. */
  async #badgeEveryTab(): Promise<void> {
    const tabs = await this.#deps.tabIds().catch((): TabId[] => []);
    const badge = this.#paused ? PAUSED_BADGE : badgeFor(0);
    await Promise.all([this.#deps.showDefaultBadge(badge).catch(() => undefined), this.#hooks.updateBadges(tabs)]);
  }
}
