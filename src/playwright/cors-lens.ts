/**
 * `corsLens(page)`: records a Playwright page's cross-origin exchanges through the DevTools protocol
 * (Chromium only), judges each with the engine from the wire headers alone, and keeps Chromium's
 * own verdict beside it, so a test can assert there was no CORS error and every case where the
 * engine and Chromium disagree is reported.
 */
import type { CDPSession, Page } from '@playwright/test';
import { evaluate } from '../engine';
import { CdpRecorder, type CdpRequestEvents, extraInfoCount, isSettled } from './cdp-recorder';
import { harOf } from './har-of';
import { type Judge, type JudgedExchange, judgeRequest } from './judged-exchange';

export interface CorsLensOptions {
  /**
   * Decides each exchange; the engine's `evaluate` by default. Another judge (a newer engine build,
   * or one that alters the exchange first) is compared with Chromium the same way.
   */
  judge?: Judge;
  /** How long `settled()` waits for requests in flight, in milliseconds (default 5000). */
  settleTimeoutMs?: number;
}

export interface HarOptions {
  /** Replace secrets (cookies, tokens) with a marker and drop bodies; default true. */
  redact?: boolean;
}

/**
 * HAR 1.2 as written for the report: Chrome DevTools' entry shape plus `_cors` on each entry and
 * on the log. Typed loosely here so the declarations need no HAR type package.
 */
export interface CorsHar {
  log: { version: string; creator: { name: string; version: string }; entries: object[] };
}

export interface CorsLens {
  /** Waits until every request CDP reported has ended and its wire headers arrived (or the timeout passed). */
  settled(): Promise<void>;
  /** Every cross-origin exchange that has ended so far, in the order the page made them. */
  exchanges(): JudgedExchange[];
  /** The exchanges CORS Lens or Chromium blocked. */
  blocked(): JudgedExchange[];
  /** The exchanges where CORS Lens and Chromium decided differently: each one is a CORS Lens bug to report. */
  disagreements(): JudgedExchange[];
  /** The exchanges as HAR 1.2 with CORS Lens's `_cors` verdicts, redacted unless `redact: false`. */
  har(options?: HarOptions): CorsHar;
  /** Stops recording (detaches the CDP session). */
  dispose(): Promise<void>;
}

const POLL_MS = 50;

class CdpCorsLens implements CorsLens {
  readonly #session: CDPSession;
  readonly #recorder: CdpRecorder;
  readonly #judge: Judge;
  readonly #timeoutMs: number;

  constructor(session: CDPSession, options: CorsLensOptions) {
    this.#session = session;
    this.#recorder = new CdpRecorder(session);
    this.#judge = options.judge ?? ((exchange) => evaluate(exchange));
    this.#timeoutMs = options.settleTimeoutMs ?? 5_000;
  }

  #withPreflights(events: CdpRequestEvents): CdpRequestEvents[] {
    return [events, ...this.#recorder.preflightsOf(events.requestId)];
  }

  async settled(): Promise<void> {
    const deadline = Date.now() + this.#timeoutMs;
    let lastCount = -1;
    while (Date.now() < deadline) {
      const all = this.#recorder.pageRequests().flatMap((events) => this.#withPreflights(events));
      // ExtraInfo events travel on their own path from the network service: settled once they stop coming.
      const count = all.reduce((sum, events) => sum + extraInfoCount(events), all.length);
      if (all.every(isSettled) && count === lastCount) return;
      lastCount = count;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  exchanges(): JudgedExchange[] {
    return this.#recorder.pageRequests().flatMap((events) => {
      const preflights = this.#recorder.preflightsOf(events.requestId);
      if (![events, ...preflights].every(isSettled)) return [];
      const judged = judgeRequest(events, preflights, this.#judge);
      return judged === null ? [] : [judged];
    });
  }

  blocked(): JudgedExchange[] {
    return this.exchanges().filter((judged) => judged.verdict.blocked || judged.chromium !== null);
  }

  disagreements(): JudgedExchange[] {
    return this.exchanges().filter((judged) => judged.disagrees);
  }

  har(options: HarOptions = {}): CorsHar {
    return harOf(this.exchanges(), options);
  }

  async dispose(): Promise<void> {
    await this.#session.detach();
  }
}

/**
 * Starts recording `page` (Chromium only: it needs a CDP session). Requests made before this call
 * are not seen, so call it before the page loads what the test checks.
 */
export async function corsLens(page: Page, options: CorsLensOptions = {}): Promise<CorsLens> {
  const session = await page.context().newCDPSession(page);
  const lens = new CdpCorsLens(session, options);
  await session.send('Network.enable');
  return lens;
}
