/** Methods: normalisation and the CORS-safelisted set. */
import { asciiUppercase } from './ascii';

const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
/**
 * The CORS-safelisted methods, in the order recipes list them.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export const CORS_SAFELISTED_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];
const SAFELISTED_METHODS = new Set(CORS_SAFELISTED_METHODS);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Uppercases a method only when it is a case-insensitive match for DELETE, GET, HEAD, OPTIONS,
 * POST or PUT: `patch` stays `patch`, and then must be listed as `patch` in
 * Access-Control-Allow-Methods.
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function normalizeMethod(method: string): string {
  if (NORMALIZED_METHODS.has(method)) return method;
  const upper = asciiUppercase(method);
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/**
 * True when fetch() sends the method with lowercase letters as written (`patch`): it uppercases
 * only the methods it normalises, and a server or an Access-Control-Allow-Methods that expects
 * `PATCH` refuses it.
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function isSentWithLowercase(method: string): boolean {
  return method !== asciiUppercase(method) && normalizeMethod(method) === method;
}

/**
 * GET, HEAD or POST. Chromium's `IsCorsSafelistedMethod` uppercases first, which only matters for
 * methods that skipped normalisation, and those cannot be these three.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export function isCorsSafelistedMethod(method: string): boolean {
  if (SAFELISTED_METHODS.has(method)) return true;
  return SAFELISTED_METHODS.has(asciiUppercase(method));
}

/**
 * CONNECT, TRACE, TRACK (case-insensitive).
 * @see https://fetch.spec.whatwg.org/#forbidden-method
 */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(asciiUppercase(method));
}
