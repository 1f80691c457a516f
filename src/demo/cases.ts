/**
 * The demo's cases: the CORS failures people actually hit, and a few requests that pass. One table
 * feeds the demo server (how the API answers), the demo page (the buttons and what each request
 * does) and the e2e test (the verdict Chromium gives). Pure data, no I/O: the page bundles it too.
 */
import type { CorsErrorCode } from '../engine';
import type { Headers, RouteSpec } from './cors-server';

/** Where the demo runs; ports are chosen at run time. */
export interface DemoOrigins {
  /** The app page, e.g. `http://localhost:41234`. */
  page: string;
  /** The API, another origin, e.g. `http://127.0.0.1:41235`. */
  api: string;
  /** The API's routes under a third origin (`http://localhost:<api port>`), for cross-origin redirects. */
  other: string;
}

/** What the page's `fetch` sends: a plain, serialisable `RequestInit`. */
export interface DemoRequest {
  method: string;
  headers?: Readonly<Record<string, string>>;
  credentials?: 'omit' | 'same-origin' | 'include';
  body?: string;
  /** A response header the page then tries to read with `response.headers.get()`. */
  readHeader?: string;
}

export type DemoGroup = 'response' | 'preflight' | 'redirect' | 'pass';

export interface DemoRoute {
  /** API path, starting with `/`. */
  path: string;
  spec: RouteSpec;
}

export interface DemoCase {
  /** Stable id; the request goes to `/demo/<id>` on the API. */
  id: string;
  group: DemoGroup;
  /** A short label for the button. */
  title: string;
  /** What the server does, in words: the situation this reproduces. */
  story: string;
  request: DemoRequest;
  /** The URL the page fetches. */
  url: string;
  routes: readonly DemoRoute[];
  /** Chromium's verdict: its `CorsError` code, or `passed`. */
  expect: CorsErrorCode | 'passed';
}

export const GROUP_TITLES: Readonly<Record<DemoGroup, string>> = {
  response: 'The response is refused',
  preflight: 'The preflight is refused',
  redirect: 'Redirects',
  pass: 'Requests that pass',
};

/** A fake bearer token, there to show that exports redact it. */
export const DEMO_TOKEN = 'Bearer demo-secret-token-7f3a';

const JSON_TYPE: readonly [string, string] = ['Content-Type', 'application/json'];
const TEXT_TYPE: readonly [string, string] = ['Content-Type', 'text/plain; charset=utf-8'];

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** A port on the page's host that is not the page's: the dev server the API was configured for. */
function wrongPortOrigin(page: string): string {
  const url = new URL(page);
  return `${url.protocol}//${url.hostname}:${url.port === '3000' ? '3001' : '3000'}`;
}

/** Every demo case for the origins the demo runs on, in the order the page shows and runs them. */
export function demoCases(origins: DemoOrigins): DemoCase[] {
  const { page, api, other } = origins;
  const acao: readonly [string, string] = ['Access-Control-Allow-Origin', page];
  const acac: readonly [string, string] = ['Access-Control-Allow-Credentials', 'true'];
  const vary: readonly [string, string] = ['Vary', 'Origin'];
  const noCache: readonly [string, string] = ['Access-Control-Max-Age', '0'];
  const ok = (headers: Headers, body: unknown = { ok: true }): RouteSpec['response'] => ({
    status: 200,
    headers: [JSON_TYPE, ...headers],
    body: json(body),
  });

  const cases: Array<
    Omit<DemoCase, 'url' | 'routes'> & { routes: Array<Omit<DemoRoute, 'path'> & { path?: string }> }
  > = [
    {
      id: 'no-acao',
      group: 'response',
      title: 'No Access-Control-Allow-Origin',
      story: 'The API answers 200 with data but sends no CORS headers at all: nobody configured CORS.',
      request: { method: 'GET' },
      routes: [{ spec: { response: ok([], { user: 'ada' }) } }],
      expect: 'MissingAllowOriginHeader',
    },
    {
      id: 'error-401',
      group: 'response',
      title: '401 without CORS headers',
      story:
        'The session expired. The auth middleware answers 401 before the CORS middleware runs, so the error has no CORS headers.',
      request: { method: 'GET', credentials: 'include' },
      routes: [
        {
          spec: {
            response: {
              status: 401,
              headers: [JSON_TYPE, ['WWW-Authenticate', 'Bearer']],
              body: json({ error: 'login required' }),
            },
          },
        },
      ],
      expect: 'MissingAllowOriginHeader',
    },
    {
      id: 'error-500',
      group: 'response',
      title: '500 error page without CORS headers',
      story: 'The handler crashes; the framework’s error page is sent without the CORS headers the handler would add.',
      request: { method: 'GET' },
      routes: [
        {
          spec: {
            response: {
              status: 500,
              headers: [['Content-Type', 'text/html']],
              body: '<h1>Internal Server Error</h1>',
            },
          },
        },
      ],
      expect: 'MissingAllowOriginHeader',
    },
    {
      id: 'wildcard-credentials',
      group: 'response',
      title: '"*" with credentials',
      story: 'The page sends cookies (credentials: "include"); the API allows origin "*", which never covers them.',
      request: { method: 'GET', credentials: 'include' },
      routes: [{ spec: { response: ok([['Access-Control-Allow-Origin', '*'], acac]) } }],
      expect: 'WildcardOriginNotAllowed',
    },
    {
      id: 'trailing-slash',
      group: 'response',
      title: 'Origin with a trailing slash',
      story: `The allowed origin was configured as "${page}/": an origin has no path, so it never matches.`,
      request: { method: 'GET' },
      routes: [{ spec: { response: ok([['Access-Control-Allow-Origin', `${page}/`]]) } }],
      expect: 'AllowOriginMismatch',
    },
    {
      id: 'wrong-port',
      group: 'response',
      title: 'Origin with the wrong port',
      story: `The API allows "${wrongPortOrigin(page)}", the dev server it was set up for, not this page's port.`,
      request: { method: 'GET' },
      routes: [{ spec: { response: ok([['Access-Control-Allow-Origin', wrongPortOrigin(page)], vary]) } }],
      expect: 'AllowOriginMismatch',
    },
    {
      id: 'duplicate-acao',
      group: 'response',
      title: 'Access-Control-Allow-Origin twice (app + proxy)',
      story: 'The app sets Access-Control-Allow-Origin and the reverse proxy in front of it adds its own.',
      request: { method: 'GET' },
      routes: [{ spec: { response: ok([acao, vary, ['Access-Control-Allow-Origin', '*']]) } }],
      expect: 'MultipleAllowOriginValues',
    },
    {
      id: 'custom-header',
      group: 'preflight',
      title: 'Custom header not allowed',
      story: 'The page sends X-Api-Key; the preflight answer does not list it in Access-Control-Allow-Headers.',
      request: { method: 'GET', headers: { 'X-Api-Key': 'demo-key' } },
      routes: [
        {
          spec: {
            preflight: {
              status: 204,
              headers: [acao, vary, ['Access-Control-Allow-Methods', 'GET, POST'], noCache],
            },
            response: ok([acao, vary]),
          },
        },
      ],
      expect: 'HeaderDisallowedByPreflightResponse',
    },
    {
      id: 'authorization-wildcard',
      group: 'preflight',
      title: 'Authorization under "*"',
      story:
        'A credentialed request with an Authorization header; the preflight allows headers "*", which with credentials is a literal header name, so it does not cover Authorization.',
      request: { method: 'GET', credentials: 'include', headers: { Authorization: DEMO_TOKEN } },
      routes: [
        {
          spec: {
            preflight: {
              status: 204,
              headers: [acao, acac, vary, ['Access-Control-Allow-Headers', '*'], noCache],
            },
            response: ok([acao, acac, vary]),
          },
        },
      ],
      expect: 'HeaderDisallowedByPreflightResponse',
    },
    {
      id: 'put-not-allowed',
      group: 'preflight',
      title: 'PUT not allowed',
      story:
        'The OPTIONS handler answers with the origin only: no Access-Control-Allow-Methods, so only simple methods pass.',
      request: { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'renamed' },
      routes: [{ spec: { preflight: { status: 204, headers: [acao, vary, noCache] }, response: ok([acao, vary]) } }],
      expect: 'MethodDisallowedByPreflightResponse',
    },
    {
      id: 'patch-not-allowed',
      group: 'preflight',
      title: 'PATCH not allowed',
      story: 'Access-Control-Allow-Methods lists GET, POST, PUT, DELETE: PATCH was forgotten.',
      request: { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: 'done=true' },
      routes: [
        {
          spec: {
            preflight: {
              status: 204,
              headers: [acao, vary, ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE'], noCache],
            },
            response: ok([acao, vary]),
          },
        },
      ],
      expect: 'MethodDisallowedByPreflightResponse',
    },
    {
      id: 'json-content-type',
      group: 'preflight',
      title: 'POST application/json',
      story:
        'Content-Type: application/json is not a "simple" value, so it needs a preflight, whose answer does not allow Content-Type.',
      request: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json({ title: 'hello' }) },
      routes: [
        {
          spec: {
            preflight: { status: 204, headers: [acao, vary, ['Access-Control-Allow-Methods', 'POST'], noCache] },
            response: ok([acao, vary]),
          },
        },
      ],
      expect: 'HeaderDisallowedByPreflightResponse',
    },
    {
      id: 'preflight-404',
      group: 'preflight',
      title: 'Preflight answered 404',
      story: 'The CORS middleware adds its headers, but the router has no OPTIONS route for this path: 404.',
      request: { method: 'DELETE' },
      routes: [
        {
          spec: {
            preflight: {
              status: 404,
              headers: [acao, vary, ['Access-Control-Allow-Methods', 'DELETE'], TEXT_TYPE],
              body: 'Not Found',
            },
            response: ok([acao, vary]),
          },
        },
      ],
      expect: 'PreflightInvalidStatus',
    },
    {
      id: 'preflight-redirect',
      group: 'preflight',
      title: 'Preflight redirected',
      story:
        'The framework redirects to the URL with a trailing slash, preflights included; a preflight may not redirect.',
      request: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json({ done: true }) },
      routes: [
        {
          spec: {
            preflight: { status: 301, headers: [['Location', `${api}/demo/preflight-redirect/`]] },
            response: { status: 301, headers: [['Location', `${api}/demo/preflight-redirect/`]] },
          },
        },
      ],
      expect: 'PreflightDisallowedRedirect',
    },
    {
      id: 'redirect-other-origin',
      group: 'redirect',
      title: 'Redirect to another origin',
      story: `The API redirects to ${other}; after a cross-origin redirect the request's Origin is "null", so allowing ${page} there no longer matches.`,
      request: { method: 'GET' },
      routes: [
        {
          spec: {
            response: { status: 302, headers: [acao, vary, ['Location', `${other}/demo/redirect-other-origin/moved`]] },
          },
        },
        { path: '/demo/redirect-other-origin/moved', spec: { response: ok([acao, vary]) } },
      ],
      expect: 'AllowOriginMismatch',
    },
    {
      id: 'unreadable-header',
      group: 'pass',
      title: 'A header JavaScript cannot read',
      story:
        'The request passes, but X-Total-Count is not in Access-Control-Expose-Headers: headers.get() returns null.',
      request: { method: 'GET', readHeader: 'X-Total-Count' },
      routes: [{ spec: { response: ok([acao, vary, ['X-Total-Count', '42']], [{ id: 1 }, { id: 2 }]) } }],
      expect: 'passed',
    },
    {
      id: 'exposed-header',
      group: 'pass',
      title: 'The same header, exposed',
      story: 'Access-Control-Expose-Headers: X-Total-Count, and the page can read it.',
      request: { method: 'GET', readHeader: 'X-Total-Count' },
      routes: [
        {
          spec: {
            response: ok(
              [acao, vary, ['X-Total-Count', '42'], ['Access-Control-Expose-Headers', 'X-Total-Count']],
              [{ id: 1 }, { id: 2 }],
            ),
          },
        },
      ],
      expect: 'passed',
    },
    {
      id: 'public-wildcard',
      group: 'pass',
      title: 'Public data with "*"',
      story: 'No credentials, Access-Control-Allow-Origin: * — the right answer for a public API.',
      request: { method: 'GET' },
      routes: [{ spec: { response: ok([['Access-Control-Allow-Origin', '*']], { weather: 'sunny' }) } }],
      expect: 'passed',
    },
    {
      id: 'credentialed-ok',
      group: 'pass',
      title: 'Credentialed, done right',
      story: 'The exact origin, Access-Control-Allow-Credentials: true and Vary: Origin.',
      request: { method: 'GET', credentials: 'include' },
      routes: [{ spec: { response: ok([acao, acac, vary], { user: 'ada' }) } }],
      expect: 'passed',
    },
    {
      id: 'preflight-ok',
      group: 'pass',
      title: 'Preflighted PUT with JSON and a token, done right',
      story:
        'The preflight allows the method, Content-Type and Authorization by name, and lets the browser cache its answer for 10 minutes.',
      request: {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: DEMO_TOKEN },
        body: json({ done: true }),
      },
      routes: [
        {
          spec: {
            preflight: {
              status: 204,
              headers: [
                acao,
                vary,
                ['Access-Control-Allow-Methods', 'GET, PUT'],
                ['Access-Control-Allow-Headers', 'Content-Type, Authorization'],
                ['Access-Control-Max-Age', '600'],
              ],
            },
            response: ok([acao, vary], { saved: true }),
          },
        },
      ],
      expect: 'passed',
    },
  ];

  return cases.map((entry) => {
    const path = `/demo/${entry.id}`;
    return {
      ...entry,
      url: `${api}${path}`,
      routes: entry.routes.map((route) => ({ path: route.path ?? path, spec: route.spec })),
    };
  });
}
