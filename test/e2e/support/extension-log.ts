import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { TabLogView } from '../../../src/model/exchange-record';
import { PROTOCOL_VERSION, panelPortName } from '../../../src/model/protocol';
import { collectSnapshot } from './collect-snapshot';

/**
 * Reads a tab's log the way the panel does: over a `panel:<tabId>` port from an extension page,
 * taking the worker's snapshot, all its pages. This exercises the real protocol, not a test hook.
 */
export async function readTabLog(extensionPage: Page, tabId: number): Promise<TabLogView> {
  return extensionPage.evaluate(collectSnapshot, { portName: panelPortName(tabId), version: PROTOCOL_VERSION });
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

/** Stops every service worker, as Chrome does to an idle extension worker after 30 s. */
export async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/**
 * Waits until no service worker is running. Chromium drops webRequest events that reach a worker
 * during the few milliseconds a forced stop takes; an idle stop, the kind browsers really do,
 * never races an event that way.
 */
export async function waitUntilStopped(cdp: CDPSession): Promise<void> {
  const running = new Map<string, string>();
  const onUpdate = ({ versions }: { versions: Array<{ versionId: string; runningStatus: string }> }) => {
    for (const version of versions) running.set(version.versionId, version.runningStatus);
  };
  cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  try {
    const deadline = Date.now() + 5_000;
    while ([...running.values()].some((status) => status !== 'stopped') || running.size === 0) {
      if (Date.now() > deadline) throw new Error(`service workers still running: ${JSON.stringify([...running])}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
  }
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
