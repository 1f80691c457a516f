/**
 * What the scenario matrices (`cors-matrix.spec.ts`, `capture-matrix.spec.ts`) share: the browser
 * they run in — the built extension loaded, third-party cookies allowed, and a cookie planted on
 * loopback so credentialed requests are credentialed on the wire too — and their row files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
import { findChromium } from '../../../src/demo/chromium/find-chromium';
import { type CorsTestServer, publicPageOverride } from '../../../src/demo/cors-server';
import { CdpRecorder } from '../../../src/playwright/cdp-recorder';
import { requireBuiltExtension } from './fixtures';

/** The cookie credentialed requests carry, so they are credentialed on the wire too. */
export const COOKIE = { name: 'matrix-session', value: 'abc' };

/** Launches Chromium with the built extension on `profile` (a fresh one), `extraArgs`, and plants `COOKIE`. */
export async function launchMatrixBrowser(profile: string, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  // A fresh profile blocks third-party cookies; allow them so credentialed requests carry one.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(requireBuiltExtension(), extraArgs),
    ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
  });
  // SameSite=None needs Secure, which loopback over plain http satisfies.
  await context.addCookies([
    { ...COOKIE, domain: '127.0.0.1', path: '/', secure: true, sameSite: 'None', httpOnly: false },
  ]);
  return context;
}

/** Records `page`'s CDP Network events and CORS issues (Network and Audits enabled). */
export async function recordCdp(context: BrowserContext, page: Page): Promise<CdpRecorder> {
  const cdp = await context.newCDPSession(page);
  const recorder = new CdpRecorder(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');
  return recorder;
}

/** The rows appended to `file` (one JSON object a line), or none when it does not exist. */
export function readRows<Row>(file: string): Row[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Row)
    : [];
}

export interface MatrixTab {
  context: BrowserContext;
  worker: Worker;
  /** The extension's id, the host of its pages. */
  extensionId: string;
  /** The tab the rows run in, on `server.pageOrigin` + `path`. */
  page: Page;
  tabId: number;
}

/**
 * The matrices' browser on `profile` (public-page rows included) with its first tab on the page
 * origin at `path`, and that tab's id as the extension knows it.
 */
export async function openMatrixTab(profile: string, server: CorsTestServer, path: string): Promise<MatrixTab> {
  const context = await launchMatrixBrowser(profile, [publicPageOverride(server)]);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.pageOrigin}${path}`);
  const tabId = await worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
    page.url(),
  );
  return { context, worker, extensionId: new URL(worker.url()).host, page, tabId };
}
