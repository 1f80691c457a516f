import { describe, expect, it } from 'vitest';
import { requiredPolicy } from '../../../../src/engine/fix/required-policy';
import { evaluate } from '../../../../src/engine/verdict/evaluate';
import type { Exchange, RedirectHop } from '../../../../src/engine/verdict/exchange';
import type { Verdict } from '../../../../src/engine/verdict/verdict-types';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import { INCLUDE, RECIPE_ROWS, verdict } from '../../../fixtures/recipes';

const CDN_ORIGIN = 'https://cdn.example';

function hop(url: string, location: string, headers: [string, string][] = []): RedirectHop {
  return { request: { url, method: 'GET', headers }, response: response(302, [['Location', location]]) };
}

function withHeaders(headers: [string, string][], method = 'GET'): Exchange {
  return exchange({ request: { url: `${API_ORIGIN}/data`, method, headers: [['Origin', PAGE_ORIGIN], ...headers] } });
}

describe('requiredPolicy: the main verdict codes', () => {
  it('has one row per main code', () => {
    expect(RECIPE_ROWS).toHaveLength(9);
  });

  it.each(RECIPE_ROWS)('$name', (row) => {
    const policy = requiredPolicy(row.exchange, row.verdict);
    expect(policy.allowOrigin).toBe(row.expect.origin);
    expect(policy.allowMethods).toEqual(row.expect.methods);
    expect(policy.allowHeaders).toEqual(row.expect.headers);
    expect(policy.allowCredentials).toBe(row.expect.credentials);
    expect(policy.answerPreflight).toBe(row.expect.preflight);
    expect(policy.varyOrigin).toBe(true);
    expect(policy.maxAgeSeconds).toBe(600);
  });
});

interface HeaderRow {
  name: string;
  headers: [string, string][];
  method?: string;
  expect: { methods: string[]; headers: string[]; credentials: boolean };
}

const HEADER_ROWS: readonly HeaderRow[] = [
  {
    name: 'content-type application/json and a custom header need the preflight to allow them',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Api-Key', 'k'],
    ],
    method: 'POST',
    expect: { methods: [], headers: ['content-type', 'x-api-key'], credentials: false },
  },
  {
    name: 'content-type with a safelisted essence and parameters is safelisted',
    headers: [['Content-Type', 'text/plain;charset=UTF-8']],
    method: 'POST',
    expect: { methods: [], headers: [], credentials: false },
  },
  {
    name: 'accept, accept-language, content-language and a simple range are safelisted',
    headers: [
      ['Accept', 'application/json'],
      ['Accept-Language', 'fr'],
      ['Content-Language', 'en'],
      ['Range', 'bytes=0-99'],
    ],
    expect: { methods: [], headers: [], credentials: false },
  },
  {
    name: 'a multi-range is not safelisted',
    headers: [['Range', 'bytes=0-1,5-6']],
    expect: { methods: [], headers: ['range'], credentials: false },
  },
  {
    name: 'headers the browser sets itself never need allowing',
    headers: [
      ['User-Agent', 'x'],
      ['Sec-Fetch-Mode', 'cors'],
      ['Referer', 'x'],
      ['Accept-Encoding', 'gzip'],
      ['Host', 'h'],
    ],
    expect: { methods: [], headers: [], credentials: false },
  },
  {
    name: 'authorization needs allowing and proves credentials',
    headers: [['Authorization', 'Bearer t']],
    expect: { methods: [], headers: ['authorization'], credentials: true },
  },
  {
    name: 'a cookie proves credentials',
    headers: [['Cookie', 'a=b']],
    expect: { methods: [], headers: [], credentials: true },
  },
  {
    name: '`delete` is normalised to DELETE',
    headers: [],
    method: 'delete',
    expect: { methods: ['DELETE'], headers: [], credentials: false },
  },
  {
    name: '`patch` keeps its case',
    headers: [],
    method: 'patch',
    expect: { methods: ['patch'], headers: [], credentials: false },
  },
  {
    name: '`get` is normalised and safelisted',
    headers: [],
    method: 'get',
    expect: { methods: [], headers: [], credentials: false },
  },
];

describe('requiredPolicy: computed from the request when no preflight was captured', () => {
  it('has its rows', () => {
    expect(HEADER_ROWS).toHaveLength(10);
  });

  it.each(HEADER_ROWS)('$name', (row) => {
    const policy = requiredPolicy(withHeaders(row.headers, row.method), verdict());
    expect(policy.allowMethods).toEqual(row.expect.methods);
    expect(policy.allowHeaders).toEqual(row.expect.headers);
    expect(policy.allowCredentials).toBe(row.expect.credentials);
    expect(policy.answerPreflight).toBe(row.expect.methods.length + row.expect.headers.length > 0);
  });
});

describe('requiredPolicy: the origin to allow', () => {
  it('is `null` for a hop after a cross-origin redirect', () => {
    const ex = exchange({
      redirects: [hop(`${API_ORIGIN}/a`, `${CDN_ORIGIN}/b`), hop(`${CDN_ORIGIN}/b`, `${CDN_ORIGIN}/c`)],
    });
    expect(requiredPolicy(ex, verdict({ stage: 'redirect', redirectIndex: 0 })).allowOrigin).toBe(PAGE_ORIGIN);
    expect(requiredPolicy(ex, verdict({ stage: 'redirect', redirectIndex: 1 })).allowOrigin).toBe('null');
    expect(requiredPolicy(ex, verdict({ stage: 'response' })).allowOrigin).toBe('null');
  });

  it('stays the page origin after same-origin (relative or default-port) redirects', () => {
    const ex = exchange({ redirects: [hop(`${API_ORIGIN}/a`, '/b'), hop(`${API_ORIGIN}/b`, `${API_ORIGIN}/c`)] });
    expect(requiredPolicy(ex, verdict({ stage: 'response' })).allowOrigin).toBe(PAGE_ORIGIN);
    const https = exchange({ redirects: [hop('https://api.example/a', 'https://API.example:443/b')] });
    expect(requiredPolicy(https, verdict({ stage: 'response' })).allowOrigin).toBe(PAGE_ORIGIN);
  });

  it('is `null` even when the chain comes back to the page origin', () => {
    const ex = exchange({ redirects: [hop(`${API_ORIGIN}/a`, `${PAGE_ORIGIN}/b`)] });
    expect(requiredPolicy(ex, verdict({ stage: 'response' })).allowOrigin).toBe('null');
  });

  it("prefers the Origin header the browser sent on the failing hop's request", () => {
    const ex = exchange({
      redirects: [hop(`${API_ORIGIN}/a`, '/b'), hop(`${API_ORIGIN}/b`, '/c', [['Origin', 'null']])],
    });
    expect(requiredPolicy(ex, verdict({ stage: 'redirect', redirectIndex: 1 })).allowOrigin).toBe('null');
    const pre = exchange({ preflight: preflight('PUT', [], response(204), `${API_ORIGIN}/x`, 'null') });
    expect(requiredPolicy(pre, verdict({ stage: 'preflight' })).allowOrigin).toBe('null');
  });

  it("falls back to the request's Origin header when the initiator is unknown", () => {
    const ex = exchange({ initiatorOrigin: null });
    const withOrigin: Exchange = { ...ex, request: { ...ex.request, headers: [['origin', 'http://a.example']] } };
    expect(requiredPolicy(withOrigin, verdict()).allowOrigin).toBe('http://a.example');
    expect(requiredPolicy(ex, verdict()).allowOrigin).toBe('');
  });
});

describe('requiredPolicy: credentials, exposed headers, robustness', () => {
  it('needs credentials when the verdict says include', () => {
    expect(requiredPolicy(exchange(), verdict({ credentials: INCLUDE })).allowCredentials).toBe(true);
    expect(requiredPolicy(exchange(), verdict({ code: 'PreflightWildcardOriginNotAllowed' })).allowCredentials).toBe(
      true,
    );
    expect(requiredPolicy(exchange(), verdict()).allowCredentials).toBe(false);
  });

  it('exposes the unreadable headers the page plausibly wanted: not the policy header, not framework metadata', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['Access-Control-Expose-Headers', 'x-other'],
        ['X-Total-Count', '3'],
        ['Link', '</?page=2>; rel="next"'],
        ['ETag', '"abc"'],
        ['X-Powered-By', 'Express'],
      ]),
    });
    const v = evaluate(ex);
    expect(v.advisories.map((a) => a.code)).toContain('unexposed-response-headers');
    expect(requiredPolicy(ex, v).exposeHeaders).toEqual(['link', 'x-total-count']);
  });

  it('exposes nothing when only framework metadata is unreadable (no advice on every Express response)', () => {
    const ex = exchange({
      response: response(200, [
        ['Access-Control-Allow-Origin', PAGE_ORIGIN],
        ['ETag', 'W/"5-abc"'],
        ['X-Powered-By', 'Express'],
      ]),
    });
    const v = evaluate(ex);
    expect(v.advisories.map((a) => a.code)).not.toContain('unexposed-response-headers');
    expect(requiredPolicy(ex, v).exposeHeaders).toEqual([]);
  });

  it('adds the failed header or method even if the preflight request did not list it', () => {
    const ex = exchange({ preflight: preflight('GET', [], response(204)) });
    const policy = requiredPolicy(
      ex,
      verdict({ stage: 'preflight', code: 'HeaderDisallowedByPreflightResponse', failedParameter: 'X-Trace' }),
    );
    expect(policy.allowHeaders).toEqual(['x-trace']);
    expect(policy.answerPreflight).toBe(true);
  });

  it('never throws on a degenerate exchange', () => {
    const ex = exchange({
      initiatorOrigin: null,
      request: { url: '::not a url', method: '', headers: [['', '']] },
      redirects: [hop('nope', ''), hop('', 'mailto:x')],
      preflight: { kind: 'observed', request: { url: '', method: 'OPTIONS', headers: [] }, response: null, error: 'x' },
      response: null,
    });
    for (const stage of ['request', 'preflight', 'redirect', 'response'] as const) {
      expect(() => requiredPolicy(ex, verdict({ stage, redirectIndex: 7 }))).not.toThrow();
    }
  });
});

describe('requiredPolicy: every origin a redirect chain carried (#20 item 1)', () => {
  const OTHER = 'http://localhost:8080';
  const toOtherHost = (failing: Partial<Verdict>) => {
    const ex = exchange({ redirects: [hop(`${API_ORIGIN}/a`, `${OTHER}/a`, [['Origin', PAGE_ORIGIN]])] });
    return requiredPolicy(ex, verdict(failing));
  };

  it('allows the page origin and null after a redirect to another host name of the same server, whichever hop failed', () => {
    for (const failing of [
      { stage: 'response' as const },
      { stage: 'redirect' as const, redirectIndex: 0, code: 'AllowOriginMismatch' as const, failedParameter: 'null' },
    ]) {
      const policy = toOtherHost(failing);
      expect(policy.allowOrigins).toEqual([PAGE_ORIGIN, 'null']);
      expect(policy.nullOriginRedirect).toEqual({ from: API_ORIGIN, to: OTHER });
      expect(policy.originsByServer).toEqual([
        { server: API_ORIGIN, origins: [PAGE_ORIGIN] },
        { server: OTHER, origins: ['null'] },
      ]);
    }
    // The failing check's own origin is still the one it needed.
    expect(toOtherHost({ stage: 'response' }).allowOrigin).toBe('null');
    expect(toOtherHost({ stage: 'redirect', redirectIndex: 0 }).allowOrigin).toBe(PAGE_ORIGIN);
  });

  it('lists the origins of a longer chain once each, in order', () => {
    const ex = exchange({
      redirects: [hop(`${API_ORIGIN}/a`, `${CDN_ORIGIN}/b`), hop(`${CDN_ORIGIN}/b`, `${CDN_ORIGIN}/c`)],
    });
    const policy = requiredPolicy(ex, verdict({ stage: 'response' }));
    expect(policy.allowOrigins).toEqual([PAGE_ORIGIN, 'null']);
    expect(policy.originsByServer).toEqual([
      { server: API_ORIGIN, origins: [PAGE_ORIGIN] },
      { server: CDN_ORIGIN, origins: ['null'] },
    ]);
  });

  it('adds null even when the chain comes back to the page origin (as Chromium 156 does)', () => {
    const ex = exchange({ redirects: [hop(`${API_ORIGIN}/a`, `${PAGE_ORIGIN}/b`)] });
    const policy = requiredPolicy(ex, verdict({ stage: 'response' }));
    expect(policy.allowOrigins).toEqual([PAGE_ORIGIN, 'null']);
    expect(policy.nullOriginRedirect).toEqual({ from: API_ORIGIN, to: PAGE_ORIGIN });
  });

  it('keeps one origin without a redirect, after same-origin redirects, and for an opaque page', () => {
    for (const row of RECIPE_ROWS) {
      const policy = requiredPolicy(row.exchange, row.verdict);
      expect(policy.allowOrigins).toEqual([row.expect.origin]);
      expect(policy.originsByServer).toEqual([]);
      expect(policy.nullOriginRedirect).toBeNull();
    }
    const same = exchange({ redirects: [hop(`${API_ORIGIN}/a`, '/b'), hop(`${API_ORIGIN}/b`, `${API_ORIGIN}/c`)] });
    expect(requiredPolicy(same, verdict()).allowOrigins).toEqual([PAGE_ORIGIN]);
    expect(requiredPolicy(same, verdict()).nullOriginRedirect).toBeNull();
    // A sandboxed page sends null from the start: no redirect is to blame.
    const opaque = exchange({ initiatorOrigin: 'null', redirects: [hop(`${API_ORIGIN}/a`, `${CDN_ORIGIN}/b`)] });
    expect(requiredPolicy(opaque, verdict()).allowOrigins).toEqual(['null']);
    expect(requiredPolicy(opaque, verdict()).nullOriginRedirect).toBeNull();
  });

  it('adds the Origin the browser was seen sending on a hop', () => {
    const ex = exchange({ redirects: [hop(`${API_ORIGIN}/a`, '/b', [['Origin', 'http://other.example']])] });
    expect(requiredPolicy(ex, verdict()).allowOrigins).toEqual(['http://other.example', PAGE_ORIGIN]);
  });
});
