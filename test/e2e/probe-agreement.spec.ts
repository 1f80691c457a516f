/**
 * `cors-lens probe` agrees with Chromium (issue #18, "Done when"): every demo case is requested
 * from a real Chromium page, Chromium's own verdict is read from CDP (`Network.loadingFailed`
 * `corsErrorStatus`), then the built CLI probes the same URL with the same method, headers and
 * credentials from Node, and both verdicts must be equal: the code and the failedParameter, or
 * both passing. The table of every case is printed and attached.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { type DemoCase, demoCases } from '../../src/demo/cases';
import { type CorsTestServer, startCorsTestServer } from '../../src/demo/cors-server';
import { type CdpRecorder, chromiumVerdict } from '../../src/playwright/cdp-recorder';
import { expect, freshProfileDir, test } from './support/fixtures';
import { COOKIE, launchMatrixBrowser, recordCdp } from './support/matrix-browser';
import { type ProbeOutcome, runProbe } from './support/probe-cli';
import { runDemoCase } from './support/run-demo-case';
import { settledEvents } from './support/scenario-run';

let profile = '';
let context: BrowserContext;
let page: Page;
let recorder: CdpRecorder;
let server: CorsTestServer;
let cases: DemoCase[];

test.beforeAll(async () => {
  server = await startCorsTestServer();
  cases = demoCases({ page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin });
  for (const demoCase of cases) for (const route of demoCase.routes) server.route(route.path, route.spec);
  profile = freshProfileDir();
  context = await launchMatrixBrowser(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.pageOrigin}/probe-agreement`);
  recorder = await recordCdp(context, page);
});

test.afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

interface Row {
  id: string;
  chromium: string;
  probe: string;
  agrees: boolean;
}

/** Chromium's verdict in the table's words: `Code 'failedParameter'`, a network error, or `passed`. */
async function chromiumSays(demoCase: DemoCase): Promise<string> {
  const observed = await settledEvents(recorder, demoCase.url);
  if ('unsent' in observed) return `${observed.unsent.corsError} '${observed.unsent.failedParameter}'`;
  const status = chromiumVerdict(observed.events);
  if (status !== null) return `${status.corsError} '${status.failedParameter}'`;
  return observed.events.failed?.errorText ?? 'passed';
}

/** The probe's verdict in the same words; a passing probe must exit 0 and a blocked one 1. */
function probeSays({ entry, exitCode, stderr }: ProbeOutcome): string {
  if (entry === undefined) return `no verdict (exit ${exitCode}: ${stderr.trim()})`;
  if (entry.blocked && exitCode === 1) return `${entry.code} '${entry.failedParameter}'`;
  if (entry.kind === 'passed' && exitCode === 0) return 'passed';
  return `${entry.kind} ${entry.code ?? ''} (exit ${exitCode})`;
}

function table(rows: readonly Row[]): string {
  const width = (pick: (row: Row) => string, title: string) =>
    Math.max(title.length, ...rows.map((row) => pick(row).length));
  const widths = [
    width((r) => r.id, 'case'),
    width((r) => r.chromium, 'Chromium (CDP)'),
    width((r) => r.probe, 'probe'),
  ];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  return [
    line(['case', 'Chromium (CDP)', 'probe', 'agree']),
    ...rows.map((row) => line([row.id, row.chromium, row.probe, row.agrees ? 'yes' : 'NO'])),
  ].join('\n');
}

test('probe gives Chromium’s verdict (code and failedParameter) on every demo case', async () => {
  test.setTimeout(120_000);
  const rows: Row[] = [];
  for (const demoCase of cases) {
    await runDemoCase(page, demoCase);
    const chromium = await chromiumSays(demoCase);
    const credentials = demoCase.request.credentials === 'include';
    const outcome = await runProbe({
      url: demoCase.url,
      origin: server.pageOrigin,
      method: demoCase.request.method,
      headers: demoCase.request.headers ?? {},
      credentials,
      // The cookie the browser holds for the API (planted by launchMatrixBrowser) goes out with a credentialed request.
      cookie: `${COOKIE.name}=${COOKIE.value}`,
    });
    const probe = probeSays(outcome);
    rows.push({ id: demoCase.id, chromium, probe, agrees: chromium === probe });
    // The demo table documents Chromium: its own verdict must still be the one the case expects.
    expect.soft(chromium.split(' ')[0], `Chromium on ${demoCase.id}`).toBe(demoCase.expect);
  }
  const printed = table(rows);
  console.log(
    `probe agrees with Chromium on ${rows.filter((row) => row.agrees).length}/${rows.length} demo cases\n${printed}`,
  );
  await test.info().attach('agreement table', { body: printed, contentType: 'text/plain' });
  expect(rows).toHaveLength(20);
  expect(rows.filter((row) => !row.agrees)).toEqual([]);
});
