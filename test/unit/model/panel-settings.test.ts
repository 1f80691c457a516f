import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PANEL_SETTINGS,
  PANEL_SETTINGS_VERSION,
  parsePanelSettings,
  serializePanelSettings,
} from '../../../src/model/panel-settings';

describe('panel settings', () => {
  it('round-trips through their stored, versioned form', () => {
    const stored = serializePanelSettings({ fixStack: 'nginx' });
    expect(stored).toEqual({ version: PANEL_SETTINGS_VERSION, fixStack: 'nginx' });
    expect(parsePanelSettings(structuredClone(stored))).toEqual({ fixStack: 'nginx' });
  });

  it.each([
    ['nothing stored', undefined],
    ['another version', { version: 99, fixStack: 'nginx' }],
    ['not an object', 'nginx'],
  ])('reads %s as the defaults', (_name, stored) => {
    expect(parsePanelSettings(stored)).toEqual(DEFAULT_PANEL_SETTINGS);
  });

  it('drops a field of the wrong type and keeps the rest of the defaults', () => {
    expect(parsePanelSettings({ version: PANEL_SETTINGS_VERSION, fixStack: 42 })).toEqual({ fixStack: null });
    expect(parsePanelSettings({ version: PANEL_SETTINGS_VERSION, fixStack: 'x'.repeat(500) })).toEqual({
      fixStack: null,
    });
  });
});
