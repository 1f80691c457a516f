/**
 * The agreement matrix: every scenario in `support/scenarios.ts` runs in real Chromium, and the
 * engine's verdict for the exchange CDP observed must equal Chromium's own `corsErrorStatus`.
 *
 * One browser serves the file's tests (launched in beforeAll); each scenario uses its own paths, so
 * no preflight cache entry is shared between rows. The tests are not `serial`, so a disagreement
 * does not skip the rows after it: Playwright replaces the worker after a failure and beforeAll
 * launches a fresh browser for the rest. Rows are appended to a file so the last test can print
 * the summary over all of them.
 */
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { freePort } from '../../src/demo/chromium/devtools-window';
import { type CorsTestServer, publicPageOverride, startCorsTestServer } from '../../src/demo/cors-server';
import {
  agreesWithChromium,
  type Exchange,
  evaluate,
  type ResourceType,
  unexposedResponseHeaders,
  type Verdict,
} from '../../src/engine';
import {
  buildExchange,
  buildUnsentExchange,
  parseHeadersText,
  type RequestContext,
  splitCdpHeaders,
} from '../../src/playwright/cdp-exchange';
import {
  type CdpRecorder,
  type CdpRequestEvents,
  type CorsErrorStatus,
  chromiumVerdict,
} from '../../src/playwright/cdp-recorder';
import { chromiumOutcome } from '../../src/playwright/judged-exchange';
import { expect, freshProfileDir, test } from './support/fixtures';
import { COOKIE, launchMatrixBrowser, readRows, recordCdp } from './support/matrix-browser';
import { browserReadDifferences, saidDifferences } from './support/readable-headers';
import {
  documentOrigin,
  fill,
  openDocumentFor,
  type Placeholders,
  placeholdersFor,
  prepareScenario,
  runInPage,
  scenarioPath,
  settledEvents,
} from './support/scenario-run';
import { SCENARIOS, type Scenario } from './support/scenarios';

/** How CDP-less facts of the request (its type) look to the engine, per way of making it. */
const RESOURCE_TYPES: Readonly<Record<NonNullable<Scenario['request']['api']>, ResourceType>> = {
  fetch: 'fetch',
  xhr: 'xmlhttprequest',
  img: 'image',
  'font-face': 'font',
  'font-css': 'font',
};

/** One scenario's comparison, as stored in the row file. */
interface Row {
  id: string;
  chromium: CorsErrorStatus | null;
  networkError: string | null;
  kind: Verdict['kind'];
  code: Verdict['code'];
  failedParameter: string;
  agrees: boolean;
}

let profile = '';
let context: BrowserContext;
let page: Page;
let recorder: CdpRecorder;
let server: CorsTestServer;
let values: Placeholders;

/**
 * Where each row's result goes, across worker restarts: keyed by the test runner's process (the
 * workers' parent), outside test-results, which another run in the same tree may wipe.
 */
function rowsFile(): string {
  return join(tmpdir(), `cors-lens-matrix-rows-${process.ppid}.jsonl`);
}

test.beforeAll(async () => {
  server = await startCorsTestServer();
  // A port that was free a moment ago and is closed again: nothing listens there.
  values = placeholdersFor(server, await freePort());
  profile = freshProfileDir();
  context = await launchMatrixBrowser(profile, [publicPageOverride(server)]);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.pageOrigin}/matrix`);
  recorder = await recordCdp(context, page);
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

/** Browser-added request headers no CORS rule reads, left out of failure messages. */
const NOISE =
  /^(user-agent|sec-ch-ua.*|sec-fetch-.*|accept-encoding|accept-language|connection|host|referer|date|keep-alive|transfer-encoding)$/i;

function headerLine(headers: Exchange['request']['headers']): string {
  return headers
    .filter(([name]) => !NOISE.test(name))
    .map(([name, value]) => `${name}: ${value}`)
    .join(' | ');
}

/** The exchange in a few lines, for failure messages. */
function summary(exchange: Exchange): string {
  const { request, preflight, redirects, response } = exchange;
  const lines = [
    `credentials ${exchange.credentialsMode}, mode ${exchange.mode}, ${exchange.resourceType}, outcome ${exchange.outcome} (${exchange.networkError ?? 'no error'})`,
    `request ${request.method} ${request.url} [${headerLine(request.headers)}]`,
  ];
  if (preflight.kind === 'observed') {
    lines.push(`preflight [${headerLine(preflight.request.headers)}]`);
    lines.push(
      preflight.response === null
        ? `preflight error ${preflight.error}`
        : `preflight → ${preflight.response.status} [${headerLine(preflight.response.headers)}]`,
    );
  } else {
    lines.push(`preflight ${preflight.kind}`);
  }
  for (const hop of redirects) {
    lines.push(
      `hop ${hop.request.method} ${hop.request.url} → ${hop.response.status} [${headerLine(hop.response.headers)}]`,
    );
  }
  lines.push(response === null ? 'no response' : `response ${response.status} [${headerLine(response.headers)}]`);
  return lines.join('\n');
}

test('the matrix has at least 45 scenarios with unique ids', () => {
  // Runs first: starts this run's row file afresh.
  writeFileSync(rowsFile(), '');
  expect(SCENARIOS.length).toBeGreaterThanOrEqual(45);
  expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
});

test('CDP header helpers keep duplicate lines as separate entries', () => {
  expect(splitCdpHeaders({ 'Access-Control-Allow-Origin': 'a\nb', Vary: 'Origin' })).toEqual([
    ['Access-Control-Allow-Origin', 'a'],
    ['Access-Control-Allow-Origin', 'b'],
    ['Vary', 'Origin'],
  ]);
  const parsed = parseHeadersText('HTTP/1.1 204 No Content\r\nX-A: 1\r\nx-a:  2 \r\nLocation: /b\r\n\r\n');
  expect(parsed).toEqual({
    statusText: 'No Content',
    headers: [
      ['X-A', '1'],
      ['x-a', '2'],
      ['Location', '/b'],
    ],
  });
});

for (const scenario of SCENARIOS) {
  test(`${scenario.id}: ${scenario.name}`, async () => {
    await runScenario(scenario);
  });
}

test('summary: every scenario ran and was compared', () => {
  const rows = readRows<Row>(rowsFile());
  const agreeing = rows.filter((row) => row.agrees).length;
  console.log(`engine agrees with Chromium on ${agreeing}/${rows.length} scenarios`);
  for (const row of rows.filter((candidate) => candidate.agrees && candidate.networkError !== null)) {
    if (row.kind === 'unknown') console.log(`  undecided ${row.id}: Chromium ${row.networkError}, no CORS error`);
  }
  for (const row of rows.filter((candidate) => !candidate.agrees)) {
    const chromiumSays = row.chromium
      ? `${row.chromium.corsError} '${row.chromium.failedParameter}'`
      : (row.networkError ?? 'passed');
    console.log(
      `  disagreement ${row.id}: Chromium ${chromiumSays}; engine ${row.kind} ${row.code ?? '-'} '${row.failedParameter}'`,
    );
  }
  rmSync(rowsFile(), { force: true });
  expect(rows.map((row) => row.id)).toEqual(SCENARIOS.map((scenario) => scenario.id));
});

async function runScenario(scenario: Scenario): Promise<void> {
  const path = scenarioPath(scenario);
  const { url, request } = prepareScenario(server, scenario, values);
  await openDocumentFor(page, server, scenario, '/matrix');

  const seen = await runInPage(page, url, request);
  const observed = await settledEvents(recorder, url);
  const requestContext: RequestContext = {
    initiatorOrigin: documentOrigin(server, scenario),
    credentialsMode: scenario.exchangeCredentials ?? request.credentials ?? 'same-origin',
    mode: request.mode ?? 'cors',
    resourceType: RESOURCE_TYPES[request.api ?? 'fetch'],
    redirect: request.redirect ?? 'follow',
  };
  let chromium: CorsErrorStatus | null;
  let networkError: string | null = null;
  let exchange: Exchange;
  let preflight: CdpRequestEvents | undefined;
  let finished = false;
  let reachedWire = false;
  if ('unsent' in observed) {
    chromium = observed.unsent;
    const page = { url, method: request.method ?? 'GET', headers: request.headers ?? [] };
    exchange = buildUnsentExchange(page, requestContext);
  } else {
    const { events, preflights } = observed;
    preflight = preflights[0];
    chromium = chromiumVerdict(events);
    exchange = buildExchange(events, preflights, requestContext);
    // MATRIX_DEBUG=<scenario id> prints what CDP reported, to check the exchange against it.
    if (process.env.MATRIX_DEBUG === scenario.id) console.log(JSON.stringify({ events, preflights }, null, 1));
    // An opaque redirect (redirect: 'manual') reached the page although CDP calls it aborted.
    finished = exchange.outcome === 'succeeded';
    // Chromium's own account: a failure without a CORS error is a network error. The exchange reads
    // the error's name as webRequest shows it, and cannot always tell (see agreesWithChromium).
    const ended = chromiumOutcome(events, chromium, exchange);
    networkError = ended.kind === 'network-error' ? ended.errorText : null;
    reachedWire = events.willBeSentExtraInfo.length > 0;
  }
  const verdict = evaluate(exchange);
  const notCors = 'notCors' in scenario.expect;
  const agrees =
    chromium !== null
      ? verdict.blocked && verdict.code === chromium.corsError && verdict.failedParameter === chromium.failedParameter
      : networkError !== null
        ? agreesWithChromium(verdict, { kind: 'network-error', errorText: networkError })
        : verdict.kind === (notCors ? 'not-cors' : 'passed');
  const row: Row = {
    id: scenario.id,
    chromium,
    networkError,
    kind: verdict.kind,
    code: verdict.code,
    failedParameter: verdict.failedParameter,
    agrees,
  };
  appendFileSync(rowsFile(), `${JSON.stringify(row)}\n`);
  test.info().attach('exchange', { body: JSON.stringify(exchange, null, 1), contentType: 'application/json' });

  // The table documents Chromium: its verdict must be the one the row expects.
  const expected = scenario.expect;
  if ('networkError' in expected) {
    expect.soft(chromium, 'Chromium reported no CORS error').toBeNull();
    expect.soft(networkError, "Chromium's network error").toBe(expected.networkError);
  } else if ('notCors' in expected || expected.code === null) {
    expect.soft(chromium, 'Chromium let the request through').toBeNull();
    expect.soft(finished, 'the request finished loading').toBe(true);
  } else {
    expect.soft(chromium, "Chromium's corsErrorStatus").toEqual({
      corsError: expected.code,
      failedParameter: fill(expected.failedParameter, values, path),
    });
  }
  expect.soft(preflight !== undefined, 'Chromium sent a preflight').toBe(scenario.preflight);
  expect.soft(seen.ok, `what the page saw: ${JSON.stringify(seen)}`).toBe(finished);
  if (scenario.request.credentials === 'include' && reachedWire && url.startsWith(`${values.api}/`)) {
    // A credentialed request to the API that reached the wire carried the cookie planted there.
    const cookie = exchange.request.headers.find(([name]) => name.toLowerCase() === 'cookie');
    expect.soft(cookie?.[1], 'the credentialed request carried the cookie').toBe(`${COOKIE.name}=${COOKIE.value}`);
  }

  // The engine must agree with Chromium, from the headers alone.
  const context = `exchange:\n${summary(exchange)}\nverdict: ${JSON.stringify({ kind: verdict.kind, code: verdict.code, failedParameter: verdict.failedParameter, stage: verdict.stage })}`;
  if (chromium !== null) {
    expect(verdict.blocked, context).toBe(true);
    expect(verdict.code, context).toBe(chromium.corsError);
    expect(verdict.failedParameter, context).toBe(chromium.failedParameter);
  } else if (networkError !== null) {
    expect(agreesWithChromium(verdict, { kind: 'network-error', errorText: networkError }), context).toBe(true);
  } else {
    expect(verdict.blocked, context).toBe(false);
    expect(verdict.kind, context).toBe(notCors ? 'not-cors' : 'passed');
  }
  if ('readable' in expected && expected.readable !== undefined) {
    const reads = scenario.request.reads ?? [];
    expect.soft(browserReadDifferences(expected.readable, reads, seen), 'what the page read').toEqual([]);
    const unexposed =
      exchange.response === null
        ? []
        : unexposedResponseHeaders(exchange.response.headers, verdict.credentials.mode === 'include');
    const said = { unexposed, advisories: verdict.advisories };
    expect(saidDifferences(expected.readable, reads, said), `what the engine says\n${context}`).toEqual([]);
  }
}
