import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/explain/explain';
import type { Exchange } from '../../../../src/engine/verdict/exchange';
import type { Verdict } from '../../../../src/engine/verdict/verdict-types';
import { PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';
import { acao, blockedGet, blockedPut, finding } from '../../../fixtures/explanations';
import { blocked } from '../../../fixtures/verdict-builder';

interface HintRow {
  name: string;
  verdict: Verdict;
  exchange: Exchange;
  /** Substrings some hint must contain. */
  present: readonly string[];
  /** Substrings no hint may contain. */
  absent?: readonly string[];
}

const mismatch = (received: string): Verdict =>
  blocked('AllowOriginMismatch', 'response', {
    status: 200,
    failedParameter: received,
    header: finding('access-control-allow-origin', PAGE_ORIGIN, received),
  });

const rows: HintRow[] = [
  {
    name: 'ACAO null: never allow null',
    verdict: mismatch('null'),
    exchange: blockedGet(response(200, acao('null'))),
    present: ['literal origin null'],
  },
  {
    name: 'ACAO with the default port spelled out',
    verdict: blocked('AllowOriginMismatch', 'response', {
      status: 200,
      failedParameter: 'http://localhost:80',
      header: finding('access-control-allow-origin', 'http://localhost', 'http://localhost:80'),
    }),
    exchange: blockedGet(response(200, acao('http://localhost:80')), { initiatorOrigin: 'http://localhost' }),
    present: ['default port'],
  },
  {
    name: 'ACAO with a path',
    verdict: mismatch(`${PAGE_ORIGIN}/app`),
    exchange: blockedGet(response(200, acao(`${PAGE_ORIGIN}/app`))),
    present: ['has a path'],
    absent: ['trailing slash'],
  },
  {
    name: 'ACAO differing in case',
    verdict: mismatch('HTTP://localhost:3000'),
    exchange: blockedGet(response(200, acao('HTTP://localhost:3000'))),
    present: ['letter case'],
  },
  {
    name: 'http vs https',
    verdict: mismatch('https://localhost:3000'),
    exchange: blockedGet(response(200, acao('https://localhost:3000'))),
    present: ['http and https differ'],
  },
  {
    name: 'the same origin twice in one folded line: two layers add it',
    verdict: blocked('MultipleAllowOriginValues', 'response', {
      status: 200,
      failedParameter: `${PAGE_ORIGIN}, ${PAGE_ORIGIN}`,
    }),
    exchange: blockedGet(response(200, acao(`${PAGE_ORIGIN}, ${PAGE_ORIGIN}`))),
    present: ['Two layers each add'],
  },
  {
    name: 'a preflight redirect without CORS headers is not a silent CORS-library rejection',
    verdict: blocked('PreflightDisallowedRedirect', 'preflight', { status: 307 }),
    exchange: blockedPut(response(307, [['Location', 'https://127.0.0.1:8443/data']])),
    present: ['http to https'],
    absent: ['rs/cors'],
  },
  {
    name: 'Starlette 400 preflight with CORS headers',
    verdict: blocked('PreflightInvalidStatus', 'preflight', { status: 400 }),
    exchange: blockedPut(response(400, acao(PAGE_ORIGIN))),
    present: ['HTTP 400 Bad Request', 'Disallowed CORS'],
    absent: ['without CORS headers'],
  },
  {
    name: 'a 502 from a proxy names the gateway and the status',
    verdict: blocked('MissingAllowOriginHeader', 'response', { status: 502 }),
    exchange: blockedGet(response(502, [], 'Bad Gateway')),
    present: ['HTTP 502 Bad Gateway', 'Gateway Responses'],
  },
  {
    name: 'a 403 preflight without CORS headers: auth before CORS',
    verdict: blocked('PreflightMissingAllowOriginHeader', 'preflight', { status: 403 }),
    exchange: blockedPut(response(403)),
    present: ['HTTP 403 Forbidden', 'Spring Security'],
    absent: ['rs/cors'],
  },
  {
    name: "Authorization is not covered by * under the standard's rule",
    verdict: blocked('HeaderDisallowedByPreflightResponse', 'preflight', {
      status: 204,
      failedParameter: 'authorization',
    }),
    exchange: blockedPut(response(204, [...acao(PAGE_ORIGIN), ['Access-Control-Allow-Headers', '*']])),
    present: ["the Fetch standard's rule"],
  },
  {
    name: 'ACAM lists the method in another case',
    verdict: blocked('MethodDisallowedByPreflightResponse', 'preflight', { status: 204, failedParameter: 'PUT' }),
    exchange: blockedPut(response(204, [...acao(PAGE_ORIGIN), ['Access-Control-Allow-Methods', 'get, put']])),
    present: ['another letter case', 'exactly PUT'],
  },
  {
    name: 'an unparsable ACAH names the token rule',
    verdict: blocked('InvalidAllowHeadersPreflightResponse', 'preflight', { status: 204 }),
    exchange: blockedPut(response(204, [...acao(PAGE_ORIGIN), ['Access-Control-Allow-Headers', 'x-api-key;']])),
    present: ['HTTP token separated by commas'],
  },
];

describe('hints', () => {
  it('has 13 rows', () => expect(rows).toHaveLength(13));
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const { hints } = explain(row.verdict, row.exchange);
    for (const part of row.present)
      expect(
        hints.some((h) => h.includes(part)),
        part,
      ).toBe(true);
    for (const part of row.absent ?? [])
      expect(
        hints.some((h) => h.includes(part)),
        part,
      ).toBe(false);
  });

  it('the Authorization case is explained in the detail too', () => {
    const row = rows.find((r) => r.name === "Authorization is not covered by * under the standard's rule");
    if (!row) throw new Error('no rows');
    expect(explain(row.verdict, row.exchange).detail).toContain('does not cover Authorization');
  });
});
