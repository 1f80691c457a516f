/**
 * One HAR entry, validated and reduced to what the CORS verdict needs. Bodies, timings and
 * cookies arrays are dropped here, so a reader keeps a few hundred bytes per entry however large
 * the file.
 */
import type { HeaderList } from '../engine';
import { isRecord } from '../model/is-record';
import { finiteNumber, type HeaderPool, optionalString, readHeaders } from './har-guards';

/** Chrome DevTools' `_initiator` (a copy of CDP `Network.Initiator`), reduced to what pairing uses. */
export interface EntryInitiator {
  type: string;
  url: string | null;
  requestId: string | null;
}

export interface EntryView {
  /** Position in `log.entries`. */
  index: number;
  /** `startedDateTime` in ms since the epoch; null when missing or unparsable. */
  startedMs: number | null;
  startedDateTime: string | null;
  method: string;
  url: string;
  requestHeaders: HeaderList;
  /** HTTP status; 0 (Chrome, Firefox) or -1 (Playwright) when no response reached the page. */
  status: number;
  statusText: string;
  responseHeaders: HeaderList;
  redirectURL: string;
  /** `response._error` (Chrome) or `response._failureText` (Playwright). */
  error: string | null;
  /**
   * A failed request whose response the recorder would not have kept had one come: Playwright
   * writes a failure as status -1 with `_failureText` and no headers, CORS-blocked answers included.
   */
  failedResponseUnrecorded: boolean;
  /** `_resourceType` (Chrome, Playwright): `fetch`, `xhr`, `preflight`, `document`, … */
  resourceType: string | null;
  initiator: EntryInitiator | null;
  /** `_requestId` where an exporter writes one (CORS Lens does). */
  requestId: string | null;
  /** CORS Lens's own export: the index of this request's preflight entry. */
  corsPreflightEntry: number | null;
  /** CORS Lens's own export: the index of the entry where this request was first sent (before redirects). */
  corsRequestEntry: number | null;
}

function readInitiator(value: unknown): EntryInitiator | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  return { type: value.type, url: optionalString(value.url), requestId: optionalString(value.requestId) };
}

function readCorsIndex(value: unknown, field: 'preflightEntry' | 'requestEntry'): number | null {
  if (!isRecord(value)) return null;
  const index = finiteNumber(value[field]);
  return index !== null && Number.isInteger(index) && index >= 0 ? index : null;
}

/** Reads one raw entry, or returns a sentence saying why it was skipped. `pool` shares repeated headers. */
export function readEntry(raw: unknown, index: number, pool?: HeaderPool): EntryView | string {
  const where = `entry ${index}`;
  if (!isRecord(raw)) return `${where} is not an object`;
  const { request, response } = raw;
  if (!isRecord(request)) return `${where} has no request object`;
  if (typeof request.method !== 'string' || request.method === '') return `${where} has no request.method`;
  if (typeof request.url !== 'string' || request.url === '') return `${where} has no request.url`;
  const requestHeaders = readHeaders(request.headers, `${where} request`, pool);
  if (typeof requestHeaders === 'string') return requestHeaders;
  // A response is required by HAR 1.2, but some tools omit it for requests that never completed.
  if (response !== undefined && response !== null && !isRecord(response)) return `${where} response is not an object`;
  const res = isRecord(response) ? response : {};
  const status = res.status === undefined ? 0 : finiteNumber(res.status);
  if (status === null) return `${where} has a non-numeric response.status`;
  const responseHeaders = readHeaders(res.headers, `${where} response`, pool);
  if (typeof responseHeaders === 'string') return responseHeaders;
  const startedDateTime = optionalString(raw.startedDateTime);
  const startedMs = startedDateTime === null ? Number.NaN : Date.parse(startedDateTime);
  return {
    index,
    startedMs: Number.isFinite(startedMs) ? startedMs : null,
    startedDateTime,
    method: request.method,
    url: request.url,
    requestHeaders,
    status,
    statusText: optionalString(res.statusText) ?? '',
    responseHeaders,
    redirectURL: optionalString(res.redirectURL) ?? '',
    error: nonEmpty(res._error) ?? nonEmpty(res._failureText) ?? nonEmpty(raw._failureText),
    failedResponseUnrecorded:
      nonEmpty(res._error) === null && (nonEmpty(res._failureText) ?? nonEmpty(raw._failureText)) !== null,
    resourceType: optionalString(raw._resourceType),
    initiator: readInitiator(raw._initiator),
    requestId: optionalString(raw._requestId),
    corsPreflightEntry: readCorsIndex(raw._cors, 'preflightEntry'),
    corsRequestEntry: readCorsIndex(raw._cors, 'requestEntry'),
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
