/** Public surface of the verdict engine. */
export { collectAdvisories, parseMaxAge, unexposedResponseHeaders } from './advisories';
export { corsCheck } from './cors-check';
export { knownCredentials } from './credentials';
export { type EvaluateOptions, evaluate } from './evaluate';
export type * from './exchange';
export { getHeader, getHeaderValues, hasHeader, isToken, splitHeaderList } from './header-list';
export { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './method';
export { classifyNetworkError, type NetworkErrorClass } from './network-error';
export { isSameOrigin, originOf, type ParsedUrl, parseUrl, serializeOrigin } from './origin';
export { corsPreflightCheck, parseAllowList } from './preflight';
export { MAX_REDIRECTS } from './redirect';
export {
  isCorsSafelistedContentType,
  isCorsSafelistedRequestHeader,
  isCorsUnsafeRequestHeaderByte,
  isSimpleRangeHeaderValue,
} from './safelist';
export { corsUnsafeRequestHeaderNames, isForbiddenRequestHeader } from './unsafe-request-headers';
export type * from './verdict-types';
