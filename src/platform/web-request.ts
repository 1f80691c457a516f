import { type CaptureEvent, capturedResourceType, type HeaderList } from '../model/capture-event';
import { browser, type WebRequest } from './browser';
import { capturingBrowser } from './capturing-browser';

const ALL_URLS: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/**
 * Bytes as text, one char per byte. Not `String.fromCharCode(...bytes)`: spreading a few hundred
 * thousand arguments overflows the stack and would lose the whole event.
 */
export function latin1(bytes: ArrayLike<number>): string {
  const CHUNK = 8192;
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += String.fromCharCode(...Array.prototype.slice.call(bytes, start, start + CHUNK));
  }
  return text;
}

function headerList(headers: WebRequest.HttpHeaders | undefined): HeaderList {
  // A header the browser could not decode as text comes as bytes; keep it, one byte per char.
  return (headers ?? []).map(({ name, value, binaryValue }) => [name, value ?? latin1(binaryValue ?? [])] as const);
}

function initiatorOf(details: { initiator?: string; originUrl?: string }): string | null {
  // Chrome says `initiator` (an origin); Firefox only has `originUrl` (a URL).
  if (details.initiator !== undefined) return details.initiator;
  if (details.originUrl === undefined) return null;
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(details.originUrl);
  return match?.[1] ?? null;
}

interface CommonDetails {
  requestId: string | number;
  tabId: number;
  url: string;
  method: string;
  timeStamp: number;
}

/** The fields every event carries; request ids are numbers-as-strings in Chrome, strings in Firefox. */
function common(details: CommonDetails) {
  return {
    requestId: String(details.requestId),
    tabId: details.tabId,
    url: details.url,
    method: details.method,
    timeStamp: details.timeStamp,
  };
}

interface ResponseHeadDetails {
  statusCode: number;
  statusLine: string;
  responseHeaders?: WebRequest.HttpHeaders;
}

/** The status and headers of the events that see the response's head (headers received, redirect). */
function responseHead(details: ResponseHeadDetails) {
  return {
    statusCode: details.statusCode,
    statusLine: details.statusLine,
    responseHeaders: headerList(details.responseHeaders),
  };
}

/**
 * Chrome hides preflights, `Origin` and the headers of blocked responses from listeners that do
 * not ask for 'extraHeaders'; Firefox has no such option and shows them anyway.
 */
function withExtraHeaders<T extends string>(options: T[]): T[] {
  const chromeWebRequest = (globalThis as { chrome?: { webRequest?: { OnSendHeadersOptions?: object } } }).chrome
    ?.webRequest;
  const supported =
    chromeWebRequest?.OnSendHeadersOptions !== undefined && 'EXTRA_HEADERS' in chromeWebRequest.OnSendHeadersOptions;
  return supported ? [...options, 'extraHeaders' as T] : options;
}

/** The capture's webRequest listeners, added and removed together. */
export interface CaptureListeners {
  /** Adds the listeners (again); nothing happens if they are on. */
  add(): void;
  /** Removes every listener, so the browser sends this extension no webRequest event at all. */
  remove(): void;
}

/**
 * The five webRequest listeners the capture needs, each handing its event, normalised, to
 * `listener`. `add()` must first be called synchronously at the worker's top level, so that an
 * event which wakes a stopped worker is delivered to it. `remove()` is what pausing capture does:
 * the browser then has no listener to send events to, so observed pages pay nothing
 * (test/bench/page-load-bench.ts measures it).
 */
export function captureListeners(listener: (event: CaptureEvent) => void): CaptureListeners {
  const { webRequest } = browser;
  // Firefox fires onCompleted for a blocked simple request too (test/firefox/ sees it): it proves nothing.
  const provesDelivery = capturingBrowser() !== 'firefox';
  const onSendHeaders = (details: WebRequest.OnSendHeadersDetailsType) =>
    listener({
      kind: 'send-headers',
      ...common(details),
      initiator: initiatorOf(details),
      resourceType: capturedResourceType(details.type),
      requestHeaders: headerList(details.requestHeaders),
    });
  const onHeadersReceived = (details: WebRequest.OnHeadersReceivedDetailsType) => {
    listener({
      kind: 'headers-received',
      ...common(details),
      ...responseHead(details),
    });
    return undefined;
  };
  const onBeforeRedirect = (details: WebRequest.OnBeforeRedirectDetailsType) =>
    listener({
      kind: 'redirect',
      ...common(details),
      ...responseHead(details),
      redirectUrl: details.redirectUrl,
    });
  const onCompleted = (details: WebRequest.OnCompletedDetailsType) =>
    listener({
      kind: 'completed',
      ...common(details),
      statusCode: details.statusCode,
      fromCache: details.fromCache,
      provesDelivery,
    });
  const onErrorOccurred = (details: WebRequest.OnErrorOccurredDetailsType) =>
    listener({
      kind: 'error',
      ...common(details),
      initiator: initiatorOf(details),
      resourceType: capturedResourceType(details.type),
      error: details.error,
    });
  return {
    add() {
      if (webRequest.onSendHeaders.hasListener(onSendHeaders)) return;
      webRequest.onSendHeaders.addListener(
        onSendHeaders,
        ALL_URLS,
        withExtraHeaders<WebRequest.OnSendHeadersOptions>(['requestHeaders']),
      );
      webRequest.onHeadersReceived.addListener(
        onHeadersReceived,
        ALL_URLS,
        withExtraHeaders<WebRequest.OnHeadersReceivedOptions>(['responseHeaders']),
      );
      webRequest.onBeforeRedirect.addListener(
        onBeforeRedirect,
        ALL_URLS,
        withExtraHeaders<WebRequest.OnBeforeRedirectOptions>(['responseHeaders']),
      );
      webRequest.onCompleted.addListener(onCompleted, ALL_URLS);
      webRequest.onErrorOccurred.addListener(onErrorOccurred, ALL_URLS);
    },
    remove() {
      webRequest.onSendHeaders.removeListener(onSendHeaders);
      webRequest.onHeadersReceived.removeListener(onHeadersReceived);
      webRequest.onBeforeRedirect.removeListener(onBeforeRedirect);
      webRequest.onCompleted.removeListener(onCompleted);
      webRequest.onErrorOccurred.removeListener(onErrorOccurred);
    },
  };
}
