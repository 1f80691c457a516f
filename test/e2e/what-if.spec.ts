/**
 * "What if" in the CORS panel inside real DevTools, on requests the demo's cases really made:
 * each edit of a preflight, redirect or final response shows the verdict `evaluate()` gives for
 * the same edited exchange (computed here from the captured record, not read from the panel's
 * words); "Apply the fix" puts in what `fixedResponses` says the recipe sends and shows the pass
 * or the next failing check; and none of it reaches the badge or an export.
 */
import { readFileSync } from 'node:fs';
import type { Frame } from '@playwright/test';
import { type DemoCase, demoCases } from '../../src/demo/cases';
import type { CorsTestServer } from '../../src/demo/cors-server';
import type { Exchange, HeaderList, HttpResponse, Verdict } from '../../src/engine';
import { evaluate, fixedResponses } from '../../src/engine';
import { type ExchangeRecord, isBlockedRecord } from '../../src/model/exchange-record';
import { PROTOCOL_VERSION, panelPortName } from '../../src/model/protocol';
import { collectSnapshot } from './support/collect-snapshot';
import { expect, test } from './support/in-devtools';
import { runDemoCase } from './support/run-demo-case';

/** The records the worker holds for the tab, as it sends them to a panel that connects. */
async function capturedRecords(panel: Frame, tabId: number): Promise<readonly ExchangeRecord[]> {
  const log = await panel.evaluate(collectSnapshot, { portName: panelPortName(tabId), version: PROTOCOL_VERSION });
  return log.records;
}

/** What the detail's verdict badge says, from its data attributes. */
function shownVerdict(panel: Frame) {
  return panel.getByTestId('detail-verdict').evaluate((badge) => ({
    kind: badge.getAttribute('data-kind'),
    code: badge.getAttribute('data-code'),
    stage: badge.getAttribute('data-stage'),
    failedParameter: badge.getAttribute('data-failed-parameter'),
  }));
}

function summary(verdict: Verdict) {
  return {
    kind: verdict.kind,
    code: verdict.code ?? '',
    stage: verdict.stage ?? '',
    failedParameter: verdict.failedParameter,
  };
}

/** The copy a what-if starts from: its outcome unobserved, a credentials mode inferred from that outcome kept. */
function whatIfCopy({ exchange, verdict }: ExchangeRecord): Exchange {
  const inferred = exchange.credentialsMode === 'unknown' && verdict.credentials.evidence === 'inferred-from-outcome';
  return {
    ...exchange,
    outcome: 'unknown',
    credentialsMode: inferred ? verdict.credentials.mode : exchange.credentialsMode,
  };
}

type Target = 'preflight' | 'redirect-0' | 'response';

/** `exchange` with the response at `target` changed by `change` (a missing final response taken as a plain 200). */
function changed(exchange: Exchange, target: Target, change: (response: HttpResponse) => HttpResponse): Exchange {
  if (target === 'response') {
    return { ...exchange, response: change(exchange.response ?? { status: 200, statusText: 'OK', headers: [] }) };
  }
  if (target === 'redirect-0') {
    const [hop, ...rest] = exchange.redirects;
    if (hop === undefined) throw new Error('no redirect to edit');
    return { ...exchange, redirects: [{ ...hop, response: change(hop.response) }, ...rest] };
  }
  const { preflight } = exchange;
  if (preflight.kind !== 'observed' || preflight.response === null) throw new Error('no preflight response to edit');
  return { ...exchange, preflight: { ...preflight, response: change(preflight.response) } };
}

function headersOf(exchange: Exchange, target: Target): HeaderList {
  if (target === 'response') return exchange.response?.headers ?? [];
  if (target === 'redirect-0') return exchange.redirects[0]?.response.headers ?? [];
  return exchange.preflight.kind === 'observed' ? (exchange.preflight.response?.headers ?? []) : [];
}

/** The status and header fields the what-if editor shows for each response, read back from its inputs. */
function editorContents(panel: Frame) {
  return panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="what-if-response"]')].map((fieldset) => ({
      target: fieldset.getAttribute('data-target') ?? '',
      status: fieldset.querySelector<HTMLInputElement>('.what-if-status input')?.value ?? null,
      headers: [...fieldset.querySelectorAll('[data-testid="what-if-header"]')].map(
        (row) =>
          [
            row.querySelector<HTMLInputElement>('.what-if-name')?.value ?? '',
            row.querySelector<HTMLInputElement>('.what-if-value')?.value ?? '',
          ] as [string, string],
      ),
    })),
  );
}

/** `base` with every response the editor shows replaced by what its inputs hold. */
async function exchangeInEditor(panel: Frame, base: Exchange): Promise<Exchange> {
  let exchange = base;
  for (const shown of await editorContents(panel)) {
    if (shown.status === null) continue;
    const target = shown.target as Target;
    expect(['preflight', 'redirect-0', 'response']).toContain(target);
    exchange = changed(exchange, target, (response) => ({
      ...response,
      status: Number(shown.status),
      headers: shown.headers,
    }));
  }
  return exchange;
}

/** The panel shows the engine's verdict on `expected` (the test's own copy), and on what its editor holds. */
async function expectVerdictOf(panel: Frame, expected: Exchange): Promise<Verdict> {
  const verdict = evaluate(expected);
  await expect.poll(() => shownVerdict(panel)).toEqual(summary(verdict));
  expect(summary(evaluate(await exchangeInEditor(panel, expected)))).toEqual(summary(verdict));
  return verdict;
}

/** The demo's cases on the test server's origins, every route registered. */
function registerCases(server: CorsTestServer): DemoCase[] {
  const cases = demoCases({ page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin });
  for (const demoCase of cases) for (const route of demoCase.routes) server.route(route.path, route.spec);
  return cases;
}

async function openCase(panel: Frame, demoCase: DemoCase): Promise<void> {
  await panel.locator(`[data-testid="request-row"]:has(.url[title="${demoCase.url}"])`).click();
  await expect(panel.getByTestId('detail').locator('.detail-title')).toContainText(demoCase.url);
}

function recordOf(records: readonly ExchangeRecord[], demoCase: DemoCase): ExchangeRecord {
  const found = records.find((record) => record.exchange.request.url === demoCase.url);
  if (found === undefined) throw new Error(`no record of ${demoCase.url}`);
  return found;
}

const label = (title: string, index: number, part: 'name' | 'value') => `${title}, header ${index + 1} ${part}`;
const TITLES: Readonly<Record<Target, string>> = {
  preflight: 'preflight response',
  'redirect-0': 'redirect 1 response',
  response: 'final response',
};

test('each edit of the preflight, a redirect and the final response shows the verdict evaluate() gives the same exchange; Escape undoes, then leaves', async ({
  inDevtools: { page, panel, tabId, devtools },
  server,
}) => {
  test.setTimeout(120_000);
  const cases = registerCases(server);
  const byId = (id: string) => cases.find((demoCase) => demoCase.id === id) as DemoCase;
  const used = [byId('custom-header'), byId('redirect-other-origin'), byId('no-acao')];
  for (const demoCase of used) await runDemoCase(page, demoCase);
  await expect(panel.getByTestId('request-row')).toHaveCount(used.length);
  const records = await capturedRecords(panel, tabId);
  let edits = 0;

  /** One edit in the panel and the same edit on the test's copy, then the verdicts compared. */
  const step = async (expected: Exchange, act: () => Promise<void>): Promise<Exchange> => {
    await act();
    edits++;
    await expectVerdictOf(panel, expected);
    return expected;
  };
  const setValue = (ex: Exchange, target: Target, index: number, value: string) =>
    step(
      changed(ex, target, (r) => ({ ...r, headers: r.headers.map((f, i) => (i === index ? [f[0], value] : f)) })),
      () => panel.getByLabel(label(TITLES[target], index, 'value'), { exact: true }).fill(value),
    );
  const add = async (ex: Exchange, target: Target, name: string, value: string) => {
    const index = headersOf(ex, target).length;
    await panel.getByRole('button', { name: `Add a header to the ${TITLES[target]}`, exact: true }).click();
    let next = changed(ex, target, (r) => ({ ...r, headers: [...r.headers, ['', '']] }));
    next = await step(
      changed(next, target, (r) => ({ ...r, headers: r.headers.map((f, i) => (i === index ? [name, f[1]] : f)) })),
      () => panel.getByLabel(label(TITLES[target], index, 'name'), { exact: true }).fill(name),
    );
    return setValue(next, target, index, value);
  };
  const remove = (ex: Exchange, target: Target, index: number) =>
    step(
      changed(ex, target, (r) => ({ ...r, headers: r.headers.filter((_, i) => i !== index) })),
      () =>
        panel.getByRole('button', { name: new RegExp(`^Remove ${TITLES[target]}, header ${index + 1} \\(`) }).click(),
    );

  // The preflight: custom-header's answer lacks Access-Control-Allow-Headers.
  const customHeader = recordOf(records, byId('custom-header'));
  await openCase(panel, byId('custom-header'));
  await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
  await expect(panel.getByTestId('what-if-mark')).toHaveText('edited (what if)');
  let ex = whatIfCopy(customHeader);
  expect(summary(await expectVerdictOf(panel, ex))).toEqual(summary(customHeader.verdict));
  const acao = headersOf(ex, 'preflight').findIndex(([name]) => name.toLowerCase() === 'access-control-allow-origin');
  ex = await setValue(ex, 'preflight', acao, `${server.pageOrigin}/`);
  ex = await setValue(ex, 'preflight', acao, server.pageOrigin);
  ex = await add(ex, 'preflight', 'Access-Control-Allow-Headers', 'X-Api-Key');
  ex = await step(
    changed(ex, 'preflight', (r) => ({ ...r, status: 500, statusText: '' })),
    () => panel.getByLabel('Status of the preflight response').fill('500'),
  );
  ex = await step(
    changed(ex, 'preflight', (r) => ({ ...r, status: 204, statusText: '' })),
    () => panel.getByLabel('Status of the preflight response').fill('204'),
  );
  // The actual request was never sent: its response is assumed once a header is added to it.
  ex = await add(ex, 'response', 'Access-Control-Allow-Origin', '*');
  await expect(panel.getByTestId('what-if-credentials')).toBeVisible();
  const beforeCredentials = ex;
  ex = await step({ ...ex, credentialsMode: 'include' }, async () => {
    await panel.getByTestId('what-if-credentials').selectOption('include');
  });
  // Escape undoes the last edit (the credentials mode), keeping the what-if open.
  await devtools.keyboard.press('Escape');
  await expectVerdictOf(panel, beforeCredentials);
  await expect(panel.getByTestId('what-if-mark')).toBeVisible();

  // A redirect: after the cross-origin redirect the request's Origin is `null`.
  const redirect = recordOf(records, byId('redirect-other-origin'));
  await openCase(panel, byId('redirect-other-origin'));
  await expect(panel.getByTestId('what-if-mark')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
  ex = whatIfCopy(redirect);
  expect(summary(await expectVerdictOf(panel, ex))).toEqual(summary(redirect.verdict));
  const finalAcao = headersOf(ex, 'response').findIndex(
    ([name]) => name.toLowerCase() === 'access-control-allow-origin',
  );
  // From the check table's row straight to that header's input, then typed there.
  ex = await step(
    changed(ex, 'response', (r) => ({
      ...r,
      headers: r.headers.map((f, i) => (i === finalAcao ? [f[0], 'null'] : f)),
    })),
    async () => {
      await panel.getByRole('button', { name: 'Edit access-control-allow-origin on the response' }).click();
      const focused = panel.locator(':focus');
      await expect(focused).toHaveAttribute('aria-label', label(TITLES.response, finalAcao, 'value'));
      await focused.fill('null');
    },
  );
  const hopAcao = headersOf(ex, 'redirect-0').findIndex(
    ([name]) => name.toLowerCase() === 'access-control-allow-origin',
  );
  ex = await remove(ex, 'redirect-0', hopAcao);
  ex = await add(ex, 'redirect-0', 'Access-Control-Allow-Origin', '*');

  // The final response: no-acao's 200 carries no CORS header at all.
  const noAcao = recordOf(records, byId('no-acao'));
  await openCase(panel, byId('no-acao'));
  await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
  ex = whatIfCopy(noAcao);
  ex = await add(ex, 'response', 'Access-Control-Allow-Origin', server.pageOrigin);
  ex = await remove(ex, 'response', 0);
  expect(edits).toBeGreaterThanOrEqual(10);

  // Escape steps back through every edit, then leaves the what-if; the captured verdict is back.
  const focused = panel.getByLabel(label('final response', 0, 'value'), { exact: true });
  await focused.focus();
  for (let i = 0; i < 4; i++) await devtools.keyboard.press('Escape');
  await expect(panel.getByTestId('what-if-mark')).toBeVisible();
  await expectVerdictOf(panel, whatIfCopy(noAcao));
  await devtools.keyboard.press('Escape');
  await expect(panel.getByTestId('what-if-mark')).toHaveCount(0);
  await expect.poll(() => shownVerdict(panel)).toEqual(summary(noAcao.verdict));
  await expect(panel.getByRole('button', { name: 'Edit the response headers (what if)' })).toBeFocused();
  await expect(panel.getByTestId('detail')).toBeVisible();
});

test('Apply the fix on each blocked demo case shows the pass or the next failing check, as the engine does; edits never reach the badge or an export', async ({
  inDevtools: { page, panel, tabId, devtools, worker },
  server,
}, testInfo) => {
  test.setTimeout(180_000);
  const cases = registerCases(server);
  for (const demoCase of cases) await runDemoCase(page, demoCase);
  await expect(panel.getByTestId('request-row')).toHaveCount(cases.length);
  const records = await capturedRecords(panel, tabId);
  const badge = () => worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
  const blockedCount = records.filter(isBlockedRecord).length;
  await expect.poll(badge).toBe(String(blockedCount));
  const blocked = cases.filter((demoCase) => demoCase.expect !== 'passed');
  expect(blocked.length).toBeGreaterThanOrEqual(10);
  const outcomes: string[] = [];

  for (const demoCase of blocked) {
    const captured = recordOf(records, demoCase);
    await openCase(panel, demoCase);
    await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
    await panel.getByTestId('apply-fix').click();
    const copy = whatIfCopy(captured);
    const fixed = fixedResponses(copy, evaluate(copy));
    // What the panel put in is what the engine says the fixed server sends, field for field.
    const inEditor = await exchangeInEditor(panel, copy);
    const preflightAnswer = inEditor.preflight.kind === 'observed' ? inEditor.preflight.response : null;
    if (fixed.preflight !== null) {
      const { status, headers } = fixed.preflight;
      expect({ status: preflightAnswer?.status, headers: preflightAnswer?.headers }, demoCase.id).toEqual({
        status,
        headers,
      });
    }
    for (const field of fixed.response) expect(inEditor.response?.headers, demoCase.id).toContainEqual(field);
    fixed.redirects.forEach((fields, index) => {
      for (const field of fields)
        expect(inEditor.redirects[index]?.response.headers, demoCase.id).toContainEqual(field);
    });
    const verdict = await expectVerdictOf(panel, inEditor);
    const before = captured.verdict;
    // Passing, or a check that fails later than (or differently from) the one the fix was for.
    if (verdict.kind !== 'passed') {
      expect(verdict.kind, demoCase.id).toBe('blocked');
      expect([verdict.code, verdict.failedParameter], demoCase.id).not.toEqual([before.code, before.failedParameter]);
    }
    outcomes.push(
      `${demoCase.id}: ${before.code} -> ${verdict.kind}${verdict.code === null ? '' : ` (${verdict.code})`}`,
    );
    await panel.getByRole('button', { name: 'Back to the captured request' }).click();
    await expect(panel.getByTestId('what-if-mark')).toHaveCount(0);
  }
  await testInfo.attach('apply the fix', { body: outcomes.join('\n'), contentType: 'text/plain' });
  console.log(`Apply the fix, per blocked demo case:\n${outcomes.join('\n')}`);

  // Fix ACAO, then Access-Control-Allow-Credentials bites: error-401 was sent with credentials,
  // which the capture cannot show; once the what-if says so, the fix has to cover them too.
  const error401 = cases.find((demoCase) => demoCase.id === 'error-401') as DemoCase;
  await openCase(panel, error401);
  await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
  await panel.getByTestId('apply-fix').click();
  const base = whatIfCopy(recordOf(records, error401));
  // webRequest never shows the credentials mode, and the demo page has no cookie to send.
  expect(base.credentialsMode).toBe('unknown');
  await panel.getByTestId('what-if-credentials').selectOption('include');
  const credentialed = { ...(await exchangeInEditor(panel, base)), credentialsMode: 'include' as const };
  expect((await expectVerdictOf(panel, credentialed)).code).toBe('InvalidAllowCredentials');
  await panel.getByTestId('apply-fix').click();
  const refixed = { ...(await exchangeInEditor(panel, base)), credentialsMode: 'include' as const };
  expect((await expectVerdictOf(panel, refixed)).kind).toBe('passed');
  // An edit only the what-if has, to look for in the export.
  const marker = 'what-if-only-7c1e';
  await panel.getByRole('button', { name: 'Add a header to the final response', exact: true }).click();
  const last = (await editorContents(panel)).find((shown) => shown.target === 'response')?.headers.length ?? 0;
  await panel.getByLabel(label('final response', last - 1, 'name'), { exact: true }).fill('X-Marker');
  await panel.getByLabel(label('final response', last - 1, 'value'), { exact: true }).fill(marker);
  await expect(panel.getByTestId('what-if-mark')).toBeVisible();

  // The list, the top bar, the badge and a plain export still show the captured requests only.
  expect(await badge()).toBe(String(blockedCount));
  await expect(panel.getByTestId('blocked-count')).toHaveText(
    `${records.filter((record) => record.verdict.blocked).length} blocked`,
  );
  const row = panel.locator(`[data-testid="request-row"]:has(.url[title="${error401.url}"])`);
  await expect(row.getByTestId('verdict')).toHaveText(recordOf(records, error401).verdict.code ?? '');
  const [download] = await Promise.all([
    devtools.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export HAR' }).click(),
  ]);
  const file = testInfo.outputPath('export.har');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(marker);
  // A redirected request is written under its final URL: compare the verdicts, one per request.
  type CorsEntry = { _cors: { role: string; code: string | null } };
  const exported = (JSON.parse(text).log.entries as CorsEntry[])
    .filter((entry) => entry._cors.role === 'request')
    .map((entry) => String(entry._cors.code));
  expect(exported.sort()).toEqual(records.map((record) => String(record.verdict.code)).sort());
  const afterBadge = await badge();
  expect(afterBadge).toBe(String(blockedCount));
});
