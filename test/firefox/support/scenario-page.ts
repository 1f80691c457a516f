/**
 * One row of test/e2e/support/scenarios.ts made from a Firefox page: its placeholders filled, its
 * routes installed on the loopback server, its request sent by the page's own script.
 */
import type { CorsTestServer, ResponseSpec } from '../../e2e/support/cors-server';
import type { Scenario, ScenarioRequest } from '../../e2e/support/scenarios';
import type { Firefox } from './firefox';

type Placeholders = Record<'page' | 'api' | 'other' | 'otherHost' | 'apiHost' | 'closed', string>;

function placeholdersFor(server: CorsTestServer): Placeholders {
  return {
    page: server.pageOrigin,
    api: server.apiOrigin,
    other: server.otherOrigin,
    otherHost: server.otherOrigin.replace(/^http:\/\//, ''),
    apiHost: server.apiOrigin.replace(/^http:\/\//, ''),
    // Port 9 (discard) on loopback: nothing listens there on the test machines.
    closed: 'http://127.0.0.1:9',
  };
}

function fill(text: string, values: Placeholders, path: string): string {
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

/** `text` with the scenario's placeholders filled, e.g. an expected failedParameter. */
export function fillFor(server: CorsTestServer, scenario: Scenario, text: string): string {
  return fill(text, placeholdersFor(server), `/ff/${scenario.id}`);
}

/** Installs the scenario's routes (under `/ff/<id>`) and returns the URL and request to make. */
export function prepareScenario(server: CorsTestServer, scenario: Scenario): { url: string; request: ScenarioRequest } {
  const values = placeholdersFor(server);
  const path = `/ff/${scenario.id}`;
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
  return {
    url,
    request: {
      ...scenario.request,
      ...(headers === undefined ? {} : { headers: headers.map(([name, value]) => [name, fill(value, values, path)]) }),
    },
  };
}

/** What the page's script saw. */
export type PageResult = { ok: true; status: number } | { ok: false; error: string };

/** Makes the request with fetch or XMLHttpRequest from the page in `context`. */
export function requestFromPage(
  firefox: Firefox,
  context: string,
  url: string,
  request: ScenarioRequest,
): Promise<PageResult> {
  const args = JSON.stringify({ url, request });
  return firefox.evaluate<PageResult>(
    context,
    `(async ({ url, request }) => {
      const headers = request.headers ?? [];
      if (request.api === 'xhr') {
        return new Promise((resolve) => {
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
    })(${args})`,
  );
}
