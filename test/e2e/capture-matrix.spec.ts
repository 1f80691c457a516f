/**
 * The live-capture agreement matrix: the rows of `support/scenarios.ts` run in real Chromium with
 * the built extension, and the record the extension's worker captured from webRequest (read over
 * the panel port, as the panel reads it) must carry Chromium's own verdict — `blocked`, `code` and
 * `failedParameter` of CDP's `Network.loadingFailed.corsErrorStatus`. After every row the badge
 * must equal the number of blocked records in the tab's log.
 *
 * `cors-matrix.spec.ts` proves the engine right on what CDP saw; this file proves the whole
 * capture path right (adapter, correlator, exchange builder, persistence, protocol) on what
 * webRequest shows — which has less: no credentials mode, no request mode, no redirect mode.
 *
 * One browser serves the file (launched in beforeAll). Rows are appended to a file so the last
 * test prints the summary even when a row failed and Playwright replaced the worker.
 */
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Entry, Har } from 'har-format';
import { freePort } from '../../src/demo/chromium/devtools-window';
import { type CorsTestServer, startCorsTestServer } from '../../src/demo/cors-server';
import { capText, normalizeMethod } from '../../src/engine';
import { badgeFor } from '../../src/model/badge';
import { MAX_HEADER_CHARS } from '../../src/model/capture-limits';
import { type ExchangeRecord, isBlockedRecord } from '../../src/model/exchange-record';
import { exportHar } from '../../src/panel/state/har-transfer';
import type { CdpRecorder } from '../../src/playwright/cdp-recorder';
import type { CorsField } from '../../src/report/cors-field';
import { KNOWN_LIMITS, UNOBSERVABLE } from './support/capture-limits';
import { openExtensionPage, readTabLog } from './support/extension-log';
import { expect, freshProfileDir, test } from './support/fixtures';
import { openMatrixTab, readRows, recordCdp } from './support/matrix-browser';
import { browserReadDifferences, saidDifferences } from './support/readable-headers';
import {
  type ChromiumOutcome,
  chromiumOutcome,
  openDocumentFor,
  type Placeholders,
  placeholdersFor,
  prepareScenario,
  runInPage,
} from './support/scenario-run';
import { SCENARIOS, type Scenario } from './support/scenarios';

const SELECTED = SCENARIOS;

/** One row's comparison, as stored in the row file. */
interface Row {
  id: string;
  chromium: string;
  extension: string;
  evidence: string;
  agrees: boolean;
  /** The badge counts this record (isBlockedRecord) although Chromium did not block it, or the reverse. */
  badgeMiscounts: boolean;
  limit: string | null;
}

let profile = '';
let context: BrowserContext;
let page: Page;
let extensionPage: Page;
let recorder: CdpRecorder;
let server: CorsTestServer;
let values: Placeholders;
let tabId = -1;

function rowsFile(): string {
  return join(tmpdir(), `cors-lens-capture-matrix-rows-${process.ppid}.jsonl`);
}

test.beforeAll(async () => {
  server = await startCorsTestServer();
  values = placeholdersFor(server, await freePort());
  profile = freshProfileDir();
  const tab = await openMatrixTab(profile, server, '/capture-matrix');
  ({ context, page, tabId } = tab);
  recorder = await recordCdp(context, page);
  extensionPage = await openExtensionPage(context, tab.extensionId);
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

/** The entry an export of the one record ends on (the request's last hop), with its `_cors`. */
function exportedLastEntry(record: ExchangeRecord): Entry & { _cors?: Record<string, unknown> } {
  const har = JSON.parse(exportHar({ records: [record], keepSecrets: true, now: new Date(0), version: 'test' })) as Har;
  const requests = har.log.entries.filter((entry) => entry._resourceType !== 'preflight');
  const last = requests.at(-1);
  if (last === undefined) throw new Error('the export has no request entry');
  return last;
}

function describeChromium(outcome: ChromiumOutcome): string {
  if (outcome.corsErrorStatus !== null) {
    return `blocked ${outcome.corsErrorStatus.corsError} '${outcome.corsErrorStatus.failedParameter}'`;
  }
  return outcome.errorText === null ? 'passed' : `not blocked (${outcome.errorText})`;
}

function describeRecord(record: ExchangeRecord): string {
  const { verdict } = record;
  return `${verdict.blocked ? 'blocked' : 'not blocked'} ${verdict.code ?? '-'} '${verdict.failedParameter}' (${verdict.kind})`;
}

/** The extension's record of the page's request to `url`, once the worker has finished it. */
async function recordFor(url: string, method: string): Promise<ExchangeRecord> {
  let found: ExchangeRecord | undefined;
  await expect
    .poll(
      async () => {
        const log = await readTabLog(extensionPage, tabId);
        found = log.records.find(
          (record) => record.exchange.request.url === url && record.exchange.request.method === method,
        );
        return found !== undefined;
      },
      { message: `the extension logged ${method} ${url}` },
    )
    .toBe(true);
  return found as ExchangeRecord;
}

/** The badge must count exactly the blocked records of the tab's log (it may lag a moment). */
async function expectBadgeMatchesLog(): Promise<void> {
  await expect
    .poll(
      async () => {
        const log = await readTabLog(extensionPage, tabId);
        const badge = await extensionPage.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
        const blocked = log.records.filter(isBlockedRecord).length;
        return badge === badgeFor(blocked).text ? 'badge = blocked records' : `badge '${badge}', ${blocked} blocked`;
      },
      { message: 'badge = number of blocked records in the log' },
    )
    .toBe('badge = blocked records');
}

test('the capture matrix covers at least 30 observable scenarios', () => {
  writeFileSync(rowsFile(), '');
  const observable = SELECTED.filter((scenario) => UNOBSERVABLE[scenario.id] === undefined);
  expect(observable.length).toBeGreaterThanOrEqual(30);
  for (const id of [...Object.keys(UNOBSERVABLE), ...Object.keys(KNOWN_LIMITS)]) {
    expect(SELECTED.map((scenario) => scenario.id)).toContain(id);
  }
});

for (const scenario of SELECTED) {
  test(`${scenario.id}: ${scenario.name}`, async () => {
    await runScenario(scenario);
  });
}

test('summary: the extension agrees with Chromium', () => {
  const rows = readRows<Row>(rowsFile());
  rmSync(rowsFile(), { force: true });
  const agreeing = rows.filter((row) => row.agrees).length;
  console.log(`extension agrees with Chromium on ${agreeing}/${rows.length} scenarios`);
  // webRequest never says the credentials mode: how the engine knew it, over all rows.
  const evidence = new Map<string, number>();
  for (const row of rows) evidence.set(row.evidence, (evidence.get(row.evidence) ?? 0) + 1);
  console.log(`  credentials: ${[...evidence].map(([how, count]) => `${how} ×${count}`).join(', ')}`);
  for (const row of rows.filter((candidate) => !candidate.agrees)) {
    console.log(`  disagreement ${row.id}: Chromium ${row.chromium}; extension ${row.extension}`);
    if (row.limit !== null) console.log(`    known limit: ${row.limit}`);
  }
  for (const row of rows.filter((candidate) => candidate.badgeMiscounts)) {
    console.log(`  badge counts ${row.id} differently: Chromium ${row.chromium}; extension ${row.extension}`);
  }
  for (const [id, reason] of Object.entries(UNOBSERVABLE)) console.log(`  not observable ${id}: ${reason}`);
  const observable = SELECTED.filter((scenario) => UNOBSERVABLE[scenario.id] === undefined);
  expect(rows.map((row) => row.id)).toEqual(observable.map((scenario) => scenario.id));
});

async function runScenario(scenario: Scenario): Promise<void> {
  const { url, request } = prepareScenario(server, scenario, values);
  await openDocumentFor(page, server, scenario, '/capture-matrix');
  const seen = await runInPage(page, url, request);
  const chromiumSays = await chromiumOutcome(recorder, url);
  const method = normalizeMethod(request.method ?? 'GET');

  const unobservable = UNOBSERVABLE[scenario.id];
  if (unobservable !== undefined) {
    expect(chromiumSays.unsent, 'the renderer refused the request before the network').toBe(true);
    // Give the worker every chance to log it: a later request's record arrives after it would have.
    const probe = server.route(`/m/${scenario.id}/probe`, { response: { status: 204 } });
    await runInPage(page, probe, {});
    await recordFor(probe, 'GET');
    const log = await readTabLog(extensionPage, tabId);
    expect(log.records.filter((record) => record.exchange.request.url === url)).toEqual([]);
    await expectBadgeMatchesLog();
    return;
  }

  const record = await recordFor(url, method);
  // One request, one record: a cache-only probe or a second hop must not show up as another row.
  const sameUrl = (await readTabLog(extensionPage, tabId)).records.filter(
    (candidate) => candidate.exchange.request.url === url,
  );
  expect(sameUrl.map(describeRecord), `records of ${url}`).toHaveLength(1);
  // CAPTURE_DEBUG=<scenario id> prints the record the worker built, to check it against webRequest.
  if (process.env.CAPTURE_DEBUG === scenario.id) console.log(JSON.stringify(record, null, 1));
  const { verdict } = record;
  const expected = {
    blocked: chromiumSays.corsErrorStatus !== null,
    code: chromiumSays.corsErrorStatus?.corsError ?? null,
    // The capture keeps the start of a long value (capText): Chromium's parameter, cut as the capture cuts it.
    failedParameter: capText(chromiumSays.corsErrorStatus?.failedParameter ?? '', MAX_HEADER_CHARS),
  };
  const actual = { blocked: verdict.blocked, code: verdict.code, failedParameter: verdict.failedParameter };
  const agrees =
    actual.blocked === expected.blocked &&
    actual.code === expected.code &&
    actual.failedParameter === expected.failedParameter;
  const limit = KNOWN_LIMITS[scenario.id];
  const row: Row = {
    id: scenario.id,
    chromium: describeChromium(chromiumSays),
    extension: describeRecord(record),
    evidence: `${verdict.credentials.mode} (${verdict.credentials.evidence})`,
    agrees,
    badgeMiscounts: isBlockedRecord(record) !== expected.blocked,
    limit: limit?.reason ?? null,
  };
  appendFileSync(rowsFile(), `${JSON.stringify(row)}\n`);
  test.info().attach('record', { body: JSON.stringify(record, null, 1), contentType: 'application/json' });

  const context = `Chromium ${row.chromium}; extension ${row.extension}; credentials ${row.evidence}`;
  if (limit === undefined) {
    expect(actual, context).toEqual(expected);
    // Export HAR, as the panel writes it: the request's last entry is where Chromium ended it.
    const last = exportedLastEntry(record);
    // redirect: 'manual' hands the 3xx to the page; CDP still lists a never-sent request to its Location.
    const final = scenario.request.redirect === 'manual' ? { url, method } : chromiumSays.finalRequest;
    expect({ url: last.request.url, method: last.request.method }, 'the exported last entry').toEqual(final);
    expect(last._cors, 'the exported verdict').toMatchObject({
      blocked: expected.blocked,
      code: expected.code,
      ...(expected.blocked ? { failedParameter: expected.failedParameter } : {}),
    });
    const readable = 'readable' in scenario.expect ? scenario.expect.readable : undefined;
    if (readable !== undefined) {
      const reads = scenario.request.reads ?? [];
      const cors = last._cors as Partial<CorsField> | undefined;
      const said = { unexposed: cors?.unexposedHeaders ?? [], advisories: cors?.advisories ?? [] };
      expect(browserReadDifferences(readable, reads, seen), 'what the page read').toEqual([]);
      expect(saidDifferences(readable, reads, said), 'what the export says the page can read').toEqual([]);
    }
  } else {
    // The extension's answer is exactly the documented one, and it differs from Chromium's.
    expect(actual, context).toEqual(limit.record);
    expect(agrees, `${scenario.id} now agrees: remove it from KNOWN_LIMITS`).toBe(false);
  }
  await expectBadgeMatchesLog();
}
