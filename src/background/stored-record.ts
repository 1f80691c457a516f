import type {
  AddressSpace,
  CredentialsMode,
  Exchange,
  FetchMode,
  HttpRequest,
  HttpResponse,
  ObservedOutcome,
  PreflightObservation,
  RedirectHop,
  ResourceType,
} from '../engine';
import type { ExchangeRecord } from '../model/exchange-record';
import { decodeHeaders, encodeHeaders, type Json, parseStored } from './stored-format';

/**
 * A record as storage.session keeps it: one JSON string with short keys, header lists as
 * `name:value` lines, default values left out. Lossless — the panel's raw-headers view shows the
 * same headers after a worker restart — and about a third of the nested form's cost: Chromium
 * counts a nested value by its in-memory size (≈ 3× its JSON, measured in
 * test/e2e/capture-flood.spec.ts), a string by its length.
 *
 * The verdict is not stored: it is recomputed on load (the engine is cheap, and a verdict from a
 * newer engine is the better one).
 */
export type StoredRecord = Omit<ExchangeRecord, 'verdict'>;

/** Version of the encoding; a record in any other version is dropped on load. */
const VERSION = 1;

function encodeRequest(request: HttpRequest): Json {
  return { u: request.url, m: request.method, h: encodeHeaders(request.headers) };
}

function encodeResponse(response: HttpResponse | null): Json {
  return response === null ? null : { c: response.status, x: response.statusText, h: encodeHeaders(response.headers) };
}

function encodePreflight(preflight: PreflightObservation): Json {
  if (preflight.kind === 'none') return 0;
  if (preflight.kind === 'maybe-cached') return 1;
  return { q: encodeRequest(preflight.request), s: encodeResponse(preflight.response), e: preflight.error };
}

function encodeExchange(exchange: Exchange): Json {
  const stored: Record<string, Json> = {
    o: exchange.initiatorOrigin,
    q: encodeRequest(exchange.request),
    r: exchange.resourceType,
    p: encodePreflight(exchange.preflight),
    s: encodeResponse(exchange.response),
    e: exchange.outcome,
  };
  if (exchange.credentialsMode !== 'unknown') stored.c = exchange.credentialsMode;
  if (exchange.mode !== 'unknown') stored.m = exchange.mode;
  if (exchange.redirects.length > 0) {
    stored.k = exchange.redirects.map((hop) => ({
      q: encodeRequest(hop.request),
      s: encodeResponse(hop.response),
      ...(hop.nextPreflight === undefined ? {} : { p: encodePreflight(hop.nextPreflight) }),
      ...(hop.refused === true ? { r: 1 } : {}),
    }));
  }
  if (exchange.networkError !== null) stored.n = exchange.networkError;
  if (exchange.addressSpaces !== undefined)
    stored.l = [exchange.addressSpaces.initiator, exchange.addressSpaces.target];
  if (exchange.headerLinesMerged === true) stored.j = 1;
  return stored;
}

/** The record, with its position in the log (`seq`), as the string to store. */
export function encodeRecord(record: StoredRecord | ExchangeRecord, seq: number): string {
  return JSON.stringify([
    VERSION,
    seq,
    record.requestId,
    record.preflightRequestId,
    record.tabId,
    record.startedAt,
    record.endedAt,
    encodeExchange(record.exchange),
  ]);
}

// ── Decoding: storage is ours, but it survives extension updates; anything odd is dropped. ──

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeRequest(value: unknown): HttpRequest | null {
  if (!isFields(value) || typeof value.u !== 'string' || typeof value.m !== 'string') return null;
  const headers = decodeHeaders(value.h);
  return headers === null ? null : { url: value.u, method: value.m, headers };
}

function decodeResponse(value: unknown): HttpResponse | null | undefined {
  if (value === null) return null;
  if (!isFields(value) || typeof value.c !== 'number' || typeof value.x !== 'string') return undefined;
  const headers = decodeHeaders(value.h);
  return headers === null ? undefined : { status: value.c, statusText: value.x, headers };
}

function decodePreflight(value: unknown): PreflightObservation | null {
  if (value === 0) return { kind: 'none' };
  if (value === 1) return { kind: 'maybe-cached' };
  if (!isFields(value)) return null;
  const request = decodeRequest(value.q);
  const response = decodeResponse(value.s);
  if (request === null || response === undefined) return null;
  return { kind: 'observed', request, response, error: typeof value.e === 'string' ? value.e : null };
}

function decodeRedirects(value: unknown): RedirectHop[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const hops: RedirectHop[] = [];
  for (const hop of value) {
    if (!isFields(hop)) return null;
    const request = decodeRequest(hop.q);
    const response = decodeResponse(hop.s);
    const nextPreflight = hop.p === undefined ? undefined : decodePreflight(hop.p);
    if (request === null || response === null || response === undefined || nextPreflight === null) return null;
    hops.push({
      request,
      response,
      ...(nextPreflight === undefined ? {} : { nextPreflight }),
      ...(hop.r === 1 ? { refused: true } : {}),
    });
  }
  return hops;
}

function decodeExchange(value: unknown): Exchange | null {
  if (!isFields(value)) return null;
  const request = decodeRequest(value.q);
  const preflight = decodePreflight(value.p);
  const redirects = decodeRedirects(value.k);
  const response = decodeResponse(value.s);
  if (request === null || preflight === null || redirects === null || response === undefined) return null;
  if (typeof value.r !== 'string' || typeof value.e !== 'string') return null;
  if (value.o !== null && typeof value.o !== 'string') return null;
  const exchange: Exchange = {
    initiatorOrigin: value.o,
    request,
    resourceType: value.r as ResourceType,
    credentialsMode: typeof value.c === 'string' ? (value.c as CredentialsMode) : 'unknown',
    mode: typeof value.m === 'string' ? (value.m as FetchMode) : 'unknown',
    preflight,
    redirects,
    response,
    networkError: typeof value.n === 'string' ? value.n : null,
    outcome: value.e as ObservedOutcome,
  };
  if (value.j === 1) exchange.headerLinesMerged = true;
  if (Array.isArray(value.l) && value.l.length === 2) {
    const [initiator, target] = value.l as [AddressSpace, AddressSpace];
    exchange.addressSpaces = { initiator, target };
  }
  return exchange;
}

/** Reads a stored record back, or null when it is not one this version wrote. */
export function decodeRecord(stored: unknown): { record: StoredRecord; seq: number } | null {
  const fields = parseStored(stored);
  if (!Array.isArray(fields) || fields[0] !== VERSION) return null;
  const [, seq, requestId, preflightRequestId, tabId, startedAt, endedAt, exchangeFields] = fields as unknown[];
  const exchange = decodeExchange(exchangeFields);
  if (
    exchange === null ||
    typeof seq !== 'number' ||
    typeof requestId !== 'string' ||
    (preflightRequestId !== null && typeof preflightRequestId !== 'string') ||
    typeof tabId !== 'number' ||
    typeof startedAt !== 'number' ||
    typeof endedAt !== 'number'
  ) {
    return null;
  }
  return { record: { requestId, preflightRequestId, tabId, startedAt, endedAt, exchange }, seq };
}
