/**
 * Proves CORS Lens's fixes on real servers. For each stack and each failure case:
 *
 * 1. start the real server with the broken CORS configuration (loopback, port chosen now);
 * 2. make the request from a page on another loopback origin in Chromium;
 * 3. the engine's verdict for the exchange CDP observed must equal Chromium's `corsErrorStatus`
 *    (for a case that passes but hurts: no error, and the advisory the case names);
 * 4. take `fixRecipe(stack, exchange, verdict).snippet` — the text the panel shows — and apply it
 *    at its documented place, replacing only its documented placeholders (RECIPE_PLACEHOLDERS);
 *    where the panel also shows a change outside the snippet (`alsoChange`) or a change to the
 *    page (`pageFix`), apply that too, as the stack's harness encodes it;
 * 5. restart the server on the same port: the same request must pass in Chromium, with the
 *    application's own answer (and every header the page reads) and no CORS error.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, test as base, expect, type TestInfo } from '@playwright/test';
import { freePort } from '../../src/demo/chromium/devtools-window';
import { evaluate, fixRecipe, pageFix } from '../../src/engine';
import { STACK_HARNESSES } from './stacks';
import {
  type BrokenConfig,
  CASES,
  type PageRequest,
  PLAIN_ROUTE,
  TOTAL_COUNT,
  type VerdictCase,
} from './support/cases';
import {
  removeDir,
  requireSoftware,
  SANDBOXED_PAGE,
  scratchDir,
  startPageServer,
  startServer,
  startUpstream,
} from './support/harness';
import type { MatrixRow } from './support/matrix';
import { type Observed, runInChromium } from './support/page-run';
import { chromiumWords, probeWords } from './support/probe-run';
import { APP_BODY, type ServerEnv, type StackHarness } from './support/stack';

const NODE_MODULES = join(import.meta.dirname, '../../node_modules');

const test = base.extend<object, { pageOrigin: string }>({
  pageOrigin: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startPageServer();
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

function brokenConfig(verdictCase: VerdictCase): BrokenConfig {
  if (verdictCase.brokenAs !== undefined) return verdictCase.brokenAs;
  const id = verdictCase.id;
  if (
    id === 'null-origin' ||
    id === 'unexposed-header' ||
    id === 'lowercase-method' ||
    id === 'duplicate-acao' ||
    id === 'credentials-not-allowed' ||
    id === 'preflight-credentials' ||
    id === 'headers-not-allowed' ||
    id === 'cross-origin-redirect'
  ) {
    throw new Error(`${id} needs brokenAs`);
  }
  return id;
}

function record(row: MatrixRow): void {
  const file = process.env.CORS_LENS_FIXES_ROWS;
  if (file !== undefined) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** Runs the request in a fresh browser context (its own connections and preflight cache). */
async function observe(
  browser: Browser,
  pageOrigin: string,
  url: string,
  verdictCase: VerdictCase,
  request: PageRequest,
): Promise<Observed> {
  const context = await browser.newContext();
  try {
    const page = verdictCase.opaqueOrigin
      ? { origin: pageOrigin, path: SANDBOXED_PAGE, initiatorOrigin: 'null' }
      : { origin: pageOrigin, path: '/', initiatorOrigin: pageOrigin };
    return await runInChromium(context, page, url, request);
  } finally {
    await context.close();
  }
}

async function attach(testInfo: TestInfo, name: string, body: string): Promise<void> {
  await testInfo.attach(name, { body, contentType: 'text/plain' });
}

/** What the page's script reads from the application's answer: the app sends TOTAL_COUNT in every header the page reads. */
function appAnswer(request: PageRequest, answer = { status: 200, body: APP_BODY }): Observed['page'] {
  const read = Object.fromEntries((request.reads ?? []).map((name) => [name, TOTAL_COUNT]));
  return { ok: true, ...answer, read };
}

async function verify(
  stack: StackHarness,
  verdictCase: VerdictCase,
  browser: Browser,
  pageOrigin: string,
  testInfo: TestInfo,
): Promise<void> {
  requireSoftware(stack);
  const started = Date.now();
  const row: MatrixRow = {
    stack: stack.id,
    caseId: verdictCase.id,
    code: null,
    verified: false,
    seconds: 0,
    probe: [],
  };
  /** `cors-lens probe` from Node on the same request, while the same server runs: Chromium's verdict exactly. */
  const probeAgainst = async (
    run: MatrixRow['probe'][number]['run'],
    target: string,
    request: PageRequest,
    seen: Observed,
  ) => {
    const origin = verdictCase.opaqueOrigin ? 'null' : pageOrigin;
    const said = {
      run,
      chromium: chromiumWords(seen.chromium),
      probe: await probeWords(target, origin, request, seen.exchange.request.headers),
    };
    row.probe.push(said);
    expect.soft(said.probe, `cors-lens probe on the ${run} server gives Chromium's verdict`).toBe(said.chromium);
  };
  const brokenRoute = verdictCase.route ?? PLAIN_ROUTE;
  const upstream = stack.proxy ? await startUpstream(verdictCase.auth, brokenRoute) : null;
  const dirs: string[] = [];
  const env = async (server: { route: ServerEnv['route']; alsoChange: boolean }): Promise<ServerEnv> => {
    const dir = scratchDir(`${stack.id}-${verdictCase.id}`);
    dirs.push(dir);
    return {
      dir,
      port,
      pageOrigin,
      upstream: upstream?.address ?? '',
      brokenConfig: brokenConfig(verdictCase),
      auth: verdictCase.auth,
      route: server.route,
      alsoChange: server.alsoChange,
      nodeModules: NODE_MODULES,
    };
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/${stack.id}/${verdictCase.id}`;
  try {
    // 1-3: the broken server, Chromium's verdict, the engine's.
    const brokenEnv = await env({ route: brokenRoute, alsoChange: false });
    const broken = await startServer(stack.broken(brokenEnv.brokenConfig, brokenEnv), brokenEnv);
    let before: Observed;
    try {
      before = await observe(browser, pageOrigin, url, verdictCase, verdictCase.request);
      await probeAgainst('broken', url, verdictCase.request, before);
    } finally {
      await broken.stop();
      await attach(testInfo, 'broken server output', broken.output);
    }
    const chromium = before.chromium;
    const verdict = evaluate(before.exchange);
    if (verdictCase.passesBroken === true) {
      // Chromium lets it through, but the page's script cannot read what it came for.
      expect(chromium, 'Chromium lets the broken request through').toBeNull();
      const unread = Object.fromEntries((verdictCase.request.reads ?? []).map((name) => [name, null]));
      expect(before.page, 'the page cannot read the header').toEqual({
        ...appAnswer(verdictCase.request),
        read: unread,
      });
      row.code = verdict.advisories.map((advisory) => advisory.code).join(', ') || 'no advisory';
    } else {
      row.code = chromium?.corsError ?? null;
      expect(
        chromium,
        `Chromium did not block the broken ${stack.id} server (page saw ${JSON.stringify(before.page)})`,
      ).not.toBeNull();
    }
    expect({ code: verdict.code, failedParameter: verdict.failedParameter }, 'the engine predicts Chromium').toEqual({
      code: chromium?.corsError ?? null,
      failedParameter: chromium?.failedParameter ?? '',
    });
    expect(verdictCase.mismatch(verdict, before.exchange), 'the broken server shows this case').toBeNull();

    // 4: the snippet the panel shows for this verdict, applied at its documented place; for
    // duplicate-acao also the change the panel shows beside it (alsoChange), as stack.alsoChange encodes it.
    const recipe = fixRecipe(stack.id, before.exchange, verdict);
    await attach(testInfo, `${stack.id} snippet`, recipe.snippet);
    if (verdictCase.notesSay !== undefined) {
      expect(recipe.notes, 'the panel explains the fix').toContain(verdictCase.notesSay);
    }
    let fixedRoute = brokenRoute;
    if (verdictCase.alsoChange === true) {
      const change = stack.alsoChange;
      if (change === null) throw new Error(`${stack.id}: no alsoChange proof for ${verdictCase.id}`);
      await attach(testInfo, `${stack.id} alsoChange`, recipe.alsoChange ?? '(none)');
      expect(recipe.alsoChange, 'the panel names the change beside the snippet').toContain(change.names);
      if (change.where === 'snippet') expect(recipe.snippet, 'the snippet holds the change').toContain(change.names);
      if (change.where === 'route') fixedRoute = { ...brokenRoute, allowOrigin: false };
    } else {
      expect(recipe.alsoChange, 'no change outside the snippet is called for').toBeNull();
    }
    const fixedEnv = await env({ route: fixedRoute, alsoChange: verdictCase.alsoChange === true });
    const launch = stack.fixed(recipe.snippet, fixedEnv);
    for (const [name, text] of Object.entries(launch.files)) await attach(testInfo, `fixed ${name}`, text);

    // 5: restarted with the fix (and the page's own fix, when the engine gives one), the same request passes.
    const request = verdictCase.pageFixed ?? verdictCase.request;
    const fixedUrl = `${url}${request.pathSuffix ?? ''}`;
    if (verdictCase.pageFixed !== undefined) {
      const inPage = pageFix(before.exchange);
      expect(inPage, 'the engine tells the page what to change').not.toBeNull();
      if (request.pathSuffix !== undefined) expect(inPage?.summary, 'the page fix names the URL').toContain(fixedUrl);
    }
    const fixed = await startServer(launch, fixedEnv);
    let after: Observed;
    try {
      after = await observe(browser, pageOrigin, fixedUrl, verdictCase, request);
      await probeAgainst('fixed', fixedUrl, request, after);
    } finally {
      await fixed.stop();
      await attach(testInfo, 'fixed server output', fixed.output);
    }
    expect(after.chromium, 'Chromium reports no CORS error after the fix').toBeNull();
    expect(after.page, 'the page reads the application answer').toEqual(appAnswer(request, verdictCase.fixedAnswer));
    const fixedVerdict = evaluate(after.exchange);
    expect(fixedVerdict.kind, 'the engine agrees it passes').toBe('passed');
    if (verdictCase.passesBroken === true) {
      expect(verdictCase.mismatch(fixedVerdict, after.exchange), 'the advisory is gone').not.toBeNull();
    }
    row.verified = true;
  } finally {
    row.seconds = (Date.now() - started) / 1000;
    record(row);
    await upstream?.close();
    for (const dir of dirs) removeDir(dir);
  }
}

for (const stack of STACK_HARNESSES) {
  test.describe(stack.id, () => {
    for (const verdictCase of CASES.filter((c) => stack.notExpressible[c.id] === undefined)) {
      test(`${verdictCase.id}: broken → engine = Chromium → snippet → passes`, async ({
        browser,
        pageOrigin,
      }, testInfo) => {
        await verify(stack, verdictCase, browser, pageOrigin, testInfo);
      });
    }
  });
}
