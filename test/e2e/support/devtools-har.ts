import type { Browser, BrowserContext, Page } from '@playwright/test';
import { connectToDevtools, freePort } from '../../../src/demo/chromium/devtools-window';
import type { CorsErrorStatus } from '../../../src/playwright/cdp-recorder';
import { launchMatrixBrowser } from './matrix-browser';

/** Chromium with a DevTools window attached to its first tab. */
export interface DevtoolsBrowser {
  context: BrowserContext;
  /** The inspected tab. */
  page: Page;
  /** The DevTools window of `page`, a page of `cdp`. */
  devtools: Page;
  /** The connection over the debugging port that reaches `devtools` (Playwright's pipe hides it). */
  cdp: Browser;
}

/**
 * Launches Chromium as `launchMatrixBrowser` does (with `extraArgs` too), with DevTools opened for
 * the tab, and connects to it.
 */
export async function launchWithDevtools(profile: string, extraArgs: readonly string[] = []): Promise<DevtoolsBrowser> {
  const port = await freePort();
  const context = await launchMatrixBrowser(profile, [
    '--auto-open-devtools-for-tabs',
    `--remote-debugging-port=${port}`,
    ...extraArgs,
  ]);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const { browser, devtools } = await connectToDevtools(port);
    return { context, page, devtools, cdp: browser };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** DevTools serves its modules relative to its own page; the paths are not ours to type-check. */
const MODULES = {
  logs: './models/logs/logs.js',
  har: './models/har/har.js',
  common: './core/common/common.js',
} as const;

/** The part of DevTools' `SDK.NetworkRequest.NetworkRequest` read here. */
interface DevtoolsRequest {
  url(): string;
  requestMethod: string;
  scheme: string;
  parsedURL: { isValid: boolean };
  finished: boolean;
  corsErrorStatus(): CorsErrorStatus | undefined;
  isPreflightRequest(): boolean;
  redirectDestination(): DevtoolsRequest | null;
}

interface LogsModule {
  NetworkLog: { NetworkLog: { instance(): { requests(): DevtoolsRequest[] } } };
}

/** Every URL DevTools' network log holds for the inspected tab. */
function loggedUrls(devtools: Page): Promise<string[]> {
  return devtools.evaluate(async (path) => {
    const logs = (await import(path)) as LogsModule;
    return logs.NetworkLog.NetworkLog.instance()
      .requests()
      .map((request) => request.url());
  }, MODULES.logs);
}

async function pollUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Navigates the inspected page to `url` and waits until DevTools recorded that navigation. A
 * DevTools window that is still attaching misses the first navigation entirely (its log stays
 * empty), so the page is navigated again until its document is in the log.
 */
export async function navigateRecorded({ page, devtools }: DevtoolsBrowser, url: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto(url);
    if (await pollUntil(async () => (await loggedUrls(devtools)).includes(url), 2_000)) {
      // DevTools resets its log on navigation a little after the load event; a request made
      // before that reset would be dropped from the export.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return;
    }
  }
  throw new Error(`DevTools never recorded the navigation to ${url}`);
}

/** What DevTools knew about the request behind one HAR entry. */
export interface DevtoolsEntry {
  url: string;
  method: string;
  preflight: boolean;
  /** DevTools' `corsErrorStatus()` of this request (null when it has none). */
  corsErrorStatus: CorsErrorStatus | null;
  /** The entry of the hop this one was redirected to, null at the end of a chain (or when that hop was not exported). */
  redirectedTo: number | null;
  /** DevTools' `corsErrorStatus()` of the last hop of this request's chain, exported or not. */
  chainCorsErrorStatus: CorsErrorStatus | null;
}

/** DevTools' HAR text and, entry by entry in the same order, what DevTools knew of each request. */
export interface DevtoolsHar {
  text: string;
  entries: DevtoolsEntry[];
  /** URLs of requests still unfinished when the export gave up waiting (the Network panel leaves them out). */
  unfinished: string[];
}

interface HarModule {
  Writer: {
    Writer: {
      harStringForRequests(
        requests: DevtoolsRequest[],
        options: { sanitize: boolean },
        progress: object,
      ): Promise<string>;
    };
  };
}

interface CommonModule {
  Progress: { CompositeProgress: new (parent: object) => object; Progress: new () => object };
}

/**
 * What the Network panel's "Export HAR (with sensitive data)" writes for the inspected tab: its
 * finished http(s)/ws(s) requests (`NetworkLogView.harRequests`), through `HAR.Writer`. It waits
 * up to `timeoutMs` for every logged request to finish first.
 */
export function exportDevtoolsHar(devtools: Page, timeoutMs = 10_000): Promise<DevtoolsHar> {
  return devtools.evaluate(
    async ({ modules, timeout }) => {
      const logs = (await import(modules.logs)) as LogsModule;
      const log = logs.NetworkLog.NetworkLog.instance();
      const deadline = Date.now() + timeout;
      while (log.requests().some((request) => !request.finished) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // NetworkLogView.getHTTPRequestsFilter and harRequests, without the panel's own UI filter.
      const schemes = ['http', 'https', 'ws', 'wss'];
      const requests = log
        .requests()
        .filter((request) => request.parsedURL.isValid && schemes.includes(request.scheme) && request.finished);
      const har = (await import(modules.har)) as HarModule;
      const common = (await import(modules.common)) as CommonModule;
      const progress = new common.Progress.CompositeProgress(new common.Progress.Progress());
      // Sorts `requests` in place by issue time: afterwards requests[i] is entry i of the text.
      const text = await har.Writer.Writer.harStringForRequests(requests, { sanitize: false }, progress);
      const lastHop = (request: DevtoolsRequest): DevtoolsRequest => {
        const next = request.redirectDestination();
        return next === null ? request : lastHop(next);
      };
      const entries = requests.map((request) => {
        const next = request.redirectDestination();
        const redirectedTo = next === null ? -1 : requests.indexOf(next);
        return {
          url: request.url(),
          method: request.requestMethod,
          preflight: request.isPreflightRequest(),
          corsErrorStatus: request.corsErrorStatus() ?? null,
          redirectedTo: redirectedTo < 0 ? null : redirectedTo,
          chainCorsErrorStatus: lastHop(request).corsErrorStatus() ?? null,
        };
      });
      const unfinished = log
        .requests()
        .filter((request) => !request.finished)
        .map((request) => request.url());
      return { text, entries, unfinished };
    },
    { modules: MODULES, timeout: timeoutMs },
  );
}
