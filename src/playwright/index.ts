/** `cors-lens/playwright`: the public surface of the Playwright helper. */
export type { CorsErrorStatus } from './cdp-recorder';
export { type CorsHar, type CorsLens, type CorsLensOptions, corsLens, type HarOptions } from './cors-lens';
export { corsMatchers, type NoCorsErrorsOptions } from './cors-matchers';
export { attachCorsHar, expect, test } from './fixture';
export type { Judge, JudgedExchange } from './judged-exchange';
