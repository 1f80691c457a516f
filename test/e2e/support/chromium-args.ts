// Moved to src/demo/chromium/, shared by the e2e tests and `npm run demo`.
export { chromiumArgs, IGNORED_DEFAULT_ARGS } from '../../../src/demo/chromium/chromium-args';
