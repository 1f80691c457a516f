/** The panel's settings in `storage.local`, under one key, in the versioned form of `model/panel-settings.ts`. */
import {
  DEFAULT_PANEL_SETTINGS,
  type PanelSettingsStore,
  parsePanelSettings,
  serializePanelSettings,
} from '../model/panel-settings';
import { browser } from './browser';

export const PANEL_SETTINGS_KEY = 'settings:panel';

/** The part of a `storage.local`-like area the settings need. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createSettingsStore(area: SettingsArea): PanelSettingsStore {
  return {
    async load() {
      try {
        return parsePanelSettings((await area.get(PANEL_SETTINGS_KEY))[PANEL_SETTINGS_KEY]);
      } catch {
        return DEFAULT_PANEL_SETTINGS;
      }
    },
    async save(settings) {
      await area.set({ [PANEL_SETTINGS_KEY]: serializePanelSettings(settings) });
    },
  };
}

/** The settings of this browser profile. */
export function localSettingsStore(): PanelSettingsStore {
  return createSettingsStore(browser.storage.local);
}
