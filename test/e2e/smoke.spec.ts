import packageJson from '../../package.json' with { type: 'json' };
import { panelUrl } from '../../src/demo/launch-browser';
import { expect, test } from './support/fixtures';

test('the service worker starts from the built extension', async ({ serviceWorker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/service-worker-loader.js`);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('CORS Lens');
  // The build takes the version from package.json, its one home.
  expect(manifest.version).toBe(packageJson.version);
  // debugger: precise mode, which attaches only when the user turns it on (precise-mode.spec.ts).
  expect(manifest.permissions?.sort()).toEqual(['contextMenus', 'debugger', 'storage', 'webRequest']);
});

test('the panel renders standalone for a tab given in its address', async ({ context, extensionId, tabId }) => {
  const panel = await context.newPage();
  await panel.goto(panelUrl(extensionId, tabId));
  await expect(panel.getByRole('heading', { name: 'CORS Lens' })).toBeVisible();
  await expect(panel.getByTestId('page-origin')).toHaveAttribute('title', `Tab ${tabId}`);
  await expect(panel.getByTestId('connection-status')).toHaveText('Live');
  await expect(panel.getByTestId('blocked-count')).toHaveText('0 blocked');
  // About (in the ⋯ menu) shows the version from package.json, the version's one home.
  await panel.getByLabel('More actions').click();
  await panel.getByTestId('about-open').click();
  await expect(panel.getByRole('dialog', { name: `CORS Lens ${packageJson.version}` })).toBeVisible();
});

test('a blocked cross-origin request is counted on the badge of its tab only', async ({
  context,
  page,
  server,
  serviceWorker,
  tabId,
}) => {
  const url = server.route('/smoke/no-cors-headers', { response: { status: 200, body: 'secret' } });
  const seenByPage = await page.evaluate(async (target) => {
    try {
      await fetch(target);
      return 'fetched';
    } catch (error) {
      return String(error);
    }
  }, url);
  expect(seenByPage).toBe('TypeError: Failed to fetch');
  expect(server.received('/smoke/no-cors-headers')).toHaveLength(1);

  const badgeText = (id: number) => serviceWorker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id);
  await expect.poll(() => badgeText(tabId)).toBe('1');
  const title = await serviceWorker.evaluate((tab) => chrome.action.getTitle({ tabId: tab }), tabId);
  expect(title).toContain('1 blocked cross-origin request');

  const panel = await context.newPage();
  await panel.goto(panelUrl(new URL(serviceWorker.url()).host, tabId));
  await expect(panel.getByTestId('blocked-count')).toHaveText('1 blocked');
  await expect(panel.getByTestId('request-row')).toHaveCount(1);
  await expect(panel.getByTestId('verdict')).toHaveText('MissingAllowOriginHeader');

  const other = await context.newPage();
  await other.goto(`${server.pageOrigin}/other`);
  const otherTabId = await serviceWorker.evaluate(
    async (otherUrl) => (await chrome.tabs.query({})).find((tab) => tab.url === otherUrl)?.id ?? -1,
    other.url(),
  );
  expect(otherTabId).toBeGreaterThan(0);
  expect(await badgeText(otherTabId)).toBe('');
});

test('an allowed cross-origin request leaves the badge empty', async ({ page, server, serviceWorker, tabId }) => {
  const url = server.route('/smoke/allowed', {
    response: { headers: [['Access-Control-Allow-Origin', server.pageOrigin]], body: 'ok' },
  });
  const body = await page.evaluate(async (target) => (await fetch(target)).text(), url);
  expect(body).toBe('ok');
  expect(await serviceWorker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId)).toBe('');
});
