import type { TabId } from '../model/ids';
import { browser } from './browser';

/** Adds a panel to the DevTools window this page belongs to. */
export async function createDevtoolsPanel(title: string, iconPath: string, pagePath: string): Promise<void> {
  await browser.devtools.panels.create(title, iconPath, pagePath);
}

/** The tab DevTools inspects, or null when this page is not running inside DevTools. */
export function inspectedTabId(): TabId | null {
  // `browser.devtools` is only defined in DevTools pages; the panel also runs standalone.
  const devtools = (globalThis as { chrome?: { devtools?: { inspectedWindow?: { tabId?: unknown } } } }).chrome
    ?.devtools;
  const tabId = devtools?.inspectedWindow?.tabId;
  return typeof tabId === 'number' ? tabId : null;
}

type ThemeName = 'dark' | 'light';

interface DevtoolsPanelsTheme {
  themeName?: unknown;
  /** Chromium: one handler, called with the new theme name. */
  setThemeChangeHandler?: (handler: (name: unknown) => void) => void;
  /** Firefox: an event with the new theme name. */
  onThemeChanged?: { addListener(listener: (name: unknown) => void): void };
}

function devtoolsPanels(): DevtoolsPanelsTheme | undefined {
  return (globalThis as { chrome?: { devtools?: { panels?: DevtoolsPanelsTheme } } }).chrome?.devtools?.panels;
}

/** Chromium says 'default' or 'dark', Firefox 'light', 'dark' or 'firebug'. */
function themeOf(name: unknown): ThemeName | null {
  if (name === 'dark') return 'dark';
  return typeof name === 'string' ? 'light' : null;
}

/**
 * DevTools' own theme ('dark' or 'light'), which can differ from the system's that
 * `prefers-color-scheme` reports; null outside DevTools.
 */
export function devtoolsTheme(): ThemeName | null {
  return themeOf(devtoolsPanels()?.themeName);
}

/**
 * Calls `listener` whenever the user switches DevTools' theme, so the panel follows it without
 * being reopened: `setThemeChangeHandler` in Chromium, `onThemeChanged` in Firefox.
 * @see https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/devtools/panels/onThemeChanged
 */
export function onDevtoolsThemeChange(listener: (theme: ThemeName) => void): void {
  const panels = devtoolsPanels();
  const forward = (name: unknown) => {
    const theme = themeOf(name);
    if (theme !== null) listener(theme);
  };
  if (typeof panels?.setThemeChangeHandler === 'function') panels.setThemeChangeHandler(forward);
  else panels?.onThemeChanged?.addListener(forward);
}
