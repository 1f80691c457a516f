/**
 * The single place that imports webextension-polyfill. Chrome now ships `browser`
 * natively and the polyfill is frozen upstream; dropping it must stay a one-file change.
 */
import browser from 'webextension-polyfill';

export type { Menus, Runtime, Storage, Tabs, WebRequest } from 'webextension-polyfill';
export { browser };

/**
 * chrome.debugger, which only Chromium has and the polyfill neither wraps nor types: undefined in
 * Firefox, and in Chromium when the extension lacks the `debugger` permission.
 */
export function chromiumDebuggerApi(): typeof chrome.debugger | undefined {
  return (globalThis as { chrome?: { debugger?: typeof chrome.debugger } }).chrome?.debugger;
}
