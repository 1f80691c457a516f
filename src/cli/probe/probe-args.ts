/**
 * The request `cors-lens probe` makes, checked the way fetch() checks it before anything is sent
 * (fetch throws a TypeError for a method or header it would never send; so does the probe, with
 * exit code 2), plus the one thing a page cannot set but a probe must: the cookie.
 */
import { isForbiddenMethod, isForbiddenRequestHeader, isToken, trimHttpWhitespace } from '../../engine';
import { InputError } from '../input-error';
import type { PageRequest } from './request-headers';

/** The page's origin: `--origin` takes an origin or any URL of the page (its origin is used), or `null`. */
export function pageOrigin(value: string): string {
  if (value === 'null') return 'null';
  // The URL parser serialises the origin as the browser does (lowercase host, default port left out).
  const origin = URL.canParse(value) ? new URL(value).origin : 'null';
  if (!/^https?:/.test(origin))
    throw new InputError(`--origin '${value}' is not an http(s) origin such as http://localhost:3000`);
  return origin;
}

export function targetUrl(value: string): string {
  if (!URL.canParse(value)) throw new InputError(`'${value}' is not a URL`);
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(`'${value}' is not an http(s) URL: the probe speaks HTTP/1.1 and HTTPS`);
  return url.href;
}

export function requestMethod(value: string): string {
  if (!isToken(value)) throw new InputError(`--method '${value}' is not a valid HTTP method`);
  if (isForbiddenMethod(value))
    throw new InputError(`--method ${value}: browsers refuse to send it (a forbidden method)`);
  return value;
}

/** A header value fetch() accepts: bytes (no code point above U+00FF) without NUL, CR or LF. */
function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff || code === 0 || code === 0x0a || code === 0x0d) return false;
  }
  return true;
}

/**
 * One `--header 'Name: value'`; its value is trimmed as fetch() normalises it.
 * @see https://fetch.spec.whatwg.org/#concept-header-value-normalize
 */
export function requestHeader(text: string, credentials: boolean): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new InputError(`--header '${text}' is not 'Name: value'`);
  const name = text.slice(0, colon).trim();
  const value = trimHttpWhitespace(text.slice(colon + 1));
  if (!isToken(name)) throw new InputError(`--header '${text}': '${name}' is not a valid header name`);
  if (!isHeaderValue(value))
    throw new InputError(
      `--header ${name}: the value holds a byte a browser refuses to send (NUL, CR, LF or beyond U+00FF)`,
    );
  if (name.toLowerCase() === 'cookie') {
    if (!credentials) throw new InputError('--header Cookie needs --credentials: a browser sends cookies only then');
  } else if (isForbiddenRequestHeader(name, value)) {
    throw new InputError(`--header ${name}: the browser sets this header itself; a page cannot (a forbidden header)`);
  }
  return [name, value];
}

export interface PageRequestArgs {
  url: string;
  origin: string | undefined;
  method: string | undefined;
  headers: readonly string[];
  credentials: boolean;
}

export function pageRequest(args: PageRequestArgs): PageRequest {
  if (args.origin === undefined)
    throw new InputError('missing --origin: the origin of the page that makes the request, e.g. http://localhost:3000');
  return {
    url: targetUrl(args.url),
    origin: pageOrigin(args.origin),
    method: requestMethod(args.method ?? 'GET'),
    headers: args.headers.map((header) => requestHeader(header, args.credentials)),
    credentials: args.credentials,
  };
}
