/**
 * The failures every stack is proven on: each is a request the page makes and the family of
 * verdict Chromium must give it while the server is broken. The Chromium code inside a family can
 * differ by stack (a library that rejects a preflight may answer 400, or 200 without CORS headers):
 * what must hold is that the engine predicts Chromium's exact code, and that the fix makes it pass.
 */
import type { Exchange, Verdict } from '../../../src/engine';

export type CaseId =
  | 'missing-acao'
  | 'origin-mismatch'
  | 'wildcard-credentials'
  | 'header-not-allowed'
  | 'method-not-allowed'
  | 'preflight-error-status'
  | 'null-origin';

/** The broken server configurations each stack provides (null-origin starts from missing-acao's). */
export type BrokenConfig = Exclude<CaseId, 'null-origin'>;

export interface PageRequest {
  method: string;
  headers: [string, string][];
  credentials: 'same-origin' | 'include';
  body?: string;
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
  /** Why the broken run belongs to this case; null when it does. */
  mismatch(verdict: Verdict, exchange: Exchange): string | null;
}

/** The request header a broken server does not allow. */
export const CUSTOM_HEADER = 'X-Api-Key';

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
];
