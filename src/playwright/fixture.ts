/**
 * The `@playwright/test` integration: a `cors` fixture that records the test's page and attaches
 * its HAR (with `_cors`, redacted) to the test report, and an `expect` that knows
 * `toHaveNoCorsErrors`. Import `test` and `expect` from here instead of from `@playwright/test`.
 */
import { expect as baseExpect, test as baseTest } from '@playwright/test';
import { type CorsLens, corsLens } from './cors-lens';
import { corsMatchers } from './cors-matchers';

export const test = baseTest.extend<{ cors: CorsLens }>({
  cors: async ({ page }, use, testInfo) => {
    const cors = await corsLens(page);
    await use(cors);
    await cors.settled();
    if (cors.exchanges().length > 0) {
      await testInfo.attach('cors-lens.har', { body: JSON.stringify(cors.har()), contentType: 'application/json' });
    }
    await cors.dispose();
  },
});

export const expect = baseExpect.extend(corsMatchers);
