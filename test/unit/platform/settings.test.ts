import { describe, expect, it, vi } from 'vitest';

// The polyfill refuses to load outside an extension; the store under test gets its area injected.
vi.mock('../../../src/platform/browser', () => ({ browser: {} }));

const { CAPTURE_SETTINGS_KEY, createCaptureSettingsStore, createSettingsStore, PANEL_SETTINGS_KEY } = await import(
  '../../../src/platform/settings'
);

function memoryArea(initial: Record<string, unknown> = {}) {
  const items = { ...initial };
  return {
    items,
    get: async (key: string) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (values: Record<string, unknown>) => {
      Object.assign(items, structuredClone(values));
    },
  };
}

describe('createSettingsStore', () => {
  it('saves under one key with its version and loads it back', async () => {
    const area = memoryArea();
    const store = createSettingsStore(area);
    expect(await store.load()).toEqual({ fixStack: null });
    await store.save({ fixStack: 'django' });
    expect(area.items[PANEL_SETTINGS_KEY]).toEqual({ version: 1, fixStack: 'django' });
    expect(await createSettingsStore(area).load()).toEqual({ fixStack: 'django' });
  });

  it('falls back to the defaults when storage fails', async () => {
    const store = createSettingsStore({ get: () => Promise.reject(new Error('gone')), set: async () => {} });
    expect(await store.load()).toEqual({ fixStack: null });
  });
});

describe('createCaptureSettingsStore', () => {
  it('keeps the capture switch under its own key, beside the panel settings', async () => {
    const area = memoryArea({ [PANEL_SETTINGS_KEY]: { version: 1, fixStack: 'go' } });
    const store = createCaptureSettingsStore(area);
    expect(await store.load()).toEqual({ paused: false });
    await store.save({ paused: true });
    expect(area.items[CAPTURE_SETTINGS_KEY]).toEqual({ version: 1, paused: true });
    expect(await createCaptureSettingsStore(area).load()).toEqual({ paused: true });
    expect(await createSettingsStore(area).load()).toEqual({ fixStack: 'go' });
  });

  it('reads as capturing when storage fails', async () => {
    const store = createCaptureSettingsStore({ get: () => Promise.reject(new Error('gone')), set: async () => {} });
    expect(await store.load()).toEqual({ paused: false });
  });
});
