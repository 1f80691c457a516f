/**
 * Passed-but-hurts findings: things that do not block the request yet cost the developer
 * (unreadable headers, cache poisoning, a preflight on every call, Authorization via `*`).
 */
import { asciiLowercase } from './ascii';
import { ACAO } from './cors-check';
import type { HeaderList, HttpResponse } from './exchange';
import { getHeader, splitHeaderList } from './header-list';
import { ACAH } from './preflight';
import type { Advisory, CheckStep } from './verdict-types';

const ACEH = 'access-control-expose-headers';
const ACMA = 'access-control-max-age';
/** Chromium's kMaxTimeout (preflight_result.cc) and Firefox's cap, in seconds. */
export const CHROMIUM_MAX_AGE_CAP = 7200;
export const FIREFOX_MAX_AGE_CAP = 86400;

/** @see https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name */
const SAFELISTED_RESPONSE_NAMES = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);
/** Transport, security-policy and CORS headers that scripts have no business reading. */
const INFRASTRUCTURE_NAMES = new Set([
  'accept-ranges',
  'age',
  'alt-svc',
  'connection',
  'content-encoding',
  'content-security-policy',
  'content-security-policy-report-only',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'date',
  'keep-alive',
  'nel',
  'permissions-policy',
  'referrer-policy',
  'report-to',
  'reporting-endpoints',
  'server',
  'server-timing',
  'set-cookie',
  'set-cookie2',
  'strict-transport-security',
  'timing-allow-origin',
  'transfer-encoding',
  'vary',
  'via',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
]);

/**
 * Response headers a script cannot read: not safelisted, not exposed (`*` counts only without credentials).
 * @see https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 */
export function unexposedResponseHeaders(headers: HeaderList, includeCredentials: boolean): string[] {
  const exposedValue = getHeader(headers, ACEH);
  const exposed = new Set(exposedValue === null ? [] : splitHeaderList(exposedValue).map(asciiLowercase));
  if (!includeCredentials && exposed.has('*')) return [];
  const hidden = new Set<string>();
  for (const [name] of headers) {
    const lower = asciiLowercase(name);
    if (SAFELISTED_RESPONSE_NAMES.has(lower) || INFRASTRUCTURE_NAMES.has(lower)) continue;
    if (lower.startsWith('access-control-') || exposed.has(lower)) continue;
    hidden.add(lower);
  }
  return [...hidden].sort();
}

/**
 * Metadata that frameworks, proxies and CDNs put on every response (Express's `ETag` and
 * `X-Powered-By`, request ids, cache diagnostics). A page's script rarely reads them, so their
 * being unreadable is shown as information; advice about every passing request would be noise.
 */
const GENERIC_METADATA_NAMES = new Set([
  'cf-cache-status',
  'cf-ray',
  'etag',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amz-request-id',
  'x-aspnet-version',
  'x-aspnetmvc-version',
  'x-cache',
  'x-cache-hits',
  'x-correlation-id',
  'x-envoy-upstream-service-time',
  'x-powered-by',
  'x-request-id',
  'x-runtime',
  'x-served-by',
  'x-timer',
]);

/**
 * The unreadable response headers worth advice: those a page's script plausibly wanted
 * (`X-Total-Count`, `Link`, …), not the framework metadata every response carries.
 */
export function advisedUnexposedHeaders(headers: HeaderList, includeCredentials: boolean): string[] {
  return unexposedResponseHeaders(headers, includeCredentials).filter((name) => !GENERIC_METADATA_NAMES.has(name));
}

/**
 * The check trail's closing row when the page cannot read a response header it plausibly wanted
 * (the `unexposed-response-headers` advisory): what Access-Control-Expose-Headers would have to
 * list, and what it listed. Empty otherwise.
 */
export function exposeAdvice(
  response: HttpResponse | null,
  advisories: readonly Advisory[],
  includeCredentials: boolean,
): CheckStep[] {
  if (response === null || !advisories.some((advisory) => advisory.code === 'unexposed-response-headers')) return [];
  return [
    {
      stage: { kind: 'response' },
      header: ACEH,
      required: advisedUnexposedHeaders(response.headers, includeCredentials).join(', '),
      wildcardAllowed: !includeCredentials,
      received: getHeader(response.headers, ACEH),
      outcome: 'advice',
    },
  ];
}

/**
 * Access-Control-Max-Age as Chromium parses it: digits (optional sign) or the 5 s default; null when absent/unparsable.
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 */
export function parseMaxAge(value: string | null): number | null {
  if (value === null || !/^[+-]?[0-9]{1,15}$/.test(value)) return null;
  return Number(value);
}

export interface AdvisoryInput {
  origin: string;
  includeCredentials: boolean;
  /** The final response, when it passed the CORS check or failed it after ACAO. */
  response: HttpResponse | null;
  /** Whether JavaScript gets the final response (kind `passed`). */
  responseReadable: boolean;
  /** The preflight response, when the preflight passed. */
  preflight: HttpResponse | null;
  /** The actual request carries `Authorization`. */
  hasAuthorization: boolean;
}

function preflightAdvisories(preflight: HttpResponse, input: AdvisoryInput, out: Advisory[]): void {
  const rawMaxAge = getHeader(preflight.headers, ACMA);
  const maxAge = parseMaxAge(rawMaxAge);
  if (maxAge === null || maxAge <= 0) {
    const why =
      rawMaxAge === null
        ? 'No Access-Control-Max-Age: Chromium caches the preflight for 5 s only'
        : `Access-Control-Max-Age '${rawMaxAge}' ${maxAge === null ? 'is not a number (Chromium uses 5 s)' : 'disables caching'}`;
    out.push({
      code: 'preflight-not-cached',
      header: ACMA,
      message: `${why}, so almost every call pays for a preflight.`,
    });
  } else if (maxAge > CHROMIUM_MAX_AGE_CAP) {
    const firefox = maxAge > FIREFOX_MAX_AGE_CAP ? ` and Firefox at ${FIREFOX_MAX_AGE_CAP} s` : '';
    const message = `Access-Control-Max-Age ${maxAge} s is capped by Chromium at ${CHROMIUM_MAX_AGE_CAP} s${firefox}.`;
    out.push({ code: 'max-age-above-cap', header: ACMA, message });
  }
  const allowHeaders = getHeader(preflight.headers, ACAH);
  const allowed = allowHeaders === null ? [] : splitHeaderList(allowHeaders).map(asciiLowercase);
  if (
    input.hasAuthorization &&
    !input.includeCredentials &&
    allowed.includes('*') &&
    !allowed.includes('authorization')
  ) {
    const message =
      "Authorization is allowed only through '*' in Access-Control-Allow-Headers; the standard and Firefox " +
      "require it to be listed by name ('authorization'), and Chromium may enforce that too.";
    out.push({ code: 'authorization-via-wildcard', header: ACAH, message });
  }
}

/**
 * Collects advisories for a CORS exchange, in a fixed order.
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 */
export function collectAdvisories(input: AdvisoryInput): Advisory[] {
  const out: Advisory[] = [];
  const { response } = input;
  if (response !== null) {
    if (input.responseReadable) {
      const hidden = advisedUnexposedHeaders(response.headers, input.includeCredentials);
      if (hidden.length > 0) {
        const message = `JavaScript cannot read ${hidden.join(', ')}: not listed in Access-Control-Expose-Headers.`;
        out.push({ code: 'unexposed-response-headers', header: ACEH, message });
      }
    }
    const allowOrigin = getHeader(response.headers, ACAO);
    const vary = getHeader(response.headers, 'vary');
    const varyNames = vary === null ? [] : splitHeaderList(vary).map(asciiLowercase);
    const reflected =
      allowOrigin !== null && allowOrigin !== '*' && allowOrigin === input.origin && input.origin !== 'null';
    if (reflected && !varyNames.includes('origin') && !varyNames.includes('*')) {
      const message = `Access-Control-Allow-Origin echoes '${input.origin}' without 'Vary: Origin': a shared cache may serve this answer to another origin.`;
      out.push({ code: 'missing-vary-origin', header: 'vary', message });
    }
  }
  if (input.preflight !== null) preflightAdvisories(input.preflight, input, out);
  return out;
}
