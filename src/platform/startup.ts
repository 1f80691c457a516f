import { browser } from './browser';

/**
 * Calls `listener` when the browser starts with this extension's profile. It wakes the worker,
 * which has no webRequest listener to wake it while capture is paused: the toolbar badges, which
 * the browser does not keep across restarts, then say so again.
 */
export function onBrowserStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(() => listener());
}
