/**
 * The panel's precise mode as a user drives it (the switch, the row markers), and whether CORS
 * Lens's own debugger session is on a tab. Playwright keeps its own CDP sessions on every target,
 * so chrome.debugger.getTargets() reports every tab as attached; what is CORS Lens's is what the
 * extension itself can command: chrome.debugger.sendCommand rejects ("Debugger is not attached to
 * the tab") unless the extension attached it.
 */
import { type BrowserContext, expect, type Frame, type Page } from '@playwright/test';

/** The panel as a page of its own, or its frame inside real DevTools. */
type Panel = Page | Frame;

/** The panel standalone for `tabId`, as "Open in a tab" shows it. */
export async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('connection-status')).toHaveText(/Live|Paused/);
  return panel;
}

/** True while the extension has a debugger session on the tab. */
export function debuggerAttached(extensionPage: Panel, tabId: number): Promise<boolean> {
  return extensionPage.evaluate(
    (tab) =>
      chrome.debugger.sendCommand({ tabId: tab }, 'Runtime.evaluate', { expression: '0' }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}

/** Clicks the switch and waits until it shows `on`. */
export async function turnPreciseMode(panel: Panel, on: boolean): Promise<void> {
  const toggle = panel.getByTestId('precise-toggle');
  await expect(toggle).toHaveAttribute('aria-checked', String(!on));
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(on));
}

/**
 * The markers of the list's rows for `url` (searched for, as a user would), once Chromium has said
 * how each ended: `agrees`, `disagrees`, or `none` for a row without a marker.
 */
export async function markersFor(panel: Panel, url: string): Promise<string[]> {
  await panel.getByPlaceholder('Search URL, method, status, error').fill(url);
  const rows = panel.locator(`[data-testid="request-row"]:has(.url[title="${url}"])`);
  await expect(rows.first()).toBeVisible();
  const read = () =>
    rows.evaluateAll((found) =>
      found.map((row) => row.querySelector('[data-testid="agreement"]')?.getAttribute('data-state') ?? 'none'),
    );
  await expect.poll(async () => (await read()).some((state) => state === 'waiting')).toBe(false);
  return read();
}
