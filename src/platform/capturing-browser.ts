import type { CapturingBrowser } from '../model/exchange-record';
import { browser } from './browser';

/**
 * The browser this extension runs in, for the capture's browser-specific readings and the
 * panel's notes. `runtime.getBrowserInfo` exists only in Firefox (the polyfill does not add it).
 */
export function capturingBrowser(): CapturingBrowser {
  const runtime = browser.runtime as { getBrowserInfo?: unknown };
  return typeof runtime.getBrowserInfo === 'function' ? 'firefox' : 'chromium';
}
