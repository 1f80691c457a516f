/**
 * `npm run screenshots`: the CORS panel on the demo's cases, rendered in real Chromium with the
 * built extension: the demo's API answers each case, a page fetches them all, the panel shows what
 * the worker captured, with a refused preflight selected. Nothing here is staged in the panel itself.
 *
 * It writes the README's pictures (docked bottom and right, light and dark) next to this script,
 * and the store images into store/chrome/ and store/firefox/ (sizes in STORE_SHOTS and PROMO_TILE).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { STORE_FILES } from '../../src/build/store-files';
import { type DemoOrigins, demoCases } from '../../src/demo/cases';
import { findChromium } from '../../src/demo/chromium/find-chromium';
import { startCorsTestServer } from '../../src/demo/cors-server';
import { launchDemoBrowser, panelUrl, tabIdOf } from '../../src/demo/launch-browser';
import { runDemoCase } from '../e2e/support/run-demo-case';

/** npm runs scripts from the package root; the bundle of this file lives elsewhere. */
const ROOT = process.cwd();
const DIST = resolve(ROOT, 'dist');
const README_DIR = resolve(ROOT, 'test/screenshots');
/** A preflight refused for a custom header: its detail shows preflight → request and the table. */
const SELECTED_CASE = 'custom-header';

interface Shot {
  /** Where the same picture is written (one path per folder that uses it). */
  paths: readonly string[];
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

/**
 * For the README, the two places DevTools is usually docked, in both themes: at the bottom (the
 * panel ≈ 1280×350) and on the right (≈ 550×800), where the list and the top bar switch to their
 * narrow layout.
 */
const README_SHOTS: readonly Shot[] = [
  { paths: [join(README_DIR, 'panel-bottom-light.png')], width: 1280, height: 350, colorScheme: 'light' },
  { paths: [join(README_DIR, 'panel-bottom-dark.png')], width: 1280, height: 350, colorScheme: 'dark' },
  { paths: [join(README_DIR, 'panel-right-light.png')], width: 550, height: 800, colorScheme: 'light' },
  { paths: [join(README_DIR, 'panel-right-dark.png')], width: 550, height: 800, colorScheme: 'dark' },
];

/**
 * For the stores, the panel at 1280×800: the Chrome Web Store's screenshot size, and the size
 * addons.mozilla.org recommends (it shows screenshots at a 1.6:1 ratio). The pictures come from
 * Chromium; the Firefox build bundles the same panel sources, so it looks the same in Firefox but
 * for precise mode, which needs chrome.debugger: Firefox's pictures are taken without it (see
 * `withoutDebugger`), and only a record Firefox captured would add its "What Firefox did" note.
 */
function storeShots(store: 'chrome' | 'firefox'): Shot[] {
  const { light, dark } = STORE_FILES[store].screenshots;
  return [
    { paths: [resolve(ROOT, light)], width: 1280, height: 800, colorScheme: 'light' },
    { paths: [resolve(ROOT, dark)], width: 1280, height: 800, colorScheme: 'dark' },
  ];
}

/** Runs in the panel page before its scripts: the page then has no chrome.debugger, as in Firefox. */
function withoutDebugger(): void {
  Object.defineProperty(chrome, 'debugger', { value: undefined });
}

/**
 * The Chrome Web Store's small promo tile, 440×280. The panel's text is unreadable at that size,
 * and the store asks for a tile that reads at a glance, so it is a small composed page: the
 * extension's icon, its name and one line, over the real 1280×800 light screenshot scaled down
 * (CSS, no re-drawing), so the tile still shows the real panel rather than a mock-up.
 */
const PROMO_TILE = { path: resolve(ROOT, STORE_FILES.chrome.promoTile), width: 440, height: 280 };
const ICON = resolve(ROOT, 'public/icons/lens-128.png');

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function shoot(panel: Page, shot: Shot): Promise<Buffer> {
  await panel.setViewportSize({ width: shot.width, height: shot.height });
  await panel.emulateMedia({ colorScheme: shot.colorScheme });
  // Let the virtual list and layout settle at the new size before the picture.
  await panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const png = await panel.screenshot();
  for (const path of shot.paths) write(path, png);
  return png;
}

function write(path: string, png: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
  console.log(`wrote ${relative(ROOT, path)}`);
}

function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

async function promoTile(page: Page, panelShot: Buffer): Promise<void> {
  await page.setViewportSize({ width: PROMO_TILE.width, height: PROMO_TILE.height });
  await page.emulateMedia({ colorScheme: 'light' });
  // 1280×800 at 0.3125 is 400×250: the panel's list, the selected row and the start of its detail.
  await page.setContent(`<!doctype html>
<style>
  html, body { margin: 0; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px; overflow: hidden; }
  body { background: #1a73e8; font-family: system-ui, sans-serif; color: #fff; position: relative; }
  header { display: flex; align-items: center; gap: 14px; padding: 18px 20px 0; }
  header img { width: 64px; height: 64px; }
  h1 { margin: 0; font-size: 30px; font-weight: 700; letter-spacing: -0.5px; }
  p { margin: 2px 0 0; font-size: 15px; color: #e8f0fe; white-space: nowrap; }
  .shot { position: absolute; left: 20px; top: 104px; width: 400px; border-radius: 6px 6px 0 0;
          box-shadow: 0 2px 12px rgb(0 0 0 / 35%); }
</style>
<header><img alt="" src="${dataUrl(readFileSync(ICON))}">
  <div><h1>CORS Lens</h1><p>Why the browser blocked it, and the fix</p></div></header>
<img class="shot" alt="" src="${dataUrl(panelShot)}">`);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  write(PROMO_TILE.path, await page.screenshot());
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('No built extension in dist/: run `npm run build`.');
  const server = await startCorsTestServer();
  const origins: DemoOrigins = { page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin };
  const cases = demoCases(origins);
  for (const demoCase of cases) for (const route of demoCase.routes) server.route(route.path, route.spec);
  const browser = await launchDemoBrowser({ executablePath: findChromium(), extensionDir: DIST, headless: true });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${origins.page}/`);
    for (const demoCase of cases) await runDemoCase(page, demoCase);
    const tabId = await tabIdOf(browser.worker, page.url());

    const selected = cases.find((demoCase) => demoCase.id === SELECTED_CASE);
    if (selected === undefined) throw new Error(`no demo case ${SELECTED_CASE}`);
    const openPanel = async (asInFirefox: boolean): Promise<Page> => {
      const panel = await browser.context.newPage();
      if (asInFirefox) await panel.addInitScript(withoutDebugger);
      await panel.setViewportSize({ width: 1280, height: 760 });
      await panel.goto(panelUrl(browser.extensionId, tabId));
      const rows = panel.getByTestId('request-row');
      await until(`${cases.length} rows in the panel`, async () => (await rows.count()) >= cases.length);
      await panel.locator(`[data-testid="request-row"]:has(.url[title="${selected.url}"])`).click();
      await panel.getByTestId('detail').waitFor();
      await panel.getByRole('tab', { name: 'Express' }).click();
      return panel;
    };

    const panel = await openPanel(false);
    for (const shot of README_SHOTS) await shoot(panel, shot);
    const chromeShots: Buffer[] = [];
    for (const shot of storeShots('chrome')) chromeShots.push(await shoot(panel, shot));
    const asInFirefox = await openPanel(true);
    if ((await asInFirefox.getByTestId('precise-toggle').count()) !== 0)
      throw new Error('the Firefox pictures still show the precise-mode switch');
    for (const shot of storeShots('firefox')) await shoot(asInFirefox, shot);
    const [lightStoreShot] = chromeShots;
    if (lightStoreShot === undefined) throw new Error('no store screenshot to put on the promo tile');
    await promoTile(await browser.context.newPage(), lightStoreShot);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
