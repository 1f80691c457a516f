import { type CaptureEvent, capturedResourceType } from '../model/capture-event';
import { decodeHeaders, encodeHeaders, parseStored } from './stored-format';

/**
 * A webRequest event as storage.session keeps it while its request is in flight: one JSON
 * string, header lists as `name:value` lines (see stored-format.ts), with `order` — when it
 * arrived in its worker life — so events with the same timestamp replay in arrival order.
 * Each event is written at most once, with the next write after it arrives (never, when its
 * request finished first): what a write costs follows the event, not everything its request
 * has gathered so far.
 */
export function encodeEvent(event: CaptureEvent, order: number): string {
  if (event.kind === 'send-headers') {
    return JSON.stringify({ ...event, requestHeaders: encodeHeaders(event.requestHeaders), order });
  }
  if (event.kind === 'headers-received' || event.kind === 'redirect') {
    return JSON.stringify({ ...event, responseHeaders: encodeHeaders(event.responseHeaders), order });
  }
  return JSON.stringify({ ...event, order });
}

type Fields = Record<string, unknown>;

function hasBase(fields: Fields): boolean {
  return (
    typeof fields.requestId === 'string' &&
    typeof fields.tabId === 'number' &&
    typeof fields.url === 'string' &&
    typeof fields.method === 'string' &&
    typeof fields.timeStamp === 'number'
  );
}

const hasInitiator = (fields: Fields) =>
  (fields.initiator === null || typeof fields.initiator === 'string') &&
  typeof fields.resourceType === 'string' &&
  capturedResourceType(fields.resourceType) === fields.resourceType;

const hasResponse = (fields: Fields) => typeof fields.statusCode === 'number' && typeof fields.statusLine === 'string';

/** The parsed fields, once `toEvent` has checked every field the event's kind needs. */
const checked = (fields: Fields) => fields as unknown as CaptureEvent;

/** Checks the fields of each kind and decodes header lists; null for anything else. */
function toEvent(fields: Fields): CaptureEvent | null {
  if (!hasBase(fields)) return null;
  switch (fields.kind) {
    case 'send-headers': {
      const requestHeaders = decodeHeaders(fields.requestHeaders);
      return requestHeaders !== null && hasInitiator(fields) ? checked({ ...fields, requestHeaders }) : null;
    }
    case 'headers-received':
    case 'redirect': {
      const responseHeaders = decodeHeaders(fields.responseHeaders);
      if (responseHeaders === null || !hasResponse(fields)) return null;
      if (fields.kind === 'redirect' && typeof fields.redirectUrl !== 'string') return null;
      return checked({ ...fields, responseHeaders });
    }
    case 'completed':
      return typeof fields.statusCode === 'number' &&
        typeof fields.fromCache === 'boolean' &&
        (fields.provesDelivery === undefined || typeof fields.provesDelivery === 'boolean')
        ? checked(fields)
        : null;
    case 'error':
      return typeof fields.error === 'string' && hasInitiator(fields) ? checked(fields) : null;
    default:
      return null;
  }
}

/**
 * Reads a stored event back with its arrival order, or null when it is not one this version
 * wrote: storage is ours, but it outlives an extension update, so nothing is trusted unchecked.
 */
export function decodeEvent(stored: unknown): { event: CaptureEvent; order: number } | null {
  const fields = parseStored(stored);
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  const { order, ...rest } = fields as Fields;
  const event = toEvent(rest);
  return event === null || typeof order !== 'number' ? null : { event, order };
}
