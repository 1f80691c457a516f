/**
 * The CORS-preflight fetch's checks on an observed preflight response, in Chromium's order
 * (`PreflightController`): redirect → CORS check → status → parse ACAM/ACAH → method → headers.
 */

import { asciiLowercase } from './ascii';
import type { CheckFailure } from './check-failure';
import { type Check, ignoreChecks, type RecordCheck } from './check-trail';
import { corsCheck } from './cors-check';
import { statusOf } from './decision';
import type { HttpResponse } from './exchange';
import { getHeader, isToken, splitHeaderList } from './header-list';
import { isCorsSafelistedMethod } from './method';
import type { CorsErrorCode, HeaderFinding } from './verdict-types';

export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';

export interface PreflightInput {
  response: HttpResponse;
  /** The actual request's normalized method (what `Access-Control-Request-Method` carries). */
  method: string;
  /** The actual request's CORS-unsafe request-header names, lowercase, in the order Chromium checks them. */
  unsafeHeaderNames: readonly string[];
  /** The actual request carries `Authorization`. */
  hasAuthorization: boolean;
  /** Serialized request origin. */
  origin: string;
  /** The actual request's credentials mode is `include`. */
  includeCredentials: boolean;
  /** Apply the standard's rule that `*` never covers `authorization` (see EvaluateOptions). */
  authorizationExcludedFromWildcard: boolean;
}

export interface PreflightFailure {
  failure: CheckFailure;
  status: number | null;
}

const PREFLIGHT_CODES: Partial<Record<CorsErrorCode, CorsErrorCode>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Parses an Access-Control-Allow-Methods/-Headers value; null when an item is not a token.
 * An absent header is an empty list.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function parseAllowList(value: string | null): string[] | null {
  if (value === null) return [];
  const items = splitHeaderList(value);
  for (const item of items) if (!isToken(item)) return null;
  return items;
}

function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** The preflight's checks after its CORS check, as the request requires them; ACAM/ACAH only when the request needs them. */
interface LaterChecks {
  status: Check;
  methods: Check;
  headers: Check;
  methodsNeeded: boolean;
  headersNeeded: boolean;
}

function laterChecks(input: PreflightInput): LaterChecks {
  const { headers } = input.response;
  const wildcardAllowed = !input.includeCredentials;
  return {
    status: { header: 'status', required: '200–299', wildcardAllowed: false, received: String(input.response.status) },
    methods: { header: ACAM, required: input.method, wildcardAllowed, received: getHeader(headers, ACAM) },
    headers: {
      header: ACAH,
      required: input.unsafeHeaderNames.join(', '),
      // `*` does not cover `authorization` when the standard's rule applies.
      wildcardAllowed: wildcardAllowed && !(input.authorizationExcludedFromWildcard && input.hasAuthorization),
      received: getHeader(headers, ACAH),
    },
    methodsNeeded: !isCorsSafelistedMethod(input.method),
    headersNeeded: input.unsafeHeaderNames.length > 0,
  };
}

/** The checks never made once an earlier one failed: listed so the whole answer the server must give shows. */
function notReached(later: LaterChecks, from: 'status' | 'methods' | 'headers', record: RecordCheck): void {
  if (from === 'status') record(later.status, 'not-checked');
  if (from !== 'headers' && later.methodsNeeded) record(later.methods, 'not-checked');
  if (later.headersNeeded) record(later.headers, 'not-checked');
}

/** The preflight failed on its status (a redirect, or not ok): the allow-lists were never reached. */
function statusFailure(
  code: 'PreflightDisallowedRedirect' | 'PreflightInvalidStatus',
  specStep: string,
  status: number | null,
  later: LaterChecks,
  record: RecordCheck,
): PreflightFailure {
  record(later.status, 'failed');
  notReached(later, 'methods', record);
  return { failure: { code, failedParameter: '', header: null, specStep }, status };
}

/**
 * Checks an observed preflight response for the actual request; null when it lets the request
 * through. `record` hears each check as it is made, then the ones never reached.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function corsPreflightCheck(input: PreflightInput, record: RecordCheck = ignoreChecks): PreflightFailure | null {
  const { response } = input;
  const status = statusOf(response);
  const headers = response.headers;
  const later = laterChecks(input);
  // Chromium fails on the redirect itself (PreflightLoader::HandleRedirect), before any header check.
  if (status !== null && REDIRECT_STATUSES.has(status) && getHeader(headers, 'location') !== null) {
    return statusFailure('PreflightDisallowedRedirect', 'CORS-preflight fetch 8', status, later, record);
  }
  // 7. If a CORS check for request and response returns success and response's status is an ok status …
  // Chromium checks the headers first, so a 404 without CORS headers is PreflightMissingAllowOriginHeader.
  const cors = corsCheck(headers, input.origin, input.includeCredentials, record);
  if (cors !== null) {
    notReached(later, 'status', record);
    const code = PREFLIGHT_CODES[cors.code] ?? cors.code;
    return { failure: { ...cors, code, specStep: `CORS-preflight fetch 7 (${cors.specStep})` }, status };
  }
  if (status === null || !isOkStatus(status)) {
    return statusFailure('PreflightInvalidStatus', 'CORS-preflight fetch 7 (ok status)', status, later, record);
  }
  record(later.status, 'passed');
  return checkAllowLists(input, status, later, record);
}

/** 7.3: an Access-Control-Allow-Methods or -Headers value that is not a list of names fails the preflight. */
function unparsableListFailure(
  code: 'InvalidAllowMethodsPreflightResponse' | 'InvalidAllowHeadersPreflightResponse',
  header: HeaderFinding,
  status: number,
): PreflightFailure {
  return { failure: { code, failedParameter: '', header, specStep: 'CORS-preflight fetch 7.3' }, status };
}

function checkAllowLists(
  input: PreflightInput,
  status: number,
  later: LaterChecks,
  record: RecordCheck,
): PreflightFailure | null {
  const allowMethodsValue = later.methods.received;
  const allowHeadersValue = later.headers.received;
  // 7.1–7.3. Extract methods and header names; if either is failure, return a network error.
  const methods = parseAllowList(allowMethodsValue);
  if (methods === null) {
    record(later.methods, 'failed');
    notReached(later, 'headers', record);
    const header = { name: ACAM, expected: input.method, received: allowMethodsValue };
    return unparsableListFailure('InvalidAllowMethodsPreflightResponse', header, status);
  }
  const allowHeaders = parseAllowList(allowHeadersValue);
  if (allowHeaders === null) {
    // Chromium parses both lists before matching the method: the method was never compared.
    if (later.methodsNeeded) record(later.methods, 'not-checked');
    record(later.headers, 'failed');
    const header = { name: ACAH, expected: input.unsafeHeaderNames.join(', '), received: allowHeadersValue };
    return unparsableListFailure('InvalidAllowHeadersPreflightResponse', header, status);
  }
  const wildcard = !input.includeCredentials;
  // 7.5. Methods compare byte-for-byte (Chromium's spec-conformant ACAM matching, on by default).
  const methodAllowed =
    methods.includes(input.method) || isCorsSafelistedMethod(input.method) || (wildcard && methods.includes('*'));
  if (!methodAllowed) {
    record(later.methods, 'failed');
    notReached(later, 'headers', record);
    const failure: CheckFailure = {
      code: 'MethodDisallowedByPreflightResponse',
      failedParameter: input.method,
      header: { name: ACAM, expected: input.method, received: allowMethodsValue },
      specStep: 'CORS-preflight fetch 7.5',
    };
    return { failure, status };
  }
  if (later.methodsNeeded) record(later.methods, 'passed');
  const failure = headersFailure(input, allowHeaders, allowHeadersValue);
  if (failure !== null || later.headersNeeded) record(later.headers, failure === null ? 'passed' : 'failed');
  return failure === null ? null : { failure, status };
}

/** The header-name half of the allow-list check; null when every CORS-unsafe request-header name is allowed. */
function headersFailure(input: PreflightInput, allowHeaders: string[], received: string | null): CheckFailure | null {
  const allowed = new Set(allowHeaders.map(asciiLowercase));
  if (!input.includeCredentials && allowed.has('*')) {
    // 7.6. `authorization` is a CORS non-wildcard request-header name.
    if (input.authorizationExcludedFromWildcard && input.hasAuthorization && !allowed.has('authorization')) {
      return headerFailure('authorization', received, 'CORS-preflight fetch 7.6');
    }
    return null;
  }
  // 7.7. Every CORS-unsafe request-header name must be listed (case-insensitively); Chromium names the first missing.
  for (const name of input.unsafeHeaderNames) {
    if (!allowed.has(name)) return headerFailure(name, received, 'CORS-preflight fetch 7.7');
  }
  return null;
}

function headerFailure(name: string, received: string | null, specStep: string): CheckFailure {
  return {
    code: 'HeaderDisallowedByPreflightResponse',
    failedParameter: name,
    header: { name: ACAH, expected: name, received },
    specStep,
  };
}
