/**
 * Worker-scoped Firefox with the packed extension (release/…-firefox.zip, what users install)
 * and the loopback CORS server of the Chrome e2e tests; a probe tab on an extension page.
 */
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import packageJson from '../../../package.json' with { type: 'json' };
import { type CorsTestServer, startCorsTestServer } from '../../../src/demo/cors-server';
import { openProbe } from './extension';
import { type Firefox, launchFirefox } from './firefox';

export const EXTENSION_ARCHIVE = resolve(`release/cors-lens-${packageJson.version}-firefox.zip`);

interface WorkerFixtures {
  server: CorsTestServer;
  firefox: Firefox;
  probe: string;
}

export const test = base.extend<object, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startCorsTestServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firefox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const firefox = await launchFirefox({ extension: EXTENSION_ARCHIVE });
      await use(firefox);
      await firefox.close();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  probe: [async ({ firefox }, use) => use(await openProbe(firefox)), { scope: 'worker' }],
});

export const expect = test.expect;
