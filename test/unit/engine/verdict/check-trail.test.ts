import { describe, expect, it } from 'vitest';
import type { CheckStep, Exchange, HttpResponse, RedirectHop } from '../../../../src/engine';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';

const OTHER = 'http://other.test:9000';

function rows(trail: readonly CheckStep[]) {
  return trail.map((step) => [step.stage, step.header, step.required, step.received, step.outcome]);
}

function hop(from: string, to: string, headers: [string, string][], status = 302): RedirectHop {
  return {
    request: { url: from, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
    response: response(status, [['Location', to], ...headers]),
  };
}

/** A PUT whose preflight got `answer`, and that the browser blocked. */
function blockedPut(answer: HttpResponse): Exchange {
  return exchange({
    request: { url: `${API_ORIGIN}/data`, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
    preflight: preflight('PUT', [], answer),
    response: null,
    outcome: 'blocked',
    networkError: 'net::ERR_FAILED',
  });
}

const RESPONSE = { kind: 'response' } as const;
const PREFLIGHT = { kind: 'preflight', afterRedirect: null } as const;

describe('Verdict.trail: the checks the verdict made, as it made them', () => {
  it('is empty when no CORS check was made (same origin)', () => {
    const verdict = evaluate(exchange({ request: { url: `${PAGE_ORIGIN}/data`, method: 'GET', headers: [] } }));
    expect(verdict.kind).toBe('not-cors');
    expect(verdict.trail).toEqual([]);
  });

  it('with credentials, lists Allow-Credentials as never checked when Allow-Origin failed', () => {
    const verdict = evaluate(exchange({ credentialsMode: 'include', response: response(200, []), outcome: 'blocked' }));
    expect(rows(verdict.trail)).toEqual([
      [RESPONSE, 'access-control-allow-origin', PAGE_ORIGIN, null, 'failed'],
      [RESPONSE, 'access-control-allow-credentials', 'true', null, 'not-checked'],
    ]);
  });

  it('requires what the check compared: `null` once a cross-origin redirect tainted the origin', () => {
    const verdict = evaluate(
      exchange({
        redirects: [hop(`${API_ORIGIN}/data`, `${OTHER}/data`, [['Access-Control-Allow-Origin', PAGE_ORIGIN]])],
        response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
        outcome: 'blocked',
      }),
    );
    expect(rows(verdict.trail)).toEqual([
      [{ kind: 'redirect', index: 0 }, 'access-control-allow-origin', PAGE_ORIGIN, PAGE_ORIGIN, 'passed'],
      [RESPONSE, 'access-control-allow-origin', 'null', PAGE_ORIGIN, 'failed'],
    ]);
  });

  it('stops at the redirect that failed: the final response was never checked', () => {
    const verdict = evaluate(
      exchange({
        redirects: [hop(`${API_ORIGIN}/data`, `${API_ORIGIN}/next`, [])],
        response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
        outcome: 'blocked',
      }),
    );
    expect(verdict.code).toBe('MissingAllowOriginHeader');
    expect(rows(verdict.trail)).toEqual([
      [{ kind: 'redirect', index: 0 }, 'access-control-allow-origin', PAGE_ORIGIN, null, 'failed'],
    ]);
  });

  it('records the Location check of a redirect to a URL with credentials', () => {
    const allow: [string, string] = ['Access-Control-Allow-Origin', PAGE_ORIGIN];
    const verdict = evaluate(
      exchange({
        redirects: [hop(`${API_ORIGIN}/data`, 'http://user:pw@127.0.0.1:8080/next', [allow])],
        response: null,
        outcome: 'blocked',
        networkError: 'net::ERR_FAILED',
      }),
    );
    expect(verdict.code).toBe('RedirectContainsCredentials');
    expect(verdict.trail.at(-1)).toMatchObject({ header: 'location', outcome: 'failed' });
  });

  it('marks a preflight that is not ok: Allow-Origin passed, status failed, the allow-lists never checked', () => {
    const verdict = evaluate(blockedPut(response(500, [['Access-Control-Allow-Origin', PAGE_ORIGIN]])));
    expect(verdict.code).toBe('PreflightInvalidStatus');
    expect(rows(verdict.trail)).toEqual([
      [PREFLIGHT, 'access-control-allow-origin', PAGE_ORIGIN, PAGE_ORIGIN, 'passed'],
      [PREFLIGHT, 'status', '200–299', '500', 'failed'],
      [PREFLIGHT, 'access-control-allow-methods', 'PUT', null, 'not-checked'],
    ]);
  });

  it('fails a redirected preflight on its status before any header check', () => {
    const verdict = evaluate(blockedPut(response(302, [['Location', `${API_ORIGIN}/elsewhere`]])));
    expect(verdict.code).toBe('PreflightDisallowedRedirect');
    expect(rows(verdict.trail)).toEqual([
      [PREFLIGHT, 'status', '200–299', '302', 'failed'],
      [PREFLIGHT, 'access-control-allow-methods', 'PUT', null, 'not-checked'],
    ]);
  });

  it('gives the preflight sent again after a redirect its own stage', () => {
    const again = preflight('PUT', [], response(204, []), `${API_ORIGIN}/b`);
    const verdict = evaluate(
      exchange({
        request: { url: `${API_ORIGIN}/data`, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
        redirects: [
          {
            ...hop(`${API_ORIGIN}/data`, `${API_ORIGIN}/b`, [['Access-Control-Allow-Origin', PAGE_ORIGIN]], 307),
            nextPreflight: again,
          },
        ],
        response: null,
        outcome: 'blocked',
        networkError: 'net::ERR_FAILED',
      }),
    );
    expect(verdict.code).toBe('PreflightMissingAllowOriginHeader');
    expect(verdict.trail.at(-3)).toMatchObject({
      stage: { kind: 'preflight', afterRedirect: 0 },
      header: 'access-control-allow-origin',
      outcome: 'failed',
    });
  });

  it('keeps the trail of a credentialed reading the verdict chose', () => {
    const ex = exchange({
      request: {
        url: `${API_ORIGIN}/data`,
        method: 'GET',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['Cookie', 'a=1'],
        ],
      },
      response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
      credentialsMode: 'unknown',
      outcome: 'blocked',
    });
    expect(rows(evaluate(ex).trail)).toEqual([
      [RESPONSE, 'access-control-allow-origin', PAGE_ORIGIN, PAGE_ORIGIN, 'passed'],
      [RESPONSE, 'access-control-allow-credentials', 'true', null, 'failed'],
    ]);
  });
});
