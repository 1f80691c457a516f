/**
 * Redaction of a HAR before it leaves the machine. A CORS verdict needs headers, URLs and
 * statuses, never a body: so bodies, initiator stacks, page titles, WebSocket messages and comments
 * are dropped, and secret header values (SECRET_NAMES), cookie values, URL userinfo and secret
 * query parameters become a marker. Names and presence stay, so a redacted export still shows
 * that credentials were sent and reads back to the same verdict.
 */
import { isRecord, type JsonRecord } from '../model/is-record';
import { REDACTED_IN_URL, redactUrl, redactUrlsInText } from './redact-url';
import { isSecretHeaderName, isSecretQueryParameter, SECRET_NAMES } from './secret-names';

export const REDACTED = '[redacted by CORS Lens]';
/** Left in `response.content.comment` where a body was dropped. */
export const BODY_DROPPED = '[body dropped by CORS Lens]';

/** The `redaction` of the `_cors` export metadata: exactly what a redacted export did. */
export const REDACTION = {
  marker: REDACTED,
  headers: SECRET_NAMES.headers,
  headersNeverRedacted: SECRET_NAMES.corsHeaders,
  queryParameters: SECRET_NAMES.queryParameters,
  cookies: 'values in request.cookies and response.cookies',
  urls: 'userinfo, and secret query, fragment and ; parameters, in request.url, queryString, redirectURL, Location, Content-Location, Referer, _initiator.url and _cors',
  dropped: [
    'request bodies (postData)',
    'response bodies (content fields other than size, compression, mimeType)',
    'initiator stacks (_initiator fields other than type, url, lineNumber, columnNumber, requestId)',
    'page titles (log.pages[].title, replaced by the marker)',
    'WebSocket messages (_webSocketMessages)',
    'comments (every comment field)',
  ],
} as const;

const URL_HEADERS = new Set(['location', 'content-location', 'referer']);
/** What `_initiator` keeps: its kind and where it points, which pairing reads; the stack goes. */
const INITIATOR_FIELDS = ['type', 'url', 'lineNumber', 'columnNumber', 'requestId'] as const;
/** What `response.content` keeps: how large the body was and of what type. */
const CONTENT_FIELDS = ['size', 'compression', 'mimeType'] as const;
/** Deeper than any HAR 1.2 `comment` (entry.request.headers[i].comment is 3); bounds hostile nesting. */
const MAX_COMMENT_DEPTH = 8;

/** A copy of `value` without `comment` fields (HAR 1.2 allows free text on almost any object). */
function withoutComments(value: unknown, depth = 0): unknown {
  if (depth > MAX_COMMENT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutComments(item, depth + 1));
  if (!isRecord(value)) return value;
  const copy: JsonRecord = {};
  for (const [key, field] of Object.entries(value))
    if (key !== 'comment') copy[key] = withoutComments(field, depth + 1);
  return copy;
}

/**
 * Every string inside `value` (an object CORS Lens wrote, such as `_cors`) with URL secrets
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

function picked(record: JsonRecord, keys: readonly string[]): JsonRecord {
  const copy: JsonRecord = {};
  for (const key of keys) if (record[key] !== undefined) copy[key] = record[key];
  return copy;
}

function redactHeaders(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((header: unknown) => {
    if (!isRecord(header) || typeof header.name !== 'string') return header;
    if (isSecretHeaderName(header.name)) return { ...header, value: REDACTED };
    if (URL_HEADERS.has(header.name.toLowerCase()) && typeof header.value === 'string')
      return { ...header, value: redactUrl(header.value) };
    return header;
  });
}

function redactCookies(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((cookie: unknown) => (isRecord(cookie) ? { ...cookie, value: REDACTED } : cookie));
}

/** `queryString` as the redacted URL shows it: the same marker, so the two still agree. */
function redactQueryString(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((parameter: unknown) =>
    isRecord(parameter) && typeof parameter.name === 'string' && isSecretQueryParameter(parameter.name)
      ? { ...parameter, value: REDACTED_IN_URL }
      : parameter,
  );
}

function redactContent(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const kept = picked(value, CONTENT_FIELDS);
  const dropped = Object.keys(value).some((key) => !(key in kept) && key !== 'comment');
  return dropped ? { ...kept, comment: BODY_DROPPED } : kept;
}

function redactMessage(message: unknown, urlKey: 'url' | 'redirectURL'): unknown {
  if (!isRecord(message)) return message;
  const copy: JsonRecord = { ...message };
  if (message.headers !== undefined) copy.headers = redactHeaders(message.headers);
  if (message.cookies !== undefined) copy.cookies = redactCookies(message.cookies);
  if (message.queryString !== undefined) copy.queryString = redactQueryString(message.queryString);
  if (message.content !== undefined) copy.content = redactContent(message.content);
  delete copy.postData;
  const url = message[urlKey];
  if (typeof url === 'string') copy[urlKey] = redactUrl(url);
  return copy;
}

function redactInitiator(initiator: JsonRecord): JsonRecord {
  const kept = picked(initiator, INITIATOR_FIELDS);
  if (typeof kept.url === 'string') kept.url = redactUrl(kept.url);
  return kept;
}

/** A copy of a raw HAR entry with its secrets replaced; anything not an object is returned as is. */
export function redactEntry(raw: unknown): unknown {
  const entry = withoutComments(raw);
  if (!isRecord(entry)) return entry;
  const copy: JsonRecord = { ...entry };
  if (entry.request !== undefined) copy.request = redactMessage(entry.request, 'url');
  if (entry.response !== undefined) copy.response = redactMessage(entry.response, 'redirectURL');
  // Chrome writes `_initiator` as an object (CDP `Network.Initiator`) or null; anything else is not a HAR's.
  if (isRecord(entry._initiator)) copy._initiator = redactInitiator(entry._initiator);
  else if (entry._initiator !== null) delete copy._initiator;
  delete copy._webSocketMessages;
  // What CORS Lens itself wrote quotes headers and URLs of the exchange (a Location's userinfo, an OAuth code).
  if (entry._cors !== undefined) copy._cors = redactStrings(entry._cors);
  return copy;
}

function redactPage(page: unknown): unknown {
  return isRecord(page) && page.title !== undefined ? { ...page, title: REDACTED } : page;
}

/**
 * One field of `log` other than `entries`, as a redacted export writes it; undefined when it is
 * dropped (`log.comment`). Page titles name what the user was looking at.
 */
export function redactLogField(name: string, value: unknown): unknown {
  if (name === 'comment') return undefined;
  const kept = withoutComments(value);
  return name === 'pages' && Array.isArray(kept) ? kept.map(redactPage) : kept;
}
