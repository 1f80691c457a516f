/**
 * The failures every stack is proven on: each is a request the page makes and the family of
 * verdict Chromium must give it while the server is broken. The Chromium code inside a family can
 * differ by stack (a library that rejects a preflight may answer 400, or 200 without CORS headers):
 * what must hold is that the engine predicts Chromium's exact code, and that the fix makes it pass.
 */
import type { Exchange, Verdict } from '../../../src/engine';
import { pageFix } from '../../../src/engine';

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
  | 'headers-not-allowed';

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
    >
  | 'origin-allowed';

/** What the application's own route does besides answering APP_BODY. */
export interface AppRoute {
  /** Sends `X-Total-Count: TOTAL_COUNT` (a header a page's script reads, for pagination). */
  totalCount: boolean;
  /** Adds its own `Access-Control-Allow-Origin: *`, beside the CORS layer's. */
  allowOrigin: boolean;
}

export const PLAIN_ROUTE: AppRoute = { totalCount: false, allowOrigin: false };

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
  /** Why the broken run belongs to this case; null when it does. */
  mismatch(verdict: Verdict, exchange: Exchange): string | null;
}

/** The request header a broken server does not allow. */
export const CUSTOM_HEADER = 'X-Api-Key';

/** A second one, for the preflight that asks for several. */
export const SECOND_HEADER = 'X-Request-Id';

/** A hard-coded origin that is not the page's (another port). */
export const WRONG_ORIGIN = 'http://localhost:3000';

/** What the authentication layer accepts. */
export const AUTHORIZATION = 'Bearer cors-lens';

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
    route: { totalCount: true, allowOrigin: false },
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
    route: { totalCount: false, allowOrigin: true },
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
];
