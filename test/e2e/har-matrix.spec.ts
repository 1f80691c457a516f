/**
 * The agreement matrix through the file users actually send: every scenario of
 * `support/scenarios.ts` runs in real Chromium while a DevTools window records the tab, DevTools'
 * own exporter writes the HAR ("Export HAR (with sensitive data)"), and the built `cors-lens`
 * CLI's verdict for each scenario's request must equal Chromium's `corsErrorStatus` for it.
 *
 * The truth per scenario comes from a page CDP session (as in `cors-matrix.spec.ts`), and is
 * cross-checked against the `corsErrorStatus()` DevTools itself holds for the exported entry, so
 * a disagreement is the CLI's reading of the file, not this test's alignment of entries.
 * One HAR holds every scenario, so this is one test that reports all disagreements at its end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/demo/chromium/devtools-window';
import { type CorsTestServer, publicPageOverride, startCorsTestServer } from '../../src/demo/cors-server';
import type { CorsErrorStatus } from '../../src/playwright/cdp-recorder';
import {
  type DevtoolsBrowser,
  type DevtoolsEntry,
  type DevtoolsHar,
  exportDevtoolsHar,
  launchWithDevtools,
  navigateRecorded,
} from './support/devtools-har';
import { expect, freshProfileDir, test } from './support/fixtures';
import { recordCdp } from './support/matrix-browser';
import { browserReadDifferences, saidDifferences } from './support/readable-headers';
import {
  type ChromiumOutcome,
  chromiumOutcome,
  documentUrl,
  type PageResult,
  type Placeholders,
  placeholdersFor,
  prepareScenario,
  runInPage,
} from './support/scenario-run';
import { SCENARIOS, type Scenario } from './support/scenarios';

const CLI = resolve(import.meta.dirname, '../../dist-cli/cors-lens.mjs');

/** This matrix's own path prefix (`/h/<id>`): no route or preflight cache entry shared with the others. */
const BASE = '/h';

/**
 * Scenarios DevTools cannot record, by id, with the reason: their request never reaches the
 * network, so a HAR holds nothing for them. The test asserts each is indeed absent.
 */
const UNOBSERVABLE: Readonly<Record<string, string>> = {
  'mode-same-origin':
    "the renderer refuses a mode 'same-origin' fetch to another origin before any network request " +
    '(DisallowedByMode): no Network events, so no DevTools entry; Chromium reports it only as a CorsIssue',
};

/**
 * Scenarios where a HAR lacks what Chromium decided on, by id: the CLI's answer (as `cliText`
 * prints it, less the entry) is pinned, so a change either way fails the row and updates this list.
 */
const KNOWN_LIMITS: Readonly<Record<string, { reason: string; cli: string }>> = {
  'redirect-error-mode-acao': {
    reason:
      "HAR does not record fetch's redirect mode: a 3xx that redirect: 'error' refused (net::ERR_FAILED, no CORS " +
      'error) reads like a blocked credentialed request, the only reading that explains a failure there',
    cli: "blocked InvalidAllowCredentials ''",
  },
};

/** One scenario as it ran: the URL it fetched and Chromium's verdict for it, over CDP. */
interface Ran {
  scenario: Scenario;
  url: string;
  chromium: ChromiumOutcome;
  /** What the page's script saw. */
  seen: PageResult;
}

/** The fields of a `cors-lens analyze --json` element this test compares (README, "The --json contract"). */
interface CliEntry {
  index: number;
  role: 'request' | 'redirect';
  url: string;
  blocked: boolean;
  kind: string | null;
  code: string | null;
  failedParameter: string | null;
  requestEntry: number;
  unexposedHeaders: string[];
  advisories: { code: string; message: string }[];
}

function isCliEntry(value: unknown): value is CliEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const stringOrNull = (field: unknown) => field === null || typeof field === 'string';
  return (
    typeof entry.index === 'number' &&
    (entry.role === 'request' || entry.role === 'redirect') &&
    typeof entry.url === 'string' &&
    typeof entry.blocked === 'boolean' &&
    stringOrNull(entry.kind) &&
    stringOrNull(entry.code) &&
    stringOrNull(entry.failedParameter) &&
    typeof entry.requestEntry === 'number' &&
    Array.isArray(entry.unexposedHeaders) &&
    entry.unexposedHeaders.every((name) => typeof name === 'string') &&
    Array.isArray(entry.advisories) &&
    entry.advisories.every(
      (advisory: unknown) =>
        typeof advisory === 'object' &&
        advisory !== null &&
        typeof (advisory as Record<string, unknown>).code === 'string' &&
        typeof (advisory as Record<string, unknown>).message === 'string',
    )
  );
}

/** The CLI's stdout, `{"entries": [...]}`, validated element by element. */
function parseCliReport(stdout: string): CliEntry[] {
  const parsed: unknown = JSON.parse(stdout);
  const entries = (parsed as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error(`cors-lens --json printed no entries list: ${stdout.slice(0, 200)}`);
  const invalid = entries.find((entry) => !isCliEntry(entry));
  if (invalid !== undefined) throw new Error(`cors-lens --json printed a malformed entry: ${JSON.stringify(invalid)}`);
  return entries as CliEntry[];
}

/** Runs the built CLI; a non-zero exit is an answer here (1 means "something is blocked"), not an error. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('node', [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

function requestLine(entry: unknown): string {
  const request = (entry as { request?: { method?: unknown; url?: unknown } } | null)?.request;
  return `${String(request?.method)} ${String(request?.url)}`;
}

/** HAR entries' method and URL, to prove DevTools' per-entry list is aligned with its text. */
function harRequestLines(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  const entries: unknown = (parsed as { log?: { entries?: unknown } }).log?.entries;
  if (!Array.isArray(entries)) throw new Error('DevTools wrote a HAR without log.entries');
  return entries.map(requestLine);
}

/** Field by field, where two `--json` reports differ: one line per differing field of an entry. */
function reportDifferences(before: string, after: string): string[] {
  const entriesOf = (stdout: string): Record<string, unknown>[] =>
    (JSON.parse(stdout) as { entries: Record<string, unknown>[] }).entries;
  const [first, second] = [entriesOf(before), entriesOf(after)];
  if (first.length !== second.length) return [`${first.length} entries, then ${second.length}`];
  const lines = first.flatMap((entry, index) =>
    Object.keys({ ...entry, ...second[index] })
      .filter((field) => JSON.stringify(entry[field]) !== JSON.stringify(second[index]?.[field]))
      .map(
        (field) =>
          `entry ${String(entry.index)} (${String(entry.url)}) ${field}: ${JSON.stringify(entry[field])} → ${JSON.stringify(second[index]?.[field])}`,
      ),
  );
  return lines.length === 0 && before !== after ? ['same entries, different text'] : lines;
}

function statusText(status: CorsErrorStatus | null): string {
  return status === null ? 'none' : `${status.corsError} '${status.failedParameter}'`;
}

function chromiumText({ corsErrorStatus, errorText }: ChromiumOutcome): string {
  if (corsErrorStatus !== null) return statusText(corsErrorStatus);
  return errorText === null ? 'passed' : `network error ${errorText}`;
}

function cliText(entry: CliEntry): string {
  const verdict = entry.code === null ? `${entry.kind}` : `${entry.kind} ${entry.code} '${entry.failedParameter}'`;
  return `${verdict} (blocked: ${entry.blocked}, entry ${entry.index})`;
}

/** Whether the CLI's verdict is Chromium's: the same CORS error, or not blocked when Chromium reported none. */
function cliAgrees({ corsErrorStatus, errorText }: ChromiumOutcome, entry: CliEntry): boolean {
  if (corsErrorStatus !== null) {
    return (
      entry.blocked &&
      entry.code === corsErrorStatus.corsError &&
      entry.failedParameter === corsErrorStatus.failedParameter
    );
  }
  // A network error is no CORS block, whatever else the CLI makes of it.
  if (errorText !== null) return !entry.blocked;
  return !entry.blocked && entry.code === null;
}

/** The entry of the last hop of the chain that starts at `first`, as DevTools linked its hops. */
function lastHop(entries: readonly DevtoolsEntry[], first: number): number {
  const next = entries[first]?.redirectedTo ?? null;
  return next === null ? first : lastHop(entries, next);
}

/** The outcome of comparing one observable scenario. */
type Finding =
  | { kind: 'agrees' }
  /** Disagrees exactly as KNOWN_LIMITS pins it. */
  | { kind: 'known-limit' }
  | { kind: 'disagrees'; line: string }
  /** A problem of the observation (DevTools, CDP), not a verdict of the CLI. */
  | { kind: 'unaligned'; line: string };

/** For a row that says what the page can read: where Chromium's reads or the CLI's entry differ from it. */
function readableDifferences({ scenario, seen }: Ran, entry: CliEntry): string[] {
  const expected = 'readable' in scenario.expect ? scenario.expect.readable : undefined;
  if (expected === undefined) return [];
  const reads = scenario.request.reads ?? [];
  const said = { unexposed: entry.unexposedHeaders, advisories: entry.advisories };
  return [
    ...browserReadDifferences(expected, reads, seen).map((line) => `Chromium: ${line}`),
    ...saidDifferences(expected, reads, said).map((line) => `CLI: ${line}`),
  ];
}

function compareScenario(run: Ran, har: DevtoolsHar, report: readonly CliEntry[]): Finding {
  const { scenario, url, chromium } = run;
  const { id } = scenario;
  if (chromium.unsent) return { kind: 'unaligned', line: `${id}: never reached the network; list it in UNOBSERVABLE` };
  const first = har.entries.findIndex((entry) => entry.url === url && !entry.preflight);
  if (first < 0) return { kind: 'unaligned', line: `${id}: DevTools exported no entry for ${url}` };
  const end = lastHop(har.entries, first);
  // DevTools' own verdict for the chain must be CDP's, or the entries are not the scenario's.
  const devtools = har.entries[first]?.chainCorsErrorStatus ?? null;
  if (statusText(devtools) !== statusText(chromium.corsErrorStatus)) {
    return {
      kind: 'unaligned',
      line: `${id}: DevTools says ${statusText(devtools)}, the page's CDP session ${chromiumText(chromium)}`,
    };
  }
  const entry = report.find((candidate) => candidate.role === 'request' && candidate.requestEntry === first);
  const said = `Chromium ${chromiumText(chromium)}`;
  if (entry === undefined) {
    return { kind: 'disagrees', line: `${id}: ${said}; CLI has no request starting at entry ${first}` };
  }
  const limit = KNOWN_LIMITS[id];
  if (limit !== undefined) {
    const pinned = cliText(entry).startsWith(`${limit.cli} (`);
    if (pinned && !cliAgrees(chromium, entry)) return { kind: 'known-limit' };
    return {
      kind: 'disagrees',
      line: `${id}: known limit changed (${said}; CLI ${cliText(entry)}): update KNOWN_LIMITS`,
    };
  }
  if (!cliAgrees(chromium, entry)) return { kind: 'disagrees', line: `${id}: ${said}; CLI ${cliText(entry)}` };
  if (entry.index !== end) {
    return {
      kind: 'disagrees',
      line: `${id}: ${said}; CLI ends the chain at entry ${entry.index}, DevTools at ${end}`,
    };
  }
  const unreadable = readableDifferences(run, entry);
  if (unreadable.length > 0) return { kind: 'disagrees', line: `${id}: ${unreadable.join('; ')}` };
  return { kind: 'agrees' };
}

let server: CorsTestServer;
let withDevtools: DevtoolsBrowser | undefined;
let profile = '';
/** Where the HAR files go: not test-results, which another Playwright run in the same tree wipes when it starts. */
let files = '';

test.beforeAll(async () => {
  server = await startCorsTestServer();
});

test.afterAll(async () => {
  await withDevtools?.cdp.close();
  await withDevtools?.context.close();
  await server?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
  if (files !== '') rmSync(files, { recursive: true, force: true });
});

/** Runs `scenarios` in the inspected page, one after another, and records Chromium's verdict for each. */
async function runScenarios(
  { context, page }: DevtoolsBrowser,
  scenarios: readonly Scenario[],
  values: Placeholders,
): Promise<Ran[]> {
  const recorder = await recordCdp(context, page);
  const ran: Ran[] = [];
  for (const scenario of scenarios) {
    const { url, request } = prepareScenario(server, scenario, values, BASE);
    const seen = await runInPage(page, url, request);
    ran.push({ scenario, url, chromium: await chromiumOutcome(recorder, url), seen });
  }
  return ran;
}

/** Where `cors-lens analyze` of the file `export` wrote differs from `analysed`, the analysis of `file`. */
async function roundTripDifferences(file: string, analysed: string): Promise<string[]> {
  // --keep-secrets: DevTools' file has them (sanitize: false), and redacting them would rightly
  // change what the report echoes (a Location with user:pass), which is not what this checks.
  const exported = file.replace(/\.har$/, '.exported.har');
  const exportRun = await cli('export', file, '-o', exported, '--keep-secrets');
  if (exportRun.code !== 0) return [`cors-lens export exited ${exportRun.code}: ${exportRun.stderr}`];
  return reportDifferences(analysed, (await cli('analyze', exported, '--json')).stdout);
}

/** The scenarios DevTools cannot see are the ones named, and are indeed absent from its export. */
function checkUnobservable(ran: readonly Ran[], har: DevtoolsHar): void {
  const unobservable = ran.filter((run) => run.scenario.id in UNOBSERVABLE);
  for (const { scenario, url, chromium } of unobservable) {
    expect.soft(chromium.unsent, `${scenario.id} never reached the network`).toBe(true);
    const listed = har.entries.filter((entry) => entry.url === url);
    expect.soft(listed, `DevTools entries for ${scenario.id}`).toEqual([]);
  }
}

/** Numbers the HAR files of one run. */
let runsSoFar = 0;

interface HarRun {
  ran: Ran[];
  findings: Finding[];
  roundTrip: string[];
}

/**
 * Opens the inspected page at `document`, runs `scenarios` there while DevTools records, exports the
 * HAR as DevTools does, and compares the CLI's analysis of it with Chromium, scenario by scenario.
 * A navigation resets DevTools' log, so each document gets a HAR of its own.
 */
async function harFor(
  browser: DevtoolsBrowser,
  document: string,
  scenarios: readonly Scenario[],
  values: Placeholders,
): Promise<HarRun> {
  await navigateRecorded(browser, document);
  const ran = await runScenarios(browser, scenarios, values);
  const har = await exportDevtoolsHar(browser.devtools);
  const name = `devtools-${runsSoFar++}.har`;
  const file = join(files, name);
  writeFileSync(file, har.text);
  await test.info().attach(name, { body: har.text, contentType: 'application/json' });
  expect(harRequestLines(har.text), 'DevTools listed its requests in the order of the HAR').toEqual(
    har.entries.map((entry) => `${entry.method} ${entry.url}`),
  );
  const analysed = await cli('analyze', file, '--json');
  await test.info().attach(`${name} analyze --json`, { body: analysed.stdout, contentType: 'application/json' });
  expect(analysed.code, `cors-lens analyze exit code (stderr: ${analysed.stderr})`).toBe(1);
  const report = parseCliReport(analysed.stdout);
  const findings = ran
    .filter((run) => !(run.scenario.id in UNOBSERVABLE))
    .map((run) => compareScenario(run, har, report));
  if (har.unfinished.length > 0) console.log(`  DevTools never finished: ${har.unfinished.join(', ')}`);
  checkUnobservable(ran, har);
  // Round trip: the exported HAR (`_cors` on every entry) reads back to the very same report.
  return { ran, findings, roundTrip: await roundTripDifferences(file, analysed.stdout) };
}

test('the CLI agrees with Chromium on a HAR exported by Chrome DevTools, for every scenario', async () => {
  test.setTimeout(300_000);
  // A port that was free a moment ago and is closed again: nothing listens there.
  const values = placeholdersFor(server, await freePort());
  profile = freshProfileDir();
  files = mkdtempSync(join(tmpdir(), 'cors-lens-har-matrix-'));
  withDevtools = await launchWithDevtools(profile, [publicPageOverride(server)]);
  const runs: HarRun[] = [];
  // One HAR per document: a navigation resets DevTools' log.
  const documents = [...new Set(SCENARIOS.map((scenario) => documentUrl(server, scenario, '/har-matrix')))];
  for (const document of documents) {
    const scenarios = SCENARIOS.filter((scenario) => documentUrl(server, scenario, '/har-matrix') === document);
    runs.push(await harFor(withDevtools, document, scenarios, values));
  }

  const ranIds = runs.flatMap((run) => run.ran.map((one) => one.scenario.id));
  const findings = runs.flatMap((run) => run.findings);
  const unaligned = findings.flatMap((finding) => (finding.kind === 'unaligned' ? [finding.line] : []));
  const disagreements = findings.flatMap((finding) => (finding.kind === 'disagrees' ? [finding.line] : []));
  const compared = findings.length - unaligned.length;
  const limits = findings.filter((finding) => finding.kind === 'known-limit').length;
  const agreeing = compared - disagreements.length - limits;
  console.log(`CLI agrees with Chromium on ${agreeing}/${compared} scenarios (${limits} known limits)`);
  for (const line of disagreements) console.log(`  disagreement ${line}`);
  for (const line of unaligned) console.log(`  not compared ${line}`);
  for (const [id, { reason }] of Object.entries(KNOWN_LIMITS)) console.log(`  known limit ${id}: ${reason}`);
  const roundTrip = runs.flatMap((run) => run.roundTrip);
  for (const line of roundTrip) console.log(`  round trip: ${line}`);

  expect.soft(roundTrip, 'analyze of the exported HAR against analyze of the original').toEqual([]);
  expect(ranIds, 'every scenario ran').toEqual(SCENARIOS.map((scenario) => scenario.id));
  expect
    .soft(
      ranIds.filter((id) => id in UNOBSERVABLE),
      'UNOBSERVABLE ids',
    )
    .toEqual(Object.keys(UNOBSERVABLE));
  expect.soft(unaligned, 'scenarios whose observation could not be lined up with the HAR').toEqual([]);
  expect.soft(compared, 'scenarios compared').toBe(SCENARIOS.length - Object.keys(UNOBSERVABLE).length);
  expect(disagreements, 'scenarios where the CLI and Chromium disagree').toEqual([]);
});
