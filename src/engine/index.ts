/**
 * The one public surface of the engine: code outside src/engine imports only this file.
 * verdict/ answers "does the browser let it through", explain/ "in what words",
 * fix/ "what must the server send"; explain/ and fix/ stand on verdict/, never on each other.
 */

// explain/ — in what words
export { EXPLANATION_LIMITS, explain } from './explain/explain';
export type * from './explain/explanation-types';
export { firefoxNetworkFailureReason, firefoxReason } from './explain/firefox-reason';
export { type PageFix, pageFix } from './explain/page-fix';
export { boundedText, isUnsafeCodePoint, safeText } from './explain/safe-text';
export { fixRecipe, fixRecipes, RECIPE_PLACEHOLDERS, type RecipePlaceholder, STACKS } from './fix/fix-recipes';
// fix/ — what the server must send
export type * from './fix/fix-types';
export { type FixedResponses, fixedResponses } from './fix/fixed-responses';
export { requiredPolicy } from './fix/required-policy';
// verdict/ — does the browser let it through
export {
  CHROMIUM_MAX_AGE_CAP,
  collectAdvisories,
  FIREFOX_MAX_AGE_CAP,
  parseMaxAge,
  unexposedResponseHeaders,
} from './verdict/advisories';
export { capText } from './verdict/cap-text';
export type { CheckFailure } from './verdict/check-failure';
export { agreesWithChromium, type ChromiumOutcome, type CorsErrorStatus } from './verdict/chromium-agreement';
export { corsCheck } from './verdict/cors-check';
export { knownCredentials } from './verdict/credentials';
export { splitTruncation, truncationMarker } from './verdict/cut-value';
export { type EvaluateOptions, evaluate, isCredentialsDependent } from './verdict/evaluate';
export type * from './verdict/exchange';
export {
  byteLength,
  getHeader,
  getHeaderValues,
  hasHeader,
  isToken,
  splitHeaderList,
  trimHttpWhitespace,
} from './verdict/header-list';
export { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './verdict/method';
export { classifyNetworkError, type NetworkErrorClass, outcomeOfError } from './verdict/network-error';
export {
  isHttpScheme,
  isSameOrigin,
  originOf,
  type ParsedUrl,
  parseUrl,
  resolveLocation,
  serializeOrigin,
  withoutCredentials,
} from './verdict/origin';
export {
  corsPreflightCheck,
  type PreflightFailure,
  type PreflightInput,
  parseAllowList,
} from './verdict/preflight';
export { MAX_REDIRECTS, methodAfterRedirect, taintsOrigin } from './verdict/redirect';
export {
  type EffectiveMode,
  effectiveMode,
  fetchMetadataMode,
  needsPreflight,
  requestOrigin,
} from './verdict/request-context';
export {
  isCorsSafelistedContentType,
  isCorsSafelistedRequestHeader,
  isCorsUnsafeRequestHeaderByte,
  isSimpleRangeHeaderValue,
} from './verdict/safelist';
export { corsUnsafeRequestHeaderNames, isForbiddenRequestHeader } from './verdict/unsafe-request-headers';
export type * from './verdict/verdict-types';
