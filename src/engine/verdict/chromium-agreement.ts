/**
 * Whether the engine's verdict and Chromium's own decision about the same request agree: the
 * fidelity check behind the Playwright helper's `disagreements()` and the panel's precise mode.
 * Chromium reports its decision in the DevTools protocol: `Network.loadingFailed` with
 * `corsErrorStatus` for a CORS block, without it for any other failure, `Network.loadingFinished`
 * for a request the page got.
 * @see https://chromedevtools.github.io/devtools-protocol/tot/Network/#event-loadingFailed
 */
import { cutValueBytes, splitTruncation } from './cut-value';
import { byteLength } from './header-list';
import { classifyNetworkError } from './network-error';
import type { Verdict } from './verdict-types';

/** Chromium's `Network.CorsErrorStatus`: the `CorsError` name and the value that failed ('' when none). */
export interface CorsErrorStatus {
  corsError: string;
  failedParameter: string;
}

/** How Chromium ended one request. */
export type ChromiumOutcome =
  | { kind: 'passed' }
  | { kind: 'blocked'; status: CorsErrorStatus }
  | { kind: 'network-error'; errorText: string };

/**
 * The same CORS error and failed parameter; or both calling it a failure that is not CORS (or, for
 * the generic name a CORS block also ends with, `net::ERR_FAILED`, a verdict that names no block and
 * leaves it undecided: what failed is not in the headers, a 3xx that `redirect: 'error'` refused
 * say); or, when Chromium let the page have it, a verdict that does not block it.
 */
export function agreesWithChromium(verdict: Verdict, chromium: ChromiumOutcome): boolean {
  switch (chromium.kind) {
    case 'blocked':
      return (
        verdict.blocked &&
        verdict.code === chromium.status.corsError &&
        sameParameter(verdict.failedParameter, chromium.status.failedParameter)
      );
    case 'network-error':
      return (
        verdict.kind === 'network-error' ||
        (verdict.kind === 'unknown' && !verdict.blocked && classifyNetworkError(chromium.errorText) === 'cors-like')
      );
    case 'passed':
      return !verdict.blocked;
  }
}

/**
 * The failed parameter Chromium named, as the verdict names it: the same text, or, for a value
 * the capture cut (see cut-value.ts), Chromium's whole value starting with the kept part and as
 * long as the marker says the whole was.
 */
function sameParameter(ours: string, chromiums: string): boolean {
  if (ours === chromiums) return true;
  const { kept, marker } = splitTruncation(ours);
  return marker !== '' && chromiums.startsWith(kept) && cutValueBytes(marker) === byteLength(chromiums);
}
