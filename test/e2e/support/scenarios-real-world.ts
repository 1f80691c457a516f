/**
 * Rows for the classes of requests a held-out matrix found the verdict wrong on (issue #13):
 * requests as real pages make them rather than as the engine was written for — an `Authorization`
 * the page set, a preflighted request whose answer redirects, several refused headers, odd bytes in
 * Access-Control-Allow-Origin, same-origin requests that leave the origin, `no-cors`, `OPTIONS`
 * as the method, a POST turned GET by its redirect, a redirect to ftp:, fonts, Local Network
 * Access. Each row's
 * expectation is what Chromium 156 reported for it (checked on every run by cors-matrix.spec.ts).
 */
import { ACAC_TRUE, ACAO_PAGE, blocked, MAX_AGE_0, ok, pass, preflightOk, type Scenario } from './scenario-types';

const ACAO_ANY = ['Access-Control-Allow-Origin', '*'] as const;
const BEARER = [['Authorization', 'Bearer page-token']] as const;
const NOT_CORS = { notCors: true } as const;
/** An image body the page can decode, so a passing `<img crossorigin>` fires `load`. */
const SVG = { 'Content-Type': 'image/svg+xml' };
const svg = (headers: ReadonlyArray<readonly [string, string]> = []) => ({
  status: 200,
  headers: [...headers, ...Object.entries(SVG)],
  body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
});
/** 128 bytes, the most a safelisted value may have: a decimal and an integer client hint. */
const LONGEST_DECIMAL = `1.${'0'.repeat(126)}`;
const LONGEST_INTEGER = `${'0'.repeat(127)}1`;
/** Nine safelisted headers of 128 bytes: together over 1,024 bytes, so all become CORS-unsafe. */
const OVER_1024_SAFELISTED = [
  ['Accept', `text/${'a'.repeat(123)}`],
  ['Accept-Language', 'a'.repeat(128)],
  ['Content-Language', 'b'.repeat(128)],
  ['DPR', LONGEST_DECIMAL],
  ['Device-Memory', LONGEST_DECIMAL],
  ['Downlink', LONGEST_DECIMAL],
  ['RTT', LONGEST_INTEGER],
  ['Viewport-Width', LONGEST_INTEGER],
  ['Width', LONGEST_INTEGER],
] as const;

export const REAL_WORLD_SCENARIOS: readonly Scenario[] = [
  // ── An Authorization header the page set is not a credential ────────────────────────────────
  {
    id: 'auth-bearer-wildcards',
    name: 'Authorization set by the page, default credentials, ACAO `*` and ACAH `*`: passes',
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [ACAO_ANY, ['Access-Control-Allow-Headers', '*'], MAX_AGE_0] },
        response: ok([ACAO_ANY]),
      },
    ],
    request: { headers: BEARER },
    exchangeCredentials: 'unknown',
    preflight: true,
    expect: pass,
  },
  {
    id: 'auth-bearer-listed-wildcard-origin-xhr',
    name: 'XHR with an Authorization the page set, ACAO `*`, ACAH lists authorization: passes',
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [ACAO_ANY, ['Access-Control-Allow-Headers', 'Authorization'], MAX_AGE_0] },
        response: ok([ACAO_ANY]),
      },
    ],
    request: { api: 'xhr', headers: BEARER },
    exchangeCredentials: 'unknown',
    preflight: true,
    expect: pass,
  },
  {
    id: 'auth-bearer-credentialed-wildcard',
    name: "Authorization set by the page with credentials 'include' and ACAO `*`: the preflight fails",
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [ACAO_ANY, ['Access-Control-Allow-Headers', '*'], MAX_AGE_0] },
        response: ok([ACAO_ANY]),
      },
    ],
    request: { headers: BEARER, credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: true,
    expect: blocked('PreflightWildcardOriginNotAllowed'),
  },

  // ── A preflighted request whose answer redirects: a new preflight for the new URL ───────────
  {
    id: 'pf-redirect-new-preflight-missing-acao',
    name: 'PUT passes its preflight, 307 to another API path whose preflight has no ACAO',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']),
        response: { status: 307, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] },
      },
      { path: '{path}/b', preflight: { status: 204, headers: [] }, response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT', body: 'x' },
    preflight: true,
    expect: blocked('PreflightMissingAllowOriginHeader'),
  },
  {
    id: 'pf-redirect-third-origin-page-acao',
    name: "PUT 307 to a third origin: the new preflight carries Origin: null, the page's origin in ACAO fails",
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']),
        response: { status: 307, headers: [ACAO_PAGE, ['Location', '{other}{path}/b']] },
      },
      { path: '{path}/b', preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT', body: 'x' },
    preflight: true,
    expect: blocked('PreflightAllowOriginMismatch', '{page}'),
  },
  {
    id: 'pf-redirect-302-third-origin-missing-acao',
    name: 'PUT 302 to a third origin (PUT stays PUT) whose preflight has no ACAO',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']),
        response: { status: 302, headers: [ACAO_PAGE, ['Location', '{other}{path}/b']] },
      },
      { path: '{path}/b', preflight: { status: 404, headers: [] }, response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT', body: 'x' },
    preflight: true,
    expect: blocked('PreflightMissingAllowOriginHeader'),
  },
  {
    id: 'pf-redirect-new-preflight-method-refused',
    name: 'DELETE 308 to another API path whose preflight does not allow DELETE',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'DELETE']),
        response: { status: 308, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] },
      },
      { path: '{path}/b', preflight: preflightOk(['Access-Control-Allow-Methods', 'GET']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'DELETE' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'DELETE'),
  },

  // ── Which refused header Chromium names ────────────────────────────────────────────────────
  {
    id: 'pf-two-refused-headers',
    name: 'two custom headers, neither allowed: Chromium names the first in its header list, not the first in ACRH',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: {
      headers: [
        ['X-Zeta', '1'],
        ['X-Alpha', '1'],
      ],
    },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-zeta'),
  },
  {
    id: 'pf-two-refused-headers-xhr',
    name: 'XHR with two custom headers set in reverse order, neither allowed',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: {
      api: 'xhr',
      headers: [
        ['X-Zeta', '1'],
        ['X-Alpha', '1'],
      ],
    },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-zeta'),
  },
  {
    id: 'pf-over-1024-unsafe-first',
    name: 'safelisted values over 1,024 bytes beside a custom header: Chromium checks the custom header first',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { headers: [...OVER_1024_SAFELISTED, ['X-Custom', 'one']] },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-custom'),
  },
  {
    id: 'pf-over-1024-custom-allowed',
    name: "the same with the custom header allowed: the first formerly safelisted one in Blink's header order is named",
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'x-custom']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: [...OVER_1024_SAFELISTED, ['X-Custom', 'one']] },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'viewport-width'),
  },

  // ── Non-ASCII bytes in Access-Control-Allow-Origin ─────────────────────────────────────────
  {
    id: 'acao-non-ascii-byte',
    name: 'ACAO is the page origin with a non-ASCII byte appended',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '{page}\u00e9']]) }],
    request: {},
    preflight: false,
    expect: blocked('InvalidAllowOriginValue'),
  },
  {
    id: 'acao-non-ascii-byte-credentialed-xhr',
    name: 'XHR withCredentials, ACAO with a non-ASCII byte and ACAC true',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '{page}\u00e9'], ACAC_TRUE]) }],
    request: { api: 'xhr', credentials: 'include' },
    preflight: false,
    expect: blocked('InvalidAllowOriginValue'),
  },
  {
    id: 'pf-acao-non-ascii-byte',
    name: 'preflight ACAO with a non-ASCII byte',
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}\u00e9'], MAX_AGE_0] },
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightInvalidAllowOriginValue'),
  },

  // ── A same-origin request that the server redirects to another origin ──────────────────────
  {
    id: 'same-origin-redirect-page-acao',
    name: "same-origin fetch redirected to the API, which answers the page's origin",
    routes: [
      { on: 'page', path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: { url: '{page}{path}' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'same-origin-redirect-no-acao',
    name: 'same-origin fetch redirected to the API, which sends no ACAO',
    routes: [
      { on: 'page', path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok() },
    ],
    request: { url: '{page}{path}' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'same-origin-redirect-xhr-wildcard',
    name: 'same-origin XHR redirected to the API, which answers `*`',
    routes: [
      { on: 'page', path: '{path}', response: { status: 307, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_ANY]) },
    ],
    request: { api: 'xhr', url: '{page}{path}' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'same-origin-redirect-img-no-acao',
    name: 'a same-origin <img crossorigin> redirected to the API, which sends no ACAO',
    routes: [
      { on: 'page', path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: svg() },
    ],
    request: { api: 'img', url: '{page}{path}' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },

  // ── mode: 'no-cors' is never CORS-blocked ──────────────────────────────────────────────────
  {
    id: 'no-cors-get',
    name: "fetch mode 'no-cors' GET to an API without ACAO: an opaque response, not a CORS failure",
    routes: [{ path: '{path}', response: ok() }],
    request: { mode: 'no-cors' },
    preflight: false,
    expect: NOT_CORS,
  },
  {
    id: 'no-cors-post',
    name: "fetch mode 'no-cors' POST (text/plain) without ACAO",
    routes: [{ path: '{path}', response: ok() }],
    request: { mode: 'no-cors', method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hi' },
    preflight: false,
    expect: NOT_CORS,
  },

  // ── OPTIONS as the request's own method ────────────────────────────────────────────────────
  {
    id: 'options-method-refused',
    name: 'fetch with method OPTIONS is preflighted; ACAM lacks OPTIONS',
    routes: [{ path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'GET, PUT']) }],
    request: { method: 'OPTIONS' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'OPTIONS'),
  },
  {
    id: 'options-method-allowed',
    name: 'fetch with method OPTIONS, ACAM allows it: the actual OPTIONS passes',
    routes: [{ path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'OPTIONS']) }],
    request: { method: 'OPTIONS' },
    preflight: true,
    expect: pass,
  },

  // ── A POST that its redirect turns into a GET ──────────────────────────────────────────────
  {
    id: 'post-303-get-passes',
    name: 'POST answered by 303: the GET that follows passes',
    routes: [
      { path: '{path}', response: { status: 303, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hi' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'post-302-get-no-acao',
    name: 'POST answered by 302: the GET that follows has no ACAO',
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok() },
    ],
    request: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hi' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'post-json-301-get-passes',
    name: 'preflighted JSON POST answered by 301: the GET that follows needs no preflight and passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'content-type']),
        response: { status: 301, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] },
      },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
    preflight: true,
    expect: pass,
  },

  // ── A redirect to a scheme Chromium will not fetch ─────────────────────────────────────────
  {
    id: 'redirect-ftp-xhr',
    name: 'XHR redirected (307) to ftp:',
    routes: [
      { path: '{path}', response: { status: 307, headers: [ACAO_PAGE, ['Location', 'ftp://{otherHost}/file']] } },
    ],
    request: { api: 'xhr' },
    preflight: false,
    expect: blocked('CorsDisabledScheme'),
  },
  {
    id: 'redirect-ftp-credentialed',
    name: 'credentialed fetch redirected to ftp: by a 3xx that allows credentials',
    routes: [
      {
        path: '{path}',
        response: { status: 302, headers: [ACAO_PAGE, ACAC_TRUE, ['Location', 'ftp://{otherHost}/file']] },
      },
    ],
    request: { credentials: 'include' },
    preflight: false,
    expect: blocked('CorsDisabledScheme'),
  },

  // ── Fonts are CORS requests ────────────────────────────────────────────────────────────────
  {
    id: 'font-face-api-no-acao',
    name: 'a font loaded with the FontFace API from an API without ACAO',
    routes: [{ path: '{path}', response: ok([['Content-Type', 'font/woff2']]) }],
    request: { api: 'font-face' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'font-css-no-acao',
    name: 'a CSS @font-face font from an API without ACAO',
    routes: [{ path: '{path}', response: ok([['Content-Type', 'font/woff2']]) }],
    request: { api: 'font-css' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'img-crossorigin-mismatch',
    name: 'an <img crossorigin> whose ACAO names another origin',
    routes: [{ path: '{path}', response: svg([['Access-Control-Allow-Origin', 'https://app.example']]) }],
    request: { api: 'img' },
    preflight: false,
    expect: blocked('AllowOriginMismatch', 'https://app.example'),
  },

  // ── Documents with an opaque origin (a sandboxed page): Origin null ───────────────────────────
  {
    id: 'sandboxed-acao-null',
    name: 'a sandboxed page (opaque origin) fetches the API, which answers ACAO `null`: passes',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', 'null']]) }],
    request: {},
    from: 'sandboxed-page',
    preflight: false,
    expect: pass,
  },
  {
    id: 'sandboxed-acao-page',
    name: "a sandboxed page's request carries Origin: null, so ACAO naming the page's origin fails",
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: {},
    from: 'sandboxed-page',
    preflight: false,
    expect: blocked('AllowOriginMismatch', '{page}'),
  },
  {
    id: 'sandboxed-xhr-no-acao',
    name: 'an XHR from a sandboxed page to an API without ACAO',
    routes: [{ path: '{path}', response: ok() }],
    request: { api: 'xhr' },
    from: 'sandboxed-page',
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },

  // ── Local Network Access: a public page reaching the loopback API (last: the page moves) ────
  {
    id: 'lna-public-page-get',
    name: 'a public page fetches the loopback API: Local Network Access refuses it before anything is sent',
    routes: [{ path: '{path}', response: ok([ACAO_ANY]) }],
    request: {},
    from: 'public-page',
    preflight: false,
    expect: blocked('LocalNetworkAccessPermissionDenied'),
  },
  {
    id: 'lna-public-page-preflighted',
    name: 'the same for a preflighted PUT: LocalNetworkAccessPermissionDenied, not InvalidResponse',
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [ACAO_ANY, ['Access-Control-Allow-Methods', 'PUT'], MAX_AGE_0] },
        response: ok([ACAO_ANY]),
      },
    ],
    request: { method: 'PUT', body: 'x' },
    from: 'public-page',
    preflight: true,
    expect: blocked('LocalNetworkAccessPermissionDenied'),
  },
  {
    id: 'lna-same-origin-redirect',
    name: "a public page's same-origin request redirected to the loopback API is refused the same way",
    routes: [
      { on: 'page', path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_ANY]) },
    ],
    request: { url: '{publicPage}{path}' },
    from: 'public-page',
    preflight: false,
    expect: blocked('LocalNetworkAccessPermissionDenied'),
  },
];
