/** Public surface of the verdict engine. */
export {
  CHROMIUM_MAX_AGE_CAP,
  collectAdvisories,
  FIREFOX_MAX_AGE_CAP,
  parseMaxAge,
  unexposedResponseHeaders,
} from './advisories';
export type { CheckFailure } from './check-failure';
export { corsCheck } from './cors-check';
export { knownCredentials } from './credentials';
export { type EvaluateOptions, evaluate, isCredentialsDependent } from './evaluate';
export type * from './exchange';
export { EXPLANATION_LIMITS, explain } from './explain';
export type * from './explanation-types';
export { fixRecipe, fixRecipes, STACKS } from './fix-recipes';
export { getHeader, getHeaderValues, hasHeader, isToken, splitHeaderList } from './header-list';
export { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './method';
export { classifyNetworkError, type NetworkErrorClass } from './network-error';
export {
  isSameOrigin,
  originOf,
  type ParsedUrl,
  parseUrl,
  resolveLocation,
  serializeOrigin,
  withoutCredentials,
} from './origin';
export { corsPreflightCheck, type PreflightFailure, type PreflightInput, parseAllowList } from './preflight';
export { MAX_REDIRECTS } from './redirect';
export { type EffectiveMode, effectiveMode, fetchMetadataMode, requestOrigin } from './request-context';
export { requiredPolicy } from './required-policy';
export {
  isCorsSafelistedContentType,
  isCorsSafelistedRequestHeader,
  isCorsUnsafeRequestHeaderByte,
  isSimpleRangeHeaderValue,
} from './safelist';
export { corsUnsafeRequestHeaderNames, isForbiddenRequestHeader } from './unsafe-request-headers';
export type * from './verdict-types';
