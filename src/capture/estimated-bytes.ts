import type { Exchange, HeaderList, HttpRequest, HttpResponse, PreflightObservation } from '../engine';
import type { CaptureEvent } from '../model/capture-event';

/**
 * Cheap estimates of what the worker's heap holds for a record or an event, for its byte budgets
 * (model/capture-limits.ts). A string costs two bytes per UTF-16 code unit plus a header; each
 * object or header pair a fixed amount. The figures are round, not measured per engine: they only
 * need to grow with what a page or server controls, which is the strings.
 */
const STRING = 16;
const OBJECT = 48;

function textBytes(value: string): number {
  return STRING + 2 * value.length;
}

function headerBytes(headers: HeaderList): number {
  let bytes = OBJECT;
  for (const [name, value] of headers) bytes += OBJECT + textBytes(name) + textBytes(value);
  return bytes;
}

function requestBytes(request: HttpRequest): number {
  return OBJECT + textBytes(request.url) + textBytes(request.method) + headerBytes(request.headers);
}

function responseBytes(response: HttpResponse | null): number {
  return response === null ? 0 : OBJECT + textBytes(response.statusText) + headerBytes(response.headers);
}

function preflightBytes(preflight: PreflightObservation | undefined): number {
  return preflight?.kind === 'observed'
    ? OBJECT + requestBytes(preflight.request) + responseBytes(preflight.response)
    : 0;
}

/** Estimated heap bytes of a record holding `exchange` (its verdict and ids are a fixed part). */
export function exchangeBytes(exchange: Exchange): number {
  let bytes = 8 * OBJECT + requestBytes(exchange.request) + responseBytes(exchange.response);
  bytes += preflightBytes(exchange.preflight);
  for (const hop of exchange.redirects) {
    bytes += OBJECT + requestBytes(hop.request) + responseBytes(hop.response) + preflightBytes(hop.nextPreflight);
  }
  return bytes;
}

/** Estimated heap bytes an event adds to its request while that is in flight. */
export function eventBytes(event: CaptureEvent): number {
  const bytes = OBJECT + textBytes(event.url) + textBytes(event.method);
  switch (event.kind) {
    case 'send-headers':
      return bytes + headerBytes(event.requestHeaders);
    case 'headers-received':
      return bytes + textBytes(event.statusLine) + headerBytes(event.responseHeaders);
    case 'redirect':
      return bytes + textBytes(event.statusLine) + headerBytes(event.responseHeaders) + textBytes(event.redirectUrl);
    case 'completed':
      return bytes;
    case 'error':
      return bytes + textBytes(event.error);
  }
}
