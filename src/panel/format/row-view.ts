import type { Exchange } from '../../engine';
import { safeText } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { capturedText } from './captured-text';
import { recordClass, type VerdictClass, verdictLabel } from './verdict-class';

/** What one list row shows, as plain strings. */
export interface RowView {
  method: string;
  /** Host and path (with query), without the scheme. */
  hostPath: string;
  /** The host part of `hostPath` ('' when the URL did not parse), so a narrow list can show the path alone. */
  host: string;
  /** The real HTTP status (Chrome shows "CORS error" instead), or what ended the request. */
  status: string;
  verdictClass: VerdictClass;
  verdictLabel: string;
  /** Chromium's CorsError name for a blocked request, '' otherwise. */
  code: string;
  /** The request was preceded by a CORS preflight (seen, or presumably answered from cache). */
  preflight: 'observed' | 'maybe-cached' | 'none';
  /** Duration, e.g. `42 ms`, `1.3 s`; '' when unknown. */
  time: string;
}

/** `host/path?query` of an absolute URL; the input unchanged when it is not one. */
const URL_PARTS = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]*)([^#]*)/i;

function urlParts(url: string): { host: string; hostPath: string } {
  const match = URL_PARTS.exec(url);
  if (match === null) return { host: '', hostPath: url };
  const host = match[1] ?? '';
  return { host, hostPath: `${host}${match[2] || '/'}` };
}

export function hostPath(url: string): string {
  return urlParts(url).hostPath;
}

/**
 * The status the server really sent. For a request blocked at its preflight, the actual request
 * never left, so the preflight's status is the one that matters.
 */
export function realStatus(exchange: Exchange): string {
  if (exchange.response !== null) return String(exchange.response.status);
  const preflight = exchange.preflight;
  if (preflight.kind === 'observed') {
    if (preflight.response !== null) return `${preflight.response.status} (preflight)`;
    if (preflight.error !== null) return `${preflight.error} (preflight)`;
  }
  const lastHop = exchange.redirects.at(-1);
  if (lastHop !== undefined) return String(lastHop.response.status);
  return exchange.networkError ?? '—';
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Records never change, so each row's view is built once, not again on every scroll. */
const views = new WeakMap<ExchangeRecord, RowView>();

export function rowView(record: ExchangeRecord): RowView {
  let view = views.get(record);
  if (view === undefined) {
    view = buildRowView(record);
    views.set(record, view);
  }
  return view;
}

function buildRowView(record: ExchangeRecord): RowView {
  const { exchange, verdict } = record;
  // Method, URL and status come from the page and the servers: shown escaped and bounded.
  const { host, hostPath } = urlParts(exchange.request.url);
  return {
    method: safeText(exchange.request.method, 40),
    host: safeText(host, 300),
    hostPath: capturedText(hostPath, 2_000),
    status: safeText(realStatus(exchange), 300),
    verdictClass: recordClass(record),
    verdictLabel: verdictLabel(verdict),
    code: verdict.blocked ? (verdict.code ?? 'blocked') : '',
    preflight: exchange.preflight.kind,
    time: formatDuration(record.endedAt - record.startedAt),
  };
}
