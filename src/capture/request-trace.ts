import type { HeaderList, HttpResponse, RedirectHop, ResourceType } from '../engine';
import { getHeader, methodAfterRedirect } from '../engine';
import type { CaptureEvent } from '../model/capture-event';
import type { RequestId, TabId } from '../model/ids';

/** Everything seen so far of one webRequest request id, hop by hop. */
export interface RequestTrace {
  requestId: RequestId;
  tabId: TabId;
  /** The first URL requested (before any redirect). */
  url: string;
  method: string;
  initiator: string | null;
  resourceType: ResourceType;
  startedAt: number;
  lastEventAt: number;
  /** The URL, method and headers of the hop in flight; headers stay null until send-headers. */
  currentUrl: string;
  currentMethod: string;
  currentHeaders: HeaderList | null;
  /** Headers of the first hop, kept apart because later hops may change them (Origin: null). */
  firstHeaders: HeaderList | null;
  /**
   * The first hop's Access-Control-Request-Method and Origin, read once when its headers are
   * sent: pairing looks them up on every candidate.
   */
  askedMethod: string | null;
  origin: string | null;
  /** The response to the hop in flight, from headers-received. */
  pendingResponse: HttpResponse | null;
  redirects: RedirectHop[];
  /** Set once the request ended: completed or failed. */
  end: { kind: 'completed'; statusCode: number; provesDelivery: boolean } | { kind: 'error'; error: string } | null;
}

function statusText(statusLine: string): string {
  // "HTTP/1.1 404 Not Found" → "Not Found".
  const match = /^\S+\s+\d{3}\s*(.*)$/.exec(statusLine);
  return match?.[1] ?? '';
}

export function newTrace(event: CaptureEvent): RequestTrace {
  return {
    requestId: event.requestId,
    tabId: event.tabId,
    url: event.url,
    method: event.method,
    initiator: event.kind === 'send-headers' || event.kind === 'error' ? event.initiator : null,
    resourceType: event.kind === 'send-headers' || event.kind === 'error' ? event.resourceType : 'other',
    startedAt: event.timeStamp,
    lastEventAt: event.timeStamp,
    currentUrl: event.url,
    currentMethod: event.method,
    currentHeaders: null,
    firstHeaders: null,
    askedMethod: null,
    origin: null,
    pendingResponse: null,
    redirects: [],
    end: null,
  };
}

/**
 * Folds one event into its trace. Events may arrive twice or late; an event for a finished
 * trace or a hop already recorded changes nothing.
 */
export function applyEvent(trace: RequestTrace, event: CaptureEvent): void {
  if (trace.end !== null) return;
  trace.lastEventAt = Math.max(trace.lastEventAt, event.timeStamp);
  trace.startedAt = Math.min(trace.startedAt, event.timeStamp);
  switch (event.kind) {
    case 'send-headers':
      trace.initiator ??= event.initiator;
      trace.resourceType = event.resourceType;
      trace.currentHeaders = event.requestHeaders;
      if (trace.redirects.length === 0) {
        trace.firstHeaders = event.requestHeaders;
        trace.askedMethod = getHeader(event.requestHeaders, 'access-control-request-method');
        trace.origin = getHeader(event.requestHeaders, 'origin');
      }
      return;
    case 'headers-received':
      trace.pendingResponse = {
        status: event.statusCode,
        statusText: statusText(event.statusLine),
        headers: event.responseHeaders,
      };
      return;
    case 'redirect':
      applyRedirect(trace, event);
      return;
    case 'completed':
      // Without headers-received the response headers are unknown; an empty list would read as
      // "the server sent no CORS headers", a verdict the capture cannot back.
      trace.end = { kind: 'completed', statusCode: event.statusCode, provesDelivery: event.provesDelivery !== false };
      return;
    case 'error':
      trace.end = { kind: 'error', error: event.error };
      return;
  }
}

function applyRedirect(trace: RequestTrace, event: Extract<CaptureEvent, { kind: 'redirect' }>): void {
  const last = trace.redirects.at(-1);
  // A duplicated redirect event names the hop we already moved past.
  if (last !== undefined && event.url !== trace.currentUrl) return;
  trace.redirects.push({
    request: { url: trace.currentUrl, method: trace.currentMethod, headers: trace.currentHeaders ?? [] },
    response: {
      status: event.statusCode,
      statusText: statusText(event.statusLine),
      headers: event.responseHeaders.length > 0 ? event.responseHeaders : (trace.pendingResponse?.headers ?? []),
    },
  });
  trace.currentUrl = event.redirectUrl;
  trace.currentMethod = methodAfterRedirect(event.statusCode, trace.currentMethod);
  trace.currentHeaders = null;
  trace.pendingResponse = null;
}

/** A CORS preflight: an OPTIONS request carrying Access-Control-Request-Method. */
export function isPreflightTrace(trace: RequestTrace): boolean {
  return trace.method === 'OPTIONS' && trace.askedMethod !== null;
}
