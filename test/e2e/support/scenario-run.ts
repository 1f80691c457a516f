/**
 * Runs one row of `scenarios.ts` in a page: fills its placeholders, installs its routes on the
 * loopback server, makes its request from the page, and waits for Chromium's own account of it
 * over CDP. Used by `cors-matrix.spec.ts` and `capture-matrix.spec.ts`; the Firefox suite
 * (`test/firefox/support/scenario-page.ts`) uses its placeholders and page-side request, and the
 * fix-verification suite (`test/fixes/support/page-run.ts`) its CDP settling.
 */
import type { Page } from '@playwright/test';
import type { CorsTestServer, ResponseSpec } from '../../../src/demo/cors-server';
import {
  type CdpRecorder,
  type CdpRequestEvents,
  type CorsErrorStatus,
  extraInfoCount,
  isSettled,
} from '../../../src/playwright/cdp-recorder';
import type { Scenario, ScenarioRequest } from './scenarios';

/** Placeholder values of `scenarios.ts`. */
export type Placeholders = Record<'page' | 'publicPage' | 'api' | 'other' | 'otherHost' | 'apiHost' | 'closed', string>;

export function placeholdersFor(server: CorsTestServer, closedPort: number): Placeholders {
  return {
    page: server.pageOrigin,
    publicPage: server.publicPageOrigin,
    api: server.apiOrigin,
    other: server.otherOrigin,
    otherHost: server.otherOrigin.replace(/^http:\/\//, ''),
    apiHost: server.apiOrigin.replace(/^http:\/\//, ''),
    closed: `http://127.0.0.1:${closedPort}`,
  };
}

export function fill(text: string, values: Placeholders, path: string): string {
  return text.replace(
    /\{(page|publicPage|api|other|otherHost|apiHost|closed|path)\}/g,
    (_all, key: keyof Placeholders | 'path') => (key === 'path' ? path : values[key]),
  );
}

function fillSpec(spec: ResponseSpec, values: Placeholders, path: string): ResponseSpec {
  return spec.headers === undefined
    ? spec
    : { ...spec, headers: spec.headers.map(([name, value]) => [name, fill(value, values, path)] as const) };
}

/** The path a scenario's routes live under (`{path}`): `<base>/<id>`, so no two rows share one. */
export function scenarioPath(scenario: Scenario, base = '/m'): string {
  return `${base}/${scenario.id}`;
}

/**
 * Installs the scenario's routes (under `scenarioPath(scenario, base)`) and returns the URL and
 * request the page should make.
 */
export function prepareScenario(
  server: CorsTestServer,
  scenario: Scenario,
  values: Placeholders,
  base = '/m',
): { url: string; request: ScenarioRequest } {
  const path = scenarioPath(scenario, base);
  for (const route of scenario.routes) {
    const spec = {
      ...(route.preflight === undefined ? {} : { preflight: fillSpec(route.preflight, values, path) }),
      ...(route.response === undefined ? {} : { response: fillSpec(route.response, values, path) }),
    };
    const routePath = fill(route.path, values, path);
    if (route.on === 'page') server.pageRoute(routePath, spec);
    else server.route(routePath, spec);
  }
  const url = fill(scenario.request.url ?? '{api}{path}', values, path);
  const { headers } = scenario.request;
  const request: ScenarioRequest = {
    ...scenario.request,
    ...(headers === undefined ? {} : { headers: headers.map(([name, value]) => [name, fill(value, values, path)]) }),
  };
  return { url, request };
}

/** A page whose response header makes its document's origin opaque, as a sandboxed frame's is. */
const SANDBOXED_PAGE = {
  headers: [
    ['Content-Type', 'text/html'],
    ['Content-Security-Policy', 'sandbox allow-scripts'],
  ],
  body: '<!doctype html><html lang="en"><head><title>sandboxed</title></head><body>sandboxed</body></html>',
} as const;

/**
 * The serialized origin of the document a scenario's request is made from (see `Scenario.from`):
 * `null` for the sandboxed page.
 */
export function documentOrigin(server: CorsTestServer, scenario: Scenario): string {
  if (scenario.from === 'public-page') return server.publicPageOrigin;
  return scenario.from === 'sandboxed-page' ? 'null' : server.pageOrigin;
}

/** The URL of that document under `path` (the sandboxed page is served on the page origin). */
export function documentUrl(server: CorsTestServer, scenario: Scenario, path: string): string {
  if (scenario.from === 'public-page') return `${server.publicPageOrigin}${path}`;
  if (scenario.from === 'sandboxed-page') return server.pageRoute(`/sandboxed${path}`, { response: SANDBOXED_PAGE });
  return `${server.pageOrigin}${path}`;
}

/** Navigates `page` to the scenario's document under `path`, unless it is there already. */
export async function openDocumentFor(
  page: Page,
  server: CorsTestServer,
  scenario: Scenario,
  path: string,
): Promise<void> {
  const url = documentUrl(server, scenario, path);
  if (page.url() !== url) await page.goto(url);
}

/** What the page's script saw. */
export type PageResult =
  | {
      ok: true;
      status: number;
      /** With `reads`: each header's `response.headers.get(name)`, by the lowercase name. */
      read?: Record<string, string | null>;
    }
  | { ok: false; error: string };

/**
 * The page-side half: makes the scenario's request as the row says (fetch, XMLHttpRequest, an image
 * or a font) and reports what the script saw. It runs in the page, so it must stay self-contained (Playwright's
 * `page.evaluate` and the Firefox suite's BiDi `script.evaluate` both send its source text).
 */
export async function requestInPage({ url, request }: { url: string; request: ScenarioRequest }): Promise<PageResult> {
  const headers = (request.headers ?? []) as [string, string][];
  const credentialed = request.credentials === 'include';
  if (request.api === 'img') {
    return new Promise<PageResult>((resolve) => {
      const image = new Image();
      image.crossOrigin = credentialed ? 'use-credentials' : 'anonymous';
      image.onload = () => resolve({ ok: true, status: 200 });
      image.onerror = () => resolve({ ok: false, error: 'image error' });
      image.src = url;
    });
  }
  if (request.api === 'font-face' || request.api === 'font-css') {
    // A unique family per request, so no font cache entry is shared between rows.
    const family = `f${Math.random().toString(36).slice(2)}`;
    let face: FontFace | undefined;
    if (request.api === 'font-face') {
      face = new FontFace(family, `url("${url}")`);
      document.fonts.add(face);
    } else {
      const style = document.createElement('style');
      style.textContent = `@font-face { font-family: "${family}"; src: url("${url}"); }`;
      document.head.append(style);
      const span = document.createElement('span');
      span.style.fontFamily = `"${family}"`;
      span.textContent = 'x';
      document.body.append(span);
    }
    try {
      await document.fonts.load(`16px "${family}"`);
    } catch {
      // A font that fails to load rejects or resolves empty, by browser: its status tells.
    }
    face ??= [...document.fonts].find((candidate) => candidate.family.replace(/"/g, '') === family);
    return face?.status === 'loaded' ? { ok: true, status: 200 } : { ok: false, error: `font ${face?.status}` };
  }
  if (request.api === 'xhr') {
    return new Promise<PageResult>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method ?? 'GET', url);
      for (const [name, value] of headers) xhr.setRequestHeader(name, value);
      xhr.withCredentials = credentialed;
      xhr.onload = () => resolve({ ok: true, status: xhr.status });
      xhr.onerror = () => resolve({ ok: false, error: 'XMLHttpRequest error' });
      xhr.send(request.body ?? null);
    });
  }
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      credentials: request.credentials ?? 'same-origin',
      mode: request.mode ?? 'cors',
      redirect: request.redirect ?? 'follow',
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    await response.arrayBuffer();
    if (request.reads === undefined) return { ok: true, status: response.status };
    const read = Object.fromEntries(request.reads.map((name) => [name.toLowerCase(), response.headers.get(name)]));
    return { ok: true, status: response.status, read };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** Makes the scenario's request with fetch or XMLHttpRequest from `page`, as the row says. */
export function runInPage(page: Page, url: string, request: ScenarioRequest): Promise<PageResult> {
  return page.evaluate(requestInPage, { url, request });
}

/** Chromium's account of one request: its CORS error, or the network error that ended it. */
export interface ChromiumOutcome {
  corsErrorStatus: CorsErrorStatus | null;
  /** `Network.loadingFailed.errorText` when the request failed, null when it finished. */
  errorText: string | null;
  /** True when the renderer refused the request before it reached the network (no Network events). */
  unsent: boolean;
  /** The last request Chromium made for it (after redirects), as DevTools lists it last. */
  finalRequest: { url: string; method: string };
}

/**
 * Waits until CDP says how the request to `url` ended (or that the renderer refused it, which
 * only the Audits domain reports) and returns Chromium's verdict.
 */
export async function chromiumOutcome(recorder: CdpRecorder, url: string): Promise<ChromiumOutcome> {
  const deadline = Date.now() + 5_000;
  let events: CdpRequestEvents | undefined;
  while (Date.now() < deadline) {
    events = recorder.requestFor(url);
    const unsent = recorder.unsentCorsIssue(url);
    if (events === undefined && unsent !== undefined) {
      return { corsErrorStatus: unsent, errorText: null, unsent: true, finalRequest: { url, method: '' } };
    }
    if (events !== undefined && isSettled(events)) {
      const last = events.willBeSent.at(-1)?.request;
      return {
        corsErrorStatus: events.failed?.corsErrorStatus ?? null,
        errorText: events.failed?.errorText ?? null,
        unsent: false,
        finalRequest: { url: last?.url ?? url, method: last?.method ?? '' },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`CDP never reported the end of ${url}`);
}

/** The CDP events of a request that ended, and of the preflights it had, oldest first. */
export interface SettledEvents {
  events: CdpRequestEvents;
  preflights: CdpRequestEvents[];
}

/**
 * Waits (up to `timeoutMs`) until CDP reported how the request to `url` (and its preflights) ended,
 * and its ExtraInfo events settled; or returns the CorsIssue of a request the renderer never sent
 * (reported only with `Audits.enable` sent).
 */
export async function settledEvents(
  recorder: CdpRecorder,
  url: string,
  timeoutMs = 5_000,
): Promise<SettledEvents | { unsent: CorsErrorStatus }> {
  const deadline = Date.now() + timeoutMs;
  let events: CdpRequestEvents | undefined;
  while (Date.now() < deadline) {
    events = recorder.requestFor(url);
    const unsent = recorder.unsentCorsIssue(url);
    if (events === undefined && unsent !== undefined) return { unsent };
    if (events !== undefined && isSettled(events) && recorder.preflightsOf(events.requestId).every(isSettled)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (events === undefined || !isSettled(events)) throw new Error(`CDP never reported the end of ${url}`);
  const { requestId } = events;
  const extraInfo = (settled: CdpRequestEvents) =>
    [settled, ...recorder.preflightsOf(requestId)].reduce((sum, one) => sum + extraInfoCount(one), 0);
  // ExtraInfo events travel on their own path from the network service: wait until they stop coming.
  let count = -1;
  while (Date.now() < deadline) {
    const now = extraInfo(events);
    if (now === count) break;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return { events, preflights: recorder.preflightsOf(requestId) };
}
