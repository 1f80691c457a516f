/**
 * Runs one row of `scenarios.ts` in a page: fills its placeholders, installs its routes on the
 * loopback server, makes its request from the page, and waits for Chromium's own account of it
 * over CDP. Used by `cors-matrix.spec.ts` and `capture-matrix.spec.ts`; the Firefox suite
 * (`test/firefox/support/scenario-page.ts`) uses its placeholders and page-side request, and the
 * fix-verification suite (`test/fixes/support/page-run.ts`) its CDP settling.
 */
import type { Page } from '@playwright/test';
import { type CdpRecorder, type CdpRequestEvents, type CorsErrorStatus, isSettled } from './cdp-exchange';
import type { CorsTestServer, ResponseSpec } from './cors-server';
import type { Scenario, ScenarioRequest } from './scenarios';

/** Placeholder values of `scenarios.ts`. */
export type Placeholders = Record<'page' | 'api' | 'other' | 'otherHost' | 'apiHost' | 'closed', string>;

export function placeholdersFor(server: CorsTestServer, closedPort: number): Placeholders {
  return {
    page: server.pageOrigin,
    api: server.apiOrigin,
    other: server.otherOrigin,
    otherHost: server.otherOrigin.replace(/^http:\/\//, ''),
    apiHost: server.apiOrigin.replace(/^http:\/\//, ''),
    closed: `http://127.0.0.1:${closedPort}`,
  };
}

export function fill(text: string, values: Placeholders, path: string): string {
  return text.replace(
    /\{(page|api|other|otherHost|apiHost|closed|path)\}/g,
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

/** What the page's script saw. */
export type PageResult = { ok: true; status: number } | { ok: false; error: string };

/**
 * The page-side half: makes the scenario's request with fetch or XMLHttpRequest, as the row says,
 * and reports what the script saw. It runs in the page, so it must stay self-contained (Playwright's
 * `page.evaluate` and the Firefox suite's BiDi `script.evaluate` both send its source text).
 */
export async function requestInPage({ url, request }: { url: string; request: ScenarioRequest }): Promise<PageResult> {
  const headers = (request.headers ?? []) as [string, string][];
  if (request.api === 'xhr') {
    return new Promise<PageResult>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method ?? 'GET', url);
      for (const [name, value] of headers) xhr.setRequestHeader(name, value);
      xhr.withCredentials = request.credentials === 'include';
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
    return { ok: true, status: response.status };
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
    if (events === undefined && unsent !== undefined) return { corsErrorStatus: unsent, errorText: null, unsent: true };
    if (events !== undefined && isSettled(events)) {
      return {
        corsErrorStatus: events.failed?.corsErrorStatus ?? null,
        errorText: events.failed?.errorText ?? null,
        unsent: false,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`CDP never reported the end of ${url}`);
}

function extraInfoCount(events: CdpRequestEvents | undefined): number {
  return events === undefined ? 0 : events.willBeSentExtraInfo.length + events.responseExtraInfo.length;
}

/** The CDP events of a request that ended, and of its preflight if it had one. */
export interface SettledEvents {
  events: CdpRequestEvents;
  preflight?: CdpRequestEvents;
}

/**
 * Waits (up to `timeoutMs`) until CDP reported how the request to `url` (and its preflight) ended,
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
    if (events !== undefined && isSettled(events)) {
      const preflight = recorder.preflightOf(events.requestId);
      if (preflight === undefined || isSettled(preflight)) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (events === undefined || !isSettled(events)) throw new Error(`CDP never reported the end of ${url}`);
  // ExtraInfo events travel on their own path from the network service: wait until they stop coming.
  let count = -1;
  while (Date.now() < deadline) {
    const now = extraInfoCount(events) + extraInfoCount(recorder.preflightOf(events.requestId));
    if (now === count) break;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  const preflight = recorder.preflightOf(events.requestId);
  return preflight === undefined ? { events } : { events, preflight };
}
