/**
 * `npm run demo`: the demo server, then Chromium with CORS Lens, the demo page and DevTools on the
 * CORS panel; or, headless, one run of every case printed as the panel shows it. Built to
 * dist-demo/demo.mjs (`vite build --mode demo`) and started by src/demo/launch.mjs, which builds
 * first when needed.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { hasDisplay, parseDemoArgs, USAGE, UsageError } from './args';
import { ensureChromium } from './chromium/install-chromium';
import { type DemoServer, startDemoServer } from './demo-server';
import { devtoolsArgs, showCorsPanel, untilStopped } from './interactive';
import { type DemoBrowser, launchDemoBrowser, panelUrl, tabIdOf } from './launch-browser';
import { formatPanelLines } from './panel-lines';
import { runReport } from './report-run';

export interface DemoIo {
  argv: readonly string[];
  /** The repository: dist/ and dist-demo/ are under it. */
  root: string;
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

const FAILED_TO_FETCH = 'TypeError: Failed to fetch';

/** A path relative to the working directory when it is inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

async function interactive(
  io: DemoIo,
  server: DemoServer,
  executablePath: string,
  extensionDir: string,
  headless: boolean,
): Promise<number> {
  const devtools = await devtoolsArgs();
  const browser = await launchDemoBrowser({ executablePath, extensionDir, headless, extraArgs: devtools.args });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.pageUrl);
    const tabId = await tabIdOf(browser.worker, page.url());
    let panelShown = true;
    await showCorsPanel(browser, devtools.port).catch((error: unknown) => {
      panelShown = false;
      io.err(`Could not switch DevTools to the CORS panel (${String(error)}); pick "CORS" in DevTools yourself.`);
    });
    io.out('');
    io.out('CORS Lens demo is running.');
    io.out(`  Demo page:   ${server.pageUrl}   (click "Run all")`);
    io.out(`  API:         ${server.origins.api}`);
    io.out(`  CORS panel:  ${panelShown ? 'open in DevTools' : 'in DevTools, tab "CORS"'}; as a tab of its own:`);
    io.out(`               ${panelUrl(browser.extensionId, tabId)}`);
    io.out(`  Chromium:    ${browser.executablePath}${headless ? ' (headless: no display)' : ''}`);
    io.out(`  Profile:     ${browser.profileDir} (removed on exit)`);
    io.out('');
    io.out('Press Ctrl-C to stop the browser and the servers.');
    const reason = await untilStopped(browser);
    io.out(`Stopping (${reason})…`);
  } finally {
    await browser.close();
  }
  return 0;
}

async function report(
  io: DemoIo,
  server: DemoServer,
  executablePath: string,
  extensionDir: string,
  outDir: string,
): Promise<number> {
  const browser: DemoBrowser = await launchDemoBrowser({ executablePath, extensionDir, headless: true });
  try {
    io.out(`Demo page ${server.pageUrl} calls the API on ${server.origins.api}.`);
    io.out(`Running all ${server.cases.length} requests headless in ${browser.executablePath}…`);
    const stopped = untilStopped(browser).then((reason) => {
      throw new Error(`stopped (${reason})`);
    });
    const result = await Promise.race([runReport(browser, server.pageUrl, server.cases, outDir), stopped]);
    const failedInJs = [...result.javascriptSaw.values()].filter((text) => text === FAILED_TO_FETCH).length;
    io.out('');
    io.out(
      `JavaScript saw "${FAILED_TO_FETCH}" for ${failedInJs} of ${server.cases.length} requests, and nothing more.`,
    );
    io.out(`The CORS panel shows ${result.rows.length} requests:`);
    io.out('');
    for (const line of formatPanelLines(result.rows)) io.out(line);
    io.out('');
    io.out(`Report (HAR 1.2 with _cors, secrets redacted): ${shown(result.harPath)}`);
    io.out(`Screenshot of the panel:                       ${shown(result.screenshotPath)}`);
    io.out(`Screenshot of the demo page:                   ${shown(result.pageScreenshotPath)}`);
    if (result.rows.length !== server.cases.length) {
      io.err(`Expected ${server.cases.length} requests in the panel, found ${result.rows.length}.`);
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
  }
}

/** Runs the demo; resolves to the process exit code once everything it started has stopped. */
export async function main(io: DemoIo): Promise<number> {
  let options: ReturnType<typeof parseDemoArgs>;
  try {
    options = parseDemoArgs(io.argv, hasDisplay(io.env));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`npm run demo: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  const extensionDir = join(io.root, 'dist');
  const pageDir = join(io.root, 'dist-demo', 'page');
  for (const built of [join(extensionDir, 'manifest.json'), join(pageDir, 'index.html')]) {
    if (!existsSync(built)) {
      io.err(`${built} is missing: run \`npm run build\` (npm run demo does it when needed).`);
      return 1;
    }
  }

  const executablePath = await ensureChromium(io);
  if (executablePath === null) return 1;
  const server = await startDemoServer(pageDir);
  try {
    if (options.report) {
      const outDir = resolve(options.outDir ?? join(io.root, 'dist-demo', 'report'));
      return await report(io, server, executablePath, extensionDir, outDir);
    }
    return await interactive(io, server, executablePath, extensionDir, options.headless);
  } catch (error) {
    io.err(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await server.close();
    if (!options.report) io.out('Stopped: browser closed, servers down, profile removed.');
  }
}
