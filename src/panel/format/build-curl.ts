import type { Exchange, HeaderList, HttpRequest } from '../../engine/exchange';
import { withoutCredentials } from '../../engine/origin';
import { corsUnsafeRequestHeaderNames } from '../../engine/unsafe-request-headers';
import { isSecretHeaderName } from '../../report/index';

/** Headers curl computes itself; copying them would make the command lie about the body or host. */
const CURL_OWNED_HEADERS = new Set(['host', 'content-length', 'connection']);

/**
 * Quotes one shell word so that bash and zsh read it back byte for byte and run nothing. Plain
 * text goes in single quotes (`'` written as `'\''`); text with control characters uses ANSI-C
 * quoting with every control escaped, so a header value cannot smuggle a newline, an escape
 * sequence or a second command into the user's terminal.
 */
export function shellQuote(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(value)) return `'${value.replaceAll("'", "'\\''")}'`;
  let out = '';
  for (const char of value) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === "'") out += `\\${char}`;
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `$'${out}'`;
}

export interface CurlCommand {
  command: string;
  /** Secret header names (as sent) and `URL credentials` that were left out. */
  omitted: string[];
}

export interface CurlOptions {
  includeSecrets: boolean;
}

function headerArgs(headers: HeaderList, options: CurlOptions, omitted: string[]): string[] {
  const args: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (CURL_OWNED_HEADERS.has(lower)) continue;
    if (lower === 'accept-encoding') {
      args.push('--compressed');
      continue;
    }
    // The headers an export redacts: left out of a copied command unless the user asks for them.
    if (isSecretHeaderName(name) && !options.includeSecrets) {
      omitted.push(name);
      continue;
    }
    args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  return args;
}

/** `curl -i …` reproducing one request: method, URL and headers (the body is not captured). */
export function buildCurl(request: HttpRequest, options: CurlOptions): CurlCommand {
  const omitted: string[] = [];
  let url = request.url;
  if (!options.includeSecrets && withoutCredentials(url) !== url) {
    url = withoutCredentials(url);
    omitted.push('URL credentials');
  }
  // A URL from an imported file could start with `-`: `--url` keeps curl from reading it as an option.
  let head = `curl -i ${url.startsWith('-') ? `--url ${shellQuote(url)}` : shellQuote(url)}`;
  // `-X HEAD` would make curl wait for a body that never comes.
  if (request.method === 'HEAD') head += ' --head';
  else if (request.method !== 'GET') head += ` -X ${shellQuote(request.method)}`;
  const parts = [head, ...headerArgs(request.headers, options, omitted)];
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
