import type { HeaderList, ResourceType } from '../engine';

// Re-exported so the platform adapters speak model types only (ARCHITECTURE.md, Module boundaries).
export type { HeaderList, ResourceType };

import type { RequestId, TabId } from './ids';

/** Fields every normalised webRequest event carries. */
interface EventBase {
  requestId: RequestId;
  /** Negative when the request belongs to no tab (service workers, extensions, the browser). */
  tabId: TabId;
  url: string;
  method: string;
  /** Milliseconds since the epoch, from the browser's event (not our clock). */
  timeStamp: number;
}

/**
 * One webRequest event after the platform adapter normalised it. Only the events the capture
 * needs are listened to (each listener type costs the page time): no onBeforeRequest, because a
 * request that never reaches the wire still gets onErrorOccurred with the same details.
 *
 * Normalised (header names as sent, Chrome's
 * `initiator` and Firefox's `originUrl` unified, request ids as strings). The capture module
 * correlates these into exchanges; it never sees webRequest's own shapes.
 */
export type CaptureEvent =
  | (EventBase & {
      kind: 'send-headers';
      initiator: string | null;
      resourceType: ResourceType;
      requestHeaders: HeaderList;
    })
  | (EventBase & { kind: 'headers-received'; statusCode: number; statusLine: string; responseHeaders: HeaderList })
  | (EventBase & {
      kind: 'redirect';
      statusCode: number;
      statusLine: string;
      responseHeaders: HeaderList;
      redirectUrl: string;
    })
  | (EventBase & {
      kind: 'completed';
      statusCode: number;
      fromCache: boolean;
      /**
       * False when the browser fires onCompleted whether or not CORS let the page read the
       * response: Firefox ends a blocked simple request with a small body in onCompleted 200
       * (test/firefox/firefox-truth-matrix.spec.ts sees it). The verdict then rests on the headers alone. Absent means true (Chromium
       * fails a blocked request with net::ERR_FAILED instead).
       */
      provesDelivery?: boolean;
    })
  /** A request the browser failed; for one whose preflight failed this is its only event. */
  | (EventBase & { kind: 'error'; initiator: string | null; resourceType: ResourceType; error: string });

export type CaptureEventKind = CaptureEvent['kind'];

/** The webRequest resource types the capture tells apart; every other one is 'other'. */
const CAPTURED_RESOURCE_TYPES: ReadonlySet<string> = new Set<ResourceType>([
  'xmlhttprequest',
  'image',
  'script',
  'stylesheet',
  'font',
  'media',
  'ping',
  'websocket',
  'main_frame',
  'sub_frame',
]);

export function capturedResourceType(type: string): ResourceType {
  return CAPTURED_RESOURCE_TYPES.has(type) ? (type as ResourceType) : 'other';
}
