import type { Exchange, HeaderList, HttpRequest } from '../../engine';
import { corsUnsafeRequestHeaderNames, isUnsafeCodePoint, withoutCredentials } from '../../engine';
import { isSecretHeaderName } from '../../report/index';

/** Headers curl computes itself; copying them would make the command lie about the body or host. */
const CURL_OWNED_HEADERS = new Set(['host', 'content-length', 'connection']);
/** What the browser says about itself: no CORS decision depends on it, so it is left out as noise. */
function isBrowserNoise(lowerName: string): boolean {
  return lowerName === 'user-agent' || lowerName.startsWith('sec-ch-');
}

/** Characters no shell can pass in an argument (NUL) or keep through command substitution (line feed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these two control characters is the point.
const UNPASSABLE = /[\u0000\n]/;

/** `printf` octal escapes of a character's UTF-8 bytes: a format every shell's `printf` reads alike. */
function octalBytes(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += `\\${byte.toString(8).padStart(3, '0')}`;
  return out;
}

/**
 * Quotes one shell word so that bash, zsh, fish and POSIX sh all read it back as the same bytes
 * and run nothing — a hostile page chooses its own header values, so copying its request is the
 * attack. Runs of ordinary characters go in single quotes. `'` and `\` go outside them as `\'` and
 * `\\`, because fish still reads those two escapes inside single quotes. Control, C1 and bidi
 * characters (which would drive the terminal or reorder what the user reads) become
 * `"$(printf '\ooo')"`: `$'…'` is bash and zsh only, while command substitution and printf's
 * octal escapes are POSIX and in fish since 3.4. NUL and line feed cannot survive that; no browser
 * sends them in a URL or header, and `buildCurl` says when an imported value lost them.
 */
export function shellQuote(value: string): string {
  let out = '';
  let quoted = '';
  let control = '';
  const flush = () => {
    if (quoted !== '') out += `'${quoted}'`;
    if (control !== '') out += `"$(printf '${octalBytes(control)}')"`;
    quoted = '';
    control = '';
  };
  for (const char of value) {
    if (char === "'" || char === '\\') {
      flush();
      out += `\\${char}`;
    } else if (UNPASSABLE.test(char)) {
      // Dropped without closing the quotes: `'a''b'` reads as `a'b` in zsh with RC_QUOTES set.
    } else if (isUnsafeCodePoint(char.codePointAt(0) ?? 0)) {
      if (quoted !== '') flush();
      control += char;
    } else {
      if (control !== '') flush();
      quoted += char;
    }
  }
  flush();
  return out === '' ? "''" : out;
}

export interface CurlCommand {
  command: string;
  /** Secret header names (as sent), `URL credentials` and characters no shell can pass, when left out. */
  omitted: string[];
}

export interface CurlOptions {
  includeSecrets: boolean;
}

function headerArgs(
  headers: HeaderList,
  options: CurlOptions,
  omitted: string[],
  quote: (word: string) => string,
): string[] {
  const args: string[] = [];
  let compressed = false;
  let noise = false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (CURL_OWNED_HEADERS.has(lower)) continue;
    if (lower === 'accept-encoding') {
      compressed = true;
      continue;
    }
    if (isBrowserNoise(lower)) {
      noise = true;
      continue;
    }
    // The headers an export redacts: left out of a copied command unless the user asks for them.
    if (isSecretHeaderName(name) && !options.includeSecrets) {
      omitted.push(name);
      continue;
    }
    args.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (noise) omitted.push('User-Agent and sec-ch-* hints');
  // An option of curl's own, after the request's headers rather than among them.
  if (compressed) args.push('--compressed');
  return args;
}

/** `curl -i …` reproducing one request: method, URL and headers (the body is not captured). */
export function buildCurl(request: HttpRequest, options: CurlOptions): CurlCommand {
  const omitted: string[] = [];
  let lostCharacters = false;
  const quote = (word: string) => {
    lostCharacters ||= UNPASSABLE.test(word);
    return shellQuote(word);
  };
  let url = request.url;
  if (!options.includeSecrets && withoutCredentials(url) !== url) {
    url = withoutCredentials(url);
    omitted.push('URL credentials');
  }
  // A URL from an imported file could start with `-`: `--url` keeps curl from reading it as an option.
  let head = `curl -i ${url.startsWith('-') ? `--url ${quote(url)}` : quote(url)}`;
  // `-X HEAD` would make curl wait for a body that never comes.
  if (request.method === 'HEAD') head += ' --head';
  else if (request.method !== 'GET') head += ` -X ${quote(request.method)}`;
  const parts = [head, ...headerArgs(request.headers, options, omitted, quote)];
  if (lostCharacters) omitted.push('NUL and line-feed characters, which no shell can pass');
  return { command: parts.join(' \\\n  '), omitted };
}

/**
 * The preflight to reproduce: the one observed, or the OPTIONS request the browser would send for
 * this request when none was seen (a cached preflight result); null when no preflight applies.
 */
export function preflightRequest(exchange: Exchange): HttpRequest | null {
  const { preflight, request } = exchange;
  if (preflight.kind === 'observed') return preflight.request;
  if (preflight.kind === 'none') return null;
  const headers: [string, string][] = [];
  if (exchange.initiatorOrigin !== null) headers.push(['Origin', exchange.initiatorOrigin]);
  headers.push(['Access-Control-Request-Method', request.method]);
  const unsafe = corsUnsafeRequestHeaderNames(request.headers);
  if (unsafe.length > 0) headers.push(['Access-Control-Request-Headers', unsafe.join(',')]);
  return { url: request.url, method: 'OPTIONS', headers };
}
