/**
 * Secrets inside URLs: userinfo and the values of secret query parameters (SECRET_NAMES). Works
 * on the text as written, without parsing or re-serialising, so an origin stays byte for byte what
 * it was (verdicts compare origins) and two copies of one URL redact to the same string (reading a
 * HAR pairs preflights and redirect hops by URL).
 */
import { isSecretQueryParameter } from './secret-names';

/**
 * Stands in for a secret inside a URL: a plain word, so the URL stays parsable, "has credentials"
 * where it had userinfo, and needs no percent-encoding.
 */
export const REDACTED_IN_URL = 'redacted';

/**
 * Userinfo of a URL at the start of a value: after optional whitespace (URL parsers strip it), a
 * scheme and its slashes, or the `//` of a scheme-relative URL.
 */
const USERINFO = /^(\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:[/\\]*|[/\\]{2}))([^/\\?#]*)@/;
/**
 * The same anywhere in a text (a verdict's words quote the Location they are about). It starts at
 * the slashes, not at a scheme: the text before a match is kept as it is either way, and an
 * optional scheme in front made the regex retry every letter of a long value (quadratic: a 70 MB
 * header value quoted in `_cors` stalled `export`).
 */
const USERINFO_IN_TEXT = /([/\\]{2})([^/\\?#\s'"`@]*)@/g;
/**
 * A `name=value` parameter after `?` or `&` (query), `#` (a fragment such as OAuth's
 * `#access_token=`) or `;` (Java's `;jsessionid=` in a path). The value stops at `?` too, so a
 * URL nested in a parameter has its own query redacted.
 */
const PARAMETER = /([?&;#])([^=?&;#\s'"`<>]+)=([^?&;#\s'"`<>]*)/g;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

function redactParameters(text: string): string {
  return text.replace(PARAMETER, (pair: string, separator: string, name: string) =>
    isSecretQueryParameter(decodedName(name)) ? `${separator}${name}=${REDACTED_IN_URL}` : pair,
  );
}

/** The URL with any `user:password@` and the values of secret parameters replaced by the marker. */
export function redactUrl(url: string): string {
  return redactParameters(url.replace(USERINFO, `$1${REDACTED_IN_URL}@`));
}

/** A text with the userinfo and secret parameters of every URL in it replaced by the marker. */
export function redactUrlsInText(text: string): string {
  return redactParameters(text.replace(USERINFO_IN_TEXT, `$1${REDACTED_IN_URL}@`));
}
