/**
 * In Firefox: the toolbar badge counts the tab's blocked requests, and the panel renders in a tab
 * of its own (moz-extension://<uuid>/src/panel/panel.html?tabId=N) with Firefox's note.
 */
import { badgeTextOf, PANEL_PATH, snapshotOf, tabIdOf, waitFor } from './support/extension';
import { EXTENSION_ORIGIN } from './support/firefox';
import { expect, test } from './support/fixtures';

const ALLOW = (origin: string) => [['Access-Control-Allow-Origin', origin]] as const;

test('the badge counts the blocked requests of its tab, and a navigation resets it', async ({
  firefox,
  probe,
  server,
}) => {
  for (const name of ['a', 'b', 'c']) server.route(`/ff-badge/blocked-${name}`, { response: { body: 'x' } });
  for (const name of ['a', 'b']) {
    server.route(`/ff-badge/ok-${name}`, { response: { headers: ALLOW(server.pageOrigin), body: 'x' } });
  }
  const url = `${server.pageOrigin}/ff-badge/page`;
  const page = await firefox.openTab(url);
  const tabId = await tabIdOf(firefox, probe, url);
  const paths = ['blocked-a', 'ok-a', 'blocked-b', 'ok-b', 'blocked-c'];
  const seen = await firefox.evaluate<boolean[]>(
    page,
    `Promise.all(${JSON.stringify(paths.map((path) => `${server.apiOrigin}/ff-badge/${path}`))}.map((url) => fetch(url).then(() => true, () => false)))`,
  );
  expect(seen).toEqual([false, true, false, true, false]);
  await waitFor(
    () => snapshotOf(firefox, probe, tabId),
    (log) => log.records.length === 5,
  );
  expect(
    await waitFor(
      () => badgeTextOf(firefox, probe, tabId),
      (text) => text === '3',
    ),
  ).toBe('3');
  await firefox.navigate(page, `${server.pageOrigin}/ff-badge/next`);
  expect(
    await waitFor(
      () => badgeTextOf(firefox, probe, tabId),
      (text) => text === '',
    ),
  ).toBe('');
  await firefox.closeTab(page);
});

test('the panel renders in a tab, lists the requests and says what Firefox did', async ({ firefox, probe, server }) => {
  server.route('/ff-panel/blocked', { response: { body: 'x' } });
  server.route('/ff-panel/ok', { response: { headers: ALLOW(server.pageOrigin), body: 'x' } });
  const url = `${server.pageOrigin}/ff-panel/page`;
  const page = await firefox.openTab(url);
  const tabId = await tabIdOf(firefox, probe, url);
  await firefox.evaluate(
    page,
    `Promise.all(['/ff-panel/blocked', '/ff-panel/ok'].map((path) => fetch(${JSON.stringify(server.apiOrigin)} + path).then(() => true, () => false)))`,
  );
  const panel = await firefox.openTab(`${EXTENSION_ORIGIN}${PANEL_PATH}?tabId=${tabId}`);
  const rows = await waitFor(
    () =>
      firefox.evaluate<string[]>(
        panel,
        `[...document.querySelectorAll('[data-testid="request-row"]')].map((row) => row.textContent)`,
      ),
    (texts) => texts.length === 2,
  );
  expect(rows.find((text) => text.includes('/ff-panel/blocked'))).toContain('MissingAllowOriginHeader');
  const notes = await firefox.evaluate<string>(
    panel,
    `(async () => {
      [...document.querySelectorAll('[data-testid="request-row"]')].find((row) => row.textContent.includes('/ff-panel/blocked')).click();
      for (let i = 0; i < 100; i += 1) {
        const notes = document.querySelector('[data-testid="firefox-notes"]');
        if (notes !== null) return notes.textContent;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return document.querySelector('[data-testid="detail"]')?.textContent ?? 'no detail';
    })()`,
  );
  expect(notes).toContain('Firefox reported this request as completed (HTTP 200)');
  await firefox.closeTab(panel);
  await firefox.closeTab(page);
});

test('pausing capture from the panel: nothing is recorded and the badge says so; resuming records again', async ({
  firefox,
  probe,
  server,
}) => {
  server.route('/ff-pause/while-paused', { response: { body: 'x' } });
  server.route('/ff-pause/after-resume', { response: { body: 'x' } });
  const url = `${server.pageOrigin}/ff-pause/page`;
  const page = await firefox.openTab(url);
  const tabId = await tabIdOf(firefox, probe, url);
  const panel = await firefox.openTab(`${EXTENSION_ORIGIN}${PANEL_PATH}?tabId=${tabId}`);
  /** Clicks the top bar's switch once it shows `label`, then returns what the status says once it changed. */
  const toggle = (label: string, status: string) =>
    firefox.evaluate<string>(
      panel,
      `(async () => {
        const find = () => document.querySelector('[data-testid="pause-toggle"]');
        for (let i = 0; i < 100 && find()?.textContent !== ${JSON.stringify(label)}; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        find()?.click();
        const statusOf = () => document.querySelector('[data-testid="connection-status"]')?.textContent;
        for (let i = 0; i < 100 && statusOf() !== ${JSON.stringify(status)}; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return statusOf() ?? 'no status';
      })()`,
    );
  const blocked = (path: string) =>
    firefox.evaluate<boolean>(page, `fetch(${JSON.stringify(server.apiOrigin + path)}).then(() => true, () => false)`);

  expect(await toggle('Pause capture', 'Paused')).toBe('Paused');
  expect(
    await waitFor(
      () => badgeTextOf(firefox, probe, tabId),
      (text) => text === 'off',
    ),
  ).toBe('off');
  expect(await blocked('/ff-pause/while-paused')).toBe(false);
  expect(server.received('/ff-pause/while-paused')).toHaveLength(1);

  expect(await toggle('Resume capture', 'Live')).toBe('Live');
  expect(await blocked('/ff-pause/after-resume')).toBe(false);
  const log = await waitFor(
    () => snapshotOf(firefox, probe, tabId),
    (view) => view.records.length > 0,
  );
  // The request made while paused came first: had any of its events been recorded, it would be here.
  expect(log.records.map((record) => new URL(record.exchange.request.url).pathname)).toEqual([
    '/ff-pause/after-resume',
  ]);
  expect(
    await waitFor(
      () => badgeTextOf(firefox, probe, tabId),
      (text) => text === '1',
    ),
  ).toBe('1');
  await firefox.closeTab(panel);
  await firefox.closeTab(page);
});
