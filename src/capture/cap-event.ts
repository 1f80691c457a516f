import type { HeaderList } from '../engine';
import { capText, truncationMarker } from '../engine';
import type { CaptureEvent } from '../model/capture-event';
import { MAX_HEADER_CHARS, MAX_HEADER_LIST_CHARS, MAX_HEADERS, MAX_URL_CHARS } from '../model/capture-limits';

/**
 * The entry that says how many headers were left out. A `Sec-` name is a forbidden request-header
 * name (https://fetch.spec.whatwg.org/#forbidden-request-header): no page can set one, and the
 * engine never counts it among the headers a preflight must allow, so it cannot change a verdict.
 */
const LEFT_OUT_NAME = 'Sec-CORS-Lens-Left-Out';

function fits(headers: HeaderList): boolean {
  if (headers.length > MAX_HEADERS) return false;
  let chars = 0;
  for (const [name, value] of headers) {
    if (name.length > MAX_HEADER_CHARS || value.length > MAX_HEADER_CHARS) return false;
    chars += name.length + value.length;
  }
  return chars <= MAX_HEADER_LIST_CHARS;
}

/**
 * Headers a verdict reads: the CORS response headers, the request's Origin and preflight asks, a
 * redirect's Location, what decides a request header's safelisting or credentials. When a list is
 * over budget these are kept first, so a flood of other headers cannot hide the one that decides.
 */
function decidesVerdict(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return lower.startsWith('access-control-') || VERDICT_HEADERS.has(lower);
}
const VERDICT_HEADERS = new Set(['origin', 'location', 'vary', 'content-type', 'authorization', 'cookie']);

/**
 * The headers in order, each cut to MAX_HEADER_CHARS, within MAX_HEADERS and MAX_HEADER_LIST_CHARS:
 * those a verdict reads are kept first, then the others in order while they fit; one last entry
 * then says how many were left out. An ordinary list comes back as is.
 */
export function capHeaders(headers: HeaderList): HeaderList {
  if (fits(headers)) return headers;
  const cut = headers.map(
    ([name, value]) => [capText(name, MAX_HEADER_CHARS), capText(value, MAX_HEADER_CHARS)] as const,
  );
  const keep = new Array<boolean>(cut.length).fill(false);
  let kept = 0;
  let chars = 0;
  const take = (index: number, header: readonly [string, string]) => {
    const size = header[0].length + header[1].length;
    if (kept === MAX_HEADERS - 1 || chars + size > MAX_HEADER_LIST_CHARS) return;
    keep[index] = true;
    kept += 1;
    chars += size;
  };
  for (const [index, header] of cut.entries()) if (decidesVerdict(header[0])) take(index, header);
  for (const [index, header] of cut.entries()) if (!keep[index]) take(index, header);
  const result: Array<readonly [string, string]> = cut.filter((_, index) => keep[index]);
  if (kept < cut.length) result.push([LEFT_OUT_NAME, truncationMarker(`${cut.length - kept} more headers left out`)]);
  return result;
}

/**
 * The event with every URL, header and other page- or server-controlled string bounded, so a
 * 2 MB URL or a flood of 100 KB headers costs the worker, its journal and its log kilobytes.
 * Applied once, where events enter the worker, before they are journaled or correlated.
 */
export function capEvent(event: CaptureEvent): CaptureEvent {
  const common = {
    url: capText(event.url, MAX_URL_CHARS),
    method: capText(event.method, MAX_HEADER_CHARS),
  };
  switch (event.kind) {
    case 'send-headers':
      return {
        ...event,
        ...common,
        initiator: event.initiator === null ? null : capText(event.initiator, MAX_URL_CHARS),
        requestHeaders: capHeaders(event.requestHeaders),
      };
    case 'headers-received':
      return {
        ...event,
        ...common,
        statusLine: capText(event.statusLine, MAX_HEADER_CHARS),
        responseHeaders: capHeaders(event.responseHeaders),
      };
    case 'redirect':
      return {
        ...event,
        ...common,
        statusLine: capText(event.statusLine, MAX_HEADER_CHARS),
        responseHeaders: capHeaders(event.responseHeaders),
        redirectUrl: capText(event.redirectUrl, MAX_URL_CHARS),
      };
    case 'completed':
      return { ...event, ...common };
    case 'error':
      return {
        ...event,
        ...common,
        initiator: event.initiator === null ? null : capText(event.initiator, MAX_URL_CHARS),
        error: capText(event.error, MAX_HEADER_CHARS),
      };
  }
}
