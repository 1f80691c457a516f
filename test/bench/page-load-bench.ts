/**
 * `npm run bench` (page-load part): what CORS Lens costs a page. The same page makes 1,000
 * cross-origin requests (half preflighted, 10% blocked) in real Chromium:
 *   (a) without any extension,
 *   (b) with a do-nothing extension registering the naive six webRequest listeners with
 *       'extraHeaders' (the floor: every observer that sees preflights pays it: Chromium hides them without it),
 *   (c) with a do-nothing extension registering exactly CORS Lens's five listeners and options
 *       (the strict floor: what CORS Lens costs above it is its own work),
 *   (d) with CORS Lens (dist/),
 *   (p) with CORS Lens, capture paused from its panel (every webRequest listener removed),
 *   (q) with a do-nothing extension that holds the webRequest permission and adds no listener: the
 *       floor of a paused capture. Chromium routes every request of the profile through its
 *       webRequest proxy as long as a loaded extension holds a webRequest permission, listeners or
 *       not (`WebRequestAPI::MayHaveProxies` in extensions/browser/api/web_request/web_request_api.cc
 *       counts such extensions when they load), so paused ÷ (q) ≈ 1.00 is what a pause can reach,
 * interleaved over ROUNDS rounds, each run in a fresh tab of a browser kept per configuration.
 * The order rotates each round (a b c d, b c d a, …) so no configuration always runs first or
 * right after the same neighbour; with ROUNDS a multiple of the configurations each takes every
 * position equally often. On this shared machine a round's neighbours weigh on all of its runs
 * alike, so the figures that decide are paired ratios: CORS Lens ÷ each floor within each round,
 * reported as the median over rounds with its interquartile range. The worker's CPU is paired the
 * same way: CORS Lens's CPU per webRequest event ÷ the strict floor's, per round. Also prints each
 * configuration's median, each extension process's memory (CORS Lens's above the strict floor),
 * storage.session bytes per stored exchange, and the load average before and after.
 *
 * BENCH_ROUNDS (default 12) sets the rounds; BENCH_REQUESTS (default 600) the requests per load;
 * BENCH_BASELINE_DIST=<dir> adds another build of CORS Lens (e.g. an older commit's dist/) as
 * configuration (e), to measure a change.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../src/demo/chromium/chromium-args';
import { findChromium } from '../../src/demo/chromium/find-chromium';
import { extensionRendererPid, residentBytes, serviceWorkerCpuNs } from '../e2e/support/extension-process';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
/** A multiple of 50 (the page's wave). 600 keeps the whole page-load bench near 3 minutes here. */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
/** npm runs the bench from the package root; the bundle itself lives in node_modules/.cache. */
const DIST = resolve('dist');

// ── The servers: a page origin and an API origin on loopback ─────────────────────────────────

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

/** The page: fires the requests in waves of 50, as a busy app does, and notes when all settled. */
function pageHtml(api: string): string {
  return `<!doctype html><meta charset="utf-8"><title>bench</title><script>
(async () => {
  const api = ${JSON.stringify(api)};
  const one = (i) => {
    const preflighted = i % 2 === 1;
    const blocked = i % 20 < 2;
    const path = (preflighted ? '/put' : '/get') + (blocked ? '-blocked' : '');
    const init = preflighted ? { method: 'PUT', headers: { 'X-Token': 't' }, body: 'x' } : {};
    return fetch(api + path + '?i=' + i + '&t=' + Date.now(), init).then((r) => r.arrayBuffer(), () => null);
  };
  for (let start = 0; start < ${REQUESTS}; start += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, k) => one(start + k)));
  }
  window.benchDone = performance.now();
})();
</script>`;
}

async function startServers(): Promise<{ pageUrl: string; apiOrigin: string; close(): void }> {
  const pages = createServer();
  const api = createServer();
  const [pagePort, apiPort] = [await listen(pages), await listen(api)];
  const pageOrigin = `http://localhost:${pagePort}`;
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  const html = pageHtml(apiOrigin);
  pages.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(req.url === '/bench' ? html : '<!doctype html>');
  });
  const allow = { 'Access-Control-Allow-Origin': pageOrigin };
  api.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const blocked = path.endsWith('-blocked');
    if (req.method === 'OPTIONS') {
      const headers = { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-token' };
      res.writeHead(blocked ? 403 : 204, blocked ? {} : { ...allow, ...headers }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', ...(blocked ? {} : allow) }).end('{"ok":true}');
  });
  return {
    pageUrl: `${pageOrigin}/bench`,
    apiOrigin,
    close() {
      pages.closeAllConnections();
      api.closeAllConnections();
      pages.close();
      api.close();
    },
  };
}

// ── The configurations ───────────────────────────────────────────────────────────────────────

/** Which do-nothing observer a floor extension is (see writeFloorExtension). */
type FloorKind = 'naive' | 'strict' | 'permission-only';

const FLOOR_NAMES: Readonly<Record<FloorKind, string>> = {
  naive: 'webRequest floor, six listeners',
  strict: 'webRequest floor, five listeners',
  'permission-only': 'webRequest permission, no listener',
};

/**
 * A do-nothing observer that only counts events. `naive` registers, with 'extraHeaders', the
 * six listener types a capture built the obvious way would (every event the correlator names,
 * before-request included, each with 'extraHeaders'); `strict`, exactly CORS Lens's five
 * listeners and options, the strictest floor: what remains above it is CORS Lens's own work;
 * `permission-only`, none at all (what a paused capture still has: the permission).
 */
function writeFloorExtension(dir: string, kind: FloorKind): string {
  mkdirSync(dir, { recursive: true });
  const naive = kind === 'naive';
  const manifest = {
    manifest_version: 3,
    name: FLOOR_NAMES[kind],
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'sw.js' },
  };
  const worker = `let events = 0;
const count = () => { events += 1; };
const all = { urls: ['<all_urls>'] };
${naive ? "chrome.webRequest.onBeforeRequest.addListener(count, all, ['extraHeaders']);\n" : ''}chrome.webRequest.onSendHeaders.addListener(count, all, ['requestHeaders', 'extraHeaders']);
chrome.webRequest.onHeadersReceived.addListener(count, all, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onBeforeRedirect.addListener(count, all, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onCompleted.addListener(count, all);
chrome.webRequest.onErrorOccurred.addListener(count, all);
self.eventCount = () => events;
`;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), kind === 'permission-only' ? 'self.eventCount = () => 0;\n' : worker);
  return dir;
}

interface Config {
  label: string;
  extension: string | null;
  /** Capture paused through the panel's switch once the browser is up (CORS Lens only). */
  paused?: boolean;
  context?: BrowserContext;
  profile?: string;
  times: number[];
  cpuNs: number[];
}

async function launch(config: Config): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'cors-lens-bench-'));
  const args =
    config.extension === null
      ? chromiumArgs(DIST).filter((arg) => !arg.includes('-extension'))
      : chromiumArgs(config.extension);
  config.profile = profile;
  config.context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
    ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
  });
  if (config.extension !== null && config.context.serviceWorkers().length === 0) {
    await config.context.waitForEvent('serviceworker');
  }
  if (config.paused === true) await pauseCapture(config.context);
}

/**
 * Pauses capture the way a user does, with the panel's switch, and waits until the worker has no
 * webRequest listener left; the panel then closes, so no extension page stays open during the runs.
 */
async function pauseCapture(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0];
  if (worker === undefined) throw new Error('CORS Lens has no service worker');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${new URL(worker.url()).host}/src/panel/panel.html?tabId=0`);
  await panel.getByRole('button', { name: 'Pause capture' }).click();
  await panel.getByText('Capture paused').waitFor();
  const listening = () =>
    worker.evaluate(() =>
      [
        chrome.webRequest.onSendHeaders,
        chrome.webRequest.onHeadersReceived,
        chrome.webRequest.onBeforeRedirect,
        chrome.webRequest.onCompleted,
        chrome.webRequest.onErrorOccurred,
      ].some((event) => event.hasListeners()),
    );
  const deadline = Date.now() + 10_000;
  while (await listening()) {
    if (Date.now() > deadline) throw new Error('CORS Lens kept its webRequest listeners after the pause');
    await new Promise((done) => setTimeout(done, 50));
  }
  await panel.close();
}

/** Loads the page in a fresh tab; returns ms from navigation start until every request settled. */
async function run(config: Config, pageUrl: string): Promise<number> {
  const context = config.context as BrowserContext;
  const pid = config.extension === null ? null : extensionRendererPid(config.profile ?? '');
  const cpuBefore = pid === null ? 0 : serviceWorkerCpuNs(pid);
  const page = await context.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => (window as { benchDone?: number }).benchDone !== undefined, null, {
    timeout: 120_000,
    polling: 50,
  });
  const elapsed = await page.evaluate(() => (window as unknown as { benchDone: number }).benchDone);
  await page.close();
  if (pid !== null) {
    // Let the worker finish the events of this run before reading its CPU time.
    await new Promise((done) => setTimeout(done, 300));
    config.cpuNs.push(serviceWorkerCpuNs(pid) - cpuBefore);
  }
  return elapsed;
}

// ── Reporting ────────────────────────────────────────────────────────────────────────────────

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const lower = sorted[low] ?? 0;
  return lower + ((sorted[Math.ceil(at)] ?? lower) - lower) * (at - low);
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Per-round ratios of `num` to `den` (both measured in the same round), summarised. */
function pairedOf(
  num: readonly number[],
  den: readonly number[],
): { median: number; q1: number; q3: number; ratios: number[] } {
  const ratios = num.map((value, round) => value / (den[round] ?? Number.NaN));
  return { median: median(ratios), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75), ratios };
}

/** Per-round ratios of the page-load times of `num` to those of `den`, summarised. */
function pairedRatios(num: Config, den: Config): { median: number; q1: number; q3: number; ratios: number[] } {
  return pairedOf(num.times, den.times);
}

const loadLine = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

/** Events the floor's listeners saw per page load (the same page, so the same for every extension). */
async function eventsPerLoad(floor: Config): Promise<number> {
  const worker = floor.context?.serviceWorkers()[0];
  if (worker === undefined) return Number.NaN;
  const total = await worker.evaluate(() => (self as unknown as { eventCount(): number }).eventCount());
  return total / (floor.times.length + 1);
}

/**
 * storage.session bytes per stored passing exchange: a fresh tab makes 200 passing requests, and
 * the bytes of that tab's record keys are divided by their number.
 */
async function bytesPerPassingExchange(lens: Config, pageUrl: string, apiOrigin: string): Promise<string> {
  const context = lens.context as BrowserContext;
  const worker = context.serviceWorkers()[0];
  if (worker === undefined) return 'n/a';
  const page = await context.newPage();
  const url = pageUrl.replace('/bench', '/storage');
  await page.goto(url);
  const tabId = await worker.evaluate(
    async (shown) => (await chrome.tabs.query({})).find((tab) => tab.url === shown)?.id ?? -1,
    url,
  );
  const count = 200;
  await page.evaluate(
    ({ api, count }) =>
      Promise.all(
        Array.from({ length: count }, (_, i) => fetch(`${api}/get?storage=${i}`).then((r) => r.arrayBuffer())),
      ),
    { api: apiOrigin, count },
  );
  const recordKeys = () =>
    worker.evaluate(
      async (prefix) => Object.keys(await chrome.storage.session.get(null)).filter((key) => key.startsWith(prefix)),
      `rec:${tabId}:`,
    );
  let keys: string[] = [];
  const deadline = Date.now() + 10_000;
  while (keys.length < count && Date.now() < deadline) {
    keys = await recordKeys();
    await new Promise((done) => setTimeout(done, 100));
  }
  const bytes = await worker.evaluate((stored) => chrome.storage.session.getBytesInUse(stored), keys);
  await page.close();
  return `${(bytes / keys.length).toFixed(0)} bytes per stored passing exchange (${keys.length} records, ${bytes} bytes)`;
}

/**
 * What CORS Lens hands storage for one more request, with `logSize` records already in the tab's
 * log: a fresh tab makes `logSize` passing requests, then one more, and the worker's own
 * storage.onChanged listener adds up the keys and values that changed (as JSON) for that one.
 */
async function flushBytesAtLogSize(lens: Config, pageUrl: string, apiOrigin: string, logSize: number): Promise<number> {
  const context = lens.context as BrowserContext;
  const worker = context.serviceWorkers()[0];
  if (worker === undefined) return Number.NaN;
  const page = await context.newPage();
  await page.goto(pageUrl.replace('/bench', `/flush-${logSize}`));
  const fetchAll = (from: number, count: number) =>
    page.evaluate(
      async ({ api, from, count }) => {
        for (let i = from; i < from + count; i += 25) {
          const batch = Array.from({ length: Math.min(25, from + count - i) }, (_, k) => i + k);
          await Promise.all(batch.map((n) => fetch(`${api}/get?flush=${n}`).then((r) => r.arrayBuffer())));
        }
      },
      { api: apiOrigin, from, count },
    );
  const quiet = () => new Promise((done) => setTimeout(done, 1_500));
  await fetchAll(0, logSize);
  await quiet();
  await worker.evaluate(() => {
    const self_ = self as unknown as { flushBytes: number; countFlush?: (changes: object) => void };
    self_.flushBytes = 0;
    self_.countFlush ??= (changes) => {
      for (const [key, change] of Object.entries(changes as Record<string, { newValue?: unknown }>)) {
        self_.flushBytes += key.length + (change.newValue === undefined ? 0 : JSON.stringify(change.newValue).length);
      }
    };
    chrome.storage.session.onChanged.addListener(self_.countFlush);
  });
  await fetchAll(logSize, 1);
  await quiet();
  const bytes = await worker.evaluate(() => {
    const self_ = self as unknown as { flushBytes: number; countFlush: (changes: object) => void };
    chrome.storage.session.onChanged.removeListener(self_.countFlush);
    return self_.flushBytes;
  });
  await page.close();
  return bytes;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('No dist/: run `npm run build` first.');
  const scratch = mkdtempSync(join(tmpdir(), 'cors-lens-floor-'));
  const floorDir = (kind: FloorKind) => writeFloorExtension(join(scratch, kind), kind);
  const none: Config = { label: '(a) no extension', extension: null, times: [], cpuNs: [] };
  const floor: Config = { label: '(b) floor: naive 6 listeners', extension: floorDir('naive'), times: [], cpuNs: [] };
  const strictFloor: Config = {
    label: "(c) floor: CORS Lens's 5 listeners",
    extension: floorDir('strict'),
    times: [],
    cpuNs: [],
  };
  const lens: Config = { label: '(d) CORS Lens', extension: DIST, times: [], cpuNs: [] };
  const paused: Config = {
    label: '(p) CORS Lens, capture paused',
    extension: DIST,
    paused: true,
    times: [],
    cpuNs: [],
  };
  const permissionOnly: Config = {
    label: '(q) floor: webRequest permission only',
    extension: floorDir('permission-only'),
    times: [],
    cpuNs: [],
  };
  const configs: Config[] = [none, floor, strictFloor, lens, paused, permissionOnly];
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  const baseline: Config | undefined =
    baselineDist === undefined || baselineDist === ''
      ? undefined
      : { label: '(e) CORS Lens, baseline build', extension: resolve(baselineDist), times: [], cpuNs: [] };
  if (baseline !== undefined) configs.push(baseline);
  /** The builds of CORS Lens that capture (a paused one stores nothing). */
  const capturing = baseline === undefined ? [lens] : [lens, baseline];
  const servers = await startServers();
  const started = Date.now();
  const loadBefore = loadLine();
  try {
    for (const config of configs) await launch(config);
    // One warm-up load each (not counted): caches, JIT, the worker's first wake.
    for (const config of configs) await run(config, servers.pageUrl);
    for (const config of configs) config.cpuNs.length = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotate the order: round r starts with configuration r mod n. times[round] stays paired.
      for (let k = 0; k < configs.length; k += 1) {
        const config = configs[(round + k) % configs.length] as Config;
        config.times[round] = await run(config, servers.pageUrl);
      }
    }
    // CORS Lens (and a baseline build) get the strict floor's events; the naive floor, its own.
    const events = await eventsPerLoad(strictFloor);
    const naiveEvents = await eventsPerLoad(floor);
    console.log(
      `\npage load with ${REQUESTS} cross-origin requests (half preflighted, 10% blocked), ${ROUNDS} interleaved rounds, order rotated each round:`,
    );
    for (const config of configs) {
      const ratio = median(config.times) / median(none.times);
      console.log(
        `  ${config.label.padEnd(40)} median ${median(config.times).toFixed(0).padStart(6)} ms  ×${ratio.toFixed(3)} of (a)`,
      );
    }
    const paired = (label: string, num: Config, den: Config) => {
      const { median: mid, q1, q3 } = pairedRatios(num, den);
      console.log(
        `  ${label.padEnd(40)} paired per round: median ×${mid.toFixed(3)}, IQR ×${q1.toFixed(3)}–×${q3.toFixed(3)}`,
      );
    };
    paired('naive floor ÷ (a)', floor, none);
    paired('strict floor ÷ (a)', strictFloor, none);
    paired('CORS Lens ÷ (a)', lens, none);
    paired('permission only ÷ (a)', permissionOnly, none);
    paired('paused ÷ (a)', paused, none);
    paired('paused ÷ permission only (target ≈ ×1.00)', paused, permissionOnly);
    paired('paused ÷ strict floor', paused, strictFloor);
    const verdict = (name: string, den: Config) => {
      const { median: mid, q1, q3, ratios } = pairedRatios(lens, den);
      const within = ratios.filter((ratio) => ratio <= 1.05).length;
      console.log(
        `  CORS Lens ÷ ${name}: paired median ×${mid.toFixed(3)}, IQR ×${q1.toFixed(3)}–×${q3.toFixed(3)} (target ≤ ×1.05; ${within} of ${ROUNDS} rounds within it), ratio of medians ×${(median(lens.times) / median(den.times)).toFixed(3)}`,
      );
      console.log(`    per round: ${ratios.map((ratio) => ratio.toFixed(3)).join(' ')}`);
    };
    verdict('naive floor (the target)', floor);
    verdict('strict floor', strictFloor);
    if (baseline !== undefined) paired('CORS Lens ÷ baseline build', lens, baseline);
    for (const config of configs.slice(1)) {
      const cpuMs = median(config.cpuNs) / 1e6;
      if (config === permissionOnly) continue;
      if (config === paused) {
        console.log(
          `  worker CPU ${config.label}: ${cpuMs.toFixed(0)} ms per load (no webRequest event reaches it: this is its tab events, badges)`,
        );
        continue;
      }
      const seen = config === floor ? naiveEvents : events;
      console.log(
        `  worker CPU ${config.label}: ${cpuMs.toFixed(0)} ms per load, ${((cpuMs * 1000) / seen).toFixed(1)} µs per webRequest event (${seen.toFixed(0)} events per load)`,
      );
    }
    // Both see the same page's events, so per round the ratio of CPU per load is the ratio per event.
    const cpuPaired = (label: string, num: Config) => {
      const { median: mid, q1, q3 } = pairedOf(num.cpuNs, strictFloor.cpuNs);
      const perEvent = (config: Config) => median(config.cpuNs) / 1e3 / events;
      console.log(
        `  worker CPU per event, ${label}: ${perEvent(num).toFixed(1)} vs ${perEvent(strictFloor).toFixed(1)} µs; paired per round: median ×${mid.toFixed(3)}, IQR ×${q1.toFixed(3)}–×${q3.toFixed(3)} (target ≤ ×1.2)`,
      );
    };
    cpuPaired('CORS Lens ÷ strict floor', lens);
    if (baseline !== undefined) {
      cpuPaired('baseline build ÷ strict floor', baseline);
      const { median: mid, q1, q3 } = pairedOf(lens.cpuNs, baseline.cpuNs);
      console.log(
        `  worker CPU per event, CORS Lens ÷ baseline build: paired median ×${mid.toFixed(3)}, IQR ×${q1.toFixed(3)}–×${q3.toFixed(3)}`,
      );
    }
    const residentMiB = (config: Config) => {
      const pid = extensionRendererPid(config.profile ?? '');
      return pid === null ? Number.NaN : residentBytes(pid) / 2 ** 20;
    };
    for (const config of configs.slice(1)) {
      // Pausing opened the panel as a tab in the extension's process: its memory stays there.
      const note = config === paused ? ' (includes the panel page that paused it)' : '';
      console.log(`  extension process of ${config.label}: ${residentMiB(config).toFixed(0)} MiB resident${note}`);
    }
    for (const config of capturing) {
      const [own, floorRss] = [residentMiB(config), residentMiB(strictFloor)];
      console.log(
        `  memory, ${config.label} vs strict floor: ${own.toFixed(0)} vs ${floorRss.toFixed(0)} MiB, +${(own - floorRss).toFixed(0)} MiB (target ≤ +10 MiB)`,
      );
    }
    for (const config of capturing) {
      const bytes = await bytesPerPassingExchange(config, servers.pageUrl, servers.apiOrigin);
      console.log(`  storage.session ${config.label}: ${bytes}`);
      const [small, large] = [
        await flushBytesAtLogSize(config, servers.pageUrl, servers.apiOrigin, 10),
        await flushBytesAtLogSize(config, servers.pageUrl, servers.apiOrigin, 450),
      ];
      console.log(
        `  storage written for one more request ${config.label}: ${small} bytes with 10 records in the tab's log, ${large} with 450 (×${(large / small).toFixed(2)})`,
      );
    }
    console.log(
      `  (bench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadBefore} before, ${loadLine()} after, ${availableParallelism()} cores)`,
    );
  } finally {
    for (const config of configs) {
      await config.context?.close();
      if (config.profile !== undefined) rmSync(config.profile, { recursive: true, force: true });
    }
    servers.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
