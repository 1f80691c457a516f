/**
 * Runs one row of `scenarios.ts` in a page: fills its placeholders, installs its routes on the
 * loopback server, makes its request from the page, and waits for Chromium's own account of it
 * over CDP. Used by `capture-matrix.spec.ts`, which compares the extension's live capture with
 * Chromium's `corsErrorStatus`.
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

/** Installs the scenario's routes and returns the URL and request the page should make. */
export function prepareScenario(
  server: CorsTestServer,
  scenario: Scenario,
  values: Placeholders,
): { url: string; request: ScenarioRequest } {
  const path = `/m/${scenario.id}`;
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

/** Makes the scenario's request with fetch or XMLHttpRequest, as the row says. */
export function runInPage(page: Page, url: string, request: ScenarioRequest): Promise<PageResult> {
  return page.evaluate(
    async ({ url, request }) => {
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
    },
    { url, request },
  );
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
