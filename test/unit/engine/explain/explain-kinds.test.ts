import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/explain/explain';
import type { Advisory } from '../../../../src/engine/verdict/verdict-types';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import { blockedGet } from '../../../fixtures/explanations';
import { blocked, INFERRED_CREDENTIALS, verdict } from '../../../fixtures/verdict-builder';

const URL = `${API_ORIGIN}/data`;

describe('explain: passed', () => {
  it('says which Access-Control-Allow-Origin let it through', () => {
    const e = explain(verdict(), exchange());
    expect(e.summary).toBe(`Allowed: the server sent Access-Control-Allow-Origin: ${PAGE_ORIGIN}`);
    expect(e.detail).toContain(`Access-Control-Allow-Origin: '${PAGE_ORIGIN}'`);
    expect(e.detail).toContain('HTTP 200 OK');
    expect(e.consoleMessage).toBeNull();
    expect(e.firefoxReason).toBeNull();
    expect(e.hints).toEqual([]);
    expect(e.links.every((l) => l.url.startsWith('https://'))).toBe(true);
  });

  it('lists advisories in the detail and as hints, and counts them in the summary', () => {
    const advisories: Advisory[] = [
      {
        code: 'unexposed-response-headers',
        header: 'x-total-count',
        message: 'X-Total-Count is sent but JavaScript cannot read it: add it to Access-Control-Expose-Headers.',
      },
      {
        code: 'missing-vary-origin',
        header: 'vary',
        message: 'The server echoes the origin without Vary: Origin.',
      },
    ];
    const ex = exchange({
      request: { url: URL, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
      preflight: preflight('PUT', [], response(204, [['Access-Control-Allow-Origin', PAGE_ORIGIN]])),
    });
    const e = explain(verdict({ advisories }), ex);
    expect(e.summary).toBe(
      `Allowed: the server sent Access-Control-Allow-Origin: ${PAGE_ORIGIN} — but 2 things to improve`,
    );
    expect(e.detail).toContain('(1) X-Total-Count is sent');
    expect(e.detail).toContain('(2) The server echoes the origin');
    expect(e.detail).toContain('preflight (OPTIONS, HTTP 204 No Content) allowed PUT');
    expect(e.hints).toEqual(advisories.map((a) => a.message));
  });

  it('explains how credentials were known when the browser let a * through', () => {
    const v = verdict({
      credentials: { mode: 'omit', evidence: 'inferred-from-outcome', note: '' },
    });
    const e = explain(v, exchange({ response: response(200, [['Access-Control-Allow-Origin', '*']]) }));
    expect(e.summary).toBe('Allowed: the server sent Access-Control-Allow-Origin: *');
    expect(e.detail).toContain('so it was sent without credentials');
  });
});

describe('explain: not-cors', () => {
  it.each([
    ['no-cors', exchange({ mode: 'no-cors' }), 'opaque response'],
    ['navigation', exchange({ mode: 'navigate', resourceType: 'main_frame' }), 'navigation'],
    ['websocket', exchange({ mode: 'websocket', resourceType: 'websocket' }), 'WebSocket'],
    [
      'same-origin',
      exchange({ mode: 'unknown', request: { url: `${PAGE_ORIGIN}/api`, method: 'GET', headers: [] } }),
      'share the origin http://localhost:3000',
    ],
  ] as const)('%s', (_name, ex, words) => {
    const e = explain(verdict({ kind: 'not-cors' }), ex);
    expect(e.summary).toContain('Not a CORS request');
    expect(e.detail).toContain(words);
    expect(e.consoleMessage).toBeNull();
  });
});

describe('explain: network-error', () => {
  const rows = [
    [
      'net::ERR_CONNECTION_REFUSED',
      'the connection was refused',
      'is the server running and listening on 127.0.0.1:8080?',
    ],
    ['net::ERR_NAME_NOT_RESOLVED', 'DNS', '127.0.0.1:8080'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'certificate', 'https://127.0.0.1:8080'],
    ['net::ERR_ABORTED', 'aborted', 'AbortController'],
    ['net::ERR_TIMED_OUT', 'timed out', '127.0.0.1:8080'],
    ['NS_ERROR_CONNECTION_REFUSED', 'the connection was refused', '127.0.0.1:8080'],
    ['NS_ERROR_UNKNOWN_HOST', 'DNS', '127.0.0.1:8080'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'certificate', '127.0.0.1:8080'],
    ['NS_BINDING_ABORTED', 'aborted', 'AbortController'],
    ['NS_ERROR_NET_TIMEOUT', 'timed out', '127.0.0.1:8080'],
  ] as const;

  it('covers Chromium and Firefox names for refused, DNS, TLS, aborted and timeout', () => {
    expect(rows).toHaveLength(10);
  });

  it.each(rows)('%s', (name, what, action) => {
    const v = verdict({ kind: 'network-error', networkError: name, status: null });
    const e = explain(v, exchange({ response: null, networkError: name, outcome: 'network-error' }));
    expect(e.summary).toMatch(/^Not a CORS problem: /);
    expect(e.summary).toContain(name);
    expect(e.summary).toContain(what);
    expect(e.summary).toContain(action);
    expect(e.detail).toContain('CORS headers cannot be the cause');
    expect(e.firefoxReason).toBe(/ABORT/.test(name) ? null : 'CORSDidNotSucceed');
    expect(e.consoleMessage).toBe(name.startsWith('net::') ? `GET ${URL} ${name}` : null);
  });

  it('reads exactly as the brief asks for a refused connection', () => {
    const name = 'net::ERR_CONNECTION_REFUSED';
    const e = explain(verdict({ kind: 'network-error', networkError: name }), exchange({ networkError: name }));
    expect(e.summary).toBe(
      'Not a CORS problem: the connection was refused (net::ERR_CONNECTION_REFUSED) — is the server running and listening on 127.0.0.1:8080?',
    );
    expect(e.hints.some((h) => h.includes('0.0.0.0'))).toBe(true);
  });
});

describe('explain: unknown, blocked without code, contradictions', () => {
  it('unknown says what is missing', () => {
    const e = explain(
      verdict({ kind: 'unknown', status: null }),
      exchange({ response: null, outcome: 'unknown', preflight: { kind: 'maybe-cached' } }),
    );
    expect(e.summary).toContain('Cannot tell');
    expect(e.detail).toContain('no response and no error were captured');
    expect(e.detail).toContain('served from the cache');
  });

  it('a blocked verdict without a code still explains honestly', () => {
    const e = explain(verdict({ kind: 'blocked', blocked: true, code: null, specStep: 'CORS check 4' }), exchange());
    expect(e.summary).toContain('Blocked by CORS');
    expect(e.detail).toContain('CORS check 4');
    expect(e.consoleMessage).toBeNull();
  });

  it('says so when the verdict contradicts what the browser did', () => {
    const v = blocked('MissingAllowOriginHeader', 'response', { status: 200, contradictsOutcome: true });
    const e = explain(v, blockedGet(response(200), { outcome: 'succeeded' }));
    expect(e.detail).toContain('contradicts what was observed');
    expect(e.detail).toContain('the browser let this request through');
  });

  it('credentials inferred from the outcome are explained as an inference', () => {
    const v = blocked('WildcardOriginNotAllowed', 'response', {
      status: 200,
      failedParameter: '*',
      credentials: INFERRED_CREDENTIALS,
    });
    const e = explain(v, blockedGet(response(200, [['Access-Control-Allow-Origin', '*']]), { resourceType: 'fetch' }));
    expect(e.detail).toContain(
      "The browser blocked this response, which only happens if the request was credentialed — so it must have been sent with credentials: 'include'.",
    );
  });
});
