/**
 * HAR in, verdicts out, against the real browser: the page (localhost) calls the API (127.0.0.1)
 * with and without preflights, redirects and failures; the Network events become a HAR shaped as
 * Chrome DevTools exports it; the built `cors-lens` CLI analyses that file, and its verdict for
 * every request must equal Chromium's own `corsErrorStatus` for the same request.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RouteSpec } from '../../src/demo/cors-server';
import { CdpHarRecorder } from './support/cdp-har';
import { expect, test } from './support/fixtures';

const CLI = resolve(import.meta.dirname, '../../dist-cli/cors-lens.mjs');
const run = promisify(execFile);

interface Call {
  path: string;
  route: (page: string) => RouteSpec;
  init?: { method?: string; headers?: [string, string][]; credentials?: 'include' | 'omit'; body?: string };
}

const ok = (page: string): [string, string][] => [['Access-Control-Allow-Origin', page]];
const preflightOk = (page: string, methods: string, headers = ''): RouteSpec['preflight'] => ({
  status: 204,
  headers: [
    ...ok(page),
    ['Access-Control-Allow-Methods', methods],
    ...(headers ? ([['Access-Control-Allow-Headers', headers]] as [string, string][]) : []),
  ],
});

const CALLS: Call[] = [
  { path: '/simple-ok', route: (p) => ({ response: { headers: [...ok(p), ['X-Total', '3']] } }) },
  { path: '/no-acao', route: () => ({ response: { headers: [['Content-Type', 'application/json']] } }) },
  {
    path: '/mismatch',
    route: () => ({ response: { headers: [['Access-Control-Allow-Origin', 'http://example.com']] } }),
  },
  { path: '/two-acao', route: (p) => ({ response: { headers: [...ok(p), ...ok(p)] } }) },
  {
    path: '/wildcard-creds',
    route: () => ({ response: { headers: [['Access-Control-Allow-Origin', '*']] } }),
    init: { credentials: 'include' },
  },
  { path: '/no-acac', route: (p) => ({ response: { headers: ok(p) } }), init: { credentials: 'include' } },
  {
    path: '/put-ok',
    route: (p) => ({ preflight: preflightOk(p, 'PUT'), response: { headers: ok(p) } }),
    init: { method: 'PUT' },
  },
  {
    path: '/put-denied',
    route: (p) => ({ preflight: preflightOk(p, 'GET, POST'), response: { headers: ok(p) } }),
    init: { method: 'PUT' },
  },
  {
    path: '/json-no-acah',
    route: (p) => ({ preflight: preflightOk(p, 'POST'), response: { headers: ok(p) } }),
    init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
  },
  {
    path: '/json-ok',
    route: (p) => ({ preflight: preflightOk(p, 'POST', 'content-type'), response: { headers: ok(p) } }),
    init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
  },
  {
    path: '/preflight-500',
    route: (p) => ({ preflight: { status: 500 }, response: { headers: ok(p) } }),
    init: { method: 'DELETE' },
  },
  {
    path: '/preflight-404-cors',
    route: (p) => ({ preflight: { status: 404, headers: ok(p) }, response: { headers: ok(p) } }),
    init: { method: 'DELETE' },
  },
  {
    path: '/redirect-ok',
    route: (p) => ({ response: { status: 302, headers: [...ok(p), ['Location', '/simple-ok']] } }),
  },
  { path: '/redirect-no-acao', route: () => ({ response: { status: 302, headers: [['Location', '/simple-ok']] } }) },
];

test('the CLI’s verdicts on a Chrome-DevTools-shaped HAR equal Chromium’s corsErrorStatus', async ({
  page,
  cdp,
  server,
}) => {
  test.setTimeout(60_000);
  const recorder = new CdpHarRecorder(cdp);
  const urls = CALLS.map((call) => server.route(call.path, call.route(server.pageOrigin)));
  for (const [index, call] of CALLS.entries()) {
    await page.evaluate(
      async ({ url, init }) => {
        try {
          const response = await fetch(url, { ...init, headers: init.headers ?? [] });
          await response.arrayBuffer();
        } catch {
          // Blocked requests reject with "Failed to fetch": what matters is what CDP saw.
        }
      },
      { url: urls[index] as string, init: call.init ?? {} },
    );
  }
  await expect.poll(() => recorder.unsettled(), { timeout: 10_000 }).toEqual([]);

  const { har, lastEntryOf } = recorder.toHar();
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-har-'));
  try {
    const file = join(dir, 'chromium.har');
    writeFileSync(file, JSON.stringify(har, null, 2));
    const analysed = await run('node', [CLI, 'analyze', file, '--json']).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    // Some requests are blocked, so exit code 1 and the JSON on stdout.
    expect(analysed.code).toBe(1);
    const report = JSON.parse(analysed.stdout) as {
      entries: { index: number; code: string | null; failedParameter: string | null; url: string }[];
    };
    const byIndex = new Map(report.entries.map((entry) => [entry.index, entry]));

    const disagreements: string[] = [];
    let blocked = 0;
    for (const url of urls) {
      const chromium = recorder.chromiumVerdict(url);
      expect(chromium, `CDP saw ${url}`).not.toBeUndefined();
      if (chromium) blocked++;
      const entry = byIndex.get(lastEntryOf.get(url) ?? -1);
      const ours =
        entry === undefined
          ? 'no entry'
          : `${entry.code ?? 'none'}(${entry.code === null ? '' : (entry.failedParameter ?? '')})`;
      const theirs = chromium ? `${chromium.corsError}(${chromium.failedParameter})` : 'none()';
      if (ours !== theirs) disagreements.push(`${url}: cors-lens ${ours}, Chromium ${theirs}`);
    }
    expect(disagreements).toEqual([]);
    expect(blocked).toBeGreaterThanOrEqual(8);

    // Round trip: the export reads back to the very same verdicts.
    const exported = join(dir, 'exported.har');
    await run('node', [CLI, 'export', file, '-o', exported]);
    const again = await run('node', [CLI, 'analyze', exported, '--json']).catch((error: { stdout: string }) => error);
    expect(again.stdout).toBe(analysed.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
