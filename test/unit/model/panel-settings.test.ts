import { describe, expect, it } from 'vitest';
import { panelSettings } from '../../../src/model/panel-settings';

describe('panel settings', () => {
  it('round-trips through their stored, versioned form', () => {
    const stored = panelSettings.serialize({ fixStack: 'nginx' });
    expect(stored).toEqual({ version: panelSettings.version, fixStack: 'nginx' });
    expect(panelSettings.parse(structuredClone(stored))).toEqual({ fixStack: 'nginx' });
  });

  it.each([
    ['nothing stored', undefined],
    ['another version', { version: 99, fixStack: 'nginx' }],
    ['not an object', 'nginx'],
  ])('reads %s as the defaults', (_name, stored) => {
    expect(panelSettings.parse(stored)).toEqual(panelSettings.defaults);
  });

  it('drops a field of the wrong type and keeps the rest of the defaults', () => {
    expect(panelSettings.parse({ version: panelSettings.version, fixStack: 42 })).toEqual({ fixStack: null });
    expect(panelSettings.parse({ version: panelSettings.version, fixStack: 'x'.repeat(500) })).toEqual({
      fixStack: null,
    });
  });
});
