/**
 * The extension's settings in `storage.local`, each under one key, in the versioned forms of
 * `model/panel-settings.ts` and `model/capture-settings.ts`.
 */
import { type CaptureSettingsStore, captureSettings } from '../model/capture-settings';
import { type PanelSettingsStore, panelSettings } from '../model/panel-settings';
import type { SettingStore, VersionedSetting } from '../model/versioned-setting';
import { browser } from './browser';

export const PANEL_SETTINGS_KEY = 'settings:panel';
export const CAPTURE_SETTINGS_KEY = 'settings:capture';

/** The part of a `storage.local`-like area the settings need. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One versioned item: a read that fails reads as the defaults, so a broken area never breaks a caller. */
function itemStore<T extends object>(area: SettingsArea, key: string, setting: VersionedSetting<T>): SettingStore<T> {
  return {
    async load(): Promise<T> {
      try {
        return setting.parse((await area.get(key))[key]);
      } catch {
        return setting.defaults;
      }
    },
    async save(settings: T): Promise<void> {
      await area.set({ [key]: setting.serialize(settings) });
    },
  };
}

export function createSettingsStore(area: SettingsArea): PanelSettingsStore {
  return itemStore(area, PANEL_SETTINGS_KEY, panelSettings);
}

export function createCaptureSettingsStore(area: SettingsArea): CaptureSettingsStore {
  return itemStore(area, CAPTURE_SETTINGS_KEY, captureSettings);
}

/** The panel's settings of this browser profile. */
export function localSettingsStore(): PanelSettingsStore {
  return createSettingsStore(browser.storage.local);
}

/**
 * The capture switch of this browser profile. storage.local, not storage.session: a user who
 * paused capture expects it to stay paused after the browser restarts, and session storage is
 * emptied then.
 */
export function localCaptureSettingsStore(): CaptureSettingsStore {
  return createCaptureSettingsStore(browser.storage.local);
}
