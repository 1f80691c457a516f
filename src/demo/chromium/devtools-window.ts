import { createServer } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';

/** A port that was free a moment ago, for Chromium's `--remote-debugging-port`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

async function devtoolsTargetListed(debuggingPort: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${debuggingPort}/json/list`);
  const targets = (await response.json()) as Array<{ type?: string; url?: string }>;
  return targets.some((target) => target.type === 'page' && target.url?.startsWith('devtools://') === true);
}

/**
 * With `--auto-open-devtools-for-tabs`, each tab's DevTools is a page of its own when the browser
 * is reached over its CDP port (the pipe Playwright launched it with hides it). Playwright lists
 * only the DevTools windows that exist when it connects, so wait for one before connecting.
 */
export async function connectToDevtools(debuggingPort: number): Promise<{ browser: Browser; devtools: Page }> {
  const deadline = Date.now() + 10_000;
  while (!(await devtoolsTargetListed(debuggingPort))) {
    if (Date.now() > deadline) {
      throw new Error('DevTools did not open: was Chromium started with --auto-open-devtools-for-tabs?');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
  const devtools = browser
    .contexts()
    .flatMap((context: BrowserContext) => context.pages())
    .find((page) => page.url().startsWith('devtools://'));
  if (devtools === undefined) {
    await browser.close();
    throw new Error('DevTools was listed but Playwright did not attach to it');
  }
  return { browser, devtools };
}

/** The part of DevTools' own `ui/legacy/legacy.js` module these helpers use. */
interface DevtoolsLegacyModule {
  InspectorView: {
    InspectorView: {
      instance(): { tabbedPane: { tabIds(): string[] }; showPanel(id: string): Promise<void> };
    };
  };
}

/** DevTools serves its modules relative to its own page; the path is not ours to type-check. */
const LEGACY_MODULE = './ui/legacy/legacy.js';

/** The ids of the panels DevTools lists in its main tab strip. */
export function devtoolsPanelIds(devtools: Page): Promise<string[]> {
  return devtools.evaluate(async (modulePath) => {
    const legacy = (await import(modulePath)) as DevtoolsLegacyModule;
    return legacy.InspectorView.InspectorView.instance().tabbedPane.tabIds();
  }, LEGACY_MODULE);
}

/** Shows the panel `panelId` and returns the frame that renders the extension page inside DevTools. */
export async function showDevtoolsPanel(devtools: Page, panelId: string, panelUrlPart: string): Promise<Frame> {
  await devtools.evaluate(
    async ({ id, modulePath }) => {
      const legacy = (await import(modulePath)) as DevtoolsLegacyModule;
      await legacy.InspectorView.InspectorView.instance().showPanel(id);
    },
    { id: panelId, modulePath: LEGACY_MODULE },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = devtools.frames().find((candidate) => candidate.url().includes(panelUrlPart));
    if (frame !== undefined) return frame;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`DevTools showed no frame for ${panelUrlPart}`);
}
