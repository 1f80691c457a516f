import { connectToDevtools, devtoolsPanelIds, freePort, showDevtoolsPanel } from './chromium/devtools-window';
import type { DemoBrowser } from './launch-browser';

/** Title the extension gives its DevTools panel (src/devtools/register-panel.ts). */
const PANEL_TITLE = 'CORS';

/** Switches that open DevTools with the page and let the demo reach it over CDP on loopback. */
export async function devtoolsArgs(): Promise<{ port: number; args: string[] }> {
  const port = await freePort();
  return { port, args: ['--auto-open-devtools-for-tabs', `--remote-debugging-port=${port}`, '--window-size=1500,950'] };
}

/**
 * Brings the CORS panel to the front of the DevTools that `--auto-open-devtools-for-tabs` opened,
 * then lets go of DevTools (the browser stays).
 */
export async function showCorsPanel(browser: DemoBrowser, debuggingPort: number): Promise<void> {
  const { browser: cdp, devtools } = await connectToDevtools(debuggingPort);
  try {
    const panelId = `chrome-extension://${browser.extensionId}${PANEL_TITLE}`;
    const deadline = Date.now() + 10_000;
    while (!(await devtoolsPanelIds(devtools)).includes(panelId)) {
      if (Date.now() > deadline) throw new Error('DevTools never listed the CORS panel');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await showDevtoolsPanel(devtools, panelId, `${browser.extensionId}/src/panel/panel.html`);
  } finally {
    // Over connectOverCDP, close() only disconnects: the browser and its DevTools stay open.
    await cdp.close();
  }
}

/** Resolves on Ctrl-C (SIGINT), SIGTERM, SIGHUP, or when the user closes the browser. */
export function untilStopped(browser: DemoBrowser): Promise<string> {
  return new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const onSignal = (signal: NodeJS.Signals) => resolve(signal === 'SIGINT' ? 'Ctrl-C' : signal);
    for (const signal of signals) process.on(signal, onSignal);
    browser.context.on('close', () => resolve('the browser was closed'));
  });
}
