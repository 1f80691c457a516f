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

/**
 * DevTools' own theme ('dark' or 'light'), which can differ from the system's that
 * `prefers-color-scheme` reports; null outside DevTools.
 */
export function devtoolsTheme(): 'dark' | 'light' | null {
  const panels = (globalThis as { chrome?: { devtools?: { panels?: { themeName?: unknown } } } }).chrome?.devtools
    ?.panels;
  const name = panels?.themeName;
  if (name === 'dark') return 'dark';
  return typeof name === 'string' ? 'light' : null;
}
