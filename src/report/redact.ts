/**
 * Redaction of secrets in a HAR entry before it leaves the machine: credential headers, cookie
 * arrays and URL userinfo become a marker. The marker keeps each header's name and presence, so
 * a redacted export still shows that credentials were sent and reads back to the same verdict.
 */
import { isRecord, type JsonRecord } from './har-guards';

export const REDACTED = '[redacted by CORS Lens]';
/** Stands in for URL userinfo; a plain word so the URL stays parsable and still "has credentials". */
export const REDACTED_USERINFO = 'redacted';

const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);
const URL_HEADERS = new Set(['location', 'content-location', 'referer']);
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

/** The URL with any `user:password@` replaced by the marker. */
export function redactUrl(url: string): string {
  return url.replace(USERINFO, `$1${REDACTED_USERINFO}@`);
}

/** A text with the userinfo of every URL in it replaced by the marker. */
export function redactUrlsInText(text: string): string {
  return text.replace(USERINFO_IN_TEXT, `$1${REDACTED_USERINFO}@`);
}

/**
 * Every string inside `value` (an object CORS Lens wrote, such as `_cors`) with URL userinfo
 * redacted. Recursive, which is safe only because readers refuse input nested deeper than
 * MAX_HAR_NESTING (json-nesting.ts): an entry the reader skipped keeps its own `_cors` here.
 */
function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactUrlsInText(value);
  if (Array.isArray(value)) return value.map(redactStrings);
  if (!isRecord(value)) return value;
  const copy: JsonRecord = {};
  for (const [key, field] of Object.entries(value)) copy[key] = redactStrings(field);
  return copy;
}

function redactHeaders(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((header: unknown) => {
    if (!isRecord(header) || typeof header.name !== 'string') return header;
    const name = header.name.toLowerCase();
    if (SECRET_HEADERS.has(name)) return { ...header, value: REDACTED };
    if (URL_HEADERS.has(name) && typeof header.value === 'string') return { ...header, value: redactUrl(header.value) };
    return header;
  });
}

function redactCookies(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((cookie: unknown) => (isRecord(cookie) ? { ...cookie, value: REDACTED } : cookie));
}

function redactMessage(message: unknown, urlKey: 'url' | 'redirectURL'): unknown {
  if (!isRecord(message)) return message;
  const copy: JsonRecord = {
    ...message,
    headers: redactHeaders(message.headers),
    cookies: redactCookies(message.cookies),
  };
  if (message.headers === undefined) delete copy.headers;
  if (message.cookies === undefined) delete copy.cookies;
  const url = message[urlKey];
  if (typeof url === 'string') copy[urlKey] = redactUrl(url);
  return copy;
}

/** A copy of a raw HAR entry with its secrets replaced; anything not an object is returned as is. */
export function redactEntry(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const copy: JsonRecord = {
    ...entry,
    request: redactMessage(entry.request, 'url'),
    response: redactMessage(entry.response, 'redirectURL'),
  };
  if (entry.request === undefined) delete copy.request;
  if (entry.response === undefined) delete copy.response;
  const initiator = entry._initiator;
  if (isRecord(initiator) && typeof initiator.url === 'string')
    copy._initiator = { ...initiator, url: redactUrl(initiator.url) };
  // What CORS Lens itself wrote quotes headers and URLs of the exchange (a Location's userinfo).
  if (entry._cors !== undefined) copy._cors = redactStrings(entry._cors);
  return copy;
}
