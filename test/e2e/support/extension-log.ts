import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { TabLogView } from '../../../src/model/exchange-record';
import { PROTOCOL_VERSION } from '../../../src/model/protocol';

/**
 * Reads a tab's log the way the panel does: over a `panel:<tabId>` port from an extension page,
 * taking the worker's snapshot. This exercises the real protocol, not a test hook.
 */
export async function readTabLog(extensionPage: Page, tabId: number): Promise<TabLogView> {
  return extensionPage.evaluate(
    ({ tab, version }) =>
      new Promise<TabLogView>((resolve, reject) => {
        const port = chrome.runtime.connect({ name: `panel:${tab}` });
        const timer = setTimeout(() => reject(new Error('no snapshot within 10 s')), 10_000);
        port.onMessage.addListener((message: { type?: string; version?: number; log?: TabLogView }) => {
          if (message.type !== 'snapshot' || message.version !== version || message.log === undefined) return;
          clearTimeout(timer);
          port.disconnect();
          resolve(message.log);
        });
        port.postMessage({ type: 'hello', version });
      }),
    { tab: tabId, version: PROTOCOL_VERSION },
  );
}

/** An extension page (the panel, standalone) to talk to the worker from. */
export async function openExtensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/panel/panel.html`);
  return page;
}

export function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
}

/** Stops every service worker, as Chrome does to an idle extension worker (chromium.md). */
export async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** The browser tab id of `page`, as the extension knows it. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const tabId = await worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
    page.url(),
  );
  if (tabId < 0) throw new Error(`No browser tab shows ${page.url()}`);
  return tabId;
}
