import { describe, expect, it } from 'vitest';
import type { CheckStep } from '../../../../src/engine';
import { evaluate } from '../../../../src/engine';
import { stageLabel } from '../../../../src/panel/format/header-checks';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import { blockedRecord, passedRecord, preflightBlockedRecord } from '../records';

function table(rows: readonly CheckStep[]) {
  return rows.map((row) => [stageLabel(row.stage), row.header, row.required, row.received, row.outcome]);
}

describe('the check table (Verdict.trail)', () => {
  it('marks the missing Access-Control-Allow-Origin of the response as the failure', () => {
    const { verdict } = blockedRecord('1');
    expect(table(verdict.trail)).toEqual([['response', 'access-control-allow-origin', PAGE_ORIGIN, null, 'failed']]);
  });

  it('shows a passing response as passed', () => {
    const { verdict } = passedRecord('1');
    expect(table(verdict.trail)).toEqual([['response', 'access-control-allow-origin', PAGE_ORIGIN, '*', 'passed']]);
    expect(verdict.trail[0]?.wildcardAllowed).toBe(true);
  });

  it('adds the Access-Control-Expose-Headers row, as advice, for a header the page cannot read', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Total-Count', '3'],
        ['X-Powered-By', 'Express'],
      ]),
    });
    expect(table(evaluate(ex).trail)).toEqual([
      ['response', 'access-control-allow-origin', PAGE_ORIGIN, '*', 'passed'],
      ['response', 'access-control-expose-headers', 'x-total-count', null, 'advice'],
    ]);
  });

  it('stops at the preflight that failed: later checks were never made', () => {
    const { verdict } = preflightBlockedRecord('1');
    expect(table(verdict.trail)).toEqual([
      ['preflight', 'access-control-allow-origin', PAGE_ORIGIN, null, 'failed'],
      ['preflight', 'status', '200–299', '404', 'not-checked'],
      ['preflight', 'access-control-allow-methods', 'PUT', null, 'not-checked'],
      ['preflight', 'access-control-allow-headers', 'x-token', null, 'not-checked'],
    ]);
  });

  it('with credentials, requires the exact origin and Allow-Credentials, and names the header the preflight refused', () => {
    const ex = exchange({
      request: {
        url: `${API_ORIGIN}/data`,
        method: 'POST',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['Cookie', 'a=1'],
          ['X-Api-Key', 'k'],
        ],
      },
      credentialsMode: 'include',
      preflight: preflight(
        'POST',
        ['x-api-key'],
        response(204, [
          ['Access-Control-Allow-Origin', PAGE_ORIGIN],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Access-Control-Allow-Headers', 'content-type'],
        ]),
      ),
      response: null,
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const verdict = evaluate(ex);
    expect(verdict.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(table(verdict.trail)).toEqual([
      ['preflight', 'access-control-allow-origin', PAGE_ORIGIN, PAGE_ORIGIN, 'passed'],
      ['preflight', 'access-control-allow-credentials', 'true', 'true', 'passed'],
      ['preflight', 'status', '200–299', '204', 'passed'],
      ['preflight', 'access-control-allow-headers', 'x-api-key', 'content-type', 'failed'],
    ]);
    // A credentialed request cannot be allowed with `*`.
    expect(verdict.trail.some((row) => row.wildcardAllowed)).toBe(false);
  });

  it('joins repeated headers the way they arrived', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['Access-Control-Allow-Origin', '*'],
      ]),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const rows = evaluate(ex).trail;
    expect(rows[0]).toMatchObject({ received: `${PAGE_ORIGIN}, *`, outcome: 'failed' });
  });
});

describe('stageLabel', () => {
  it('names each response a check looked at, counting redirects from 1', () => {
    expect(stageLabel({ kind: 'preflight', afterRedirect: null })).toBe('preflight');
    expect(stageLabel({ kind: 'preflight', afterRedirect: 0 })).toBe('preflight after redirect 1');
    expect(stageLabel({ kind: 'redirect', index: 1 })).toBe('redirect 2');
    expect(stageLabel({ kind: 'response' })).toBe('response');
  });
});
