// Only test/fixes/playwright.config.ts still imports from here (issue #15: point it at src/demo/chromium/ and delete this file).
export { findChromium } from '../../../src/demo/chromium/find-chromium';
