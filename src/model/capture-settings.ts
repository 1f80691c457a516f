/**
 * Whether CORS Lens captures requests, as one versioned setting like the panel's. A stored value of
 * another version, or of the wrong shape, reads as "capturing": a downgrade or a hand-edited value
 * can never leave capture off without the user having turned it off.
 */
import { defineVersionedSetting, type SettingStore } from './versioned-setting';

export interface CaptureSettings {
  /** Capture paused: the worker has no webRequest listener, so pages pay nothing for it. */
  paused: boolean;
}

export type CaptureSettingsStore = SettingStore<CaptureSettings>;

export const captureSettings = defineVersionedSetting<CaptureSettings>({
  version: 1,
  defaults: { paused: false },
  readFields: ({ paused }) => ({ paused: paused === true }),
});
