import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from './chromium/chromium-args';

/**
 * Removes the profile. When the user closed the window, Chromium may still be writing its last
 * files for a moment after the connection closed: remove again until the directory stays gone.
 */
async function removeProfile(dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!existsSync(dir)) return;
    if (Date.now() > deadline) throw new Error(`could not remove the browser profile ${dir}`);
  }
}

export interface DemoBrowser {
  context: BrowserContext;
  /** The extension's service worker. */
  worker: Worker;
  extensionId: string;
  /** The throw-away profile, removed by `close`. */
  profileDir: string;
  executablePath: string;
  /** Closes Chromium (if still open) and removes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The Chromium to run (`ensureChromium` found or installed it). */
  executablePath: string;
  extensionDir: string;
  headless: boolean;
  extraArgs?: readonly string[];
}

/**
 * DevTools docked at the bottom, tall, so the CORS panel gets the window's full width. DevTools
 * keeps its settings as JSON strings inside the profile's preferences.
 */
const PREFERENCES = {
  devtools: {
    preferences: {
      currentDockState: JSON.stringify('bottom'),
      'inspector-view.split-view-state': JSON.stringify({ horizontal: { size: 480 } }),
    },
  },
};

function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-demo-profile-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify(PREFERENCES));
  return dir;
}

/**
 * Chromium with the built extension, on a fresh profile. The demo handles Ctrl-C itself (to stop
 * the servers and remove the profile too), so Playwright's own signal handlers are off.
 */
export async function launchDemoBrowser({
  executablePath,
  extensionDir,
  headless,
  extraArgs = [],
}: LaunchOptions): Promise<DemoBrowser> {
  const profileDir = freshProfile();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args: chromiumArgs(extensionDir, extraArgs),
      ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
      // A window the user resizes keeps its own viewport; headless pages get a roomy one.
      viewport: headless ? { width: 1280, height: 900 } : null,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await removeProfile(profileDir);
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await removeProfile(profileDir);
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, worker, extensionId: new URL(worker.url()).host, profileDir, executablePath, close };
  } catch (error) {
    await close();
    throw new Error(`CORS Lens did not start in Chromium (${String(error)}). Is dist/ a complete build?`);
  }
}

/** The browser's tab id of the tab showing `url`, as the extension knows it. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const tabId = await worker.evaluate(
    async (pageUrl) => (await chrome.tabs.query({})).find((tab) => tab.url === pageUrl)?.id ?? -1,
    url,
  );
  if (tabId < 0) throw new Error(`No browser tab shows ${url}`);
  return tabId;
}

/** The panel as a page of its own for tab `tabId`. */
export function panelUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`;
}
