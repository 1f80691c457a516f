/**
 * Property tests: random and hostile exchanges never make `evaluate` throw, always give the same
 * answer for the same input, always give a well-formed verdict, and a blocked verdict's "expected"
 * value really is what the server had to send.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncationMarker } from '../../../../src/engine/verdict/cut-value';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import type { Exchange, HeaderList, HttpResponse, RedirectHop } from '../../../../src/engine/verdict/exchange';
import type { Verdict } from '../../../../src/engine/verdict/verdict-types';
import { addressSpaceArb, exchangeArbitrary } from '../../../fixtures/exchange-arbitraries';

const ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:8080', 'https://other.test', 'null', '*', ''];
const CORS_NAMES = [
  'Access-Control-Allow-Origin',
  'access-control-allow-credentials',
  'Access-Control-Allow-Methods',
  'ACCESS-CONTROL-ALLOW-HEADERS',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
  'Location',
  'Vary',
  'Origin',
  'Cookie',
  'Authorization',
  'Content-Type',
  'Range',
  'X-Token',
  'If-None-Match',
  'Access-Control-Request-Method',
  'Access-Control-Request-Headers',
];

const binary = fc
  .array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 })
  .map((bytes) => String.fromCharCode(...bytes));
const huge = fc
  .tuple(fc.constantFrom('a', ',', ' ', '*', 'é'), fc.integer({ min: 100, max: 3000 }))
  .map(([c, n]) => c.repeat(n));
const plainValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('http://localhost:3000', '*', 'null', 'true', 'PUT', 'x-token') },
  fc.constantFrom(...ORIGINS, 'true', 'True', 'PUT', 'put, PATCH', '*', 'x-token', 'GET;', '600', '-1', 'bytes=0-1'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  binary,
  huge,
  fc.webUrl({ authoritySettings: { withUserInfo: true } }),
);
/**
 * A value the capture cut (cap-event.ts): a prefix and the marker, or a hostile look-alike (no
 * closing bracket, no size, a marker in the middle as several lines joined give).
 */
const cutValue = fc
  .tuple(
    plainValue,
    fc.oneof(
      fc.nat().map((bytes) => truncationMarker(`${bytes} bytes in all`)),
      fc.string({ maxLength: 12 }).map(truncationMarker),
      fc.constant(truncationMarker('9 bytes in all').slice(0, -1)),
    ),
    fc.option(plainValue),
  )
  .map(([kept, marker, after]) => (after === null ? `${kept}${marker}` : `${kept}${marker}, ${after}`));
const headerValue = fc.oneof({ weight: 6, arbitrary: plainValue }, cutValue);
const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CORS_NAMES) },
  fc.string({ maxLength: 12 }),
  binary,
);
const headers: fc.Arbitrary<HeaderList> = fc.array(fc.tuple(headerName, headerValue), { maxLength: 12 });

const url = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('http://127.0.0.1:8080/data', 'http://127.0.0.1:8080/next', 'https://other.test/x'),
  },
  fc.constantFrom(
    'http://127.0.0.1:8080/data',
    'http://localhost:3000/x',
    'file:///x',
    'data:,a',
    'ht tp://',
    '',
    '//x',
  ),
  fc.webUrl({ authoritySettings: { withUserInfo: true }, withQueryParameters: true }),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const status = fc.oneof(
  fc.integer({ min: 100, max: 599 }),
  fc.constantFrom(0, -1, 204, 301, 302, 304, 307, Number.NaN, Number.POSITIVE_INFINITY, 1e12),
);
const httpResponse: fc.Arbitrary<HttpResponse> = fc.record({
  status,
  statusText: fc.string({ maxLength: 5 }),
  headers,
});
const request = fc.record({
  url,
  method: fc.oneof(
    fc.constantFrom('GET', 'post', 'PUT', 'patch', 'DELETE', 'OPTIONS', ''),
    fc.string({ maxLength: 8 }),
  ),
  headers,
});
const networkError = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constant('net::ERR_FAILED') },
  fc.oneof(
    fc.constantFrom('net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_ABORTED', ''),
    fc.constantFrom('net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'ERR_FAILED'),
    fc.string({ maxLength: 20 }),
  ),
);
const observedPreflight = fc.record({
  kind: fc.constant('observed' as const),
  request,
  response: fc.option(httpResponse),
  error: networkError,
});
/** A hop, sometimes with the preflight sent again after it, sometimes refused (the last one). */
const hop: fc.Arbitrary<RedirectHop> = fc.record(
  { request, response: httpResponse, nextPreflight: observedPreflight, refused: fc.boolean() },
  { requiredKeys: ['request', 'response'] },
);

const exchangeArb: fc.Arbitrary<Exchange> = exchangeArbitrary({
  initiatorOrigin: fc.oneof(
    { weight: 6, arbitrary: fc.constant('http://localhost:3000') },
    fc.constant(null),
    fc.constantFrom(...ORIGINS),
    fc.string({ maxLength: 20 }),
  ),
  request,
  resourceType: fc.constantFrom(
    'xmlhttprequest',
    'fetch',
    'image',
    'script',
    'font',
    'ping',
    'main_frame',
    'websocket',
    'other',
  ),
  credentialsMode: fc.constantFrom('omit', 'same-origin', 'include', 'unknown'),
  mode: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('cors', 'unknown' as const) },
    fc.constantFrom('cors', 'no-cors', 'same-origin', 'navigate', 'websocket', 'unknown'),
  ),
  preflight: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.constant({ kind: 'maybe-cached' as const }),
    observedPreflight,
  ),
  redirects: fc.oneof(
    { weight: 5, arbitrary: fc.array(hop, { maxLength: 3 }) },
    fc.tuple(hop, fc.integer({ min: 19, max: 23 })).map(([one, n]) => Array.from({ length: n }, () => one)),
  ),
  response: fc.option(httpResponse),
  networkError,
  outcome: fc.constantFrom('blocked', 'succeeded', 'network-error', 'unknown'),
  addressSpaces: fc.record({ initiator: addressSpaceArb, target: addressSpaceArb }),
  headerLinesMerged: fc.boolean(),
});

const FIXABLE = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'location',
]);

function replaceHeader(response: HttpResponse, name: string, value: string): HttpResponse {
  const kept = response.headers.filter(([key]) => key.toLowerCase() !== name);
  return { ...response, headers: [...kept, [name, value]] };
}

/** The exchange with the header the verdict names set to the value it says was expected. */
function withExpectedHeader(exchange: Exchange, verdict: Verdict): Exchange | null {
  const header = verdict.header;
  if (header === null || !FIXABLE.has(header.name)) return null;
  const fix = (response: HttpResponse): HttpResponse => replaceHeader(response, header.name, header.expected);
  if (verdict.stage === 'preflight' && verdict.redirectIndex !== null) {
    // The preflight sent again after that redirect.
    const index = verdict.redirectIndex;
    const again = exchange.redirects[index]?.nextPreflight;
    if (again?.kind !== 'observed' || again.response === null) return null;
    const fixed = { ...again, response: fix(again.response) };
    return {
      ...exchange,
      redirects: exchange.redirects.map((one, i) => (i === index ? { ...one, nextPreflight: fixed } : one)),
    };
  }
  if (verdict.stage === 'preflight' && exchange.preflight.kind === 'observed' && exchange.preflight.response !== null) {
    return { ...exchange, preflight: { ...exchange.preflight, response: fix(exchange.preflight.response) } };
  }
  if (verdict.stage === 'redirect' && verdict.redirectIndex !== null) {
    const index = verdict.redirectIndex;
    return {
      ...exchange,
      redirects: exchange.redirects.map((one, i) => (i === index ? { ...one, response: fix(one.response) } : one)),
    };
  }
  if (verdict.stage === 'response' && exchange.response !== null)
    return { ...exchange, response: fix(exchange.response) };
  return null;
}

const decisive = (verdict: Verdict) => [
  verdict.kind,
  verdict.code,
  verdict.failedParameter,
  verdict.stage,
  verdict.redirectIndex,
];

describe('evaluate on random and hostile exchanges', () => {
  it('never throws and always returns a well-formed verdict', () => {
    fc.assert(
      fc.property(exchangeArb, fc.boolean(), (exchange, strict) => {
        const verdict = evaluate(exchange, { authorizationExcludedFromWildcard: strict });
        expect(verdict.blocked).toBe(verdict.kind === 'blocked');
        expect(verdict.code === null).toBe(!verdict.blocked);
        expect(typeof verdict.failedParameter).toBe('string');
        expect(verdict.specStep.length).toBeGreaterThan(0);
        expect(['include', 'omit', 'unknown']).toContain(verdict.credentials.mode);
        expect(verdict.credentials.note.length).toBeGreaterThan(0);
        // A redirect's own check names its hop; a check on the request it led to (its scheme, its
        // new preflight, Local Network Access) names the hop it came from.
        if (verdict.stage === 'redirect') expect(verdict.redirectIndex).not.toBeNull();
        if (verdict.redirectIndex !== null) {
          expect(verdict.redirectIndex).toBeLessThan(exchange.redirects.length);
          expect(['redirect', 'request', 'preflight']).toContain(verdict.stage);
        }
        if (verdict.kind === 'network-error' || verdict.kind === 'not-cors') expect(verdict.advisories).toEqual([]);
        expect(() => JSON.stringify(verdict)).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic: the same input (even a structural copy) gives a deep-equal verdict', () => {
    fc.assert(
      fc.property(exchangeArb, (exchange) => {
        expect(evaluate(structuredClone(exchange))).toEqual(evaluate(exchange));
      }),
      { numRuns: 500 },
    );
  });

  it('is consistent: sending the expected header value never yields the same verdict again', () => {
    fc.assert(
      fc.property(exchangeArb, (exchange) => {
        const verdict = evaluate(exchange);
        fc.pre(verdict.blocked);
        const fixed = withExpectedHeader(exchange, verdict);
        fc.pre(fixed !== null);
        if (fixed !== null) expect(decisive(evaluate(fixed))).not.toEqual(decisive(verdict));
      }),
      { numRuns: 600 },
    );
  });

  it('is consistent on targeted blocked exchanges too', () => {
    const blockedArb = fc.record({
      acao: fc.option(fc.constantFrom(...ORIGINS, 'http://localhost:3000/', 'a, b')),
      acac: fc.option(fc.constantFrom('true', 'false', '')),
      acam: fc.option(fc.constantFrom('GET', 'put', 'PUT', '*', 'PUT;')),
      acah: fc.option(fc.constantFrom('x-a', '*', 'x-b, x-a', '[x]')),
      credentialsMode: fc.constantFrom('omit', 'include', 'unknown' as const),
      outcome: fc.constantFrom('blocked', 'succeeded', 'unknown' as const),
    });
    fc.assert(
      fc.property(blockedArb, (spec) => {
        const preflightHeaders: [string, string][] = [];
        if (spec.acao !== null) preflightHeaders.push(['Access-Control-Allow-Origin', spec.acao]);
        if (spec.acac !== null) preflightHeaders.push(['Access-Control-Allow-Credentials', spec.acac]);
        if (spec.acam !== null) preflightHeaders.push(['Access-Control-Allow-Methods', spec.acam]);
        if (spec.acah !== null) preflightHeaders.push(['Access-Control-Allow-Headers', spec.acah]);
        const exchange: Exchange = {
          initiatorOrigin: 'http://localhost:3000',
          request: {
            url: 'http://127.0.0.1:8080/d',
            method: 'PUT',
            headers: [
              ['X-A', '1'],
              ['X-B', '2'],
            ],
          },
          resourceType: 'fetch',
          credentialsMode: spec.credentialsMode,
          mode: 'cors',
          preflight: {
            kind: 'observed',
            request: { url: 'http://127.0.0.1:8080/d', method: 'OPTIONS', headers: [] },
            response: { status: 204, statusText: '', headers: preflightHeaders },
            error: null,
          },
          redirects: [],
          response: { status: 200, statusText: '', headers: preflightHeaders },
          networkError: null,
          outcome: spec.outcome,
        };
        const verdict = evaluate(exchange);
        const fixed = withExpectedHeader(exchange, verdict);
        if (verdict.blocked && fixed !== null) expect(decisive(evaluate(fixed))).not.toEqual(decisive(verdict));
      }),
      { numRuns: 400 },
    );
  });
});
