// Only test/fixes/playwright.config.ts still imports from here (issue #15: point it at src/demo/chromium/ and delete this file).
export { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
