import { describe, expect, it } from 'vitest';
import { captureSettings } from '../../../src/model/capture-settings';

describe('capture settings', () => {
  it('round-trips through their stored, versioned form', () => {
    const stored = captureSettings.serialize({ paused: true });
    expect(stored).toEqual({ version: captureSettings.version, paused: true });
    expect(captureSettings.parse(structuredClone(stored))).toEqual({ paused: true });
  });

  it.each([
    ['nothing stored', undefined],
    ['another version', { version: 99, paused: true }],
    ['not an object', 'paused'],
    ['a truthy non-boolean', { version: captureSettings.version, paused: 'yes' }],
  ])('reads %s as capturing: only an explicit pause stops capture', (_name, stored) => {
    expect(captureSettings.parse(stored)).toEqual(captureSettings.defaults);
    expect(captureSettings.defaults.paused).toBe(false);
  });
});
