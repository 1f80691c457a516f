import { rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from './support/chromium-args';
import { connectToDevtools, devtoolsPanelIds, freePort, showDevtoolsPanel } from './support/devtools';
import { findChromium } from './support/find-chromium';
import { expect, freshProfileDir, requireBuiltExtension, test } from './support/fixtures';

test('DevTools lists a "CORS" panel that renders the extension page for the inspected tab', async ({ server }) => {
  const profile = freshProfileDir();
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(requireBuiltExtension(), ['--auto-open-devtools-for-tabs', `--remote-debugging-port=${port}`]),
    ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.pageOrigin}/inspected`);
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
      page.url(),
    );

    const { browser, devtools } = await connectToDevtools(port);
    try {
      // Extension panels are keyed by the extension's origin followed by the panel title.
      const panelId = `chrome-extension://${extensionId}CORS`;
      await expect.poll(() => devtoolsPanelIds(devtools), { timeout: 10_000 }).toContain(panelId);
      const panel = await showDevtoolsPanel(devtools, panelId, `${extensionId}/src/panel/panel.html`);
      await expect(panel.getByRole('heading', { name: 'CORS Lens' })).toBeVisible();
      // Inside DevTools the panel learns its tab from chrome.devtools, not from its address.
      await expect(panel.getByTestId('page-origin')).toHaveAttribute('title', `Tab ${tabId}`);
      await expect(panel.getByTestId('connection-status')).toHaveText('Live');
    } finally {
      await browser.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
