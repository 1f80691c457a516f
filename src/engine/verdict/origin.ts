/**
 * Just enough of the URL standard to find a URL's origin and userinfo without the `URL` global
 * (the engine compiles with `lib: ES2022` only). Tolerant: garbage yields null, never a throw.
 * Not implemented (documented limits): IDNA/punycode, percent-decoding of hosts, IPv4 number
 * normalisation (`http://0x7f.1/`), IPv6 compression — hosts compare as lowercased text.
 */
import { asciiLowercase } from './ascii';

export interface ParsedUrl {
  /** Lowercase, without the colon. */
  scheme: string;
  username: string;
  password: string;
  /** Lowercase host, `[…]` kept for IPv6; '' for schemes without a host. */
  host: string;
  /** '' when absent or the scheme's default port. */
  port: string;
  /** http, https, ws, wss, ftp, file. */
  special: boolean;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
/** Forbidden host code points, minus `[`/`]` which only IPv6 literals use. */
const FORBIDDEN_HOST = /[\t\n\r #/:<>?@\\^|%]/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const TAB_OR_NEWLINE_TEST = /[\t\n\r]/;

/** Strips leading and trailing C0 controls and spaces. */
function trimControlOrSpace(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start++;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
  return input.slice(start, end);
}

function parsePort(text: string, scheme: string): string | null {
  if (text === '') return '';
  if (!/^[0-9]+$/.test(text)) return null;
  const port = Number(text);
  if (port > 65535) return null;
  const canonical = String(port);
  return DEFAULT_PORTS[scheme] === canonical ? '' : canonical;
}

function parseAuthority(authority: string, scheme: string): Omit<ParsedUrl, 'scheme' | 'special'> | null {
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : '';
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const colon = userinfo.indexOf(':');
  const username = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
  const password = colon >= 0 ? userinfo.slice(colon + 1) : '';
  let host: string;
  let portText = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return null;
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return null;
    portText = after.slice(1);
    if (!/^\[[0-9a-fA-F:.]+\]$/.test(host)) return null;
  } else {
    const portColon = hostPort.indexOf(':');
    host = portColon >= 0 ? hostPort.slice(0, portColon) : hostPort;
    portText = portColon >= 0 ? hostPort.slice(portColon + 1) : '';
    if (FORBIDDEN_HOST.test(host) || host.includes('[') || host.includes(']') || host.includes('\u0000')) return null;
  }
  if (host === '') return null;
  const port = parsePort(portText, scheme);
  if (port === null) return null;
  return { username, password, host: asciiLowercase(host), port };
}

/**
 * A bounded memo of parsed URLs and their origins: an exchange names the same few URLs many
 * times, and parsing is most of the engine's cost. It only caches a pure function's results, so
 * verdicts never depend on it.
 */
export interface MemoEntry {
  url: Readonly<ParsedUrl> | null;
  origin: string;
}
const memo = new Map<string, MemoEntry>();
const MEMO_LIMIT = 256;

function lookup(input: string): MemoEntry {
  const known = memo.get(input);
  if (known !== undefined) return known;
  const entry = parseUrlAndOrigin(input);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(input, entry);
  return entry;
}

/**
 * Parses once, bypassing the memo, for a URL seen once per exchange (the request URL).
 * @see https://url.spec.whatwg.org/#concept-url-origin
 */
export function parseUrlAndOrigin(input: string): MemoEntry {
  const url = parseUrlUncached(input);
  return { url: url === null ? null : Object.freeze(url), origin: url === null ? 'null' : originOfParsed(url, input) };
}

/**
 * Parses an absolute URL into the parts an origin needs, or null when it is not one.
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 */
export function parseUrl(input: string): Readonly<ParsedUrl> | null {
  return lookup(input).url;
}

function parseUrlUncached(input: string): ParsedUrl | null {
  const trimmed = trimControlOrSpace(input);
  const text = TAB_OR_NEWLINE_TEST.test(trimmed) ? trimmed.replace(TAB_OR_NEWLINE, '') : trimmed;
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const rawScheme = text.slice(0, colon);
  if (!SCHEME.test(rawScheme)) return null;
  const scheme = asciiLowercase(rawScheme);
  const rest = text.slice(colon + 1);
  if (!SPECIAL_SCHEMES.has(scheme)) return { scheme, username: '', password: '', host: '', port: '', special: false };
  let start = 0;
  while (rest[start] === '/' || rest[start] === '\\') start++;
  let end = start;
  while (end < rest.length && !'/\\?#'.includes(rest[end] ?? '')) end++;
  if (scheme === 'file') {
    return {
      scheme,
      username: '',
      password: '',
      host: asciiLowercase(rest.slice(start, end)),
      port: '',
      special: true,
    };
  }
  const authority = parseAuthority(rest.slice(start, end), scheme);
  return authority === null ? null : { scheme, special: true, ...authority };
}

/**
 * Serializes the origin of a parsed URL: `scheme://host[:port]`, or `null` for opaque origins.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 */
export function serializeOrigin(url: ParsedUrl): string {
  if (!url.special || url.scheme === 'file') return 'null';
  return url.port === '' ? `${url.scheme}://${url.host}` : `${url.scheme}://${url.host}:${url.port}`;
}

function originOfParsed(url: ParsedUrl, input: string): string {
  if (url.scheme !== 'blob') return serializeOrigin(url);
  const inner = parseUrlUncached(input.slice(input.indexOf(':') + 1));
  return inner !== null && (inner.scheme === 'http' || inner.scheme === 'https') ? serializeOrigin(inner) : 'null';
}

/**
 * The serialized origin of a URL or origin string; `null` when opaque or unparsable.
 * A `blob:` URL has the origin of the URL inside it.
 * @see https://url.spec.whatwg.org/#concept-url-origin
 */
export function originOf(urlOrOrigin: string): string {
  return lookup(urlOrOrigin).origin;
}

/**
 * Same origin: both tuple origins and equal. An opaque origin is same origin with nothing here,
 * because two captured `null`s cannot be shown to be the same opaque origin.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#same-origin
 */
export function isSameOrigin(a: string, b: string): boolean {
  const originA = originOf(a);
  return originA !== 'null' && originA === originOf(b);
}

/**
 * True for an HTTP(S) scheme.
 * @see https://fetch.spec.whatwg.org/#http-scheme
 */
export function isHttpScheme(url: ParsedUrl): boolean {
  return url.scheme === 'http' || url.scheme === 'https';
}

/**
 * The URL with its userinfo removed, for telling a server what Location to send instead.
 * @see https://url.spec.whatwg.org/#include-credentials
 */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:[/\\]*)[^/\\?#]*@/, '$1');
}

/**
 * Resolves a `Location` value against the URL it answered; null when it cannot be resolved.
 * Only what the origin needs: absolute, scheme-relative, and path-relative references (a
 * path-relative one lands at the root); `locationUrl` gives the whole URL.
 * @see https://fetch.spec.whatwg.org/#concept-response-location-url
 */
export function resolveLocation(location: string, base: string): string | null {
  const trimmed = location.trim();
  if (parseUrl(trimmed) !== null) return trimmed;
  const baseUrl = parseUrl(base);
  if (baseUrl === null || !baseUrl.special || baseUrl.scheme === 'file') return null;
  if (trimmed.startsWith('//') || trimmed.startsWith('\\\\')) return `${baseUrl.scheme}:${trimmed}`;
  return `${serializeOrigin(baseUrl)}${trimmed.startsWith('/') ? '' : '/'}${trimmed}`;
}

/** A hierarchical URL's path up to its last `/`: what a path-relative reference replaces the rest of. */
const BASE_DIRECTORY = /^[a-zA-Z][a-zA-Z0-9+.-]*:[/\\]{2}[^/\\?#]*([^?#]*\/)/;

/**
 * The whole URL a redirect's `Location` leads to, for showing it: as `resolveLocation`, but a
 * path-relative reference resolves against the base's directory (dot segments kept as written).
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 */
export function locationUrl(location: string, base: string): string | null {
  const trimmed = location.trim();
  const directory = BASE_DIRECTORY.exec(base)?.[1];
  const pathRelative = trimmed !== '' && !/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\])/.test(trimmed);
  return resolveLocation(pathRelative && directory !== undefined ? `${directory}${trimmed}` : trimmed, base);
}
