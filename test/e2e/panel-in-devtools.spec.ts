/**
 * The CORS panel where users meet it: inside real DevTools (the extension's frame in the DevTools
 * window, reached over CDP), not as a standalone page. DevTools lists the panel for the inspected
 * tab; live capture, explanation and fix, export, import, hostile server text and the keyboard are
 * all exercised through that frame. (panel.spec.ts opens the same page standalone.)
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/in-devtools';
import { fetchFrom } from './support/page-fetch';

const CHROME_HAR = join(import.meta.dirname, '../fixtures/har/chrome-devtools.har');

test('DevTools lists a "CORS" panel that renders the extension page for the inspected tab', async ({
  inDevtools: { panel, tabId },
}) => {
  await expect(panel.getByRole('heading', { name: 'CORS Lens' })).toBeVisible();
  // Inside DevTools the panel learns its tab from chrome.devtools, not from its address.
  await expect(panel.getByTestId('page-origin')).toHaveAttribute('title', `Tab ${tabId}`);
  await expect(panel.getByTestId('connection-status')).toHaveText('Live');
});

/** Whether DevTools' drawer (the console that Escape toggles) is open. */
function drawerVisible(devtools: Page): Promise<boolean> {
  return devtools.evaluate(async () => {
    const path = './ui/legacy/legacy.js';
    const legacy = (await import(path)) as {
      InspectorView: { InspectorView: { instance(): { drawerVisible(): boolean } } };
    };
    return legacy.InspectorView.InspectorView.instance().drawerVisible();
  });
}

test('a blocked request appears live with its real status, explanation and fix; the keyboard drives list and detail', async ({
  inDevtools: { page, devtools, panel },
  server,
}) => {
  const passingUrl = server.route('/dt/passing', {
    response: { headers: [['Access-Control-Allow-Origin', server.pageOrigin]], body: 'ok' },
  });
  const blockedUrl = server.route('/dt/blocked', { response: { status: 401, body: 'login first' } });
  const putUrl = server.route('/dt/put', {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', server.pageOrigin],
        ['Access-Control-Allow-Methods', 'GET, POST'],
      ],
    },
  });
  expect(await fetchFrom(page, passingUrl)).toBe('read 200');
  expect(await fetchFrom(page, blockedUrl)).toBe('TypeError: Failed to fetch');
  expect(await fetchFrom(page, putUrl, { method: 'PUT' })).toBe('TypeError: Failed to fetch');

  const rows = panel.getByTestId('request-row');
  await expect(rows).toHaveCount(3);
  const blockedRow = rows.filter({ hasText: '/dt/blocked' });
  // Chrome's Network panel says "CORS error"; the panel shows the 401 the server sent.
  await expect(blockedRow.getByTestId('status')).toHaveText('401');
  await expect(blockedRow.getByTestId('verdict')).toHaveText('MissingAllowOriginHeader');
  await expect(rows.filter({ hasText: '/dt/put' }).getByTestId('verdict')).toHaveText(
    'MethodDisallowedByPreflightResponse',
  );
  await expect(panel.getByTestId('blocked-count')).toHaveText('2 blocked');

  await blockedRow.click();
  const detail = panel.getByTestId('detail');
  await expect(detail.locator('.detail-title')).toHaveText(`GET ${blockedUrl}`);
  await expect(panel.getByTestId('summary')).toContainText('Access-Control-Allow-Origin');
  await expect(panel.locator('[data-testid="header-check"][data-outcome="failed"]')).toHaveAttribute(
    'data-header',
    'access-control-allow-origin',
  );
  await expect(panel.getByTestId('console-message')).toContainText('has been blocked by CORS policy');
  await panel.getByRole('tab', { name: 'Express' }).click();
  await expect(panel.getByTestId('fix-snippet')).toContainText(`origin: '${server.pageOrigin}'`);
  await panel.getByRole('tab', { name: 'nginx' }).click();
  await expect(panel.getByTestId('fix-snippet')).toContainText(
    `add_header Access-Control-Allow-Origin "${server.pageOrigin}"`,
  );

  // Keyboard: the list is a grid that owns the arrows; Enter opens, Escape closes.
  await panel.getByRole('button', { name: 'Close detail' }).click();
  await expect(detail).toHaveCount(0);
  const grid = panel.getByTestId('request-list');
  await grid.focus();
  const selected = panel.locator('[data-testid="request-row"][aria-selected="true"]');
  // The click left the blocked request selected; the list is passing, blocked, put.
  await expect(selected).toContainText('/dt/blocked');
  await devtools.keyboard.press('ArrowDown');
  await expect(selected).toContainText('/dt/put');
  await devtools.keyboard.press('ArrowUp');
  await devtools.keyboard.press('ArrowUp');
  await expect(selected).toContainText('/dt/passing');
  await devtools.keyboard.press('ArrowDown');
  await expect(selected).toContainText('/dt/blocked');
  await expect(detail).toHaveCount(0);
  await devtools.keyboard.press('Enter');
  await expect(detail.locator('.detail-title')).toHaveText(`GET ${blockedUrl}`);
  // With the detail open the arrows still move through the list, and the detail follows.
  await devtools.keyboard.press('ArrowDown');
  await expect(detail.locator('.detail-title')).toHaveText(`PUT ${putUrl}`);
  const drawerBefore = await drawerVisible(devtools);
  await devtools.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  // Escape closed our detail only: DevTools did not also toggle its console drawer.
  expect(await drawerVisible(devtools)).toBe(drawerBefore);
  await expect(selected).toContainText('/dt/put');
});

test('Export HAR from the DevTools panel downloads valid, redacted HAR whose _cors verdicts match the list', async ({
  inDevtools: { page, devtools, panel },
  server,
}, testInfo) => {
  const blockedUrl = server.route('/dt/export-blocked', {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', server.pageOrigin],
        ['Access-Control-Allow-Headers', 'authorization'],
      ],
    },
    response: { status: 500, body: 'oops' },
  });
  const passingUrl = server.route('/dt/export-passing', {
    response: { headers: [['Access-Control-Allow-Origin', '*']], body: 'ok' },
  });
  expect(await fetchFrom(page, blockedUrl, { headers: { Authorization: 'Bearer top-secret' } })).toBe(
    'TypeError: Failed to fetch',
  );
  expect(await fetchFrom(page, passingUrl)).toBe('read 200');
  const rows = panel.getByTestId('request-row');
  await expect(rows).toHaveCount(2);
  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => ({
      url: row.querySelector('.url')?.getAttribute('title') ?? '',
      status: row.querySelector('[data-testid="status"]')?.textContent ?? '',
      kind: row.querySelector('[data-testid="verdict-kind"]')?.textContent ?? '',
      code: row.querySelector('[data-testid="verdict"]')?.textContent ?? '',
    })),
  );

  // Copy as cURL leaves secrets out unless asked.
  await rows.filter({ hasText: '/dt/export-blocked' }).click();
  const curl = panel.getByTestId('curl');
  await expect(curl.last()).not.toContainText('top-secret');
  await panel.getByLabel('Include secret headers (Cookie, Authorization, tokens, keys)').check();
  await expect(curl.last()).toContainText("-H 'Authorization: Bearer top-secret'");

  // The DevTools window is a page of the CDP connection: Playwright sees its downloads there.
  const [download] = await Promise.all([
    devtools.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export HAR' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cors-lens-localhost-\d{8}-\d{6}\.har$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain('top-secret');
  const har = JSON.parse(text);
  expect(har.log.version).toBe('1.2');
  expect(har.log.creator.name).toBe('CORS Lens');
  expect(har.log._cors.redacted).toBe(true);
  for (const entry of har.log.entries) {
    // The fields HAR 1.2 requires of every entry, so Chrome and other tools open the file.
    expect(entry).toMatchObject({
      startedDateTime: expect.any(String),
      time: expect.any(Number),
      request: { method: expect.any(String), url: expect.any(String), headers: expect.any(Array) },
      response: { status: expect.any(Number), headers: expect.any(Array), content: expect.any(Object) },
      cache: expect.any(Object),
      timings: expect.any(Object),
      _cors: { version: 1 },
    });
  }
  const authorization = har.log.entries
    .flatMap((entry: { request: { headers: { name: string; value: string }[] } }) => entry.request.headers)
    .find((header: { name: string }) => header.name.toLowerCase() === 'authorization');
  expect(authorization?.value).not.toContain('top-secret');

  type CorsEntry = { request: { url: string }; _cors: { role: string; kind: string; code: string | null } };
  const requests = (har.log.entries as CorsEntry[]).filter((entry) => entry._cors.role === 'request');
  expect(har.log.entries.map((entry: CorsEntry) => entry._cors.role)).toEqual(['preflight', 'request', 'request']);
  // Every verdict written into the file is the one the list shows for that request.
  expect(
    requests.map((entry) => ({
      url: entry.request.url,
      blocked: entry._cors.kind === 'blocked',
      code: entry._cors.code,
    })),
  ).toEqual(
    shown.map((row) => ({
      url: row.url,
      blocked: row.kind.trim() === 'blocked',
      code: row.code === '' ? null : row.code,
    })),
  );
  expect(shown.map((row) => row.status)).toEqual(['500', '200']);
});

test('Import HAR in the DevTools panel shows the verdicts of a HAR saved by Chrome, labelled as imported', async ({
  inDevtools: { panel },
}) => {
  await panel.getByTestId('import-input').setInputFiles(CHROME_HAR);
  await expect(panel.getByTestId('import-banner')).toContainText('chrome-devtools.har');
  await expect(panel.getByTestId('import-banner')).toContainText('not live');
  const rows = panel.getByTestId('request-row');
  const verdictOf = (path: string) => rows.filter({ hasText: path }).getByTestId('verdict');
  // The same verdicts `cors-lens analyze` gives for this file.
  await expect(verdictOf('/items')).toHaveText('MethodDisallowedByPreflightResponse');
  await expect(verdictOf('/no-cors-headers')).toHaveText('MissingAllowOriginHeader');
  await expect(verdictOf('/me')).toHaveText('WildcardOriginNotAllowed');
  await expect(verdictOf('/ok')).toHaveText('');
  await expect(rows.filter({ hasText: '/ok' }).getByTestId('verdict-kind')).toHaveText(/^passed/);
  await expect(panel.getByTestId('blocked-count')).toHaveText('3 blocked');
  // Same-origin entries (the document, app.js) are not listed.
  await expect(rows.filter({ hasText: 'app.js' })).toHaveCount(0);

  await rows.filter({ hasText: '/me' }).click();
  await expect(panel.getByTestId('summary')).toContainText('*');
  await expect(panel.locator('[data-testid="header-check"][data-outcome="failed"]')).toHaveAttribute(
    'data-header',
    'access-control-allow-origin',
  );
  // Import is read-only: the live log's actions are off until the user goes back.
  await expect(panel.getByRole('button', { name: 'Clear log' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Back to live log' }).click();
  await expect(panel.getByTestId('import-banner')).toHaveCount(0);
});

/** An API on its own loopback port whose header values and status text are markup. */
async function startHostileServer(pageOrigin: string, hostile: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, hostile, {
        'Access-Control-Allow-Origin': pageOrigin,
        'Access-Control-Allow-Headers': 'x-probe',
        'Access-Control-Allow-Methods': 'PUT',
        'X-Evil': hostile,
      });
    } else {
      res.writeHead(500, hostile, { 'X-Evil': hostile, 'Access-Control-Allow-Origin': hostile });
    }
    res.end(hostile);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hostile`, server };
}

test('markup a server puts in header values and status text is shown as text and runs nothing in the panel', async ({
  inDevtools: { page, devtools, panel },
  server,
}) => {
  const hostile = `<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script>`;
  const dialogs: string[] = [];
  devtools.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // An extension page's CSP would refuse inline script anyway; count its refusals too, so the
  // test notices markup that reached the DOM even where the CSP stopped it from running.
  await panel.evaluate(() => {
    const w = window as { __violations?: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__violations?.push(event.violatedDirective));
  });
  const { url, server: api } = await startHostileServer(server.pageOrigin, hostile);
  try {
    expect(await fetchFrom(page, url, { method: 'PUT', headers: { 'X-Probe': '1' } })).toBe(
      'TypeError: Failed to fetch',
    );
    const row = panel.getByTestId('request-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('status')).toHaveText('500');
    await row.click();
    const detail = panel.getByTestId('detail');
    await expect(detail).toBeVisible();
    // The markup is visible as text: in the story's status, the check table and the raw headers.
    await expect(detail.locator('.headers dd', { hasText: '<img src=x' }).first()).toBeVisible();
    await expect(detail.getByText('<script>window.__pwned=2', { exact: false }).first()).toBeVisible();
    // Open the fix tabs and the cURL too: every section that echoes server text is rendered.
    await panel.getByRole('tab', { name: 'Express' }).click();
    await expect(panel.getByTestId('curl').first()).toBeVisible();

    const state = await panel.evaluate(() => ({
      pwned: (window as { __pwned?: number }).__pwned,
      violations: (window as { __violations?: string[] }).__violations,
      elements: document.querySelectorAll('img, script:not([src]), [onerror]').length,
    }));
    expect(state).toEqual({ pwned: undefined, violations: [], elements: 0 });
    expect(dialogs).toEqual([]);
  } finally {
    await new Promise((resolve) => api.close(resolve));
  }
});
