/**
 * One row of test/e2e/support/scenarios.ts made from a Firefox page: its placeholders filled, its
 * routes installed on the loopback server, its request sent by the page's own script — the same
 * code the Chromium matrices use (test/e2e/support/scenario-run.ts), under `/ff/<id>`.
 */
import type { CorsTestServer } from '../../../src/demo/cors-server';
import {
  fill,
  type PageResult,
  type Placeholders,
  placeholdersFor,
  prepareScenario as prepareScenarioIn,
  requestInPage,
  scenarioPath,
} from '../../e2e/support/scenario-run';
import type { Scenario, ScenarioRequest } from '../../e2e/support/scenarios';
import type { Firefox } from './firefox';

export type { PageResult };

/** Where this suite's scenarios live on the server. */
const BASE = '/ff';

/**
 * Port 9 (discard) on loopback: nothing listens there. Firefox refuses it as a banned port before
 * any request is made, though; a spec that needs a refused connection passes a closed port of its own.
 */
const DISCARD_PORT = 9;

function valuesFor(server: CorsTestServer, closedPort = DISCARD_PORT): Placeholders {
  return placeholdersFor(server, closedPort);
}

/** `text` with the scenario's placeholders filled, e.g. an expected failedParameter. */
export function fillFor(server: CorsTestServer, scenario: Scenario, text: string, base = BASE): string {
  return fill(text, valuesFor(server), scenarioPath(scenario, base));
}

/**
 * Installs the scenario's routes (under `<base>/<id>`, `/ff/<id>` by default: one base per spec,
 * so no two specs share a route or a preflight cache entry) and returns the URL and request to make.
 */
export function prepareScenario(
  server: CorsTestServer,
  scenario: Scenario,
  base = BASE,
  closedPort = DISCARD_PORT,
): { url: string; request: ScenarioRequest } {
  return prepareScenarioIn(server, scenario, valuesFor(server, closedPort), base);
}

/** Makes the request with fetch or XMLHttpRequest from the page in `context`. */
export function requestFromPage(
  firefox: Firefox,
  context: string,
  url: string,
  request: ScenarioRequest,
): Promise<PageResult> {
  const args = JSON.stringify({ url, request });
  return firefox.evaluate<PageResult>(context, `(${requestInPage.toString()})(${args})`);
}
