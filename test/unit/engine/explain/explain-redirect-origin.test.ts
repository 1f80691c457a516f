import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/explain/explain';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import { API_ORIGIN, exchange, PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';

describe('explain: the origin after a cross-origin redirect', () => {
  it("says the request's Origin became null, not that the page's origin is null", () => {
    const elsewhere = 'http://localhost:9999/final';
    const redirected = exchange({
      redirects: [
        {
          request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(302, [
            ['Access-Control-Allow-Origin', PAGE_ORIGIN],
            ['Location', elsewhere],
          ]),
        },
      ],
      response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const verdict = evaluate(redirected);
    expect(verdict).toMatchObject({ code: 'AllowOriginMismatch', failedParameter: PAGE_ORIGIN });
    const { summary, detail } = explain(verdict, redirected);
    expect(summary).toContain("after the cross-origin redirect the request's Origin is 'null'");
    expect(summary).not.toContain("the page's origin");
    expect(detail).toContain('Origin: null');
  });
});
