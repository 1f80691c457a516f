/**
 * The shape of a row of the CORS agreement matrix (`scenarios.ts`, `scenarios-real-world.ts`) and
 * the builders rows are written with. Placeholders are described in `scenarios.ts`.
 */

import type { ResponseSpec } from '../../../src/demo/cors-server';
import type { CorsErrorCode, CredentialsMode } from '../../../src/engine';

export interface ScenarioRoute {
  /** Which server answers: the API (also reachable as `{other}`) or the page origin. */
  on?: 'api' | 'page';
  /** Path, usually `{path}` or `{path}/<suffix>`. */
  path: string;
  preflight?: ResponseSpec;
  response?: ResponseSpec;
}

export interface ScenarioRequest {
  /** Default `{api}{path}`. */
  url?: string;
  /**
   * What makes the request: `fetch` (default), `XMLHttpRequest`, an `<img crossorigin>`, the
   * `FontFace` API, or a CSS `@font-face` rule used by an element.
   */
  api?: 'fetch' | 'xhr' | 'img' | 'font-face' | 'font-css';
  method?: string;
  headers?: ReadonlyArray<readonly [string, string]>;
  /** fetch's credentials (default `same-origin`); for XHR, `include` means `withCredentials`. */
  credentials?: 'omit' | 'same-origin' | 'include';
  body?: string;
  mode?: 'cors' | 'same-origin' | 'no-cors';
  redirect?: 'follow' | 'manual' | 'error';
  /** Response headers the page's script reads with `response.headers.get(name)` (fetch only). */
  reads?: readonly string[];
}

/**
 * What the page's script could read of a passing response: which of the headers it `reads` came
 * back null (the browser's truth), and which of those CORS Lens advises exposing (the rest is
 * metadata such as ETag that no script wanted: shown as information, never advised).
 */
export interface ReadableHeaders {
  /** Lowercase names, in the order of `reads`, that the browser hid from the script. */
  unreadable: readonly string[];
  /** Lowercase names the unexposed-response-headers advisory names; empty means no such advisory. */
  advised: readonly string[];
}

export type ScenarioExpectation =
  /** Chromium's verdict: a CORS error with its failedParameter, or null when the request passes. */
  | { code: CorsErrorCode; failedParameter: string }
  | { code: null; readable?: ReadableHeaders }
  /** A failure that is not CORS (no corsErrorStatus): the engine must say `network-error`. */
  | { networkError: string }
  /** Not a CORS request at all (mode `no-cors`: an opaque response): never blocked, the engine says `not-cors`. */
  | { notCors: true };

export interface Scenario {
  /** Unique slug: the path prefix `/m/<id>`. */
  id: string;
  /** What the row proves, in words. */
  name: string;
  routes: readonly ScenarioRoute[];
  request: ScenarioRequest;
  /**
   * The credentials mode the exchange declares to the engine. Default: what the page did
   * (`include` → 'include', otherwise 'omit' since these requests are cross-origin).
   * `unknown` makes the engine infer it, as it must for webRequest captures.
   */
  exchangeCredentials?: CredentialsMode;
  /**
   * The document that makes the request: the usual page (`{page}`, default); `public-page`, the
   * same page served from `{publicPage}`, which the matrices' Chromium takes for a public address
   * (`publicPageOverride`), so its requests to the loopback API meet Local Network Access; or
   * `sandboxed-page`, a page on `{page}` whose CSP `sandbox` makes its origin opaque (`Origin: null`).
   */
  from?: 'public-page' | 'sandboxed-page';
  /** Chromium sends a preflight for this request (checked against CDP). */
  preflight: boolean;
  expect: ScenarioExpectation;
}

export const ok = (headers: ReadonlyArray<readonly [string, string]> = [], status = 200): ResponseSpec => ({
  status,
  headers,
  body: 'ok',
});
export const ACAO_PAGE = ['Access-Control-Allow-Origin', '{page}'] as const;
export const ACAC_TRUE = ['Access-Control-Allow-Credentials', 'true'] as const;
export const MAX_AGE_0 = ['Access-Control-Max-Age', '0'] as const;
export const CUSTOM = [['X-Custom', 'one']] as const;
export const pass = { code: null } as const;
/** Passes; of the headers the page reads, `unreadable` come back null and `advised` are advised. */
export const passReading = (unreadable: readonly string[], advised: readonly string[]) =>
  ({ code: null, readable: { unreadable, advised } }) as const;
export const blocked = (code: CorsErrorCode, failedParameter = '') => ({ code, failedParameter });

/** A preflight answer allowing the page origin, with `extra` headers. */
export const preflightOk = (...extra: ReadonlyArray<readonly [string, string]>): ResponseSpec => ({
  status: 204,
  headers: [ACAO_PAGE, MAX_AGE_0, ...extra],
});
/** The same for a credentialed request. */
export const preflightOkCredentialed = (...extra: ReadonlyArray<readonly [string, string]>): ResponseSpec =>
  preflightOk(ACAC_TRUE, ...extra);
