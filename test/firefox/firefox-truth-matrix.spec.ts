/**
 * Every row of the agreement matrix (test/e2e/support/scenarios.ts) that Firefox can run, made in
 * Firefox ESR with the packed extension, with Firefox itself as the truth: what the page's own
 * script saw (blocked or not) and the reason Firefox's console gave ("Cross-Origin Request
 * Blocked: … (Reason: …)", read over WebDriver BiDi's log events). The panel's Export HAR of the
 * record must say blocked exactly when Firefox blocked, and carry Firefox's reason as
 * `firefoxReason`. Where the extension cannot agree, KNOWN_LIMITS pins its answer and says why.
 */
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Har } from 'har-format';
import { freePort } from '../../src/demo/chromium/devtools-window';
import type { ExchangeRecord } from '../../src/model/exchange-record';
import { exportHar } from '../../src/panel/state/har-transfer';
import type { CorsField } from '../../src/report/cors-field';
import { readRows } from '../e2e/support/matrix-browser';
import { browserReadDifferences, saidDifferences } from '../e2e/support/readable-headers';
import { documentUrl } from '../e2e/support/scenario-run';
import { SCENARIOS, type Scenario } from '../e2e/support/scenarios';
import { snapshotOf, tabIdOf, waitFor } from './support/extension';
import { expect, test } from './support/fixtures';
import { type PageResult, prepareScenario, requestFromPage } from './support/scenario-page';

/** Firefox's console texts (security.properties of Firefox 153) by the reason key CORS Lens reports. */
const FIREFOX_REASON_TEXTS: Readonly<Record<string, RegExp>> = {
  CORSMissingAllowOrigin: /CORS header ‘Access-Control-Allow-Origin’ missing/,
  CORSAllowOriginNotMatchingOrigin: /CORS header ‘Access-Control-Allow-Origin’ does not match/,
  CORSMultipleAllowOriginNotAllowed: /Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed/,
  CORSNotSupportingCredentials: /Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘\*’/,
  CORSMissingAllowCredentials: /expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’/,
  CORSMethodNotFound: /Did not find method in CORS header ‘Access-Control-Allow-Methods’/,
  CORSMissingAllowHeaderFromPreflight:
    /header ‘[^’]*’ is not allowed according to header ‘Access-Control-Allow-Headers’/,
  CORSInvalidAllowMethod: /invalid token ‘[^’]*’ in CORS header ‘Access-Control-Allow-Methods’/,
  CORSInvalidAllowHeader: /invalid token ‘[^’]*’ in CORS header ‘Access-Control-Allow-Headers’/,
  CORSPreflightDidNotSucceed: /CORS preflight response did not succeed/,
  CORSExternalRedirectNotAllowed: /CORS request external redirect not allowed/,
  CORSRequestNotHttp: /CORS request not HTTP/i,
  CORSDidNotSucceed: /CORS request did not succeed/,
};

function reasonKey(text: string): string | null {
  for (const [key, pattern] of Object.entries(FIREFOX_REASON_TEXTS)) if (pattern.test(text)) return key;
  return null;
}

/** What the extension's export says about a request. */
interface Said {
  blocked: boolean;
  firefoxReason: string | null;
}

/** Rows the extension cannot agree on, with why; its answer is pinned so a change shows. */
const CREDENTIALS_UNSEEN =
  "Firefox's webRequest shows no credentials mode, and no cookie went out: `*` passes without credentials and " +
  'fails with them, so the verdict depends on credentials (never "passed"), and the panel says Firefox blocked it if it was credentialed.';
const KNOWN_LIMITS: Readonly<Record<string, { reason: string; said: Said | 'no record' }>> = {
  'wildcard-credentials-no-cookie': { reason: CREDENTIALS_UNSEEN, said: { blocked: false, firefoxReason: null } },
  'wildcard-credentials-no-cookie-inferred': {
    reason: CREDENTIALS_UNSEEN,
    said: { blocked: false, firefoxReason: null },
  },
  'acao-comma-list': {
    reason:
      "Firefox's webRequest joins repeated header lines with ', ', so one line holding a comma list reads as two " +
      'lines (CORSMultipleAllowOriginNotAllowed) where Firefox, which sees the one line, says CORSAllowOriginNotMatchingOrigin; the panel says both.',
    said: { blocked: true, firefoxReason: 'CORSMultipleAllowOriginNotAllowed' },
  },
  'mode-same-origin': {
    reason:
      "fetch(mode: 'same-origin') to another origin fails in the page before any request exists: webRequest sees nothing " +
      'and Firefox logs no CORS reason (its page only gets a TypeError).',
    said: 'no record',
  },
};

/** Rows Firefox cannot run as they are written. */
const NOT_IN_FIREFOX: Readonly<Record<string, string>> = Object.fromEntries(
  SCENARIOS.filter((scenario) => scenario.from === 'public-page').map((scenario) => [
    scenario.id,
    'Firefox has no Local Network Access: a public page reaches the loopback API as any other origin',
  ]),
);

const BASE = '/fft';

interface Row {
  id: string;
  firefox: Said;
  said: Said | 'no record';
  agrees: boolean;
  limit: string | null;
}

let page: string;
let tabId: number;
/** A loopback port nothing listens on (Firefox refuses the usual discard port 9 before connecting). */
let closedPort = 0;
const logged: string[] = [];

function rowsFile(): string {
  return join(tmpdir(), `cors-lens-firefox-truth-rows-${process.ppid}.jsonl`);
}

// Not serial: a row that fails does not skip the rest; Playwright starts a fresh Firefox for them.
test.beforeAll(async ({ firefox, probe, server }) => {
  closedPort = await freePort();
  const start = `${server.pageOrigin}${BASE}/start`;
  page = await firefox.openTab(start);
  tabId = await tabIdOf(firefox, probe, start);
  await firefox.bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  firefox.bidi.on('log.entryAdded', (params) => {
    if (typeof params.text === 'string') logged.push(params.text);
  });
});

/** The `_cors` of the last request entry of the panel's Export HAR of one record. */
function exportedCors(record: ExchangeRecord): Partial<CorsField> | undefined {
  const har = JSON.parse(exportHar({ records: [record], keepSecrets: true, now: new Date(0), version: 'test' })) as Har;
  const last = har.log.entries.filter((entry) => entry._resourceType !== 'preflight').at(-1) as
    | { _cors?: Partial<CorsField> }
    | undefined;
  return last?._cors;
}

/** What the export says about a record: blocked, and Firefox's reason. */
function exported(record: ExchangeRecord): Said {
  const cors = exportedCors(record);
  return { blocked: cors?.blocked === true, firefoxReason: cors?.firefoxReason ?? null };
}

/** For a row that says what the page can read: where Firefox's reads or the export differ from it. */
function readableDifferences(row: Scenario, seen: PageResult, record: ExchangeRecord | null): string[] {
  const expected = 'readable' in row.expect ? row.expect.readable : undefined;
  if (expected === undefined) return [];
  const reads = row.request.reads ?? [];
  const cors = record === null ? undefined : exportedCors(record);
  const said = { unexposed: cors?.unexposedHeaders ?? [], advisories: cors?.advisories ?? [] };
  return [
    ...browserReadDifferences(expected, reads, seen).map((line) => `Firefox: ${line}`),
    ...saidDifferences(expected, reads, said).map((line) => `the export: ${line}`),
  ];
}

async function recordOf(
  firefox: Parameters<typeof snapshotOf>[0],
  probe: string,
  url: string,
): Promise<ExchangeRecord | null> {
  try {
    const log = await waitFor(
      () => snapshotOf(firefox, probe, tabId),
      (view) => view.records.some((record) => record.exchange.request.url === url),
      5_000,
    );
    return log.records.find((record) => record.exchange.request.url === url) ?? null;
  } catch {
    return null;
  }
}

function describeSaid(said: Said | 'no record'): string {
  return said === 'no record'
    ? 'no record'
    : `${said.blocked ? 'blocked' : 'not blocked'} (${said.firefoxReason ?? '-'})`;
}

const RUNNABLE = SCENARIOS.filter((scenario) => NOT_IN_FIREFOX[scenario.id] === undefined);

test('the Firefox truth matrix runs every row Firefox can run', () => {
  // Runs first: starts this run's row file afresh (rows are appended across worker restarts).
  writeFileSync(rowsFile(), '');
  expect(RUNNABLE.length + Object.keys(NOT_IN_FIREFOX).length).toBe(SCENARIOS.length);
  expect(RUNNABLE.length).toBeGreaterThanOrEqual(120);
});

for (const row of RUNNABLE) {
  test(`${row.id}: ${row.name}`, async ({ firefox, probe, server }) => {
    await firefox.navigate(page, documentUrl(server, row, `${BASE}/${row.id}`));
    logged.length = 0;
    const { url, request } = prepareScenario(server, row, BASE, closedPort);
    const seen = await requestFromPage(firefox, page, url, request);
    // Firefox logs a blocked request's reason a moment after the page learns of the failure.
    const deadline = Date.now() + 2_000;
    while (!seen.ok && reasons().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const truth: Said = { blocked: !seen.ok && reasons().length > 0, firefoxReason: reasons()[0] ?? null };
    const record = await recordOf(firefox, probe, url);
    const said: Said | 'no record' = record === null ? 'no record' : exported(record);
    const agrees =
      said !== 'no record' &&
      said.blocked === truth.blocked &&
      (!truth.blocked || said.firefoxReason === truth.firefoxReason);
    const limit = KNOWN_LIMITS[row.id];
    appendFileSync(
      rowsFile(),
      `${JSON.stringify({ id: row.id, firefox: truth, said, agrees, limit: limit?.reason ?? null } satisfies Row)}\n`,
    );
    const context = `Firefox ${describeSaid(truth)} (page: ${JSON.stringify(seen)}); extension ${describeSaid(said)}`;
    expect(readableDifferences(row, seen, record), 'what the page read, and what the export says of it').toEqual([]);
    if (limit === undefined) {
      expect(agrees, context).toBe(true);
    } else {
      expect(said, context).toEqual(limit.said);
      expect(agrees, `${row.id} now agrees: remove it from KNOWN_LIMITS`).toBe(false);
    }
  });
}

/** The reasons Firefox logged since the row started, in order; the specific one comes first. */
function reasons(): string[] {
  return logged.flatMap((text) => {
    if (!text.startsWith('Cross-Origin Request Blocked')) return [];
    const key = reasonKey(text);
    return key === null ? [`unrecognised: ${text.slice(-120)}`] : [key];
  });
}

test('summary: the extension agrees with what Firefox did', () => {
  const rows = readRows<Row>(rowsFile());
  rmSync(rowsFile(), { force: true });
  const agreeing = rows.filter((row) => row.agrees).length;
  const blocked = rows.filter((row) => row.firefox.blocked);
  const reasonsAgree = blocked.filter(
    (row) => row.said !== 'no record' && row.said.firefoxReason === row.firefox.firefoxReason,
  ).length;
  console.log(`extension agrees with Firefox on ${agreeing}/${rows.length} scenarios`);
  console.log(
    `  blocked as Firefox blocked: ${rows.filter((row) => row.said !== 'no record' && row.said.blocked === row.firefox.blocked).length}/${rows.length}; Firefox's reason: ${reasonsAgree}/${blocked.length}`,
  );
  for (const row of rows.filter((candidate) => !candidate.agrees)) {
    console.log(`  disagreement ${row.id}: Firefox ${describeSaid(row.firefox)}; extension ${describeSaid(row.said)}`);
    if (row.limit !== null) console.log(`    known limit: ${row.limit}`);
  }
  for (const [id, why] of Object.entries(NOT_IN_FIREFOX)) console.log(`  not in Firefox ${id}: ${why}`);
  expect(rows.map((row) => row.id)).toEqual(RUNNABLE.map((scenario: Scenario) => scenario.id));
});
