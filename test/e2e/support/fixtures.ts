import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, type CDPSession, chromium, type Worker } from '@playwright/test';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
import { findChromium } from '../../../src/demo/chromium/find-chromium';
import { type CorsTestServer, startCorsTestServer } from '../../../src/demo/cors-server';

/** The built extension every e2e test loads. */
export const DIST_DIR = resolve(import.meta.dirname, '../../../dist');

export function requireBuiltExtension(): string {
  if (!existsSync(join(DIST_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${DIST_DIR}: run \`npm run build\` first (\`npm run test:e2e\` does).`);
  }
  return DIST_DIR;
}

/** A fresh, throw-away browser profile; the caller removes it. */
export function freshProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'cors-lens-profile-'));
}

interface ExtensionFixtures {
  /** The extension's service worker (its background). */
  serviceWorker: Worker;
  /** The extension id: the host of its `chrome-extension://` URLs. */
  extensionId: string;
  /** A CDP session on `page`, with the Network domain enabled. */
  cdp: CDPSession;
  /** The browser's tab id of `page`, as webRequest and the action API know it. */
  tabId: number;
}

interface WorkerFixtures {
  /** Pages on `http://localhost:<port>`, an API on `http://127.0.0.1:<port>`. */
  server: CorsTestServer;
}

export const test = base.extend<ExtensionFixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startCorsTestServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  context: async ({}, use) => {
    const extensionDir = requireBuiltExtension();
    const profile = freshProfileDir();
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      args: chromiumArgs(extensionDir),
      ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  page: async ({ context, server }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.pageOrigin}/`);
    await use(page);
  },

  cdp: async ({ context, page }, use) => {
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await use(session);
  },

  tabId: async ({ serviceWorker, page }, use) => {
    const url = page.url();
    const tabId = await serviceWorker.evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === pageUrl)?.id ?? -1;
    }, url);
    if (tabId < 0) throw new Error(`No browser tab shows ${url}`);
    await use(tabId);
  },
});

export { expect } from '@playwright/test';
export type { BrowserContext };
