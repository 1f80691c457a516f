/**
 * Header values longer than the live capture keeps: the capture cuts them (capHeaders, the same
 * function the worker applies) and marks the cut; every check that reads a header must judge the
 * cut value as Chromium judged the whole one, as far as the kept prefix can tell. Each case states
 * the CorsError Chromium gives for the whole value and checks the engine gives it for both.
 */
import { describe, expect, it } from 'vitest';
import { capHeaders } from '../../../../src/capture/cap-event';
import { explain } from '../../../../src/engine/explain/explain';
import { unexposedResponseHeaders } from '../../../../src/engine/verdict/advisories';
import { cutValueBytes, splitTruncation, withoutCutItems } from '../../../../src/engine/verdict/cut-value';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import type { Exchange, HeaderList, HttpResponse } from '../../../../src/engine/verdict/exchange';
import { splitHeaderList } from '../../../../src/engine/verdict/header-list';
import { MAX_HEADER_CHARS } from '../../../../src/model/capture-limits';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';

const ACAO = 'Access-Control-Allow-Origin';
/** A list of `count` header or method names, about 11 bytes each. */
const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
/** Longer than the capture keeps. */
const LONG_PATH = `/${'cors-lens/'.repeat(900)}`;

/** The exchange as the live capture holds it: every header list cut as the worker cuts it. */
function captured(whole: Exchange): Exchange {
  const cut = (res: HttpResponse | null) => (res === null ? null : { ...res, headers: capHeaders(res.headers) });
  return {
    ...whole,
    preflight:
      whole.preflight.kind === 'observed'
        ? { ...whole.preflight, response: cut(whole.preflight.response) }
        : whole.preflight,
    redirects: whole.redirects.map((hop) => ({ ...hop, response: cut(hop.response) ?? hop.response })),
    response: cut(whole.response),
  };
}

/** The decisive part of the verdict on the whole exchange (Chromium's answer) and on the captured one. */
function bothReadings(whole: Exchange) {
  const decisive = (exchangeToJudge: Exchange) => {
    const verdict = evaluate(exchangeToJudge);
    return { kind: verdict.kind, code: verdict.code, stage: verdict.stage };
  };
  return { whole: decisive(whole), captured: decisive(captured(whole)) };
}

function simpleGet(headers: HeaderList, overrides: Partial<Exchange> = {}): Exchange {
  return exchange({ response: response(200, headers), outcome: 'blocked', ...overrides });
}

function preflightedPut(preflightHeaders: HeaderList, requestHeaders: readonly string[], outcome: Exchange['outcome']) {
  return exchange({
    request: {
      url: `${API_ORIGIN}/data`,
      method: 'PUT',
      headers: [['Origin', PAGE_ORIGIN], ...requestHeaders.map((name): [string, string] => [name, '1'])],
    },
    preflight: preflight(
      'PUT',
      requestHeaders.map((name) => name.toLowerCase()),
      response(204, [[ACAO, PAGE_ORIGIN], ...preflightHeaders]),
    ),
    response: response(200, [[ACAO, PAGE_ORIGIN]]),
    outcome,
  });
}

describe('the marker (cut-value.ts)', () => {
  it('is found at the end of a cut value and gives the whole size', () => {
    const [[, value] = ['', '']] = capHeaders([[ACAO, 'a'.repeat(9000)]]);
    expect(value).toHaveLength(MAX_HEADER_CHARS);
    expect(splitTruncation(value).kept).toBe('a'.repeat(value.length - splitTruncation(value).marker.length));
    expect(cutValueBytes(value)).toBe(9000);
    expect(cutValueBytes('a'.repeat(9000))).toBeNull();
  });

  it('leaves a list without the marker and the item it shortened, keeping whole items after it', () => {
    const [[, cut] = ['', '']] = capHeaders([['Access-Control-Allow-Headers', names('x-a', 1500).join(', ')]]);
    expect(cutValueBytes(cut)).not.toBeNull();
    const items = splitHeaderList(`${cut}, x-next-line`);
    expect(items.at(-1)).toBe('x-next-line');
    expect(items.slice(0, -1)).toEqual(names('x-a', items.length - 1));
    expect(items.every((item) => !item.includes('truncated'))).toBe(true);
    // Only a marker the capture could have written counts: an unclosed look-alike stays as sent.
    expect(withoutCutItems('a, b… [truncated by CORS Lens: 9')).toBe('a, b… [truncated by CORS Lens: 9');
  });
});

describe('Access-Control-Allow-Origin longer than the capture keeps', () => {
  it('the origin followed by a long path: AllowOriginMismatch (Chromium: not equal, no space, a URL)', () => {
    const whole = simpleGet([[ACAO, `${PAGE_ORIGIN}${LONG_PATH}`]]);
    const readings = bothReadings(whole);
    expect(readings.whole).toEqual({ kind: 'blocked', code: 'AllowOriginMismatch', stage: 'response' });
    expect(readings.captured).toEqual(readings.whole);
    // Chromium reports the whole value; the capture holds its start and the marker.
    const verdict = evaluate(captured(whole));
    expect(verdict.failedParameter.startsWith(`${PAGE_ORIGIN}/cors-lens/`)).toBe(true);
    expect(cutValueBytes(verdict.failedParameter)).toBe(PAGE_ORIGIN.length + LONG_PATH.length);
    const { detail } = explain(verdict, captured(whole));
    expect(detail).toContain(
      `CORS Lens captured only the start of Access-Control-Allow-Origin (${PAGE_ORIGIN.length + LONG_PATH.length} bytes in all)`,
    );
    expect(detail).not.toContain('a list by');
  });

  it('a list of origins: MultipleAllowOriginValues (a comma in the kept prefix)', () => {
    const readings = bothReadings(simpleGet([[ACAO, `${PAGE_ORIGIN}, ${names('https://o', 900).join(', ')}`]]));
    expect(readings.whole.code).toBe('MultipleAllowOriginValues');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('no scheme at all: InvalidAllowOriginValue (the prefix is no URL already)', () => {
    const readings = bothReadings(simpleGet([[ACAO, 'a'.repeat(9000)]]));
    expect(readings.whole.code).toBe('InvalidAllowOriginValue');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('non-ASCII bytes: InvalidAllowOriginValue with no parameter', () => {
    const whole = simpleGet([[ACAO, `${PAGE_ORIGIN}/${'é'.repeat(9000)}`]]);
    expect(bothReadings(whole).captured).toEqual({
      kind: 'blocked',
      code: 'InvalidAllowOriginValue',
      stage: 'response',
    });
    expect(evaluate(captured(whole)).failedParameter).toBe('');
  });

  it("on a preflight: PreflightAllowOriginMismatch, never the page's origin", () => {
    const whole = exchange({
      request: { url: `${API_ORIGIN}/data`, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
      preflight: preflight('PUT', [], response(204, [[ACAO, `${PAGE_ORIGIN}${LONG_PATH}`]])),
      response: null,
      networkError: 'net::ERR_FAILED',
      outcome: 'blocked',
    });
    const readings = bothReadings(whole);
    expect(readings.whole).toEqual({ kind: 'blocked', code: 'PreflightAllowOriginMismatch', stage: 'preflight' });
    expect(readings.captured).toEqual(readings.whole);
  });

  it('what the cut hid is not known: a space after the kept prefix reads as a mismatch, not as several values', () => {
    const whole = simpleGet([[ACAO, `${PAGE_ORIGIN}${LONG_PATH} https://second.test`]]);
    expect(bothReadings(whole)).toEqual({
      whole: { kind: 'blocked', code: 'MultipleAllowOriginValues', stage: 'response' },
      captured: { kind: 'blocked', code: 'AllowOriginMismatch', stage: 'response' },
    });
  });
});

describe('Access-Control-Allow-Credentials longer than the capture keeps', () => {
  it('is never `true`: InvalidAllowCredentials', () => {
    const whole = simpleGet(
      [
        [ACAO, PAGE_ORIGIN],
        ['Access-Control-Allow-Credentials', `true,${'x'.repeat(9000)}`],
      ],
      {
        credentialsMode: 'include',
      },
    );
    const readings = bothReadings(whole);
    expect(readings.whole.code).toBe('InvalidAllowCredentials');
    expect(readings.captured).toEqual(readings.whole);
  });
});

describe('Access-Control-Allow-Methods longer than the capture keeps', () => {
  it('naming PUT early: passes', () => {
    const readings = bothReadings(
      preflightedPut(
        [['Access-Control-Allow-Methods', ['PUT', ...names('X-METHOD', 900)].join(', ')]],
        [],
        'succeeded',
      ),
    );
    expect(readings.whole.kind).toBe('passed');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('without PUT: MethodDisallowedByPreflightResponse, not unparsable', () => {
    const readings = bothReadings(
      preflightedPut([['Access-Control-Allow-Methods', names('X-METHOD', 900).join(', ')]], [], 'blocked'),
    );
    expect(readings.whole.code).toBe('MethodDisallowedByPreflightResponse');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('with a non-token early: InvalidAllowMethodsPreflightResponse', () => {
    const readings = bothReadings(
      preflightedPut([['Access-Control-Allow-Methods', ['PUT;', ...names('X-METHOD', 900)].join(', ')]], [], 'blocked'),
    );
    expect(readings.whole.code).toBe('InvalidAllowMethodsPreflightResponse');
    expect(readings.captured).toEqual(readings.whole);
  });
});

describe('Access-Control-Allow-Headers longer than the capture keeps', () => {
  const allowHeaders = (list: readonly string[]): HeaderList => [
    ['Access-Control-Allow-Methods', 'PUT'],
    ['Access-Control-Allow-Headers', list.join(', ')],
  ];

  it('naming the requested header early: passes, and the explanation says the value was cut', () => {
    const whole = preflightedPut(allowHeaders(['x-custom', ...names('x-filler', 900)]), ['X-Custom'], 'succeeded');
    const readings = bothReadings(whole);
    expect(readings.whole.kind).toBe('passed');
    expect(readings.captured).toEqual(readings.whole);
    const cut = captured(whole);
    expect(explain(evaluate(cut), cut).detail).toContain(
      'CORS Lens captured only the start of Access-Control-Allow-Headers (',
    );
    expect(explain(evaluate(whole), whole).detail).not.toContain('captured only the start');
  });

  it('without the requested header: HeaderDisallowedByPreflightResponse, not unparsable', () => {
    const whole = preflightedPut(allowHeaders(names('x-filler', 900)), ['X-Custom'], 'blocked');
    const readings = bothReadings(whole);
    expect(readings.whole.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(readings.captured).toEqual(readings.whole);
    const cut = captured(whole);
    expect(evaluate(cut).failedParameter).toBe('x-custom');
    expect(explain(evaluate(cut), cut).detail).toMatch(
      /captured only the start of Access-Control-Allow-Headers \(\d+ bytes in all\).*a list by the names it kept whole/,
    );
  });

  it('with a non-token early: InvalidAllowHeadersPreflightResponse', () => {
    const readings = bothReadings(
      preflightedPut(allowHeaders(['[x]', ...names('x-filler', 900)]), ['X-Custom'], 'blocked'),
    );
    expect(readings.whole.code).toBe('InvalidAllowHeadersPreflightResponse');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('cut on its first line, the requested header on a second: passes', () => {
    const whole = preflightedPut(
      [
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', names('x-filler', 900).join(', ')],
        ['Access-Control-Allow-Headers', 'x-custom'],
      ],
      ['X-Custom'],
      'succeeded',
    );
    const readings = bothReadings(whole);
    expect(readings.whole.kind).toBe('passed');
    expect(readings.captured).toEqual(readings.whole);
  });
});

describe('Access-Control-Expose-Headers longer than the capture keeps', () => {
  it('exposes the names it lists early, and no marker words', () => {
    const headers: HeaderList = [
      [ACAO, PAGE_ORIGIN],
      ['Access-Control-Expose-Headers', ['x-total', ...names('x-filler', 900)].join(', ')],
      ['X-Total', '3'],
    ];
    expect(unexposedResponseHeaders(headers, false)).toEqual([]);
    expect(unexposedResponseHeaders(capHeaders(headers), false)).toEqual([]);
  });
});

describe('Location longer than the capture keeps', () => {
  const redirected = (location: string): Exchange =>
    exchange({
      redirects: [
        {
          request: { url: `${API_ORIGIN}/data`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(302, [
            [ACAO, PAGE_ORIGIN],
            ['Location', location],
          ]),
        },
      ],
      response: response(200, [[ACAO, PAGE_ORIGIN]]),
      outcome: 'succeeded',
    });

  it('a long path on the same server is followed: passes', () => {
    const readings = bothReadings(redirected(`${API_ORIGIN}${LONG_PATH}`));
    expect(readings.whole.kind).toBe('passed');
    expect(readings.captured).toEqual(readings.whole);
  });

  it('with credentials in its kept start: RedirectContainsCredentials', () => {
    const whole = { ...redirected(`http://user:secret@127.0.0.1:8080${LONG_PATH}`), outcome: 'blocked' as const };
    const readings = bothReadings(whole);
    expect(readings.whole).toEqual({ kind: 'blocked', code: 'RedirectContainsCredentials', stage: 'redirect' });
    expect(readings.captured).toEqual(readings.whole);
  });
});
