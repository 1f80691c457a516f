/**
 * The CORS check, in Chromium's order (`network::cors::CheckAccess`), which decides between the
 * spec's single "failure" and the DevTools error codes.
 */
import { isAscii } from './ascii';
import type { CheckFailure } from './check-failure';
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
 * Runs the CORS check of `headers` for a request whose serialized origin is `origin` (`null` once
 * tainted) and whose credentials mode is `include` or not. Returns null on success.
 *
 * Chromium's order: `*` (fails only with credentials) → missing → not byte-equal (then: contains a
 * space or comma → Multiple; a non-ASCII byte → Invalid; `null` → Mismatch; not a URL → Invalid;
 * else Mismatch) → ACAC.
 * Values are trimmed first (net's normalised header), so padded values pass.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
export function corsCheck(headers: HeaderList, origin: string, includeCredentials: boolean): CheckFailure | null {
  // 1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
  const allowOrigin = getHeader(headers, ACAO);
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
  if (allowOrigin !== origin) {
    let code: CheckFailure['code'] = 'AllowOriginMismatch';
    let failedParameter = allowOrigin;
    if (allowOrigin.includes(' ') || allowOrigin.includes(',')) code = 'MultipleAllowOriginValues';
    else if (!isAscii(allowOrigin)) {
      // A byte outside ASCII is never part of a serialized origin: Chromium 156 calls the value
      // invalid and reports no parameter (its failedParameter must be valid UTF-8; such bytes are not).
      code = 'InvalidAllowOriginValue';
      failedParameter = '';
    } else if (allowOrigin !== 'null' && !looksLikeUrl(allowOrigin)) code = 'InvalidAllowOriginValue';
    return {
      code,
      failedParameter,
      header: { name: ACAO, expected: origin, received: allowOrigin },
      specStep: 'CORS check 4',
    };
  }
  // 5. If request's credentials mode is not "include", return success.
  if (!includeCredentials) return null;
  // 6–8. Let credentials be `Access-Control-Allow-Credentials`; if it is `true`, return success.
  const allowCredentials = getHeader(headers, ACAC);
  if (allowCredentials === 'true') return null;
  return {
    code: 'InvalidAllowCredentials',
    failedParameter: allowCredentials ?? '',
    header: { name: ACAC, expected: 'true', received: allowCredentials },
    specStep: 'CORS check 7',
  };
}
