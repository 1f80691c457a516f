import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import type { Exchange } from '../../../../src/engine/verdict/exchange';
import { parseAllowList } from '../../../../src/engine/verdict/preflight';
import { preflightRows } from '../../../fixtures/cors/preflight';
import { expectVerdict } from './expect-verdict';

describe('CORS-preflight fetch (table)', () => {
  it('keeps all its rows', () => {
    expect(preflightRows).toHaveLength(48);
  });

  it.each(preflightRows)('$name', (row) => {
    expectVerdict(evaluate(row.exchange, row.options), row.expect);
  });
});

describe('parseAllowList', () => {
  it('treats an absent header as an empty list and a non-token as failure', () => {
    expect(parseAllowList(null)).toEqual([]);
    expect(parseAllowList(' GET , ,PUT ')).toEqual(['GET', 'PUT']);
    expect(parseAllowList('GET;')).toBeNull();
  });
});

describe('a preflight whose Access-Control-Request-Method is empty', () => {
  // Found by evaluate.property.test.ts: judged as the method "", no Access-Control-Allow-Methods
  // value could ever allow it. No browser sends an empty method; the request's own method stands.
  const exchange = (allowMethods: string | null): Exchange => ({
    initiatorOrigin: 'http://localhost:3000',
    request: { url: 'http://127.0.0.1:8080/data', method: 'PUT', headers: [] },
    resourceType: 'fetch',
    credentialsMode: 'omit',
    mode: 'cors',
    preflight: {
      kind: 'observed',
      request: {
        url: 'http://127.0.0.1:8080/data',
        method: 'OPTIONS',
        headers: [['Access-Control-Request-Method', ' ']],
      },
      response: {
        status: 204,
        statusText: '',
        headers: [
          ['Access-Control-Allow-Origin', 'http://localhost:3000'],
          ...(allowMethods === null ? [] : ([['Access-Control-Allow-Methods', allowMethods]] as [string, string][])),
        ],
      },
      error: null,
    },
    redirects: [],
    response: { status: 200, statusText: '', headers: [['Access-Control-Allow-Origin', 'http://localhost:3000']] },
    networkError: null,
    outcome: 'unknown',
  });

  it("is judged by the request's method", () => {
    const refused = evaluate(exchange(null));
    expect(refused.code).toBe('MethodDisallowedByPreflightResponse');
    expect(refused.header?.expected).toBe('PUT');
    expect(evaluate(exchange('PUT')).blocked).toBe(false);
  });
});
