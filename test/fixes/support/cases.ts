/**
 * The failures every stack is proven on: each is a request the page makes and the family of
 * verdict Chromium must give it while the server is broken. The Chromium code inside a family can
 * differ by stack (a library that rejects a preflight may answer 400, or 200 without CORS headers):
 * what must hold is that the engine predicts Chromium's exact code, and that the fix makes it pass.
 */
import type { Exchange, Verdict } from '../../../src/engine';
import { pageFix } from '../../../src/engine';
import { failureKind } from '../../../src/engine/fix/recipes/failure-kind';
import { requestChain } from '../../../src/engine/fix/required-policy';

export type CaseId =
  | 'missing-acao'
  | 'origin-mismatch'
  | 'wildcard-credentials'
  | 'header-not-allowed'
  | 'method-not-allowed'
  | 'preflight-error-status'
  | 'null-origin'
  | 'unexposed-header'
  | 'lowercase-method'
  | 'duplicate-acao'
  | 'credentials-not-allowed'
  | 'preflight-credentials'
  | 'headers-not-allowed'
  | 'cross-origin-redirect'
  | 'error-status'
  | 'preflight-redirect'
  | 'unparsable-list'
  | 'invalid-origin'
  | 'unparsable-methods';

/**
 * The broken server configurations each stack provides: one per case, except that null-origin
 * starts from missing-acao's, lowercase-method from method-not-allowed's, and the cases whose
 * fault is in the application's route start from `origin-allowed`, a CORS layer that allows the
 * page's origin and nothing more.
 */
export type BrokenConfig =
  | Exclude<
      CaseId,
      | 'null-origin'
      | 'unexposed-header'
      | 'lowercase-method'
      | 'duplicate-acao'
      | 'credentials-not-allowed'
      | 'preflight-credentials'
      | 'headers-not-allowed'
      | 'cross-origin-redirect'
    >
  | 'origin-allowed';

/** The broken configurations whose auth layer sits in front of the CORS layer (the stack's own auth is not added again). */
export const AUTH_IN_FRONT: ReadonlySet<BrokenConfig> = new Set<BrokenConfig>([
  'preflight-error-status',
  'error-status',
]);

/**
 * The application's route as the broken configuration leaves it: with `preflight-redirect` the
 * trailing-slash redirect sits in front of the CORS layer instead, so the routes do not repeat it.
 */
export function routeBehind(caseId: BrokenConfig, route: AppRoute): AppRoute {
  return caseId === 'preflight-redirect' ? { ...route, slashRedirect: false } : route;
}

/** What the application's own route does besides answering APP_BODY. */
export interface AppRoute {
  /** Sends `X-Total-Count: TOTAL_COUNT` (a header a page's script reads, for pagination). */
  totalCount: boolean;
  /** Adds its own `Access-Control-Allow-Origin: *`, beside the CORS layer's. */
  allowOrigin: boolean;
  /**
   * Redirects (302) a request addressed to `127.0.0.1:<port>` to the same path on
   * `localhost:<port>`, as an app that canonicalises its host name does: the same server under
   * another origin. Proxies pass the Host header on, so the application behind them does the same.
   */
  redirect: boolean;
  /**
   * Redirects (301) a path that lacks its trailing slash to the same path with it, as a
   * canonical-URL rule (Django's APPEND_SLASH, Flask's strict_slashes) does; the path with the
   * slash gets the application's answer.
   */
  slashRedirect: boolean;
}

export const PLAIN_ROUTE: AppRoute = { totalCount: false, allowOrigin: false, redirect: false, slashRedirect: false };

/** The host name the redirect route sends a request to, instead of the 127.0.0.1 it was addressed to. */
export const CANONICAL_HOST = 'localhost';

/** The response header the unexposed-header case's page reads, and its value. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';
export const TOTAL_COUNT = '42';

export interface PageRequest {
  method: string;
  headers: [string, string][];
  credentials: 'same-origin' | 'include';
  body?: string;
  /** Response headers the page's script reads with `response.headers.get(name)`. */
  reads?: readonly string[];
  /** Appended to the case's URL: the final URL a page fix points the request at. */
  pathSuffix?: string;
}

export interface VerdictCase {
  id: CaseId;
  /** The page makes the request from an opaque origin (a sandboxed document): Origin: null. */
  opaqueOrigin?: boolean;
  /** The broken server configuration to start from, when it is another case's. */
  brokenAs?: BrokenConfig;
  /** Column title in the README table. */
  title: string;
  request: PageRequest;
  /** The app sits behind an authentication layer that refuses requests without Authorization. */
  auth: boolean;
  /** The application's route while broken (the fixed launch keeps it, unless `alsoChange` says otherwise). */
  route?: AppRoute;
  /** Chromium lets the broken request through; what is wrong is an advisory (the page cannot read a header). */
  passesBroken?: boolean;
  /** The request the page makes once the engine's `pageFix` is applied (the server snippet alone cannot fix it). */
  pageFixed?: PageRequest;
  /** The recipe's `alsoChange` (a change outside the snippet) is part of the fix. */
  alsoChange?: boolean;
  /**
   * What the page reads once fixed, when it is not the application's answer: an error response the
   * CORS layer now covers (the page can read its status and body; the error itself is the app's).
   */
  fixedAnswer?: { status: number; body: string };
  /** Text the recipe's notes must contain: the panel explains what the snippet alone does not say. */
  notesSay?: string;
  /** Why the broken run belongs to this case; null when it does. */
  mismatch(verdict: Verdict, exchange: Exchange): string | null;
}

/** The page's host name without scheme or port, as a hand-written Access-Control-Allow-Origin sometimes has it. */
export const BARE_HOST = 'localhost';

/** The value a hand-written Access-Control-Allow-Origin sends in the broken configuration (origin-mismatch or invalid-origin). */
export function hardCodedOrigin(config: BrokenConfig): string {
  return config === 'invalid-origin' ? BARE_HOST : WRONG_ORIGIN;
}

/** A hand-written header list with semicolons for commas, as the unparsable-list case's server sends it. */
export const SEMICOLON_LIST = 'X-Api-Key; Content-Type';

/** The same mistake in a method list. */
export const SEMICOLON_METHODS = 'GET; PUT';

/** The request header a broken server does not allow. */
export const CUSTOM_HEADER = 'X-Api-Key';

/** A second one, for the preflight that asks for several. */
export const SECOND_HEADER = 'X-Request-Id';

/** A hard-coded origin that is not the page's (another port). */
export const WRONG_ORIGIN = 'http://localhost:3000';

/** What the authentication layer accepts. */
export const AUTHORIZATION = 'Bearer cors-lens';

/** The body of the authentication layer's 401. */
export const UNAUTHORIZED = 'unauthorized';

const PREFLIGHT_CODES = new Set([
  'HeaderDisallowedByPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'PreflightMissingAllowOriginHeader',
  'PreflightInvalidStatus',
]);

function expectCode(...codes: string[]): VerdictCase['mismatch'] {
  return (verdict) =>
    verdict.code !== null && codes.includes(verdict.code)
      ? null
      : `expected ${codes.join(' or ')}, got ${verdict.code}`;
}

function rejectedPreflight(verdict: Verdict): string | null {
  if (verdict.stage !== 'preflight' || verdict.code === null || !PREFLIGHT_CODES.has(verdict.code)) {
    return `expected the preflight to be rejected, got ${verdict.code} at ${verdict.stage}`;
  }
  return null;
}

function unreadableHeader(verdict: Verdict): string | null {
  if (verdict.kind !== 'passed') return `expected the request to pass, got ${verdict.kind} ${verdict.code}`;
  const advisory = verdict.advisories.find((a) => a.code === 'unexposed-response-headers');
  if (advisory === undefined)
    return `expected the unexposed-response-headers advisory, got ${JSON.stringify(verdict.advisories)}`;
  const name = TOTAL_COUNT_HEADER.toLowerCase();
  return advisory.message.includes(name) ? null : `expected the advisory to name ${name}: ${advisory.message}`;
}

export const CASES: readonly VerdictCase[] = [
  {
    id: 'missing-acao',
    title: 'missing ACAO',
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: expectCode('MissingAllowOriginHeader'),
  },
  {
    id: 'origin-mismatch',
    title: 'origin mismatch',
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: expectCode('AllowOriginMismatch'),
  },
  {
    id: 'wildcard-credentials',
    title: '`*` + credentials',
    request: { method: 'GET', headers: [], credentials: 'include' },
    auth: false,
    mismatch: expectCode('WildcardOriginNotAllowed'),
  },
  {
    id: 'header-not-allowed',
    title: 'header not allowed',
    request: { method: 'GET', headers: [[CUSTOM_HEADER, 'k1']], credentials: 'same-origin' },
    auth: false,
    mismatch: rejectedPreflight,
  },
  {
    id: 'method-not-allowed',
    title: 'method not allowed',
    request: { method: 'PUT', headers: [['Content-Type', 'text/plain']], credentials: 'same-origin', body: 'x' },
    auth: false,
    mismatch: rejectedPreflight,
  },
  {
    id: 'preflight-error-status',
    title: 'preflight error status',
    request: { method: 'GET', headers: [['Authorization', AUTHORIZATION]], credentials: 'same-origin' },
    auth: true,
    mismatch: (verdict, exchange) => {
      const status = exchange.preflight.kind === 'observed' ? (exchange.preflight.response?.status ?? 0) : 0;
      if (status < 400) return `expected the preflight to get an error status, got ${status}`;
      return rejectedPreflight(verdict);
    },
  },
  {
    // A sandboxed iframe, a file: page or a data: URL sends Origin: null; the fix must allow the literal null.
    id: 'null-origin',
    title: 'Origin: null',
    opaqueOrigin: true,
    brokenAs: 'missing-acao',
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: (verdict, exchange) => {
      const origin = exchange.request.headers.find(([name]) => name.toLowerCase() === 'origin')?.[1];
      if (origin !== 'null') return `expected the request to carry Origin: null, got ${origin}`;
      return expectCode('MissingAllowOriginHeader')(verdict, exchange);
    },
  },
  {
    // It works, but response.headers.get('x-total-count') is null: not in Access-Control-Expose-Headers.
    id: 'unexposed-header',
    title: 'header not exposed',
    brokenAs: 'origin-allowed',
    route: { ...PLAIN_ROUTE, totalCount: true },
    passesBroken: true,
    request: { method: 'GET', headers: [], credentials: 'same-origin', reads: [TOTAL_COUNT_HEADER] },
    auth: false,
    mismatch: unreadableHeader,
  },
  {
    // fetch() uppercases only DELETE, GET, HEAD, OPTIONS, POST, PUT: 'patch' goes out as written.
    id: 'lowercase-method',
    title: 'lowercase method',
    brokenAs: 'method-not-allowed',
    request: { method: 'patch', headers: [], credentials: 'same-origin' },
    pageFixed: { method: 'PATCH', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: (verdict, exchange) => {
      if (pageFix(exchange) === null) return 'expected the engine to give a page fix for the lowercase method';
      return rejectedPreflight(verdict);
    },
  },
  {
    // The CORS layer sends the page's origin and the route (or the proxied application) adds its own '*'.
    id: 'duplicate-acao',
    title: 'ACAO added twice',
    brokenAs: 'origin-allowed',
    route: { ...PLAIN_ROUTE, allowOrigin: true },
    alsoChange: true,
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: expectCode('MultipleAllowOriginValues'),
  },
  {
    // A credentialed request to a CORS layer that allows the origin but leaves credentials at their default (off).
    id: 'credentials-not-allowed',
    title: 'credentials not allowed',
    brokenAs: 'origin-allowed',
    request: { method: 'GET', headers: [], credentials: 'include' },
    auth: false,
    mismatch: expectCode('InvalidAllowCredentials'),
  },
  {
    // The same with a preflight (a JSON body type): Chromium checks credentials on the preflight first.
    id: 'preflight-credentials',
    title: 'credentials not allowed (preflight)',
    brokenAs: 'origin-allowed',
    request: {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      credentials: 'include',
      body: '{}',
    },
    auth: false,
    mismatch: expectCode('PreflightInvalidAllowCredentials'),
  },
  {
    // Two headers not allowed: the snippet must allow both, not only the one Chromium names.
    id: 'headers-not-allowed',
    title: 'several headers not allowed',
    brokenAs: 'header-not-allowed',
    request: {
      method: 'GET',
      headers: [
        [CUSTOM_HEADER, 'k1'],
        [SECOND_HEADER, 'r1'],
      ],
      credentials: 'same-origin',
    },
    auth: false,
    mismatch: rejectedPreflight,
  },
  {
    // 127.0.0.1 → localhost on the same server: Chromium sends the second request with Origin: null
    // (a redirect to another origin taints it), which a layer allowing only the page's origin refuses.
    id: 'cross-origin-redirect',
    title: 'redirect to another origin of the same app',
    brokenAs: 'origin-allowed',
    route: { ...PLAIN_ROUTE, redirect: true },
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    // The snippet allows the page's origin and null: the notes must say why null appears.
    notesSay: "Fetch's tainted origin",
    mismatch: (verdict, exchange) => {
      const origins = requestChain(exchange).requests.map((request) => request.origin);
      if (origins.length !== 2 || origins[1] !== 'null') {
        return `expected the page's origin, then Origin: null after the redirect; got ${origins.join(', ')}`;
      }
      return expectCode('AllowOriginMismatch', 'MissingAllowOriginHeader')(verdict, exchange);
    },
  },
  {
    // An auth layer in front of the CORS layer refuses a cookie-authenticated GET (no preflight) with
    // a 401 that carries no CORS header: the page sees a CORS error instead of the 401.
    id: 'error-status',
    title: 'error status without CORS headers',
    request: { method: 'GET', headers: [], credentials: 'include' },
    auth: true,
    fixedAnswer: { status: 401, body: UNAUTHORIZED },
    mismatch: (verdict, exchange) => {
      if (failureKind(verdict) !== 'error-status')
        return `expected an error status without CORS headers, got ${verdict.code} at ${verdict.status}`;
      return expectCode('MissingAllowOriginHeader')(verdict, exchange);
    },
  },
  {
    // The preflight meets the app's trailing-slash redirect: Chromium never follows a preflight redirect.
    id: 'preflight-redirect',
    title: 'preflight redirected',
    route: { ...PLAIN_ROUTE, slashRedirect: true },
    request: { method: 'GET', headers: [[CUSTOM_HEADER, 'k1']], credentials: 'same-origin' },
    pageFixed: { method: 'GET', headers: [[CUSTOM_HEADER, 'k1']], credentials: 'same-origin', pathSuffix: '/' },
    auth: false,
    mismatch: expectCode('PreflightDisallowedRedirect'),
  },
  {
    // A hand-written Access-Control-Allow-Headers with semicolons: Chromium cannot parse the list.
    id: 'unparsable-list',
    title: 'unparsable Allow-Headers',
    request: { method: 'GET', headers: [[CUSTOM_HEADER, 'k1']], credentials: 'same-origin' },
    auth: false,
    mismatch: expectCode('InvalidAllowHeadersPreflightResponse'),
  },
  {
    // A hand-written Access-Control-Allow-Origin with the host name alone: not a URL, so not an origin at all.
    id: 'invalid-origin',
    title: 'ACAO not an origin',
    request: { method: 'GET', headers: [], credentials: 'same-origin' },
    auth: false,
    mismatch: expectCode('InvalidAllowOriginValue'),
  },
  {
    // The same semicolons in Access-Control-Allow-Methods: Chromium cannot parse the list.
    id: 'unparsable-methods',
    title: 'unparsable Allow-Methods',
    request: { method: 'PUT', headers: [['Content-Type', 'text/plain']], credentials: 'same-origin', body: 'x' },
    auth: false,
    mismatch: expectCode('InvalidAllowMethodsPreflightResponse'),
  },
];
