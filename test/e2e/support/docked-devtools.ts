/**
 * The CORS panel inside real DevTools docked in a browser window, as a user sees it: a headed
 * Chromium on a virtual display (Xvfb), its tab's DevTools docked at the bottom or on the right and
 * sized with DevTools' own dock controller and split — headless Chromium opens DevTools undocked.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from '@playwright/test';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
import {
  connectToDevtools,
  devtoolsPanelIds,
  freePort,
  showDevtoolsPanel,
} from '../../../src/demo/chromium/devtools-window';
import { findChromium } from '../../../src/demo/chromium/find-chromium';
import { freshProfileDir, requireBuiltExtension } from './fixtures';

/** The browser window: DevTools' default docked width (555 px) leaves the page room beside it. */
const WINDOW = { width: 1280, height: 960 };

/** A virtual X display of its own, started for one browser. */
interface VirtualDisplay {
  display: string;
  stop(): void;
}

/** Starts Xvfb on the first free display number (it writes the number it chose to fd 3). */
function startVirtualDisplay(): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    let xvfb: ChildProcess;
    try {
      xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      reject(error);
      return;
    }
    let chosen = '';
    let stderr = '';
    xvfb.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    xvfb.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              'Xvfb is not installed: the docked-DevTools tests run a headed Chromium on a virtual display. ' +
                'Run `bash .ci/run` (or `apt-get install xvfb`).',
            )
          : error,
      );
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code} before it chose a display: ${stderr}`)));
    const fd = xvfb.stdio[3];
    if (fd === null || fd === undefined || !('on' in fd)) {
      reject(new Error('Xvfb gave no display-number pipe'));
      return;
    }
    fd.on('data', (chunk: Buffer) => {
      chosen += chunk.toString();
      if (!chosen.includes('\n')) return;
      resolve({ display: `:${chosen.trim()}`, stop: () => xvfb.kill() });
    });
  });
}

export type DockSide = 'bottom' | 'right';

export interface DockedDevtools {
  context: BrowserContext;
  /** The inspected tab. */
  page: Page;
  /** DevTools' own page. */
  devtools: Page;
  /** The CORS panel's frame inside DevTools. */
  panel: Frame;
  /**
   * Docks DevTools at `side` with its split at `size` px (DevTools' height when at the bottom,
   * its width on the right) and answers the panel frame's viewport.
   */
  dock(side: DockSide, size: number): Promise<{ width: number; height: number }>;
  close(): Promise<void>;
}

/** The part of DevTools' own `ui/legacy/legacy.js` module `dock` uses. */
interface DevtoolsDockModule {
  DockController: { DockController: { instance(): { setDockSide(side: string): void; dockSide(): string } } };
  InspectorView: {
    InspectorView: { instance(): { parentWidget(): { setSidebarSize(size: number): void } | null } };
  };
}

/** Opens `inspectedUrl` in a headed Chromium with the built extension and the CORS panel shown in its DevTools. */
export async function openDockedDevtools(inspectedUrl: string): Promise<DockedDevtools> {
  const display = await startVirtualDisplay();
  const profile = freshProfileDir();
  const port = await freePort();
  let context: BrowserContext | undefined;
  let cdp: Browser | undefined;
  const close = async () => {
    await cdp?.close();
    await context?.close();
    display.stop();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: false,
      env: { ...process.env, DISPLAY: display.display },
      viewport: null,
      args: chromiumArgs(requireBuiltExtension(), [
        '--auto-open-devtools-for-tabs',
        `--remote-debugging-port=${port}`,
        `--window-size=${WINDOW.width},${WINDOW.height}`,
      ]),
      ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inspectedUrl);
    const connected = await connectToDevtools(port);
    cdp = connected.browser;
    const { devtools } = connected;
    const panelId = `chrome-extension://${extensionId}CORS`;
    const deadline = Date.now() + 10_000;
    while (!(await devtoolsPanelIds(devtools)).includes(panelId)) {
      if (Date.now() > deadline) throw new Error(`DevTools never listed the CORS panel (${panelId})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const panel = await showDevtoolsPanel(devtools, panelId, `${extensionId}/src/panel/panel.html`);
    const dock = async (side: DockSide, size: number) => {
      await devtools.evaluate(
        async ({ side, size, modulePath }) => {
          const legacy = (await import(modulePath)) as DevtoolsDockModule;
          legacy.DockController.DockController.instance().setDockSide(side);
          // DevTools sits in the sidebar of its root split; the page's placeholder is the main part.
          legacy.InspectorView.InspectorView.instance().parentWidget()?.setSidebarSize(size);
        },
        { side, size, modulePath: './ui/legacy/legacy.js' },
      );
      // The frame is resized by the browser a moment later: wait until its viewport settles.
      let last = { width: -1, height: -1 };
      for (let stable = 0; stable < 3; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await panel.evaluate(() => ({ width: innerWidth, height: innerHeight }));
        stable = now.width === last.width && now.height === last.height ? stable + 1 : 0;
        last = now;
      }
      return last;
    };
    return { context, page, devtools, panel, dock, close };
  } catch (error) {
    await close();
    throw error;
  }
}
