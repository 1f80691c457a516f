/**
 * Runs one request from a page in Chromium and returns what Chromium said about it (CDP's
 * `corsErrorStatus`) together with the exchange CDP observed, built the way the e2e matrix does.
 */
import type { BrowserContext } from '@playwright/test';
import type { Exchange } from '../../../src/engine';
import { buildExchange } from '../../../src/playwright/cdp-exchange';
import { CdpRecorder, type CorsErrorStatus, chromiumVerdict } from '../../../src/playwright/cdp-recorder';
import { type SettledEvents, settledEvents } from '../../e2e/support/scenario-run';
import type { PageRequest } from './cases';

/** What the page's script saw: with `reads`, each header's `response.headers.get(name)`. */
export type PageResult =
  | { ok: true; status: number; body: string; read: Record<string, string | null> }
  | { ok: false; error: string };

export interface Observed {
  page: PageResult;
  chromium: CorsErrorStatus | null;
  exchange: Exchange;
}

/** Waits until CDP reported how the request (and its preflight) ended and its ExtraInfo settled. */
async function settled(recorder: CdpRecorder, url: string): Promise<SettledEvents> {
  // Audits is not enabled here, so no request counts as unsent: only its Network events end it.
  const observed = await settledEvents(recorder, url, 10_000);
  if ('unsent' in observed) throw new Error(`CDP never reported the end of ${url}`);
  return observed;
}

/**
 * Opens `pagePath` on `pageOrigin`, makes `request` to `url` with fetch(), and reports both sides.
 * `initiatorOrigin` is the page's serialized origin: `null` for a sandboxed page.
 */
export async function runInChromium(
  context: BrowserContext,
  page: { origin: string; path: string; initiatorOrigin: string },
  url: string,
  request: PageRequest,
): Promise<Observed> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${page.origin}${page.path}`);
    const cdp = await context.newCDPSession(tab);
    const recorder = new CdpRecorder(cdp);
    await cdp.send('Network.enable');
    const result = await tab.evaluate(
      async ({ url, request }): Promise<PageResult> => {
        try {
          const response = await fetch(url, {
            method: request.method,
            headers: request.headers,
            credentials: request.credentials,
            mode: 'cors',
            ...(request.body === undefined ? {} : { body: request.body }),
          });
          const read = Object.fromEntries((request.reads ?? []).map((name) => [name, response.headers.get(name)]));
          return { ok: true, status: response.status, body: await response.text(), read };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
      { url, request },
    );
    const { events, preflights } = await settled(recorder, url);
    const exchange = buildExchange(events, preflights, {
      initiatorOrigin: page.initiatorOrigin,
      credentialsMode: request.credentials,
      mode: 'cors',
      resourceType: 'fetch',
    });
    await cdp.detach();
    return { page: result, chromium: chromiumVerdict(events), exchange };
  } finally {
    await tab.close();
  }
}
