/**
 * The `@playwright/test` integration: a `cors` fixture that records the test's page and attaches
 * its HAR (with `_cors`, redacted) to the test report, and an `expect` that knows
 * `toHaveNoCorsErrors`. Import `test` and `expect` from here instead of from `@playwright/test`.
 */
import {
  expect as baseExpect,
  test as baseTest,
  type Expect,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestInfo,
  type TestType,
} from '@playwright/test';
import { type CorsLens, corsLens } from './cors-lens';
import { corsMatchers } from './cors-matchers';

// Typed by hand so the declarations name `@playwright/test`, the package users install.
/** Attaches the recorded exchanges as `cors-lens.har` (redacted, with `_cors`) to the test's report, when there are any. */
export async function attachCorsHar(cors: CorsLens, testInfo: TestInfo): Promise<void> {
  await cors.settled();
  if (cors.exchanges().length === 0) return;
  await testInfo.attach('cors-lens.har', { body: JSON.stringify(cors.har()), contentType: 'application/json' });
}

export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & { cors: CorsLens },
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = baseTest.extend<{ cors: CorsLens }>({
  cors: async ({ page }, use, testInfo) => {
    const cors = await corsLens(page);
    await use(cors);
    await attachCorsHar(cors, testInfo);
    await cors.dispose();
  },
});

export const expect: Expect<typeof corsMatchers> = baseExpect.extend(corsMatchers);
