import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLANATION_LIMITS, explain } from '../../../../src/engine/explain/explain';
import type {
  Exchange,
  HttpRequest,
  HttpResponse,
  PreflightObservation,
} from '../../../../src/engine/verdict/exchange';
import type { Verdict } from '../../../../src/engine/verdict/verdict-types';
import { ALL_CODES } from '../../../fixtures/cors-error-codes';
import { addressSpaceArb, exchangeArbitrary } from '../../../fixtures/exchange-arbitraries';

/** Characters no output may contain raw: controls, DEL, C1, line/paragraph separators, bidi controls. */
function unsafeChar(text: string, allowNewline: boolean): string | null {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (allowNewline && cp === 0x0a) continue;
    const bad =
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      [0x200e, 0x200f, 0x2028, 0x2029, 0xfeff].includes(cp) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069);
    if (bad) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

/** Strings a hostile server or a broken capture can produce. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 3000 }),
  fc.constantFrom(
    '',
    '*',
    'null',
    'http://localhost:3000',
    'http://localhost:3000/',
    'http://a\r\nSet-Cookie: x=1',
    '\u202Eevil',
    '\uD800',
    'x'.repeat(100_000),
    'file:///C:/x',
    'http://user:pass@h/',
    '//h/p',
    'rel/path',
  ),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const headers = fc.array(
  fc.tuple(fc.oneof(hostile, fc.constantFrom('Access-Control-Allow-Origin', 'Location', 'Cookie')), hostile),
  {
    maxLength: 6,
  },
);
const request: fc.Arbitrary<HttpRequest> = fc.record({ url: hostile, method: hostile, headers });
const httpResponse: fc.Arbitrary<HttpResponse> = fc.record({
  status: fc.integer({ min: -1, max: 1000 }),
  statusText: hostile,
  headers,
});
const preflightObs: fc.Arbitrary<PreflightObservation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'maybe-cached' as const }),
  fc.record({ kind: fc.constant('observed' as const), request, response: maybe(httpResponse), error: maybe(hostile) }),
);

const exchangeArb: fc.Arbitrary<Exchange> = exchangeArbitrary({
  initiatorOrigin: maybe(hostile),
  request,
  resourceType: fc.constantFrom(
    'xmlhttprequest',
    'fetch',
    'image',
    'script',
    'stylesheet',
    'font',
    'media',
    'ping',
    'websocket',
    'main_frame',
    'sub_frame',
    'other',
  ),
  credentialsMode: fc.constantFrom('omit', 'same-origin', 'include', 'unknown'),
  mode: fc.constantFrom('cors', 'no-cors', 'same-origin', 'navigate', 'websocket', 'unknown'),
  preflight: preflightObs,
  redirects: fc.array(
    fc.record(
      { request, response: httpResponse, nextPreflight: preflightObs, refused: fc.boolean() },
      { requiredKeys: ['request', 'response'] },
    ),
    { maxLength: 3 },
  ),
  response: maybe(httpResponse),
  networkError: maybe(fc.oneof(hostile, fc.constantFrom('net::ERR_CONNECTION_REFUSED', 'NS_BINDING_ABORTED'))),
  outcome: fc.constantFrom('blocked', 'succeeded', 'network-error', 'unknown'),
  addressSpaces: fc.record({ initiator: addressSpaceArb, target: addressSpaceArb }),
  headerLinesMerged: fc.boolean(),
});

const verdictArb: fc.Arbitrary<Verdict> = fc.record({
  kind: fc.constantFrom('blocked', 'passed', 'not-cors', 'network-error', 'unknown'),
  blocked: fc.boolean(),
  code: maybe(fc.constantFrom(...ALL_CODES)),
  failedParameter: hostile,
  stage: maybe(fc.constantFrom('request', 'preflight', 'redirect', 'response')),
  redirectIndex: maybe(fc.integer({ min: -2, max: 5 })),
  header: maybe(fc.record({ name: hostile, expected: hostile, received: maybe(hostile) })),
  credentials: fc.record({
    mode: fc.constantFrom('include', 'omit', 'unknown'),
    evidence: fc.constantFrom('declared', 'sent-credentials', 'inferred-from-outcome', 'unknown'),
    note: hostile,
  }),
  status: maybe(fc.integer({ min: -1, max: 1000 })),
  networkError: maybe(hostile),
  specStep: hostile,
  advisories: fc.array(
    fc.record({
      code: fc.constantFrom(
        'unexposed-response-headers',
        'missing-vary-origin',
        'preflight-not-cached',
        'max-age-above-cap',
        'authorization-via-wildcard',
      ),
      header: maybe(hostile),
      message: hostile,
    }),
    { maxLength: 4 },
  ),
  trail: fc.array(
    fc.record({
      stage: fc.oneof(
        fc.record({ kind: fc.constant('preflight' as const), afterRedirect: maybe(fc.integer({ min: 0, max: 3 })) }),
        fc.record({ kind: fc.constant('redirect' as const), index: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ kind: fc.constant('response' as const) }),
      ),
      header: hostile,
      required: hostile,
      wildcardAllowed: fc.boolean(),
      received: maybe(hostile),
      outcome: fc.constantFrom('passed', 'failed', 'not-checked', 'advice'),
    }),
    { maxLength: 4 },
  ),
  contradictsOutcome: fc.boolean(),
});

describe('explain: property', () => {
  it('never throws, never falls back, and every string is bounded plain text', () => {
    fc.assert(
      fc.property(verdictArb, exchangeArb, (v, ex) => {
        const e = explain(v, ex);
        expect(e.summary).not.toBe('CORS Lens could not explain this request');
        expect(e.summary.length).toBeLessThanOrEqual(EXPLANATION_LIMITS.summary);
        expect(e.detail.length).toBeLessThanOrEqual(EXPLANATION_LIMITS.detail);
        expect((e.consoleMessage ?? '').length).toBeLessThanOrEqual(EXPLANATION_LIMITS.consoleMessage);
        expect(e.hints.length).toBeLessThanOrEqual(EXPLANATION_LIMITS.hints);
        expect(unsafeChar(e.summary, false)).toBeNull();
        expect(unsafeChar(e.detail, true)).toBeNull();
        expect(unsafeChar(e.consoleMessage ?? '', false)).toBeNull();
        for (const h of e.hints) {
          expect(h.length).toBeLessThanOrEqual(EXPLANATION_LIMITS.hint);
          expect(unsafeChar(h, false)).toBeNull();
        }
        for (const link of e.links) {
          expect(link.url).toMatch(/^https:\/\/[\x21-\x7e]+$/);
          expect(unsafeChar(link.title, false)).toBeNull();
        }
        if (e.firefoxReason !== null) expect(e.firefoxReason).toMatch(/^CORS[A-Za-z]+$/);
      }),
      { numRuns: 400 },
    );
  });
});
