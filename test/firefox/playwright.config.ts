import { defineConfig } from '@playwright/test';

/**
 * The Firefox suite: Playwright's runner with our own WebDriver BiDi fixture (support/), since
 * Playwright's browsers are not Debian's Firefox ESR. Needs `npm run zip:firefox` first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One Firefox at a time: it is heavier than Chromium and the machine has two shared cores.
  workers: 1,
  timeout: 90_000,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/firefox',
});
