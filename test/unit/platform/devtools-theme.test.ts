import { afterEach, describe, expect, it, vi } from 'vitest';

// The polyfill refuses to load outside an extension; these functions read `chrome.devtools` only.
vi.mock('../../../src/platform/browser', () => ({ browser: {} }));
const { devtoolsTheme, onDevtoolsThemeChange } = await import('../../../src/platform/devtools-api');

const global = globalThis as { chrome?: unknown };
const original = global.chrome;
afterEach(() => {
  global.chrome = original;
});

describe('DevTools theme', () => {
  it("reads Chromium's theme names and follows its theme change handler", () => {
    let handler: ((name: unknown) => void) | undefined;
    global.chrome = {
      devtools: {
        panels: {
          themeName: 'default',
          setThemeChangeHandler: (callback: (name: unknown) => void) => {
            handler = callback;
          },
        },
      },
    };
    expect(devtoolsTheme()).toBe('light');
    const seen: string[] = [];
    onDevtoolsThemeChange((theme) => seen.push(theme));
    handler?.('dark');
    handler?.('default');
    handler?.(42);
    expect(seen).toEqual(['dark', 'light']);
  });

  it("follows Firefox's onThemeChanged event", () => {
    const listeners: ((name: unknown) => void)[] = [];
    global.chrome = {
      devtools: { panels: { themeName: 'dark', onThemeChanged: { addListener: (l: never) => listeners.push(l) } } },
    };
    expect(devtoolsTheme()).toBe('dark');
    const seen: string[] = [];
    onDevtoolsThemeChange((theme) => seen.push(theme));
    for (const listener of listeners) listener('firebug');
    expect(seen).toEqual(['light']);
  });

  it('does nothing outside DevTools', () => {
    global.chrome = undefined;
    expect(devtoolsTheme()).toBeNull();
    expect(() => onDevtoolsThemeChange(() => undefined)).not.toThrow();
  });
});
