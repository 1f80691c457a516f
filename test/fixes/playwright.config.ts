import { defineConfig } from '@playwright/test';
import { chromiumArgs } from '../../src/demo/chromium/chromium-args';
import { findChromium } from '../../src/demo/chromium/find-chromium';

/** The e2e switches (CORS as users have it) without the extension: these tests need only the browser. */
const args = chromiumArgs('').filter((arg) => !/^--(load-extension|disable-extensions-except)=/.test(arg));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Two workers for this machine's two cores; each reuses one browser for all its tests.
  workers: 2,
  fullyParallel: true,
  timeout: 90_000,
  expect: { timeout: 5_000 },
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  outputDir: '../../test-results/fixes',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args },
  },
});
