/**
 * `npm run screenshots`: the CORS panel on the demo's cases, docked bottom and right, in light and
 * dark, as PNG files next
 * to this script (referenced by the README). Real Chromium with the built extension: the demo's
 * API answers each case, a page fetches them all, the panel shows what the worker captured, with
 * a refused preflight selected. Nothing here is staged in the panel itself.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DemoOrigins, demoCases } from '../../src/demo/cases';
import { findChromium } from '../../src/demo/chromium/find-chromium';
import { startCorsTestServer } from '../../src/demo/cors-server';
import { launchDemoBrowser, panelUrl, tabIdOf } from '../../src/demo/launch-browser';
import { runDemoCase } from '../e2e/support/run-demo-case';

/** npm runs scripts from the package root; the bundle of this file lives elsewhere. */
const ROOT = process.cwd();
const DIST = resolve(ROOT, 'dist');
const OUT = resolve(ROOT, 'test/screenshots');
/** A preflight refused for a custom header: its detail shows preflight → request and the table. */
const SELECTED_CASE = 'custom-header';

interface Shot {
  file: string;
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

/**
 * The two places DevTools is usually docked, in both themes: at the bottom (the panel ≈ 1280×350)
 * and on the right (≈ 550×800), where the list and the top bar switch to their narrow layout.
 */
const SHOTS: readonly Shot[] = [
  { file: 'panel-bottom-light.png', width: 1280, height: 350, colorScheme: 'light' },
  { file: 'panel-bottom-dark.png', width: 1280, height: 350, colorScheme: 'dark' },
  { file: 'panel-right-light.png', width: 550, height: 800, colorScheme: 'light' },
  { file: 'panel-right-dark.png', width: 550, height: 800, colorScheme: 'dark' },
];

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('No built extension in dist/: run `npm run build`.');
  mkdirSync(OUT, { recursive: true });
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

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 1280, height: 760 });
    await panel.goto(panelUrl(browser.extensionId, tabId));
    const rows = panel.getByTestId('request-row');
    await until(`${cases.length} rows in the panel`, async () => (await rows.count()) >= cases.length);
    const selected = cases.find((demoCase) => demoCase.id === SELECTED_CASE);
    if (selected === undefined) throw new Error(`no demo case ${SELECTED_CASE}`);
    await panel.locator(`[data-testid="request-row"]:has(.url[title="${selected.url}"])`).click();
    await panel.getByTestId('detail').waitFor();
    await panel.getByRole('tab', { name: 'Express' }).click();

    for (const shot of SHOTS) {
      await panel.setViewportSize({ width: shot.width, height: shot.height });
      await panel.emulateMedia({ colorScheme: shot.colorScheme });
      // Let the virtual list and layout settle at the new size before the picture.
      await panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const path = join(OUT, shot.file);
      await panel.screenshot({ path });
      console.log(`wrote ${path}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
