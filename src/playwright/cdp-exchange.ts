/**
 * Turns what Chromium's DevTools protocol reports about one request into the engine's `Exchange`,
 * so the engine's verdict can be compared with Chromium's own (`Network.loadingFailed.corsErrorStatus`).
 *
 * Only what went over the wire is used: request headers from `requestWillBeSentExtraInfo`, response
 * status and header lines from `responseReceivedExtraInfo` (its raw `headersText` keeps duplicate
 * lines and their order). Chromium's `corsErrorStatus` is kept beside the exchange as the oracle and
 * never fed into it: the engine must decide from the headers alone.
 */
import type {
  CredentialsMode,
  Exchange,
  FetchMode,
  HeaderList,
  HttpRequest,
  HttpResponse,
  PreflightObservation,
  RedirectHop,
  ResourceType,
} from '../engine';
import { outcomeOfError } from '../engine';
import type { CdpHeaders, CdpRequestEvents, CdpResponse, ResponseReceivedExtraInfo } from './cdp-recorder';

/** Splits CDP's joined duplicates ("a\nb") back into one entry per header line. */
export function splitCdpHeaders(headers: CdpHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) =>
    value.split('\n').map((line): [string, string] => [name, line]),
  );
}

/**
 * Parses a raw HTTP/1.x response head (`headersText`): the status text and every header line in
 * wire order, names as sent, duplicates as separate entries. Obsolete line folding is unfolded.
 */
export function parseHeadersText(text: string): { statusText: string; headers: [string, string][] } {
  const lines = text.split('\r\n');
  const statusLine = lines.shift() ?? '';
  const statusText = /^HTTP\/\S+\s+\d{3}\s?(.*)$/.exec(statusLine)?.[1] ?? '';
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === '') continue;
    const last = headers[headers.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { statusText, headers };
}

function responseFromExtraInfo(info: ResponseReceivedExtraInfo, fallback: CdpResponse | undefined): HttpResponse {
  const parsed = info.headersText === undefined || info.headersText === '' ? null : parseHeadersText(info.headersText);
  // CDP decodes the raw head as UTF-8: a byte that is not (a Latin-1 `é` in a header value) can
  // swallow the line break after it, losing a header line; such a head is read from the parsed headers.
  const names = new Set(parsed?.headers.map(([name]) => name.toLowerCase()));
  if (parsed !== null && Object.keys(info.headers).every((name) => names.has(name.toLowerCase()))) {
    return {
      status: info.statusCode,
      statusText: parsed.statusText || (fallback?.statusText ?? ''),
      headers: parsed.headers,
    };
  }
  return { status: info.statusCode, statusText: fallback?.statusText ?? '', headers: splitCdpHeaders(info.headers) };
}

function responseFromCdp(response: CdpResponse): HttpResponse {
  return { status: response.status, statusText: response.statusText, headers: splitCdpHeaders(response.headers) };
}

/** The n-th response of a request: raw from ExtraInfo when Chromium sent one, else the renderer-side copy. */
function nthResponse(
  events: CdpRequestEvents,
  index: number,
  rendererCopy: CdpResponse | undefined,
): HttpResponse | null {
  const info = events.responseExtraInfo[index];
  if (info !== undefined) return responseFromExtraInfo(info, rendererCopy);
  return rendererCopy === undefined ? null : responseFromCdp(rendererCopy);
}

function hasHeader(headers: HeaderList, name: string): boolean {
  return headers.some(([candidate]) => candidate.toLowerCase() === name.toLowerCase());
}

/** What the page script declared about the request; CDP does not report these. */
export interface RequestContext {
  /** The page's serialized origin. */
  initiatorOrigin: string;
  credentialsMode: CredentialsMode;
  mode: FetchMode;
  resourceType: ResourceType;
  /**
   * The request's redirect mode (default `follow`). With `manual` a 3xx is the final response: the
   * page receives it as an opaque redirect, which CDP reports as a `net::ERR_ABORTED` failure.
   */
  redirect?: 'follow' | 'manual' | 'error';
}

/**
 * Builds the exchange of the page request `events` and the `preflights` Chromium sent for it (for
 * its URL, and again for a URL a redirect took it to).
 *
 * - Request headers are the wire headers (ExtraInfo). A request that never went out (its preflight
 *   failed, or the request mode forbade it) has only the renderer's headers; `Origin` is then added
 *   as the preflight carried it (or from the page origin), as it would have been sent.
 * - A redirect Chromium followed is a hop; a 3xx it refused to follow (its CORS check or its
 *   `Location` failed) is a hop too, with no final response.
 */
export function buildExchange(
  events: CdpRequestEvents,
  preflights: readonly CdpRequestEvents[],
  context: RequestContext,
): Exchange {
  const preflightEvents = preflights.find(
    (candidate) => candidate.willBeSent[0]?.request.url === events.willBeSent[0]?.request.url,
  );
  const first = events.willBeSent[0];
  if (first === undefined) throw new Error(`request ${events.requestId} has no requestWillBeSent`);

  // redirect: 'manual' hands the first 3xx to the page as an opaque redirect. CDP still reports a
  // requestWillBeSent for its Location (never sent) and then an abort: drop that phantom hop.
  const manualRedirect = context.redirect === 'manual' && events.willBeSent[1]?.redirectResponse !== undefined;
  const chain = manualRedirect ? events.willBeSent.slice(0, 1) : events.willBeSent;

  // Request i of the chain: willBeSent[i]; its wire headers are willBeSentExtraInfo[i].
  const requests: HttpRequest[] = chain.map((sent, index) => {
    const wire = events.willBeSentExtraInfo[index];
    return {
      url: sent.request.url,
      method: sent.request.method,
      headers: splitCdpHeaders(wire?.headers ?? sent.request.headers),
    };
  });

  const preflight = buildPreflight(preflightEvents);
  const firstRequest = requests[0] as HttpRequest;
  if (!hasHeader(firstRequest.headers, 'Origin')) {
    const origin =
      preflight.kind === 'observed'
        ? (preflight.request.headers.find(([name]) => name.toLowerCase() === 'origin')?.[1] ?? context.initiatorOrigin)
        : context.initiatorOrigin;
    requests[0] = { ...firstRequest, headers: [...firstRequest.headers, ['Origin', origin]] };
  }

  // Response i answered request i. Followed redirects: willBeSent[i + 1].redirectResponse.
  const redirects: RedirectHop[] = [];
  for (let index = 1; index < chain.length; index += 1) {
    const redirectResponse = chain[index]?.redirectResponse;
    const response = nthResponse(events, index - 1, redirectResponse);
    if (response === null) throw new Error(`request ${events.requestId}: redirect ${index} has no response`);
    // The preflight sent again for the URL this redirect led to, when the request still needed one.
    const url = chain[index]?.request.url;
    const again = preflights.find(
      (candidate) => candidate !== preflightEvents && candidate.willBeSent[0]?.request.url === url,
    );
    redirects.push({
      request: requests[index - 1] as HttpRequest,
      response,
      ...(again === undefined ? {} : { nextPreflight: buildPreflight(again) }),
    });
  }

  const last = chain.length - 1;
  const finalRenderer = manualRedirect
    ? events.willBeSent[1]?.redirectResponse
    : events.responseReceived[events.responseReceived.length - 1]?.response;
  let response = nthResponse(events, last, finalRenderer);
  const manual = context.redirect === 'manual' && response !== null && isRedirect(response);
  // A 3xx with a Location that Chromium did not follow: the hop failed, nothing came after it.
  if (response !== null && isRedirect(response) && events.failed !== null && !manual) {
    redirects.push({ request: requests[last] as HttpRequest, response, refused: true });
    response = null;
  }

  let failed = events.failed;
  // redirect: 'manual' hands the 3xx to the page (an opaque redirect); CDP calls that an abort.
  if (manual && failed !== null && failed.corsErrorStatus === undefined && failed.errorText === 'net::ERR_ABORTED') {
    failed = null;
  }
  // The outcome is read from the error's name, as the capture reads webRequest's
  // (capture/exchange-builder.ts): whether Chromium reported a `corsErrorStatus` is its verdict,
  // the oracle, and must not steer the engine's reading (the credentials mode it infers).
  const outcome: Exchange['outcome'] =
    events.finished || (manual && failed === null)
      ? 'succeeded'
      : failed === null
        ? 'unknown'
        : outcomeOfError(failed.errorText);

  return {
    initiatorOrigin: context.initiatorOrigin,
    request: requests[0] as HttpRequest,
    resourceType: context.resourceType,
    credentialsMode: context.credentialsMode,
    mode: context.mode,
    preflight,
    redirects,
    response,
    networkError: failed?.errorText ?? null,
    outcome,
  };
}

/**
 * The exchange of a request the renderer refused before sending it (Chromium reported it only as a
 * CorsIssue): the request as the page made it, with the `Origin` it would have carried, nothing on
 * the wire, no response, blocked.
 */
export function buildUnsentExchange(
  request: { url: string; method: string; headers: HeaderList },
  context: RequestContext,
): Exchange {
  const headers: HeaderList = hasHeader(request.headers, 'Origin')
    ? request.headers
    : [...request.headers, ['Origin', context.initiatorOrigin]];
  return {
    initiatorOrigin: context.initiatorOrigin,
    request: { url: request.url, method: request.method, headers },
    resourceType: context.resourceType,
    credentialsMode: context.credentialsMode,
    mode: context.mode,
    preflight: { kind: 'none' },
    redirects: [],
    response: null,
    networkError: null,
    outcome: 'blocked',
  };
}

function isRedirect(response: HttpResponse): boolean {
  return [301, 302, 303, 307, 308].includes(response.status) && hasHeader(response.headers, 'Location');
}

function buildPreflight(events: CdpRequestEvents | undefined): PreflightObservation {
  const sent = events?.willBeSent[0];
  if (events === undefined || sent === undefined) return { kind: 'none' };
  const wire = events.willBeSentExtraInfo[0];
  const request: HttpRequest = {
    url: sent.request.url,
    method: sent.request.method,
    headers: splitCdpHeaders(wire?.headers ?? sent.request.headers),
  };
  const response = nthResponse(events, 0, events.responseReceived[0]?.response);
  // A preflight that got a response "fails" in CDP only for CORS reasons; that is not a network error.
  const error = response === null ? (events.failed?.errorText ?? null) : null;
  return { kind: 'observed', request, response, error };
}
