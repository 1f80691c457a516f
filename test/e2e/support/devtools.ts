// Moved to src/demo/chromium/, shared by the e2e tests and `npm run demo`.
export { connectToDevtools, devtoolsPanelIds, freePort, showDevtoolsPanel } from '../../../src/demo/chromium/devtools';
