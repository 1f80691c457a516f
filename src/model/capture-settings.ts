/**
 * Whether CORS Lens captures requests, as one typed, versioned item like the panel's settings. A
 * stored value of another version, or of the wrong shape, reads as "capturing": a downgrade or a
 * hand-edited value can never leave capture off without the user having turned it off.
 */

export interface CaptureSettings {
  /** Capture paused: the worker has no webRequest listener, so pages pay nothing for it. */
  paused: boolean;
}

/** Where the worker reads and writes the switch; `platform/settings.ts` backs it with storage.local. */
export interface CaptureSettingsStore {
  load(): Promise<CaptureSettings>;
  save(settings: CaptureSettings): Promise<void>;
}

export const CAPTURE_SETTINGS_VERSION = 1;
export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = { paused: false };

/** The stored form: the settings with their version. */
export function serializeCaptureSettings(settings: CaptureSettings): Record<string, unknown> {
  return { version: CAPTURE_SETTINGS_VERSION, paused: settings.paused };
}

export function parseCaptureSettings(stored: unknown): CaptureSettings {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_CAPTURE_SETTINGS;
  const { version, paused } = stored as Record<string, unknown>;
  if (version !== CAPTURE_SETTINGS_VERSION) return DEFAULT_CAPTURE_SETTINGS;
  return { paused: paused === true };
}
