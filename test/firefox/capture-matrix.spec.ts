/**
 * Rows of the Chrome agreement matrix (test/e2e/support/scenarios.ts) made in Firefox ESR with the
 * packed extension installed: the verdict must say blocked exactly when the page's own script saw
 * the request fail, with Chromium's code (the verdict stays Chromium-coded), and no contradiction.
 */

import type { CorsTestServer } from '../../src/demo/cors-server';
import { capText, explain } from '../../src/engine';
import { MAX_HEADER_CHARS } from '../../src/model/capture-limits';
import { firefoxNotes } from '../../src/panel/format/firefox-notes';
import { SCENARIOS, type Scenario } from '../e2e/support/scenarios';
import { tabIdOf } from './support/extension';
import type { Firefox } from './support/firefox';
import { expect, test } from './support/fixtures';
import { recordFor } from './support/record-for';
import { fillFor, prepareScenario, requestFromPage } from './support/scenario-page';

/** Rows where Firefox decides as Chromium does and its webRequest shows enough to tell. */
const AGREEING = [
  'simple-pass',
  'simple-pass-xhr',
  'no-acao',
  'no-acao-xhr',
  'acao-other-port',
  'acao-null',
  'acao-long-path',
  'acao-after-many-headers',
  'acao-empty',
  'acao-two-lines',
  'acao-comma-list',
  'acao-padded',
  'wildcard-credentials',
  'wildcard-credentials-xhr',
  'credentials-pass',
  'acac-missing',
  'acac-false',
  'status-404-bare',
  'status-500-cors',
  'post-text-plain',
  'pf-put-pass',
  'pf-actual-no-acao',
  'pf-header-not-allowed',
  'pf-header-allowed',
  'pf-acah-long-list',
  'pf-headers-star-credentials',
  'pf-authorization-star',
  'pf-put-not-allowed',
  'pf-patch-lowercase-call-upper-acam',
  'pf-patch-lowercase-call-lower-acam',
  'pf-404-bare',
  'pf-500-cors',
  'pf-redirect-301',
  'pf-acao-mismatch',
  'pf-wildcard-credentials',
  'pf-credentials-pass',
  'pf-json-content-type',
  'redirect-same-api-pass',
  'redirect-cross-origin-page-acao',
  'redirect-to-page-origin-null',
  'hang-up',
] as const;

function scenario(id: string): Scenario {
  const found = SCENARIOS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no scenario ${id} in scenarios.ts`);
  return found;
}

test.describe.configure({ mode: 'serial' });

let page: string;
let tabId: number;

test.beforeAll(async ({ firefox, probe, server }) => {
  const start = `${server.pageOrigin}/ff-matrix/start`;
  page = await firefox.openTab(start);
  tabId = await tabIdOf(firefox, probe, start);
});

test.afterAll(async ({ firefox }) => {
  await firefox.closeTab(page);
});

/** Makes the row's request from a fresh document (a navigation starts a new log) and returns both sides. */
async function run(
  row: Scenario,
  { firefox, probe, server }: { firefox: Firefox; probe: string; server: CorsTestServer },
) {
  await firefox.navigate(page, `${server.pageOrigin}/ff-matrix/${row.id}`);
  const { url, request } = prepareScenario(server, row);
  const seen = await requestFromPage(firefox, page, url, request);
  const record = await recordFor(firefox, probe, tabId, url);
  return { seen, record };
}

test.describe('Firefox agrees with what the page saw', () => {
  for (const id of AGREEING) {
    const row = scenario(id);
    test(`${id}: ${row.name}`, async ({ firefox, probe, server }) => {
      const { seen, record } = await run(row, { firefox, probe, server });
      const { verdict } = record;
      expect(record.capturedBy).toBe('firefox');
      expect(verdict.contradictsOutcome, 'no contradiction with what Firefox reported').toBe(false);
      expect(verdict.kind === 'passed', `page ${JSON.stringify(seen)}, verdict ${verdict.kind}`).toBe(seen.ok);
      if ('networkError' in row.expect) {
        expect(verdict.kind).toBe('network-error');
      } else if ('notCors' in row.expect) {
        expect(verdict.kind).toBe('not-cors');
      } else if (row.expect.code === null) {
        expect(verdict.code).toBeNull();
      } else {
        expect(verdict.code).toBe(row.expect.code);
        // The capture keeps the start of a long value (capText): the parameter cut as the capture cuts it.
        expect(verdict.failedParameter).toBe(
          capText(fillFor(server, row, row.expect.failedParameter), MAX_HEADER_CHARS),
        );
      }
    });
  }
});

test.describe("where Firefox's webRequest cannot tell, the panel says what Firefox did", () => {
  for (const id of ['wildcard-credentials-no-cookie', 'wildcard-no-credentials']) {
    test(`${id}: \`*\` with no cookie and no block to see: the verdict depends on credentials, never "passed"`, async ({
      firefox,
      probe,
      server,
    }) => {
      const { seen, record } = await run(scenario(id), { firefox, probe, server });
      // Firefox blocked the credentialed one and let the other through; its webRequest shows neither.
      expect(seen.ok).toBe(id === 'wildcard-no-credentials');
      expect(record.verdict).toMatchObject({ kind: 'unknown', blocked: false, credentials: { evidence: 'unknown' } });
      expect(record.verdict.credentials.note).toContain("without credentials ('omit'");
      expect(firefoxNotes(record).join(' ')).toContain('Firefox blocked it: WildcardOriginNotAllowed');
    });
  }

  test('a redirect without CORS headers is blocked by its own headers, whatever network error ends it', async ({
    firefox,
    probe,
    server,
  }) => {
    const { seen, record } = await run(scenario('redirect-hop-no-acao'), { firefox, probe, server });
    expect(seen.ok).toBe(false);
    // Firefox ends it in NS_ERROR_UNEXPECTED or NS_ERROR_NET_ON_RECEIVING_FROM, run to run, and its
    // console names the 3xx's failure: the verdict judges the 3xx's own headers first.
    expect(record.verdict).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader', stage: 'redirect' });
    expect(explain(record.verdict, record.exchange).firefoxReason).toBe('CORSMissingAllowOrigin');
  });
});
