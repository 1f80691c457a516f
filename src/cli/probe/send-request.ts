/**
 * One HTTP/1.1 request on the wire for `cors-lens probe`: the request goes out as given, the
 * response's status and header lines come back in wire order, and the body is never read (CORS is
 * decided by headers alone, so an endless or huge body costs nothing). Every failure becomes the
 * name Chromium's network stack gives it (net/base/net_error_list.h), so the engine judges it as
 * the browser would.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HeaderList, HttpRequest, HttpResponse } from '../../engine';

export interface SendOptions {
  /** Accept any TLS certificate (`--insecure`). */
  insecure: boolean;
  timeoutMs: number;
}

export type SendResult =
  | { kind: 'response'; response: HttpResponse }
  /** `error` is Chromium's name for the failure, `detail` Node's own words. */
  | { kind: 'error'; error: string; detail: string };

/** Chromium's limit on a response's header block (net::HttpStreamParser, kMaxHeaderBufSize). */
export const MAX_HEADER_BYTES = 256 * 1024;

/** Node's error codes → the `net::` names Chromium reports for the same failure. */
const NET_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
  EHOSTUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'net::ERR_ADDRESS_UNREACHABLE',
  EADDRNOTAVAIL: 'net::ERR_ADDRESS_INVALID',
  HPE_HEADER_OVERFLOW: 'net::ERR_RESPONSE_HEADERS_TOO_BIG',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'net::ERR_CERT_AUTHORITY_INVALID',
  SELF_SIGNED_CERT_IN_CHAIN: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'net::ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'net::ERR_CERT_AUTHORITY_INVALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'net::ERR_CERT_COMMON_NAME_INVALID',
  CERT_HAS_EXPIRED: 'net::ERR_CERT_DATE_INVALID',
  CERT_NOT_YET_VALID: 'net::ERR_CERT_DATE_INVALID',
  EPROTO: 'net::ERR_SSL_PROTOCOL_ERROR',
};

/** The `net::` name for a Node error; a connection closed before any response is Chromium's "empty response". */
export function netErrorName(error: NodeJS.ErrnoException): string {
  if (error.code === 'ECONNRESET' && error.message === 'socket hang up') return 'net::ERR_EMPTY_RESPONSE';
  const code = error.code ?? '';
  if (Object.hasOwn(NET_ERRORS, code)) return NET_ERRORS[code] as string;
  if (code.startsWith('HPE_')) return 'net::ERR_INVALID_HTTP_RESPONSE';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'net::ERR_SSL_PROTOCOL_ERROR';
  return 'net::ERR_CONNECTION_FAILED';
}

/** Header lines as Node's request options take them: a repeated name goes out as several lines. */
function outgoingHeaders(headers: HeaderList): Record<string, string | string[]> {
  const byName = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const seen = byName.get(lower);
    if (seen === undefined) byName.set(lower, { name, values: [value] });
    else seen.values.push(value);
  }
  return Object.fromEntries(
    [...byName.values()].map(({ name, values }) => [name, values.length === 1 ? (values[0] as string) : values]),
  );
}

function responseOf(message: IncomingMessage): HttpResponse {
  const headers: [string, string][] = [];
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
  return { status: message.statusCode ?? 0, statusText: message.statusMessage ?? '', headers };
}

/** Sends `request` (no body) and settles with its response's head or the network error. */
export function sendRequest(request: HttpRequest, options: SendOptions): Promise<SendResult> {
  return new Promise((settle) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      settle({ kind: 'error', error: 'net::ERR_INVALID_URL', detail: 'the URL cannot be parsed' });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, {
      method: request.method,
      headers: outgoingHeaders(request.headers),
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES,
      // Chromium's header parser (net/http/http_util.cc) takes control bytes in a value that
      // llhttp's strict mode refuses: be as lenient, so the engine sees what the browser would.
      insecureHTTPParser: true,
      rejectUnauthorized: !options.insecure,
      timeout: options.timeoutMs,
    });
    outgoing.on('response', (message) => {
      settle({ kind: 'response', response: responseOf(message) });
      // Only the head matters: drop the connection rather than read a body of any size.
      message.destroy();
      outgoing.destroy();
    });
    outgoing.on('timeout', () => {
      settle({ kind: 'error', error: 'net::ERR_TIMED_OUT', detail: `no answer within ${options.timeoutMs} ms` });
      outgoing.destroy();
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      settle({ kind: 'error', error: netErrorName(error), detail: error.message });
    });
    outgoing.end();
  });
}
