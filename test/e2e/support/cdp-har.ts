/**
 * Records a page's Network events over CDP and writes them as Chrome DevTools exports HAR
 * (front_end/models/har/Log.ts): one entry per request and per redirect hop, preflights as
 * `_resourceType: "preflight"` with `_initiator: {type: "preflight", url, requestId}`, failures
 * as status 0 with `response._error`, no CORS verdict. Wire headers come from the ExtraInfo
 * events, as DevTools shows them; a blocked response keeps the status CDP reports in
 * `responseReceivedExtraInfo.statusCode` (added to CDP for CORS failures, which get no
 * `responseReceived`). Chromium's own `corsErrorStatus` is kept beside the HAR, never in it.
 */
import type { CDPSession } from '@playwright/test';
import type { Entry, Har, Header } from 'har-format';

type CdpHeaders = Record<string, string>;

interface CdpResponse {
  status: number;
  statusText: string;
  headers: CdpHeaders;
}

interface WillBeSent {
  requestId: string;
  wallTime: number;
  type?: string;
  request: { url: string; method: string; headers: CdpHeaders };
  initiator: { type: string; url?: string; requestId?: string };
  redirectResponse?: CdpResponse;
}

export interface CorsErrorStatus {
  corsError: string;
  failedParameter: string;
}

interface RequestEvents {
  willBeSent: WillBeSent[];
  requestExtra: CdpHeaders[];
  responseExtra: { statusCode: number; headers: CdpHeaders; headersText?: string }[];
  response: CdpResponse | null;
  finished: boolean;
  failed: { errorText: string; corsErrorStatus?: CorsErrorStatus } | null;
}

export class CdpHarRecorder {
  readonly #requests = new Map<string, RequestEvents>();

  constructor(session: CDPSession) {
    session.on('Network.requestWillBeSent', (e: WillBeSent) => this.#get(e.requestId).willBeSent.push(e));
    session.on('Network.requestWillBeSentExtraInfo', (e: { requestId: string; headers: CdpHeaders }) =>
      this.#get(e.requestId).requestExtra.push(e.headers),
    );
    session.on(
      'Network.responseReceivedExtraInfo',
      (e: { requestId: string; statusCode: number; headers: CdpHeaders; headersText?: string }) =>
        this.#get(e.requestId).responseExtra.push(e),
    );
    session.on('Network.responseReceived', (e: { requestId: string; response: CdpResponse }) => {
      this.#get(e.requestId).response = e.response;
    });
    session.on('Network.loadingFinished', (e: { requestId: string }) => {
      this.#get(e.requestId).finished = true;
    });
    session.on(
      'Network.loadingFailed',
      (e: { requestId: string; errorText: string; corsErrorStatus?: CorsErrorStatus }) => {
        this.#get(e.requestId).failed = e;
      },
    );
  }

  #get(requestId: string): RequestEvents {
    let events = this.#requests.get(requestId);
    if (events === undefined) {
      events = { willBeSent: [], requestExtra: [], responseExtra: [], response: null, finished: false, failed: null };
      this.#requests.set(requestId, events);
    }
    return events;
  }

  /** True when every request has ended and CDP has delivered the wire headers of every response it saw. */
  settled(): boolean {
    return this.unsettled().length === 0;
  }

  /** What each request still waits for, as `METHOD url: what`, for a failing test to say. */
  unsettled(): string[] {
    const waiting: string[] = [];
    for (const events of this.#requests.values()) {
      const first = events.willBeSent[0];
      // The browser's own favicon fetch can show up with responseReceived and nothing before it:
      // not a page request, and never waited for.
      if (first === undefined) continue;
      const name = `${first.request.method} ${first.request.url}`;
      if (!events.finished && events.failed === null) waiting.push(`${name}: loadingFinished or loadingFailed`);
      const sent = events.requestExtra.length > 0;
      const responses = events.willBeSent.length - 1 + (events.response !== null ? 1 : 0);
      if (sent && events.responseExtra.length < responses) {
        waiting.push(`${name}: responseReceivedExtraInfo (${events.responseExtra.length} of ${responses})`);
      }
    }
    return waiting;
  }

  /** Chromium's verdict for the page request whose first hop asked for `url`; undefined when unseen. */
  chromiumVerdict(url: string): CorsErrorStatus | null | undefined {
    for (const events of this.#requests.values()) {
      const first = events.willBeSent[0];
      if (first?.request.url === url && first.initiator.type !== 'preflight')
        return events.failed?.corsErrorStatus ?? null;
    }
    return undefined;
  }

  /** The HAR as Chrome DevTools would export it, and for each page request URL the index of its last entry. */
  toHar(): { har: Har; lastEntryOf: Map<string, number> } {
    const hops: { started: number; entry: Entry; firstUrl: string; last: boolean; preflight: boolean }[] = [];
    for (const events of this.#requests.values()) {
      const firstUrl = events.willBeSent[0]?.request.url ?? '';
      events.willBeSent.forEach((sent, hop) => {
        const last = hop === events.willBeSent.length - 1;
        hops.push({
          started: sent.wallTime,
          entry: buildEntry(events, hop, last),
          firstUrl,
          last,
          preflight: sent.initiator.type === 'preflight',
        });
      });
    }
    // DevTools lists requests in the order they were issued.
    hops.sort((a, b) => a.started - b.started);
    const lastEntryOf = new Map<string, number>();
    hops.forEach((hop, index) => {
      if (hop.last && !hop.preflight) lastEntryOf.set(hop.firstUrl, index);
    });
    return {
      har: {
        log: {
          version: '1.2',
          creator: { name: 'WebInspector', version: '537.36' },
          pages: [],
          entries: hops.map((h) => h.entry),
        },
      },
      lastEntryOf,
    };
  }
}

function headers(cdp: CdpHeaders): Header[] {
  return Object.entries(cdp).flatMap(([name, value]) => value.split('\n').map((line) => ({ name, value: line })));
}

/** Header lines from a raw HTTP/1.1 head, in wire order with duplicates kept. */
function headersFromText(text: string): Header[] {
  return text
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line) => ({ name: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 1).trim() }));
}

function buildEntry(events: RequestEvents, hop: number, last: boolean): Entry {
  const sent = events.willBeSent[hop] as WillBeSent;
  const extra = events.responseExtra[hop];
  const rendererResponse = last ? events.response : (events.willBeSent[hop + 1]?.redirectResponse ?? null);
  const status = rendererResponse?.status ?? extra?.statusCode ?? 0;
  const responseHeaders =
    extra !== undefined
      ? extra.headersText
        ? headersFromText(extra.headersText)
        : headers(extra.headers)
      : headers(rendererResponse?.headers ?? {});
  const location = responseHeaders.find((h) => h.name.toLowerCase() === 'location')?.value ?? '';
  const error = last && events.failed !== null ? { _error: events.failed.errorText } : {};
  // DevTools copies type, url and requestId of CDP's Initiator (har-format's Initiator lacks requestId).
  const initiator = {
    type: sent.initiator.type,
    ...(sent.initiator.url === undefined ? {} : { url: sent.initiator.url }),
    ...(sent.initiator.requestId === undefined ? {} : { requestId: sent.initiator.requestId }),
  } as Entry['_initiator'];
  return {
    _initiator: initiator,
    _priority: 'High',
    _resourceType: (sent.type ?? 'other').toLowerCase() as Entry['_resourceType'],
    cache: {},
    request: {
      method: sent.request.method,
      url: sent.request.url,
      httpVersion: 'HTTP/1.1',
      headers: headers(events.requestExtra[hop] ?? sent.request.headers),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: rendererResponse?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: status >= 300 && status < 400 ? location : '',
      headersSize: -1,
      bodySize: -1,
      ...error,
    },
    serverIPAddress: '127.0.0.1',
    startedDateTime: new Date(sent.wallTime * 1000).toISOString(),
    time: 0,
    timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 0, receive: 0 },
  };
}
