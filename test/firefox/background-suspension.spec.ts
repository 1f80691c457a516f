/**
 * Firefox suspends an idle MV3 background page (an event page): here after 1 s instead of ~30 s.
 * Requests made before and after it slept must all be in the log, with the badge counting them.
 */
import { test as base } from '@playwright/test';
import { type CorsTestServer, startCorsTestServer } from '../../src/demo/cors-server';
import { badgeTextOf, openProbe, snapshotOf, tabIdOf, waitFor } from './support/extension';
import { launchFirefox } from './support/firefox';
import { EXTENSION_ARCHIVE, expect } from './support/fixtures';

const BACKGROUND_PAGE = '/_generated_background_page.html';

base('suspending the background page loses no request and no badge count', async () => {
  base.setTimeout(120_000);
  const server: CorsTestServer = await startCorsTestServer();
  const firefox = await launchFirefox({ extension: EXTENSION_ARCHIVE, backgroundIdleMs: 1_000 });
  try {
    const probe = await openProbe(firefox);
    const backgroundAlive = () =>
      firefox.evaluate<boolean>(
        probe,
        `browser.extension.getViews().some((view) => view.location.pathname === ${JSON.stringify(BACKGROUND_PAGE)})`,
      );
    const url = `${server.pageOrigin}/ff-sleep/page`;
    const page = await firefox.openTab(url);
    const tabId = await tabIdOf(firefox, probe, url);
    const fetchAll = (paths: string[]) =>
      firefox.evaluate<boolean[]>(
        page,
        `Promise.all(${JSON.stringify(paths.map((path) => `${server.apiOrigin}/ff-sleep/${path}`))}.map((url) => fetch(url).then(() => true, () => false)))`,
      );
    for (const round of [1, 2, 3]) {
      server.route(`/ff-sleep/blocked-${round}`, { response: { body: 'x' } });
      server.route(`/ff-sleep/ok-${round}`, {
        response: { headers: [['Access-Control-Allow-Origin', server.pageOrigin]], body: 'x' },
      });
    }

    for (const round of [1, 2, 3]) {
      expect(await fetchAll([`blocked-${round}`, `ok-${round}`])).toEqual([false, true]);
      await waitFor(
        () => snapshotOf(firefox, probe, tabId),
        (log) => log.records.length === 2 * round,
      );
      // Asleep: the next round's events have to wake it, and it must find the earlier rounds in storage.
      await waitFor(backgroundAlive, (alive) => !alive, 30_000);
    }

    const log = await snapshotOf(firefox, probe, tabId);
    expect(log.records.map((record) => new URL(record.exchange.request.url).pathname).sort()).toEqual(
      ['blocked-1', 'blocked-2', 'blocked-3', 'ok-1', 'ok-2', 'ok-3'].map((path) => `/ff-sleep/${path}`),
    );
    expect(log.records.filter((record) => record.verdict.blocked)).toHaveLength(3);
    expect(log.records.every((record) => record.capturedBy === 'firefox')).toBe(true);
    expect(
      await waitFor(
        () => badgeTextOf(firefox, probe, tabId),
        (text) => text === '3',
      ),
    ).toBe('3');
  } finally {
    await firefox.close();
    await server.close();
  }
});
