// Moved to src/demo/chromium/, shared by the e2e tests and `npm run demo`.
export { findChromium } from '../../../src/demo/chromium/find-chromium';
