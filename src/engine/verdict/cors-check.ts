/**
 * The CORS check, in Chromium's order (`network::cors::CheckAccess`), which decides between the
 * spec's single "failure" and the DevTools error codes.
 */
import { isAscii } from './ascii';
import type { CheckFailure } from './check-failure';
import { ignoreChecks, type RecordCheck } from './check-trail';
import { splitTruncation } from './cut-value';
import type { HeaderList } from './exchange';
import { getHeader } from './header-list';
import { parseUrl } from './origin';

export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';

/**
 * Whether Chromium's GURL would accept the value, which is what separates
 * InvalidAllowOriginValue from AllowOriginMismatch. An approximation: needs a scheme, and a
 * host for http(s)-like schemes.
 */
function looksLikeUrl(value: string): boolean {
  return parseUrl(value) !== null;
}

/**
 * The allow-origin half of the CORS check (steps 1–4); null when it lets the request on.
 * Chromium's order: `*` (fails only with credentials) → missing → not byte-equal (then: contains a
 * space or comma → Multiple; a non-ASCII byte → Invalid; `null` → Mismatch; not a URL → Invalid;
 * else Mismatch).
 */
function allowOriginFailure(
  allowOrigin: string | null,
  origin: string,
  includeCredentials: boolean,
): CheckFailure | null {
  if (allowOrigin === '*') {
    // 3. If request's credentials mode is not "include" and origin is `*`, return success.
    if (!includeCredentials) return null;
    return {
      code: 'WildcardOriginNotAllowed',
      failedParameter: '',
      header: { name: ACAO, expected: origin, received: allowOrigin },
      specStep: 'CORS check 4',
    };
  }
  // 2. If origin is null, return failure.
  if (allowOrigin === null) {
    return {
      code: 'MissingAllowOriginHeader',
      failedParameter: '',
      header: { name: ACAO, expected: origin, received: allowOrigin },
      specStep: 'CORS check 2',
    };
  }
  // 4. If the result of byte-serializing a request origin with request is not origin, return failure.
  if (allowOrigin === origin) return null;
  const { code, reportsValue } = mismatchCode(allowOrigin);
  return {
    code,
    failedParameter: reportsValue ? allowOrigin : '',
    header: { name: ACAO, expected: origin, received: allowOrigin },
    specStep: 'CORS check 4',
  };
}

/**
 * Why a value that is not the request's origin (nor `*`) fails, in Chromium's order; whether
 * Chromium reports the value as the failed parameter.
 *
 * A value the capture cut (see cut-value.ts) is judged on its kept prefix, which is all there is:
 * the whole value was longer, so it equalled no origin, `*` or `null`; a space or comma in the
 * prefix was in the whole value too. What the cut hid cannot be known: a space or comma after
 * the prefix (Chromium would say MultipleAllowOriginValues), or a byte there that no URL accepts
 * (InvalidAllowOriginValue where the prefix alone reads as a URL).
 */
function mismatchCode(allowOrigin: string): { code: CheckFailure['code']; reportsValue: boolean } {
  const { kept, marker } = splitTruncation(allowOrigin);
  const value = marker === '' ? allowOrigin : kept;
  if (value.includes(' ') || value.includes(',')) return { code: 'MultipleAllowOriginValues', reportsValue: true };
  // A byte outside ASCII is never part of a serialized origin: Chromium 156 calls the value
  // invalid and reports no parameter (its failedParameter must be valid UTF-8; such bytes are not).
  if (!isAscii(value)) return { code: 'InvalidAllowOriginValue', reportsValue: false };
  if (value === 'null' || looksLikeUrl(value)) return { code: 'AllowOriginMismatch', reportsValue: true };
  return { code: 'InvalidAllowOriginValue', reportsValue: true };
}

/**
 * Runs the CORS check of `headers` for a request whose serialized origin is `origin` (`null` once
 * tainted) and whose credentials mode is `include` or not. Returns null on success; `record`
 * hears each check as it is made (allow-origin, then allow-credentials when credentialed).
 * Values are trimmed first (net's normalised header), so padded values pass.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
export function corsCheck(
  headers: HeaderList,
  origin: string,
  includeCredentials: boolean,
  record: RecordCheck = ignoreChecks,
): CheckFailure | null {
  // 1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
  const allowOrigin = getHeader(headers, ACAO);
  const originCheck = { header: ACAO, required: origin, wildcardAllowed: !includeCredentials, received: allowOrigin };
  // 6. Let credentials be the result of getting `Access-Control-Allow-Credentials`.
  const allowCredentials = getHeader(headers, ACAC);
  const credentialsCheck = { header: ACAC, required: 'true', wildcardAllowed: false, received: allowCredentials };
  const originFailure = allowOriginFailure(allowOrigin, origin, includeCredentials);
  if (originFailure !== null) {
    record(originCheck, 'failed');
    if (includeCredentials) record(credentialsCheck, 'not-checked');
    return originFailure;
  }
  record(originCheck, 'passed');
  // 5. If request's credentials mode is not "include", return success.
  if (!includeCredentials) return null;
  // 7. If credentials is `true`, return success.
  if (allowCredentials === 'true') {
    record(credentialsCheck, 'passed');
    return null;
  }
  record(credentialsCheck, 'failed');
  return {
    code: 'InvalidAllowCredentials',
    failedParameter: allowCredentials ?? '',
    header: { name: ACAC, expected: 'true', received: allowCredentials },
    specStep: 'CORS check 7',
  };
}
