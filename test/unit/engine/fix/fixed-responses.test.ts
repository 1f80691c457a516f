import { describe, expect, it } from 'vitest';
import { evaluate, fixedResponses, fixRecipe, getHeader } from '../../../../src/engine';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';

describe('fixedResponses: what the fixed server sends', () => {
  it('answers a preflight whole with 204 and the preflight fields, and gives the response its own', () => {
    const ex = exchange({
      request: {
        url: `${API_ORIGIN}/data`,
        method: 'PUT',
        headers: [
          ['Origin', PAGE_ORIGIN],
          ['X-Token', '1'],
        ],
      },
      credentialsMode: 'include',
      preflight: preflight('PUT', ['x-token'], response(404)),
      response: null,
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const fixed = fixedResponses(ex, evaluate(ex));
    expect(fixed.preflight).toEqual({
      status: 204,
      statusText: 'No Content',
      headers: [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT'],
        ['Access-Control-Allow-Headers', 'x-token'],
        ['Access-Control-Max-Age', '600'],
        ['Vary', 'Origin'],
      ],
    });
    expect(fixed.response).toEqual([
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'],
    ]);
  });

  it('sends the same lines the nginx recipe writes', () => {
    const ex = exchange({
      request: { url: `${API_ORIGIN}/data`, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
      preflight: preflight('PUT', [], response(204, [['Access-Control-Allow-Origin', PAGE_ORIGIN]])),
      response: null,
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const verdict = evaluate(ex);
    const snippet = fixRecipe('nginx', ex, verdict).snippet;
    for (const [name, value] of fixedResponses(ex, verdict).preflight?.headers ?? []) {
      expect(snippet).toContain(`add_header ${name} "${value}" always;`);
    }
  });

  it('after a redirect that taints the origin, gives each response the Origin its request carried', () => {
    const other = 'http://localhost:8080';
    const ex = exchange({
      request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
      redirects: [
        {
          request: { url: `${API_ORIGIN}/old`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(302, [['Location', `${other}/new`]]),
        },
      ],
      response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    });
    const fixed = fixedResponses(ex, evaluate(ex));
    expect(fixed.preflight).toBeNull();
    expect(getHeader(fixed.redirects[0] ?? [], 'access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(getHeader(fixed.response, 'access-control-allow-origin')).toBe('null');
  });
});
