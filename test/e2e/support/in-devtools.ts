import { rmSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Frame, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
import {
  connectToDevtools,
  devtoolsPanelIds,
  freePort,
  showDevtoolsPanel,
} from '../../../src/demo/chromium/devtools-window';
import { findChromium } from '../../../src/demo/chromium/find-chromium';
import { test as base, expect, freshProfileDir, requireBuiltExtension } from './fixtures';

export interface InDevtools {
  /** The inspected page, on the test server's page origin. */
  page: Page;
  /** The tab of `page`, as the extension knows it. */
  tabId: number;
  /** The DevTools window of `page`, as a page of the CDP connection. */
  devtools: Page;
  /** The CORS panel's frame inside `devtools`, connected to the worker ("Live"). */
  panel: Frame;
  /** The extension's service worker, which alone sets the badge. */
  worker: Worker;
}

/**
 * The base fixtures plus `inDevtools`: Chromium with DevTools opened for every tab and a CDP port
 * to reach it, where DevTools lists the extension's "CORS" panel and shows it. The base fixtures'
 * browser is launched over a pipe, where DevTools windows stay hidden, so this one is launched apart.
 */
export const test = base.extend<{ inDevtools: InDevtools }>({
  inDevtools: async ({ server }, use) => {
    const profile = freshProfileDir();
    const port = await freePort();
    let context: BrowserContext | undefined;
    let cdp: Browser | undefined;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: findChromium(),
        headless: true,
        viewport: { width: 1200, height: 900 },
        args: chromiumArgs(requireBuiltExtension(), [
          '--auto-open-devtools-for-tabs',
          `--remote-debugging-port=${port}`,
        ]),
        ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
      });
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extensionId = new URL(worker.url()).host;
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.pageOrigin}/inspected`);
      const tabId = await worker.evaluate(
        async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
        page.url(),
      );
      const connected = await connectToDevtools(port);
      cdp = connected.browser;
      // Extension panels are keyed by the extension's origin followed by the panel title.
      const panelId = `chrome-extension://${extensionId}CORS`;
      await expect.poll(() => devtoolsPanelIds(connected.devtools), { timeout: 10_000 }).toContain(panelId);
      const panel = await showDevtoolsPanel(connected.devtools, panelId, `${extensionId}/src/panel/panel.html`);
      await expect(panel.getByTestId('connection-status')).toHaveText('Live');
      await use({ page, tabId, devtools: connected.devtools, panel, worker });
    } finally {
      await cdp?.close();
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

export { expect };
