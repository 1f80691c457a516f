import type { CaptureSwitchDeps } from '../../src/background/capture-switch';
import type { Badge } from '../../src/model/badge';
import type { CaptureSettings } from '../../src/model/capture-settings';
import type { TabId } from '../../src/model/ids';

/**
 * The browser side of the capture switch, faked at the platform edge: the webRequest listeners
 * (added, as the worker's top level does, from the start), the toolbar menu item, the default
 * badge, the open tabs and storage.local. `settings` is what storage.local holds, so a worker
 * created again on the same fake reads what the last one saved.
 */
export class FakeCaptureSwitch {
  listening = true;
  /** How often each was called, so a test can tell a removal from none. */
  added = 0;
  removed = 0;
  menuChecked: boolean | null = null;
  defaultBadge: Badge | null = null;
  stored: CaptureSettings | undefined;
  tabs: TabId[];

  constructor(options: { stored?: CaptureSettings; tabs?: TabId[] } = {}) {
    this.stored = options.stored;
    this.tabs = options.tabs ?? [];
  }

  /** A new worker life on the same browser: its listeners are added at top level again. */
  restart(): this {
    this.listening = true;
    return this;
  }

  get deps(): CaptureSwitchDeps {
    return {
      settings: {
        load: async () => structuredClone(this.stored ?? { paused: false }),
        save: async (settings) => {
          this.stored = structuredClone(settings);
        },
      },
      listeners: {
        add: () => {
          this.added += 1;
          this.listening = true;
        },
        remove: () => {
          this.removed += 1;
          this.listening = false;
        },
      },
      showMenuItem: async (paused) => {
        this.menuChecked = paused;
      },
      showDefaultBadge: async (badge) => {
        this.defaultBadge = badge;
      },
      tabIds: async () => [...this.tabs],
    };
  }
}
