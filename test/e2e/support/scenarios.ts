/**
 * The CORS agreement matrix: what the page fetches, how the loopback server answers, and the
 * verdict real Chromium (156) gives. `cors-matrix.spec.ts` runs every row in Chromium and compares
 * Chromium's `corsErrorStatus` with the engine's verdict for the exchange CDP observed.
 *
 * Strings in routes, URLs, headers and expected parameters may use these placeholders, filled in
 * when the servers are up:
 * - `{page}`: the page's origin `http://localhost:<page port>`
 * - `{api}`: the API origin `http://127.0.0.1:<api port>`
 * - `{other}`: a third origin, `http://localhost:<api port>`, serving the same routes as the API
 * - `{otherHost}`: `localhost:<api port>` (to build URLs with userinfo)
 * - `{apiHost}`: `127.0.0.1:<api port>`
 * - `{closed}`: an origin on a loopback port nothing listens on
 * - `{path}`: the scenario's own path prefix `/m/<id>`, unique so no preflight cache is shared
 */
import {
  ACAC_TRUE,
  ACAO_PAGE,
  blocked,
  CUSTOM,
  ok,
  pass,
  passReading,
  preflightOk,
  preflightOkCredentialed,
  type Scenario,
} from './scenario-types';
import { REAL_WORLD_SCENARIOS } from './scenarios-real-world';

export type { Scenario, ScenarioExpectation, ScenarioRequest, ScenarioRoute } from './scenario-types';

/**
 * Header values longer than the live capture keeps (8 KiB, src/model/capture-limits.ts): the
 * browser judges the whole value, the extension the part it kept.
 */
const LONG_ACAO = `{page}/${'cors-lens/'.repeat(930)}`;
/** More headers than the capture keeps (MAX_HEADERS), all before the one that decides. */
const MANY_HEADERS = Array.from({ length: 200 }, (_, index) => [`X-Filler-${index}`, 'filler'] as [string, string]);
const LONG_ACAH = `x-custom, ${Array.from({ length: 700 }, (_, index) => `x-filler-${index}`).join(', ')}`;

const WRITTEN_SCENARIOS: readonly Scenario[] = [
  // ── Simple requests: the CORS check on the response ──────────────────────────────────────────
  {
    id: 'simple-pass',
    name: 'simple GET, ACAO is the page origin: passes',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'simple-pass-xhr',
    name: 'simple XHR GET, ACAO is the page origin: passes',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { api: 'xhr' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'no-acao',
    name: 'no Access-Control-Allow-Origin',
    routes: [{ path: '{path}', response: ok() }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'no-acao-xhr',
    name: 'XHR without Access-Control-Allow-Origin',
    routes: [{ path: '{path}', response: ok() }],
    request: { api: 'xhr' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'acao-other-port',
    name: 'ACAO names the page host on another port',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', 'http://localhost:1']]) }],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', 'http://localhost:1'),
  },
  {
    id: 'acao-trailing-slash',
    name: 'ACAO is the page origin with a trailing slash',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '{page}/']]) }],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', '{page}/'),
  },
  {
    id: 'acao-null',
    name: 'ACAO `null` for a page with a real origin',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', 'null']]) }],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', 'null'),
  },
  {
    id: 'acao-uppercase-scheme',
    name: 'ACAO with an uppercase scheme (byte comparison)',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', 'HTTP://{otherHost}']]) }],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', 'HTTP://{otherHost}'),
  },
  {
    id: 'acao-empty',
    name: 'empty Access-Control-Allow-Origin',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '']]) }],
    request: {},
    preflight: false,
    expect: blocked('InvalidAllowOriginValue', ''),
  },
  {
    id: 'acao-long-path',
    name: 'a 9 KiB ACAO: the page origin followed by a long path, no space or comma',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', LONG_ACAO]]) }],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', LONG_ACAO),
  },
  {
    id: 'acao-after-many-headers',
    name: 'the page origin allowed after 200 other response headers: more than the capture keeps',
    routes: [{ path: '{path}', response: ok([...MANY_HEADERS, ACAO_PAGE]) }],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'acao-not-an-origin',
    name: 'ACAO that is not an origin at all',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', 'example']]) }],
    request: {},
    preflight: false,
    expect: blocked('InvalidAllowOriginValue', 'example'),
  },
  {
    id: 'acao-two-lines',
    name: 'two Access-Control-Allow-Origin lines, both the page origin',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ACAO_PAGE]) }],
    request: {},
    preflight: false,
    expect: blocked('MultipleAllowOriginValues', '{page}, {page}'),
  },
  {
    id: 'acao-comma-list',
    name: 'ACAO as a comma-separated list of origins',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '{page}, https://app.example']]) }],
    request: {},
    preflight: false,
    expect: blocked('MultipleAllowOriginValues', '{page}, https://app.example'),
  },
  {
    id: 'acao-space-inside',
    name: 'ACAO with a space inside reads as several values',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '{page} x']]) }],
    request: {},
    preflight: false,
    expect: blocked('MultipleAllowOriginValues', '{page} x'),
  },
  {
    id: 'acao-padded',
    name: 'ACAO with padding whitespace around the origin: HTTP strips it, passes',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '  {page}  ']]) }],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'wildcard-no-credentials',
    name: 'ACAO `*` without credentials: passes',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'wildcard-credentials',
    name: "ACAO `*` with credentials 'include' (cookie sent)",
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*'], ACAC_TRUE]) }],
    request: { credentials: 'include' },
    preflight: false,
    expect: blocked('WildcardOriginNotAllowed'),
  },
  {
    id: 'wildcard-credentials-xhr',
    name: 'ACAO `*` for an XHR withCredentials',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: { api: 'xhr', credentials: 'include' },
    preflight: false,
    expect: blocked('WildcardOriginNotAllowed'),
  },
  {
    id: 'wildcard-credentials-inferred',
    name: 'ACAO `*` with credentials, mode not declared: the engine infers include from the block',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: { credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: false,
    expect: blocked('WildcardOriginNotAllowed'),
  },
  {
    id: 'wildcard-omit-inferred',
    name: 'ACAO `*` without credentials, mode not declared: passes',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: { credentials: 'omit' },
    exchangeCredentials: 'unknown',
    preflight: false,
    expect: pass,
  },
  {
    id: 'wildcard-credentials-no-cookie',
    name: "ACAO `*` with credentials 'include' to an origin that has no cookie: still credentialed",
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: { url: '{other}{path}', credentials: 'include' },
    preflight: false,
    expect: blocked('WildcardOriginNotAllowed'),
  },
  {
    id: 'wildcard-credentials-no-cookie-inferred',
    name: 'the same, mode not declared: no Cookie on the wire, only the block tells',
    routes: [{ path: '{path}', response: ok([['Access-Control-Allow-Origin', '*']]) }],
    request: { url: '{other}{path}', credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: false,
    expect: blocked('WildcardOriginNotAllowed'),
  },
  {
    id: 'credentials-pass',
    name: 'credentialed GET with ACAO = page origin and ACAC true: passes',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ACAC_TRUE]) }],
    request: { credentials: 'include' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'credentials-pass-inferred',
    name: 'credentialed GET passing, mode not declared (the Cookie on the wire tells)',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ACAC_TRUE]) }],
    request: { credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: false,
    expect: pass,
  },
  {
    id: 'acac-missing',
    name: 'credentialed GET without Access-Control-Allow-Credentials',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { credentials: 'include' },
    preflight: false,
    expect: blocked('InvalidAllowCredentials', ''),
  },
  {
    id: 'acac-missing-inferred',
    name: 'credentialed GET without ACAC, mode not declared (Cookie header tells)',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: false,
    expect: blocked('InvalidAllowCredentials', ''),
  },
  {
    id: 'acac-uppercase',
    name: 'ACAC `TRUE` (must be exactly `true`)',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ['Access-Control-Allow-Credentials', 'TRUE']]) }],
    request: { credentials: 'include' },
    preflight: false,
    expect: blocked('InvalidAllowCredentials', 'TRUE'),
  },
  {
    id: 'acac-false',
    name: 'ACAC `false`',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ['Access-Control-Allow-Credentials', 'false']]) }],
    request: { credentials: 'include' },
    preflight: false,
    expect: blocked('InvalidAllowCredentials', 'false'),
  },
  {
    id: 'status-401-bare',
    name: '401 from an auth layer without CORS headers',
    routes: [{ path: '{path}', response: ok([['WWW-Authenticate', 'Bearer']], 401) }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'status-404-bare',
    name: '404 without CORS headers',
    routes: [{ path: '{path}', response: ok([], 404) }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'status-500-bare',
    name: '500 without CORS headers',
    routes: [{ path: '{path}', response: ok([], 500) }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'status-500-cors',
    name: '500 with ACAO: CORS passes, the page sees the 500',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE], 500) }],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'post-text-plain',
    name: 'POST text/plain is safelisted: no preflight, passes',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { method: 'POST', headers: [['Content-Type', 'text/plain;charset=UTF-8']], body: 'hi' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'range-simple',
    name: 'a single `bytes=0-3` Range is safelisted: no preflight',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { headers: [['Range', 'bytes=0-3']] },
    preflight: false,
    expect: pass,
  },

  // ── What the page's script can read of a passing response ─────────────────────────────────────
  // The browser hides every response header outside the safelist and Access-Control-Expose-Headers;
  // CORS Lens advises exposing only those a script plausibly wanted, not framework metadata.
  {
    id: 'unexposed-metadata',
    name: 'ETag and X-Powered-By are unreadable, and no script wants them: no advisory',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ['ETag', '"v1"'], ['X-Powered-By', 'Express']]) }],
    request: { reads: ['ETag', 'X-Powered-By'] },
    preflight: false,
    expect: passReading(['etag', 'x-powered-by'], []),
  },
  {
    id: 'unexposed-wanted',
    name: 'X-Total-Count is unreadable: advised; the ETag beside it is not',
    routes: [{ path: '{path}', response: ok([ACAO_PAGE, ['ETag', '"v1"'], ['X-Total-Count', '42']]) }],
    request: { reads: ['X-Total-Count', 'ETag'] },
    preflight: false,
    expect: passReading(['x-total-count', 'etag'], ['x-total-count']),
  },
  {
    id: 'exposed-listed',
    name: 'Access-Control-Expose-Headers lists X-Total-Count: readable, as safelisted Content-Type is; ETag stays hidden, unadvised',
    routes: [
      {
        path: '{path}',
        response: ok([
          ACAO_PAGE,
          ['Access-Control-Expose-Headers', 'X-Total-Count'],
          ['Content-Type', 'text/plain'],
          ['ETag', '"v1"'],
          ['X-Total-Count', '42'],
        ]),
      },
    ],
    request: { reads: ['X-Total-Count', 'ETag', 'Content-Type'] },
    preflight: false,
    expect: passReading(['etag'], []),
  },
  {
    id: 'exposed-wildcard',
    name: 'Access-Control-Expose-Headers: * without credentials exposes every header',
    routes: [
      {
        path: '{path}',
        response: ok([ACAO_PAGE, ['Access-Control-Expose-Headers', '*'], ['ETag', '"v1"'], ['X-Total-Count', '42']]),
      },
    ],
    request: { reads: ['X-Total-Count', 'ETag'] },
    preflight: false,
    expect: passReading([], []),
  },
  {
    id: 'exposed-wildcard-credentialed',
    name: 'Access-Control-Expose-Headers: * is a literal name for a credentialed request: X-Total-Count hidden, advised',
    routes: [
      {
        path: '{path}',
        response: ok([ACAO_PAGE, ACAC_TRUE, ['Access-Control-Expose-Headers', '*'], ['X-Total-Count', '42']]),
      },
    ],
    request: { credentials: 'include', reads: ['X-Total-Count'] },
    preflight: false,
    expect: passReading(['x-total-count'], ['x-total-count']),
  },

  // ── Preflighted requests ─────────────────────────────────────────────────────────────────────
  {
    id: 'pf-put-pass',
    name: 'PUT with a preflight allowing it: passes',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT', body: 'x' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-put-pass-xhr',
    name: 'XHR PUT with a preflight allowing it: passes',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']), response: ok([ACAO_PAGE]) },
    ],
    request: { api: 'xhr', method: 'PUT', body: 'x' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-actual-no-acao',
    name: 'preflight passes but the actual response has no ACAO',
    routes: [{ path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']), response: ok() }],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'pf-header-not-allowed',
    name: 'custom header not in Access-Control-Allow-Headers',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { headers: CUSTOM },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-custom'),
  },
  {
    id: 'pf-header-allowed',
    name: 'custom header listed (other case, with spaces) in Access-Control-Allow-Headers',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'x-other , X-CUSTOM']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: CUSTOM },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-acah-two-lines',
    name: 'Access-Control-Allow-Headers sent as two lines: combined, the header is allowed',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(
          ['Access-Control-Allow-Headers', 'x-other'],
          ['Access-Control-Allow-Headers', 'x-custom'],
        ),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: CUSTOM },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-acah-long-list',
    name: 'a 9 KiB Access-Control-Allow-Headers list naming the requested header first: passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', LONG_ACAH]),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: CUSTOM },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-headers-star',
    name: '`*` in Access-Control-Allow-Headers without credentials',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Headers', '*']), response: ok([ACAO_PAGE]) },
    ],
    request: { headers: CUSTOM },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-headers-star-credentials',
    name: '`*` in Access-Control-Allow-Headers is a literal name with credentials',
    routes: [
      {
        path: '{path}',
        preflight: preflightOkCredentialed(['Access-Control-Allow-Headers', '*']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { headers: CUSTOM, credentials: 'include' },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-custom'),
  },
  {
    id: 'pf-headers-star-credentials-inferred',
    name: '`*` ACAH with credentials, mode not declared: only include explains the block',
    routes: [
      {
        path: '{path}',
        preflight: preflightOkCredentialed(['Access-Control-Allow-Headers', '*']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { headers: CUSTOM, credentials: 'include' },
    exchangeCredentials: 'unknown',
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'x-custom'),
  },
  {
    id: 'pf-authorization-star',
    name: 'Authorization under `*` ACAH without credentials (Chromium 156 lets it through)',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Headers', '*']), response: ok([ACAO_PAGE]) },
    ],
    request: { headers: [['Authorization', 'Bearer t']] },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-authorization-star-credentials',
    name: 'Authorization under `*` ACAH with credentials',
    routes: [
      {
        path: '{path}',
        preflight: preflightOkCredentialed(['Access-Control-Allow-Headers', '*']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { headers: [['Authorization', 'Bearer t']], credentials: 'include' },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'authorization'),
  },
  {
    id: 'pf-authorization-listed',
    name: 'Authorization listed in ACAH',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'Authorization']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: [['Authorization', 'Bearer t']] },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-put-not-allowed',
    name: 'PUT not in Access-Control-Allow-Methods',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'GET, POST']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'PUT'),
  },
  {
    id: 'pf-put-no-acam',
    name: 'PUT with a preflight that has no Access-Control-Allow-Methods',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'PUT'),
  },
  {
    id: 'pf-delete-allowed',
    name: 'DELETE listed in ACAM',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'GET, DELETE']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'DELETE' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-delete-lowercase-acam',
    name: 'DELETE with ACAM `delete` (lowercase): ACAM items are compared case-sensitively',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'delete']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'DELETE' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'DELETE'),
  },
  {
    id: 'pf-delete-lowercase-call',
    name: "fetch method 'delete' is normalised to DELETE",
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'DELETE']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'delete' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-patch-allowed',
    name: 'PATCH listed in ACAM',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'PATCH']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PATCH' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-patch-not-allowed',
    name: 'PATCH with ACAM `PUT, DELETE`',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT, DELETE']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PATCH' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'PATCH'),
  },
  {
    id: 'pf-patch-lowercase-call-upper-acam',
    name: "fetch method 'patch' (not normalised) with ACAM `PATCH`",
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'PATCH']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'patch' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'patch'),
  },
  {
    id: 'pf-patch-lowercase-call-lower-acam',
    name: "fetch method 'patch' with ACAM `patch`",
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', 'patch']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'patch' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-methods-star',
    name: '`*` in Access-Control-Allow-Methods without credentials',
    routes: [
      { path: '{path}', preflight: preflightOk(['Access-Control-Allow-Methods', '*']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-methods-star-credentials',
    name: '`*` in Access-Control-Allow-Methods is a literal with credentials',
    routes: [
      {
        path: '{path}',
        preflight: preflightOkCredentialed(['Access-Control-Allow-Methods', '*']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { method: 'PUT', credentials: 'include' },
    preflight: true,
    expect: blocked('MethodDisallowedByPreflightResponse', 'PUT'),
  },
  {
    id: 'pf-404-bare',
    name: 'preflight 404 without CORS headers',
    routes: [{ path: '{path}', preflight: { status: 404 }, response: ok([ACAO_PAGE]) }],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightMissingAllowOriginHeader'),
  },
  {
    id: 'pf-500-bare',
    name: 'preflight 500 without CORS headers',
    routes: [{ path: '{path}', preflight: { status: 500 }, response: ok([ACAO_PAGE]) }],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightMissingAllowOriginHeader'),
  },
  {
    id: 'pf-401-bare',
    name: 'preflight 401 from an auth layer without CORS headers',
    routes: [{ path: '{path}', preflight: { status: 401, headers: [['WWW-Authenticate', 'Basic']] }, response: ok() }],
    request: { headers: [['Authorization', 'Bearer t']] },
    preflight: true,
    expect: blocked('PreflightMissingAllowOriginHeader'),
  },
  {
    id: 'pf-204-ok',
    name: 'preflight 204 with the CORS headers: passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-custom']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT', headers: CUSTOM },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-500-cors',
    name: 'preflight 500 WITH the CORS headers: not an ok status',
    routes: [
      {
        path: '{path}',
        preflight: { status: 500, headers: [ACAO_PAGE, ['Access-Control-Allow-Methods', 'PUT']] },
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightInvalidStatus'),
  },
  {
    id: 'pf-redirect-301',
    name: 'preflight answered with a 301 (no CORS headers): the redirect is reported first',
    routes: [
      { path: '{path}', preflight: { status: 301, headers: [['Location', '{api}{path}/elsewhere']] }, response: ok() },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightDisallowedRedirect'),
  },
  {
    id: 'pf-redirect-307-cors',
    name: 'preflight answered with a 307 carrying the CORS headers',
    routes: [
      {
        path: '{path}',
        preflight: { status: 307, headers: [ACAO_PAGE, ['Location', '{api}{path}/elsewhere']] },
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightDisallowedRedirect'),
  },
  {
    id: 'pf-hang-up',
    name: "the server closes the connection on the preflight: Chromium reports the preflight's net error, not CORS",
    routes: [{ path: '{path}', preflight: { hangUp: true }, response: ok([ACAO_PAGE]) }],
    request: { method: 'PUT' },
    preflight: true,
    expect: { networkError: 'net::ERR_EMPTY_RESPONSE' },
  },
  {
    id: 'pf-acao-mismatch',
    name: 'preflight ACAO for another origin',
    routes: [
      {
        path: '{path}',
        preflight: { status: 204, headers: [['Access-Control-Allow-Origin', 'https://app.example']] },
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightAllowOriginMismatch', 'https://app.example'),
  },
  {
    id: 'pf-acao-two-lines',
    name: 'preflight with two ACAO lines',
    routes: [
      { path: '{path}', preflight: { status: 204, headers: [ACAO_PAGE, ACAO_PAGE] }, response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('PreflightMultipleAllowOriginValues', '{page}, {page}'),
  },
  {
    id: 'pf-wildcard-credentials',
    name: 'preflight ACAO `*` for a credentialed request',
    routes: [
      {
        path: '{path}',
        preflight: {
          status: 204,
          headers: [['Access-Control-Allow-Origin', '*'], ACAC_TRUE, ['Access-Control-Allow-Methods', 'PUT']],
        },
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { method: 'PUT', credentials: 'include' },
    preflight: true,
    expect: blocked('PreflightWildcardOriginNotAllowed'),
  },
  {
    id: 'pf-acac-missing',
    name: 'credentialed preflight without ACAC',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { method: 'PUT', credentials: 'include' },
    preflight: true,
    expect: blocked('PreflightInvalidAllowCredentials', ''),
  },
  {
    id: 'pf-credentials-pass',
    name: 'credentialed PUT with preflight and response both allowing credentials: passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOkCredentialed(['Access-Control-Allow-Methods', 'PUT']),
        response: ok([ACAO_PAGE, ACAC_TRUE]),
      },
    ],
    request: { method: 'PUT', credentials: 'include' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-invalid-acam',
    name: 'ACAM with a non-token item `GE T`',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT, GE T']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'PUT' },
    preflight: true,
    expect: blocked('InvalidAllowMethodsPreflightResponse'),
  },
  {
    id: 'pf-invalid-acah',
    name: 'ACAH with a non-token item `x-a b`',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'x-custom, x-a b']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { headers: CUSTOM },
    preflight: true,
    expect: blocked('InvalidAllowHeadersPreflightResponse'),
  },
  {
    id: 'pf-json-content-type',
    name: 'POST application/json: content-type must be allowed',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'content-type'),
  },
  {
    id: 'pf-json-content-type-allowed',
    name: 'POST application/json with content-type allowed: passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Headers', 'Content-Type']),
        response: ok([ACAO_PAGE]),
      },
    ],
    request: { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
    preflight: true,
    expect: pass,
  },
  {
    id: 'pf-range-multi',
    name: 'a multi-range Range header is not safelisted',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { headers: [['Range', 'bytes=0-1,4-5']] },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'range'),
  },
  {
    id: 'pf-long-accept',
    name: 'an Accept value over 128 bytes forces a preflight',
    routes: [{ path: '{path}', preflight: preflightOk(), response: ok([ACAO_PAGE]) }],
    request: { headers: [['Accept', `application/json;${'q'.repeat(130)}`]] },
    preflight: true,
    expect: blocked('HeaderDisallowedByPreflightResponse', 'accept'),
  },

  // ── Redirects of the actual request ──────────────────────────────────────────────────────────
  {
    id: 'redirect-same-api-pass',
    name: 'redirect within the API origin, both answers allow the page: passes',
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'redirect-same-api-target-fails',
    name: 'redirect within the API origin, the target has no ACAO',
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{path}/b']] } },
      { path: '{path}/b', response: ok() },
    ],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-hop-no-acao',
    name: 'the 3xx itself has no ACAO: blocked on the redirect',
    routes: [
      { path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-cross-origin-page-acao',
    name: 'API → third origin: the origin is now `null`, ACAO = page origin fails',
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{other}{path}/b']] } },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', '{page}'),
  },
  {
    id: 'redirect-cross-origin-null-acao',
    name: 'API → third origin answering ACAO `null`: passes',
    routes: [
      { path: '{path}', response: { status: 307, headers: [ACAO_PAGE, ['Location', '{other}{path}/b']] } },
      { path: '{path}/b', response: ok([['Access-Control-Allow-Origin', 'null']]) },
    ],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'redirect-cross-origin-wildcard',
    name: 'API → third origin answering ACAO `*`: passes',
    routes: [
      { path: '{path}', response: { status: 301, headers: [ACAO_PAGE, ['Location', '{other}{path}/b']] } },
      { path: '{path}/b', response: ok([['Access-Control-Allow-Origin', '*']]) },
    ],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'redirect-to-page-origin',
    name: "API → the page's own origin: Origin is `null` there, ACAO = page origin fails",
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{page}{path}/b']] } },
      { on: 'page', path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: {},
    preflight: false,
    expect: blocked('AllowOriginMismatch', '{page}'),
  },
  {
    id: 'redirect-to-page-origin-null',
    name: "API → the page's own origin answering ACAO `null`: passes",
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{page}{path}/b']] } },
      { on: 'page', path: '{path}/b', response: ok([['Access-Control-Allow-Origin', 'null']]) },
    ],
    request: {},
    preflight: false,
    expect: pass,
  },
  {
    id: 'redirect-location-credentials',
    name: 'redirect Location with user:pass',
    routes: [
      {
        path: '{path}',
        response: { status: 302, headers: [ACAO_PAGE, ['Location', 'http://user:pass@{otherHost}{path}/b']] },
      },
      { path: '{path}/b', response: ok([['Access-Control-Allow-Origin', '*']]) },
    ],
    request: {},
    preflight: false,
    expect: blocked('RedirectContainsCredentials'),
  },
  {
    id: 'redirect-location-credentials-same-api',
    name: 'redirect Location with user:pass to the same API origin',
    routes: [
      {
        path: '{path}',
        response: { status: 302, headers: [ACAO_PAGE, ['Location', 'http://user:pass@{apiHost}{path}/b']] },
      },
      { path: '{path}/b', response: ok([ACAO_PAGE]) },
    ],
    request: {},
    preflight: false,
    expect: blocked('RedirectContainsCredentials'),
  },
  {
    id: 'redirect-manual-no-acao',
    name: "redirect: 'manual' still CORS-checks the 3xx: no ACAO",
    routes: [{ path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } }],
    request: { redirect: 'manual' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-manual-acao',
    name: "redirect: 'manual' with an ACAO on the 3xx: the page gets an opaque redirect",
    routes: [{ path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] } }],
    request: { redirect: 'manual' },
    preflight: false,
    expect: pass,
  },
  {
    id: 'redirect-error-mode-acao',
    name: "redirect: 'error' with an ACAO on the 3xx: a network error, not CORS",
    routes: [{ path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] } }],
    request: { redirect: 'error' },
    preflight: false,
    expect: { networkError: 'net::ERR_FAILED' },
  },
  {
    id: 'redirect-error-mode-no-acao',
    name: "redirect: 'error' without ACAO on the 3xx: the CORS check comes first",
    routes: [{ path: '{path}', response: { status: 302, headers: [['Location', '{api}{path}/b']] } }],
    request: { redirect: 'error' },
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-non-http-scheme',
    name: 'redirect to a non-HTTP scheme (ftp:)',
    routes: [
      { path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', 'ftp://{otherHost}/file']] } },
    ],
    request: {},
    preflight: false,
    expect: blocked('CorsDisabledScheme'),
  },
  {
    id: 'redirect-data-scheme',
    name: 'redirect to a data: URL: the network layer refuses it (not a CORS error)',
    routes: [{ path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', 'data:text/plain,hi']] } }],
    request: {},
    preflight: false,
    expect: { networkError: 'net::ERR_UNSAFE_REDIRECT' },
  },
  {
    id: 'redirect-file-scheme',
    name: 'redirect to a file: URL',
    routes: [{ path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', 'file:///etc/hostname']] } }],
    request: {},
    preflight: false,
    expect: { networkError: 'net::ERR_UNSAFE_REDIRECT' },
  },
  {
    id: 'redirect-custom-scheme',
    name: 'redirect to a custom scheme (myapp:)',
    routes: [{ path: '{path}', response: { status: 302, headers: [ACAO_PAGE, ['Location', 'myapp://open/x']] } }],
    request: {},
    preflight: false,
    expect: blocked('CorsDisabledScheme'),
  },
  {
    id: 'redirect-custom-scheme-no-acao',
    name: 'redirect to a custom scheme from a 3xx without ACAO: the CORS check of the 3xx comes first',
    routes: [{ path: '{path}', response: { status: 302, headers: [['Location', 'myapp://open/x']] } }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-data-scheme-no-acao',
    name: 'redirect to data: from a 3xx without ACAO: the CORS check of the 3xx comes first',
    routes: [{ path: '{path}', response: { status: 302, headers: [['Location', 'data:text/plain,hi']] } }],
    request: {},
    preflight: false,
    expect: blocked('MissingAllowOriginHeader'),
  },
  {
    id: 'redirect-after-preflight',
    name: 'preflighted PUT answered by a 307 whose target allows the page: passes',
    routes: [
      {
        path: '{path}',
        preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']),
        response: { status: 307, headers: [ACAO_PAGE, ['Location', '{api}{path}/b']] },
      },
      { path: '{path}/b', preflight: preflightOk(['Access-Control-Allow-Methods', 'PUT']), response: ok([ACAO_PAGE]) },
    ],
    request: { method: 'PUT', body: 'x' },
    preflight: true,
    expect: pass,
  },

  // ── Request mode and network errors ──────────────────────────────────────────────────────────
  {
    id: 'mode-same-origin',
    name: "mode 'same-origin' fetch to another origin",
    routes: [{ path: '{path}', response: ok([ACAO_PAGE]) }],
    request: { mode: 'same-origin' },
    preflight: false,
    expect: blocked('DisallowedByMode'),
  },
  {
    id: 'hang-up',
    name: 'the server closes the connection on a simple GET: a network error, not CORS',
    routes: [{ path: '{path}', response: { hangUp: true } }],
    request: {},
    preflight: false,
    expect: { networkError: 'net::ERR_EMPTY_RESPONSE' },
  },
  {
    id: 'connection-refused',
    name: 'nothing listens on the port: a network error, not CORS',
    routes: [],
    request: { url: '{closed}{path}' },
    preflight: false,
    expect: { networkError: 'net::ERR_CONNECTION_REFUSED' },
  },
];

/** Every row: the ones written with the engine, then the classes found on requests it was not written for. */
export const SCENARIOS: readonly Scenario[] = [...WRITTEN_SCENARIOS, ...REAL_WORLD_SCENARIOS];
