import { describe, expect, it } from 'vitest';
import {
  CAPTURE_SETTINGS_VERSION,
  DEFAULT_CAPTURE_SETTINGS,
  parseCaptureSettings,
  serializeCaptureSettings,
} from '../../../src/model/capture-settings';

describe('capture settings', () => {
  it('round-trips through their stored, versioned form', () => {
    const stored = serializeCaptureSettings({ paused: true });
    expect(stored).toEqual({ version: CAPTURE_SETTINGS_VERSION, paused: true });
    expect(parseCaptureSettings(structuredClone(stored))).toEqual({ paused: true });
  });

  it.each([
    ['nothing stored', undefined],
    ['another version', { version: 99, paused: true }],
    ['not an object', 'paused'],
    ['a truthy non-boolean', { version: CAPTURE_SETTINGS_VERSION, paused: 'yes' }],
  ])('reads %s as capturing: only an explicit pause stops capture', (_name, stored) => {
    expect(parseCaptureSettings(stored)).toEqual(DEFAULT_CAPTURE_SETTINGS);
    expect(DEFAULT_CAPTURE_SETTINGS.paused).toBe(false);
  });
});
