/**
 * The extension's settings in `storage.local`, each under one key, in the versioned forms of
 * `model/panel-settings.ts` and `model/capture-settings.ts`.
 */
import {
  type CaptureSettings,
  type CaptureSettingsStore,
  DEFAULT_CAPTURE_SETTINGS,
  parseCaptureSettings,
  serializeCaptureSettings,
} from '../model/capture-settings';
import {
  DEFAULT_PANEL_SETTINGS,
  type PanelSettings,
  type PanelSettingsStore,
  parsePanelSettings,
  serializePanelSettings,
} from '../model/panel-settings';
import { browser } from './browser';

export const PANEL_SETTINGS_KEY = 'settings:panel';
export const CAPTURE_SETTINGS_KEY = 'settings:capture';

/** The part of a `storage.local`-like area the settings need. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

interface SettingsItem<T> {
  key: string;
  parse(stored: unknown): T;
  serialize(settings: T): Record<string, unknown>;
  defaults: T;
}

/** One versioned item: a read that fails reads as the defaults, so a broken area never breaks a caller. */
function itemStore<T>(area: SettingsArea, item: SettingsItem<T>) {
  return {
    async load(): Promise<T> {
      try {
        return item.parse((await area.get(item.key))[item.key]);
      } catch {
        return item.defaults;
      }
    },
    async save(settings: T): Promise<void> {
      await area.set({ [item.key]: item.serialize(settings) });
    },
  };
}

export function createSettingsStore(area: SettingsArea): PanelSettingsStore {
  return itemStore<PanelSettings>(area, {
    key: PANEL_SETTINGS_KEY,
    parse: parsePanelSettings,
    serialize: serializePanelSettings,
    defaults: DEFAULT_PANEL_SETTINGS,
  });
}

export function createCaptureSettingsStore(area: SettingsArea): CaptureSettingsStore {
  return itemStore<CaptureSettings>(area, {
    key: CAPTURE_SETTINGS_KEY,
    parse: parseCaptureSettings,
    serialize: serializeCaptureSettings,
    defaults: DEFAULT_CAPTURE_SETTINGS,
  });
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
