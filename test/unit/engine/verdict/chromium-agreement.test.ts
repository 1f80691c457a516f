import { describe, expect, it } from 'vitest';
import { agreesWithChromium, capText, evaluate } from '../../../../src/engine';
import { MAX_HEADER_CHARS } from '../../../../src/model/capture-limits';
import { API_ORIGIN, exchange, PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';

const request = { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] as [string, string][] };
const missingAcao = evaluate(
  exchange({ request, response: response(200, [], 'OK'), outcome: 'blocked', networkError: 'net::ERR_FAILED' }),
);
const mismatch = evaluate(
  exchange({ request, response: response(200, [['Access-Control-Allow-Origin', 'http://other.test']], 'OK') }),
);
const passed = evaluate(exchange({ request, response: response(200, [['Access-Control-Allow-Origin', '*']], 'OK') }));
const refused = evaluate(
  exchange({ request, response: null, outcome: 'network-error', networkError: 'net::ERR_CONNECTION_REFUSED' }),
);

describe('agreesWithChromium', () => {
  it('agrees on the same CORS error and failed parameter', () => {
    expect(missingAcao.code).toBe('MissingAllowOriginHeader');
    expect(
      agreesWithChromium(missingAcao, {
        kind: 'blocked',
        status: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
      }),
    ).toBe(true);
    expect(mismatch.failedParameter).toBe('http://other.test');
    expect(
      agreesWithChromium(mismatch, {
        kind: 'blocked',
        status: { corsError: 'AllowOriginMismatch', failedParameter: 'http://other.test' },
      }),
    ).toBe(true);
  });

  it('disagrees on another error, another failed parameter, or a block Chromium did not make', () => {
    const other = { kind: 'blocked', status: { corsError: 'AllowOriginMismatch', failedParameter: '' } } as const;
    expect(agreesWithChromium(missingAcao, other)).toBe(false);
    expect(agreesWithChromium(mismatch, other)).toBe(false);
    expect(agreesWithChromium(missingAcao, { kind: 'passed' })).toBe(false);
    expect(agreesWithChromium(passed, other)).toBe(false);
  });

  it('agrees that a refused connection is a network error, not CORS', () => {
    const failed = { kind: 'network-error', errorText: 'net::ERR_CONNECTION_REFUSED' } as const;
    expect(agreesWithChromium(refused, failed)).toBe(true);
    expect(agreesWithChromium(passed, failed)).toBe(false);
    expect(agreesWithChromium(passed, { kind: 'passed' })).toBe(true);
  });

  it('agrees with a bare net::ERR_FAILED that is not CORS only when the verdict stays undecided', () => {
    // A 3xx with a matching Access-Control-Allow-Origin that redirect: 'error' refused: Chromium
    // reports net::ERR_FAILED without a CORS error, and the headers cannot say why it failed.
    const refusedRedirect = evaluate(
      exchange({
        credentialsMode: 'same-origin',
        request,
        redirects: [
          {
            request,
            response: response(302, [
              ['Access-Control-Allow-Origin', PAGE_ORIGIN],
              ['Location', `${API_ORIGIN}/data/b`],
            ]),
            refused: true,
          },
        ],
        response: null,
        outcome: 'blocked',
        networkError: 'net::ERR_FAILED',
      }),
    );
    const bare = { kind: 'network-error', errorText: 'net::ERR_FAILED' } as const;
    expect(refusedRedirect.blocked).toBe(false);
    expect(refusedRedirect.kind).toBe('unknown');
    expect(agreesWithChromium(refusedRedirect, bare)).toBe(true);
    // A named block, or a verdict that calls the request passed, still disagrees.
    expect(agreesWithChromium(missingAcao, bare)).toBe(false);
    expect(agreesWithChromium(passed, bare)).toBe(false);
    // Only the generic name leaves room for that: a refused connection must read as a network error.
    expect(
      agreesWithChromium(refusedRedirect, { kind: 'network-error', errorText: 'net::ERR_CONNECTION_REFUSED' }),
    ).toBe(false);
  });

  it("agrees on a value the capture cut when Chromium's whole value starts with the kept part and has the size the marker says", () => {
    const whole = `${PAGE_ORIGIN}/${'a'.repeat(9_300)}`;
    const cut = evaluate(
      exchange({
        request,
        response: response(200, [['Access-Control-Allow-Origin', capText(whole, MAX_HEADER_CHARS)]], 'OK'),
        outcome: 'blocked',
      }),
    );
    expect(cut.code).toBe('AllowOriginMismatch');
    expect(cut.failedParameter).not.toBe(whole);
    const chromium = (failedParameter: string) =>
      ({ kind: 'blocked', status: { corsError: 'AllowOriginMismatch', failedParameter } }) as const;
    expect(agreesWithChromium(cut, chromium(whole))).toBe(true);
    expect(agreesWithChromium(cut, chromium(`${whole}b`))).toBe(false);
    expect(agreesWithChromium(cut, chromium(`x${whole.slice(1)}`))).toBe(false);
  });
});
