/**
 * The Playwright helper (`cors-lens/playwright`, issue #18) used as a user would: its own `test`
 * fixture and `expect`, a real Chromium, the loopback CORS test server. A passing page, a blocked
 * page and its failure message, the HAR the helper attaches re-analysed by the built CLI with the
 * same verdicts, and a planted disagreement (a judge that tampers with the recorded exchange before
 * the engine decides) reported loudly as a disagreement.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mergeTests, type Page } from '@playwright/test';
import type { CorsTestServer, RouteSpec } from '../../src/demo/cors-server';
import { type Exchange, evaluate } from '../../src/engine';
import { attachCorsHar, corsLens, corsMatchers, expect, test as helperTest } from '../../src/playwright';
import { test as e2eTest } from './support/fixtures';

const CLI = resolve(import.meta.dirname, '../../dist-cli/cors-lens.mjs');
const run = promisify(execFile);

// The helper's own fixtures (`cors`) on the browser and loopback server every e2e spec uses, whose
// Chromium switches decide CORS as it does for users (src/demo/chromium/chromium-args.ts).
const test = mergeTests(e2eTest, helperTest);

const allow = (page: string): [string, string][] => [['Access-Control-Allow-Origin', page]];

/** API routes this file's pages call, each on its own path so no preflight cache entry is shared. */
function routes(page: string): Record<string, RouteSpec> {
  return {
    '/helper-ok': { response: { headers: allow(page) } },
    '/helper-put-ok': {
      preflight: { status: 204, headers: [...allow(page), ['Access-Control-Allow-Methods', 'PUT']] },
      response: { headers: allow(page) },
    },
    '/helper-no-acao': { response: { headers: [['Content-Type', 'application/json']] } },
    '/helper-json-no-acah': {
      preflight: { status: 204, headers: [...allow(page), ['Access-Control-Allow-Methods', 'POST']] },
      response: { headers: allow(page) },
    },
  };
}

type Init = { method?: string; headers?: [string, string][]; body?: string };

/** Makes the page fetch each URL; a blocked fetch rejects, which is what the page would see. */
async function fetchAll(page: Page, calls: { url: string; init?: Init }[]) {
  return page.evaluate(async (list) => {
    const seen: boolean[] = [];
    for (const { url, init } of list) {
      try {
        await (await fetch(url, init)).arrayBuffer();
        seen.push(true);
      } catch {
        seen.push(false);
      }
    }
    return seen;
  }, calls);
}

function routeAll(server: CorsTestServer, suffix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(routes(server.pageOrigin)).map(([path, spec]) => [path, server.route(`${path}-${suffix}`, spec)]),
  );
}

test('a page whose cross-origin requests pass: toHaveNoCorsErrors passes', async ({ page, cors, server }) => {
  const urls = routeAll(server, 'pass');
  await page.goto(`${server.pageOrigin}/helper-pass`);
  const seen = await fetchAll(page, [
    { url: urls['/helper-ok'] as string },
    { url: urls['/helper-put-ok'] as string, init: { method: 'PUT' } },
  ]);
  expect(seen).toEqual([true, true]);

  await expect(cors).toHaveNoCorsErrors();
  const exchanges = cors.exchanges();
  expect(exchanges.map((judged) => [judged.exchange.request.method, judged.verdict.kind, judged.chromium])).toEqual([
    ['GET', 'passed', null],
    ['PUT', 'passed', null],
  ]);
  expect(exchanges[1]?.exchange.preflight.kind, 'the PUT was preflighted').toBe('observed');
  expect(cors.blocked()).toEqual([]);
  expect(cors.disagreements()).toEqual([]);
});

test('a blocked page: the failure names the summary, the header at fault and the fix for the stack', async ({
  page,
  cors,
  server,
}) => {
  const urls = routeAll(server, 'block');
  await page.goto(`${server.pageOrigin}/helper-block`);
  const noAcao = urls['/helper-no-acao'] as string;
  const jsonNoAcah = urls['/helper-json-no-acah'] as string;
  const json: Init = { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' };
  const seen = await fetchAll(page, [
    { url: noAcao },
    { url: jsonNoAcah, init: json },
    { url: urls['/helper-ok'] as string },
  ]);
  expect(seen).toEqual([false, false, true]);

  // The matcher fails; `.not` turns that into a pass, which proves it through Playwright's expect.
  await expect(cors).not.toHaveNoCorsErrors();
  const result = await corsMatchers.toHaveNoCorsErrors(cors, { stack: 'express' });
  expect(result.pass).toBe(false);
  const message = result.message();

  const blocked = cors.blocked();
  expect(blocked.map((judged) => [judged.exchange.request.url, judged.chromium])).toEqual([
    [noAcao, { corsError: 'MissingAllowOriginHeader', failedParameter: '' }],
    [jsonNoAcah, { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'content-type' }],
  ]);
  expect(cors.disagreements()).toEqual([]);
  expect(message).toContain('CORS Lens: 2 cross-origin request(s) blocked.');
  expect(message).not.toContain('disagree');
  for (const judged of blocked) {
    expect(message).toContain(`✗ ${judged.exchange.request.method} ${judged.exchange.request.url}`);
    expect(message).toContain(judged.explanation.summary);
  }
  expect(message).toContain('has no Access-Control-Allow-Origin header');
  // The header at fault, with what was needed and what came.
  expect(message).toContain('header    access-control-allow-origin');
  expect(message).toContain(`expected  ${server.pageOrigin}`);
  expect(message).toContain('received  (absent)');
  expect(message).toContain('header    access-control-allow-headers');
  expect(message).toContain('code HeaderDisallowedByPreflightResponse (content-type), preflight stage');
  // The fix for the chosen stack (Express: the cors package).
  expect(message).toContain('fix for Express (cors):');
  expect(message).toContain(`origin: '${server.pageOrigin}'`);
  expect(message).toContain("allowedHeaders: ['content-type']");
});

test('the HAR the helper attaches reads back through `cors-lens analyze` with the same verdicts', async ({
  page,
  cors,
  server,
}) => {
  const urls = routeAll(server, 'har');
  await page.goto(`${server.pageOrigin}/helper-har`);
  const json: Init = { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' };
  await fetchAll(page, [
    { url: urls['/helper-ok'] as string },
    { url: urls['/helper-put-ok'] as string, init: { method: 'PUT' } },
    { url: urls['/helper-no-acao'] as string },
    { url: urls['/helper-json-no-acah'] as string, init: json },
  ]);
  await cors.settled();
  const helperSays = cors
    .exchanges()
    .map((judged) => [
      judged.exchange.request.url,
      judged.verdict.kind,
      judged.verdict.code,
      judged.verdict.blocked ? judged.verdict.failedParameter : null,
    ]);
  expect(helperSays.map(([, kind, code]) => [kind, code])).toEqual([
    ['passed', null],
    ['passed', null],
    ['blocked', 'MissingAllowOriginHeader'],
    ['blocked', 'HeaderDisallowedByPreflightResponse'],
  ]);
  expect(cors.disagreements(), 'Chromium decided the same').toEqual([]);

  // What the fixture attaches at the end of every test, read back from the report's attachment.
  await attachCorsHar(cors, test.info());
  const attachment = test.info().attachments.find((attached) => attached.name === 'cors-lens.har');
  const attached = attachment?.body?.toString('utf8') ?? '';
  expect(JSON.parse(attached).log._cors.redacted, 'the attached HAR is redacted').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-helper-har-'));
  try {
    const file = join(dir, 'helper.har');
    writeFileSync(file, attached);
    const analysed = await run('node', [CLI, 'analyze', file, '--json']).then(
      (done) => ({ code: 0, stdout: done.stdout }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(analysed.code, 'two requests are blocked: exit code 1').toBe(1);
    const report = JSON.parse(analysed.stdout) as {
      entries: {
        role: string;
        url: string;
        kind: string | null;
        code: string | null;
        failedParameter: string | null;
      }[];
    };
    const cliSays = report.entries
      .filter((entry) => entry.role === 'request')
      .map((entry) => [entry.url, entry.kind, entry.code, entry.failedParameter]);
    expect(cliSays).toEqual(helperSays);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The exchange without its response's Access-Control-Allow-Origin: what a wrong engine might have read. */
function withoutAllowOrigin(exchange: Exchange): Exchange {
  if (exchange.response === null) return exchange;
  const headers = exchange.response.headers.filter(([name]) => name.toLowerCase() !== 'access-control-allow-origin');
  return { ...exchange, response: { ...exchange.response, headers } };
}

test('a planted disagreement is reported loudly, with both verdicts and the redacted HAR', async ({ page, server }) => {
  const urls = routeAll(server, 'tamper');
  await page.goto(`${server.pageOrigin}/helper-tamper`);
  const tampered = await corsLens(page, { judge: (exchange) => evaluate(withoutAllowOrigin(exchange)) });
  const seen = await fetchAll(page, [{ url: urls['/helper-ok'] as string }]);
  expect(seen, 'Chromium let the request through').toEqual([true]);

  await tampered.settled();
  const [disagreement, ...more] = tampered.disagreements();
  expect(more).toEqual([]);
  expect(disagreement?.chromium, 'Chromium reported no CORS error').toBeNull();
  expect(disagreement?.verdict.code).toBe('MissingAllowOriginHeader');

  const result = await corsMatchers.toHaveNoCorsErrors(tampered, { stack: 'express' });
  expect(result.pass).toBe(false);
  const message = result.message();
  expect(message).toContain('CORS Lens and Chromium disagree on 1 request(s).');
  expect(message).toContain(`GET ${urls['/helper-ok']}`);
  expect(message).toContain('Chromium:  not blocked');
  expect(message).toContain("CORS Lens: blocked MissingAllowOriginHeader ('')");
  const harJson = message.slice(message.indexOf('HAR (redacted) for the report:\n') + 31).split('\n\n')[0] ?? '';
  const har = JSON.parse(harJson) as { log: { entries: { request: { url: string } }[]; _cors: { redacted: boolean } } };
  expect(har.log._cors.redacted).toBe(true);
  expect(har.log.entries.map((entry) => entry.request.url)).toEqual([urls['/helper-ok']]);
  await tampered.dispose();
});
