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
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { type Exchange, evaluate, type Verdict } from '../../src/engine';
import {
  buildExchange,
  buildUnsentExchange,
  CdpRecorder,
  type CdpRequestEvents,
  type CorsErrorStatus,
  chromiumVerdict,
  isSettled,
  parseHeadersText,
  type RequestContext,
  splitCdpHeaders,
} from './support/cdp-exchange';
import { chromiumArgs, IGNORED_DEFAULT_ARGS } from './support/chromium-args';
import { type CorsTestServer, startCorsTestServer } from './support/cors-server';
import { freePort } from './support/devtools';
import { findChromium } from './support/find-chromium';
import { expect, freshProfileDir, requireBuiltExtension, test } from './support/fixtures';
import { SCENARIOS, type Scenario, type ScenarioRequest } from './support/scenarios';

/** Placeholder values of `support/scenarios.ts`. */
type Placeholders = Record<'page' | 'api' | 'other' | 'otherHost' | 'apiHost' | 'closed', string>;

function fill(text: string, values: Placeholders, path: string): string {
  return text.replace(
    /\{(page|api|other|otherHost|apiHost|closed|path)\}/g,
    (_all, key: keyof Placeholders | 'path') => (key === 'path' ? path : values[key]),
  );
}

/** What the page's script saw. */
type PageResult = { ok: true; status: number } | { ok: false; error: string };

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
let cdp: CDPSession;
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

/** The cookie credentialed requests carry, so they are credentialed on the wire too. */
const COOKIE = { name: 'matrix-session', value: 'abc' };

test.beforeAll(async () => {
  server = await startCorsTestServer();
  // A port that was free a moment ago and is closed again: nothing listens there.
  const closedPort = await freePort();
  values = {
    page: server.pageOrigin,
    api: server.apiOrigin,
    other: server.otherOrigin,
    otherHost: server.otherOrigin.replace(/^http:\/\//, ''),
    apiHost: server.apiOrigin.replace(/^http:\/\//, ''),
    closed: `http://127.0.0.1:${closedPort}`,
  };
  profile = freshProfileDir();
  // A fresh profile blocks third-party cookies; allow them so credentialed requests carry one.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(requireBuiltExtension()),
    ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
  });
  // SameSite=None needs Secure, which loopback over plain http satisfies.
  await context.addCookies([
    { ...COOKIE, domain: '127.0.0.1', path: '/', secure: true, sameSite: 'None', httpOnly: false },
  ]);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.pageOrigin}/matrix`);
  cdp = await context.newCDPSession(page);
  recorder = new CdpRecorder(cdp);
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

/** Runs the scenario's request in the page and reports what the script saw. */
function runInPage(url: string, request: ScenarioRequest): Promise<PageResult> {
  return page.evaluate(
    async ({ url, request }) => {
      const headers = (request.headers ?? []) as [string, string][];
      if (request.api === 'xhr') {
        return new Promise<PageResult>((resolve) => {
          const xhr = new XMLHttpRequest();
          xhr.open(request.method ?? 'GET', url);
          for (const [name, value] of headers) xhr.setRequestHeader(name, value);
          xhr.withCredentials = request.credentials === 'include';
          xhr.onload = () => resolve({ ok: true, status: xhr.status });
          xhr.onerror = () => resolve({ ok: false, error: 'XMLHttpRequest error' });
          xhr.send(request.body ?? null);
        });
      }
      try {
        const response = await fetch(url, {
          method: request.method ?? 'GET',
          headers,
          credentials: request.credentials ?? 'same-origin',
          mode: request.mode ?? 'cors',
          redirect: request.redirect ?? 'follow',
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        await response.arrayBuffer();
        return { ok: true, status: response.status };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { url, request },
  );
}

function extraInfoCount(events: CdpRequestEvents | undefined): number {
  return events === undefined ? 0 : events.willBeSentExtraInfo.length + events.responseExtraInfo.length;
}

interface Observed {
  events: CdpRequestEvents;
  preflight?: CdpRequestEvents;
}

/**
 * Waits until CDP reported how the request (and its preflight) ended, and its ExtraInfo events
 * settled; or returns the CorsIssue of a request the renderer never sent.
 */
async function settledEvents(url: string): Promise<Observed | { unsent: CorsErrorStatus }> {
  const deadline = Date.now() + 5_000;
  let events: CdpRequestEvents | undefined;
  while (Date.now() < deadline) {
    events = recorder.requestFor(url);
    const unsent = recorder.unsentCorsIssue(url);
    if (events === undefined && unsent !== undefined) return { unsent };
    if (events !== undefined && isSettled(events)) {
      const preflight = recorder.preflightOf(events.requestId);
      if (preflight === undefined || isSettled(preflight)) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (events === undefined || !isSettled(events)) throw new Error(`CDP never reported the end of ${url}`);
  // ExtraInfo events travel on their own path from the network service: wait until they stop coming.
  let count = -1;
  while (Date.now() < deadline) {
    const now = extraInfoCount(events) + extraInfoCount(recorder.preflightOf(events.requestId));
    if (now === count) break;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  const preflight = recorder.preflightOf(events.requestId);
  return preflight === undefined ? { events } : { events, preflight };
}

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
  const rows = existsSync(rowsFile())
    ? readFileSync(rowsFile(), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Row)
    : [];
  const agreeing = rows.filter((row) => row.agrees).length;
  console.log(`engine agrees with Chromium on ${agreeing}/${rows.length} scenarios`);
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
  const path = `/m/${scenario.id}`;
  for (const route of scenario.routes) {
    const spec = {
      ...(route.preflight === undefined ? {} : { preflight: fillSpec(route.preflight, path) }),
      ...(route.response === undefined ? {} : { response: fillSpec(route.response, path) }),
    };
    const routePath = fill(route.path, values, path);
    if (route.on === 'page') server.pageRoute(routePath, spec);
    else server.route(routePath, spec);
  }
  const url = fill(scenario.request.url ?? '{api}{path}', values, path);
  const request: ScenarioRequest = {
    ...scenario.request,
    ...(scenario.request.headers === undefined
      ? {}
      : { headers: scenario.request.headers.map(([name, value]) => [name, fill(value, values, path)] as const) }),
  };

  const seen = await runInPage(url, request);
  const observed = await settledEvents(url);
  const requestContext: RequestContext = {
    initiatorOrigin: server.pageOrigin,
    credentialsMode: scenario.exchangeCredentials ?? request.credentials ?? 'same-origin',
    mode: request.mode ?? 'cors',
    resourceType: request.api === 'xhr' ? 'xmlhttprequest' : 'fetch',
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
    const { events } = observed;
    preflight = observed.preflight;
    chromium = chromiumVerdict(events);
    exchange = buildExchange(events, preflight, requestContext);
    // MATRIX_DEBUG=<scenario id> prints what CDP reported, to check the exchange against it.
    if (process.env.MATRIX_DEBUG === scenario.id) console.log(JSON.stringify({ events, preflight }, null, 1));
    networkError = exchange.outcome === 'network-error' ? exchange.networkError : null;
    // An opaque redirect (redirect: 'manual') reached the page although CDP calls it aborted.
    finished = exchange.outcome === 'succeeded';
    reachedWire = events.willBeSentExtraInfo.length > 0;
  }
  const verdict = evaluate(exchange);
  const agrees =
    chromium !== null
      ? verdict.blocked && verdict.code === chromium.corsError && verdict.failedParameter === chromium.failedParameter
      : networkError !== null
        ? verdict.kind === 'network-error'
        : !verdict.blocked && verdict.kind === 'passed';
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
  } else if (expected.code === null) {
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
    expect(verdict.kind, context).toBe('network-error');
    expect(verdict.blocked, context).toBe(false);
  } else {
    expect(verdict.blocked, context).toBe(false);
    expect(verdict.kind, context).toBe('passed');
  }
}

function fillSpec(spec: Scenario['routes'][number]['response'] & object, path: string) {
  return {
    ...spec,
    ...(spec.headers === undefined
      ? {}
      : { headers: spec.headers.map(([name, value]) => [name, fill(value, values, path)] as const) }),
  };
}
