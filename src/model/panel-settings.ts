/**
 * The panel's user settings as one typed, versioned item (WXT `defineItem` style). A stored value
 * of another version, or of the wrong shape, reads as the defaults, so a downgrade or a
 * hand-edited value can never break the panel.
 */

export interface PanelSettings {
  /** The stack whose fix the detail view shows (an engine StackId; the panel checks it is one). */
  fixStack: string | null;
}

/** Where the panel reads and writes its settings; `platform/settings.ts` backs it with storage.local. */
export interface PanelSettingsStore {
  load(): Promise<PanelSettings>;
  save(settings: PanelSettings): Promise<void>;
}

export const PANEL_SETTINGS_VERSION = 1;
export const DEFAULT_PANEL_SETTINGS: PanelSettings = { fixStack: null };

/** The stored form: the settings with their version. */
export function serializePanelSettings(settings: PanelSettings): Record<string, unknown> {
  return { version: PANEL_SETTINGS_VERSION, fixStack: settings.fixStack };
}

export function parsePanelSettings(stored: unknown): PanelSettings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_PANEL_SETTINGS;
  const { version, fixStack } = stored as Record<string, unknown>;
  if (version !== PANEL_SETTINGS_VERSION) return DEFAULT_PANEL_SETTINGS;
  return { fixStack: typeof fixStack === 'string' && fixStack.length <= 64 ? fixStack : null };
}
