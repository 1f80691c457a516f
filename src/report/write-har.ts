/**
 * HAR 1.2 from report rows that did not come from a HAR (the panel's live log): each exchange
 * becomes its preflight entry, one entry per redirect hop and the final entry, in Chrome DevTools'
 * shape (`_resourceType`, `_initiator`, `response._error`) so DevTools can import it, plus `_cors`.
 */
import type { Entry, Har, Header, Request, Response } from 'har-format';
import { getHeader as headerValue, methodAfterRedirect, resolveLocation } from '../engine';
import type { HeaderList, HttpRequest, HttpResponse, ResourceType } from '../engine/index';
import type { ReportRow } from './analyze';
import { annotateEntry, type ExportOptions, exportMeta } from './annotate-har';
import { entryReports } from './entry-reports';

type HarResourceType = NonNullable<Entry['_resourceType']>;

/** Engine resource types in Chrome DevTools' `_resourceType` names. */
const RESOURCE_TYPE_NAMES: Readonly<Record<ResourceType, HarResourceType>> = {
  xmlhttprequest: 'xhr',
  fetch: 'fetch',
  image: 'image',
  script: 'script',
  stylesheet: 'stylesheet',
  font: 'font',
  media: 'media',
  ping: 'ping',
  websocket: 'websocket',
  main_frame: 'document',
  sub_frame: 'document',
  other: 'other',
};

function headers(list: HeaderList): Header[] {
  return list.map(([name, value]) => ({ name, value }));
}

function harRequest(request: HttpRequest): Request {
  return {
    method: request.method,
    url: request.url,
    httpVersion: '',
    cookies: [],
    headers: headers(request.headers),
    queryString: [],
    headersSize: -1,
    bodySize: -1,
  };
}

/**
 * How a failure is written: Chrome's `_error`, or Playwright's `_failureText` for a failure whose
 * response was never recorded (outcome unknown), so reading it back does not take the missing
 * response for silence from the server.
 */
type Failure = { error: string; recorded: boolean } | null;

function harResponse(response: HttpResponse | null, failure: Failure): Response {
  const location = response === null ? null : headerValue(response.headers, 'location');
  return {
    status: response?.status ?? 0,
    statusText: response?.statusText ?? '',
    httpVersion: '',
    cookies: [],
    headers: response === null ? [] : headers(response.headers),
    content: { size: 0, mimeType: 'x-unknown' },
    redirectURL: location ?? '',
    headersSize: -1,
    bodySize: -1,
    ...(failure === null ? {} : failure.recorded ? { _error: failure.error } : { _failureText: failure.error }),
  };
}

function entryWith(
  startedDateTime: string,
  request: HttpRequest,
  response: HttpResponse | null,
  failure: Failure,
  extra: Partial<Entry>,
): Entry {
  return {
    startedDateTime,
    time: 0,
    request: harRequest(request),
    response: harResponse(response, failure),
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...extra,
  };
}

function entry(
  startedDateTime: string,
  request: HttpRequest,
  response: HttpResponse | null,
  error: string | null,
  extra: Partial<Entry>,
): Entry {
  return entryWith(startedDateTime, request, response, error === null ? null : { error, recorded: true }, extra);
}

/**
 * The browser followed the last redirect and the request failed at its new URL (its scheme, its
 * mode, or the preflight sent again there): DevTools lists that URL as an entry of its own.
 */
function wentPastLastRedirect(row: ReportRow): boolean {
  const { verdict, exchange } = row;
  return verdict.blocked && verdict.stage !== 'redirect' && verdict.redirectIndex === exchange.redirects.length - 1;
}

interface Built {
  entries: Entry[];
  rows: ReportRow[];
}

function build(rows: readonly ReportRow[], generatedAt: string): Built {
  const entries: Entry[] = [];
  const sourced: ReportRow[] = [];
  for (const row of rows) {
    const { exchange } = row;
    const started = row.startedDateTime ?? generatedAt;
    const resourceType = RESOURCE_TYPE_NAMES[exchange.resourceType];
    let preflightEntry: number | null = null;
    const pre = exchange.preflight;
    if (pre.kind === 'observed') {
      preflightEntry = entries.length;
      const initiator = { type: 'preflight', url: exchange.request.url };
      entries.push(
        entry(started, pre.request, pre.response, pre.error, { _resourceType: 'preflight', _initiator: initiator }),
      );
    }
    const chain: number[] = [];
    let url = exchange.request.url;
    for (const hop of exchange.redirects) {
      chain.push(entries.length);
      // A hop the browser refused to follow is where the request failed: it carries the error.
      const error = hop.refused === true ? exchange.networkError : null;
      entries.push(entry(started, hop.request, hop.response, error, { _resourceType: resourceType }));
      url = resolveLocation(headerValue(hop.response.headers, 'location') ?? '', hop.request.url) ?? url;
      const again = hop.nextPreflight;
      if (again?.kind === 'observed') {
        // The preflight sent again for the URL the redirect led to, as DevTools lists it.
        const initiator = { type: 'preflight', url };
        entries.push(
          entry(started, again.request, again.response, again.error, {
            _resourceType: 'preflight',
            _initiator: initiator,
          }),
        );
      }
    }
    const lastHop = exchange.redirects.at(-1);
    const last =
      lastHop === undefined
        ? exchange.request
        : { ...lastHop.request, method: methodAfterRedirect(lastHop.response.status, lastHop.request.method) };
    const endedOnHop = exchange.redirects.length > 0 && exchange.response === null && !wentPastLastRedirect(row);
    if (!endedOnHop) {
      chain.push(entries.length);
      const request = { ...last, url };
      const failure =
        exchange.networkError === null
          ? null
          : { error: exchange.networkError, recorded: exchange.outcome !== 'unknown' || exchange.response !== null };
      entries.push(entryWith(started, request, exchange.response, failure, { _resourceType: resourceType }));
    }
    const finalRequest = { url, method: last.method };
    sourced.push({ ...row, source: { entries: chain, preflightEntry, finalRequest } });
  }
  return { entries, rows: sourced };
}

/** A complete HAR 1.2 document for the rows, with `_cors` on every entry. */
export function writeHar(rows: readonly ReportRow[], options: ExportOptions): Har {
  const built = build(rows, options.generatedAt);
  const reports = new Map(entryReports(built.rows).map((report) => [report.index, report]));
  const entries = built.entries.map((raw, index) => annotateEntry(raw, reports.get(index), options) as Entry);
  return { log: { version: '1.2', creator: options.generator, entries, _cors: exportMeta(options) } as Har['log'] };
}
