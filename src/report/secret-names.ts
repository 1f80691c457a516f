/**
 * What an export counts as secret: the one table of header names and query parameters whose
 * values are replaced, shared by redaction, the `_cors` export metadata that lists it, README
 * ("Permissions and privacy") and the panel's Copy as cURL. A pattern is a lowercase name with
 * `*` at either end for "any characters".
 */

export interface SecretNames {
  /** Header values replaced by name or pattern. */
  headers: readonly string[];
  /**
   * Header values never replaced, whatever the patterns say: the CORS verdict reads them, and a
   * redacted export must read back to the same verdict. `Access-Control-Request-Headers` names
   * headers such as `x-api-key`; names are not secrets.
   */
  corsHeaders: readonly string[];
  /** Query (and fragment, and `;` path) parameter values replaced by name or pattern. */
  queryParameters: readonly string[];
}

export const SECRET_NAMES: SecretNames = {
  headers: [
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'dpop',
    '*token*',
    '*-key',
    '*apikey*',
    '*secret*',
    '*password*',
    '*session*',
    '*csrf*',
    '*xsrf*',
    '*auth*',
    '*signature*',
    '*credential*',
    '*jwt*',
  ],
  corsHeaders: [
    'access-control-*',
    'origin',
    'vary',
    'location',
    'referer',
    'content-type',
    'sec-fetch-*',
    'cross-origin-*',
    'timing-allow-origin',
  ],
  queryParameters: [
    'key',
    'code',
    'sig',
    'auth',
    'sid',
    'pwd',
    'passwd',
    '*token*',
    '*_key',
    '*apikey*',
    '*secret*',
    '*password*',
    '*session*',
    '*sessid*',
    '*csrf*',
    '*xsrf*',
    '*signature*',
    '*credential*',
    '*jwt*',
  ],
};

type Matcher = (name: string) => boolean;

function matcher(pattern: string): Matcher {
  const anyBefore = pattern.startsWith('*');
  const anyAfter = pattern.endsWith('*') && pattern.length > 1;
  const core = pattern.slice(anyBefore ? 1 : 0, anyAfter ? -1 : undefined);
  if (anyBefore && anyAfter) return (name) => name.includes(core);
  if (anyBefore) return (name) => name.endsWith(core);
  if (anyAfter) return (name) => name.startsWith(core);
  return (name) => name === core;
}

function anyOf(patterns: readonly string[]): Matcher {
  const matchers = patterns.map(matcher);
  return (name) => matchers.some((matches) => matches(name));
}

const secretHeader = anyOf(SECRET_NAMES.headers);
const corsHeader = anyOf(SECRET_NAMES.corsHeaders);
const secretQueryParameter = anyOf(SECRET_NAMES.queryParameters);

/** Whether a header's value is secret (names compare case-insensitively, `_` as `-`). */
export function isSecretHeaderName(name: string): boolean {
  const lower = name.toLowerCase().replaceAll('_', '-');
  return !corsHeader(lower) && secretHeader(lower);
}

/** Whether a query parameter's value is secret (names compare case-insensitively, `-` as `_`). */
export function isSecretQueryParameter(name: string): boolean {
  return secretQueryParameter(name.toLowerCase().replaceAll('-', '_'));
}
