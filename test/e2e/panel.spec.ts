import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { panelUrl } from '../../src/demo/launch-browser';
import { expect, test } from './support/fixtures';
import { fetchFrom } from './support/page-fetch';

const SCREENSHOTS = join(import.meta.dirname, '../../test-results/panel-screenshots');

async function openPanel(page: Page, extensionId: string, tabId: number): Promise<Page> {
  const panel = await page.context().newPage();
  await panel.setViewportSize({ width: 1200, height: 720 });
  await panel.goto(panelUrl(extensionId, tabId));
  await expect(panel.getByTestId('connection-status')).toHaveText('Live');
  return panel;
}

test('lists blocked and passing requests with their real status, explains the blocked one, filters and clears', async ({
  page,
  server,
  serviceWorker,
  extensionId,
  tabId,
}) => {
  const blockedUrl = server.route('/panel/blocked', { response: { status: 403, body: 'no' } });
  const passingUrl = server.route('/panel/passing', {
    response: { headers: [['Access-Control-Allow-Origin', server.pageOrigin]], body: 'ok' },
  });
  expect(await fetchFrom(page, blockedUrl)).toBe('TypeError: Failed to fetch');
  expect(await fetchFrom(page, passingUrl)).toBe('read 200');

  const panel = await openPanel(page, extensionId, tabId);
  const rows = panel.getByTestId('request-row');
  await expect(rows).toHaveCount(2);
  const blockedRow = rows.filter({ hasText: '/panel/blocked' });
  // Chrome's Network panel says "CORS error"; the panel shows what the server really answered.
  await expect(blockedRow.getByTestId('status')).toHaveText('403');
  await expect(blockedRow.getByTestId('verdict')).toHaveText('MissingAllowOriginHeader');
  await expect(rows.filter({ hasText: '/panel/passing' }).getByTestId('status')).toHaveText('200');
  await expect(panel.getByTestId('blocked-count')).toHaveText('1 blocked');
  await panel.screenshot({ path: join(SCREENSHOTS, 'panel-list.png') });

  await blockedRow.click();
  await expect(panel.getByTestId('summary')).toContainText('Access-Control-Allow-Origin');
  const failedCheck = panel.locator('[data-testid="header-check"][data-outcome="failed"]');
  await expect(failedCheck).toHaveAttribute('data-header', 'access-control-allow-origin');
  await panel.getByRole('tab', { name: 'Express' }).click();
  await expect(panel.getByTestId('fix-snippet')).toContainText(`origin: '${server.pageOrigin}'`);
  await expect(panel.getByTestId('console-message')).toContainText('has been blocked by CORS policy');
  await panel.screenshot({ path: join(SCREENSHOTS, 'panel-light.png') });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: join(SCREENSHOTS, 'panel-dark.png') });
  await panel.emulateMedia({ colorScheme: 'light' });

  await panel.keyboard.press('Escape');
  await expect(panel.getByTestId('detail')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Blocked', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('/panel/blocked');
  await panel.getByRole('button', { name: 'All', exact: true }).click();
  await expect(rows).toHaveCount(2);

  const badge = () => serviceWorker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
  expect(await badge()).toBe('1');
  await panel.getByRole('button', { name: 'Clear log' }).click();
  await expect(rows).toHaveCount(0);
  await expect(panel.getByTestId('blocked-count')).toHaveText('0 blocked');
  await expect.poll(badge).toBe('');
});

test('imports a HAR of 10,000 requests, labelled as imported, with only a window of rows in the DOM', async ({
  page,
  extensionId,
  tabId,
}, testInfo) => {
  const entries = Array.from({ length: 10_000 }, (_, i) => ({
    startedDateTime: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, i)).toISOString(),
    time: 5,
    _resourceType: 'fetch',
    request: {
      method: 'GET',
      url: `https://api.example.test/items/${i}`,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Origin', value: 'https://app.example.test' }],
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: i % 4 === 0 ? 404 : 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: i % 4 === 0 ? [] : [{ name: 'Access-Control-Allow-Origin', value: '*' }],
      cookies: [],
      content: { size: 0, mimeType: 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
      ...(i % 4 === 0 ? { _error: 'net::ERR_FAILED' } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
  }));
  const file = testInfo.outputPath('big.har');
  writeFileSync(
    file,
    JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } }),
  );

  const panel = await openPanel(page, extensionId, tabId);
  await panel.getByTestId('import-input').setInputFiles(file);
  // Reading and judging 10,000 entries takes under a second alone but several on a loaded CI
  // machine; its speed is measured by `npm run bench`, this test proves what the import shows.
  await expect(panel.getByTestId('import-banner')).toContainText('big.har', { timeout: 30_000 });
  await expect(panel.getByTestId('shown-count')).toHaveText('10000 requests');
  await expect(panel.getByTestId('blocked-count')).toHaveText('2500 blocked');
  const inDom = await panel.getByTestId('request-row').count();
  expect(inDom).toBeGreaterThan(10);
  expect(inDom).toBeLessThan(120);

  const grid = panel.getByTestId('request-list');
  await grid.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(panel.getByTestId('request-row').last()).toContainText('/items/9999');
  await grid.focus();
  await panel.keyboard.press('End');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('detail')).toContainText('/items/9999');
  await panel.screenshot({ path: join(SCREENSHOTS, 'panel-imported.png') });
  await panel.getByRole('button', { name: 'Back to live log' }).click();
  await expect(panel.getByTestId('import-banner')).toHaveCount(0);
});
