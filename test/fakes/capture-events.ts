import type { HeaderList } from '../../src/engine';
import type { CaptureEvent } from '../../src/model/capture-event';

export const PAGE = 'http://localhost:3000';
export const API = 'http://127.0.0.1:8080';

/**
 * Builds the event sequences Chromium's webRequest produces (with 'extraHeaders'), as the e2e
 * capture specs record them: the preflight runs to completion before the actual request is sent, and a
 * request whose preflight failed gets nothing but onErrorOccurred.
 */
export class EventScript {
  readonly events: CaptureEvent[] = [];
  #clock = 1_000;

  constructor(readonly tabId = 7) {}

  #t(): number {
    this.#clock += 5;
    return this.#clock;
  }

  send(
    requestId: string,
    url: string,
    method: string,
    requestHeaders: HeaderList,
    initiator: string | null = PAGE,
  ): this {
    this.events.push({
      kind: 'send-headers',
      requestId,
      tabId: this.tabId,
      url,
      method,
      initiator,
      resourceType: 'xmlhttprequest',
      requestHeaders,
      timeStamp: this.#t(),
    });
    return this;
  }

  receive(requestId: string, url: string, method: string, status: number, responseHeaders: HeaderList): this {
    this.events.push({
      kind: 'headers-received',
      requestId,
      tabId: this.tabId,
      url,
      method,
      statusCode: status,
      statusLine: `HTTP/1.1 ${status} Status`,
      responseHeaders,
      timeStamp: this.#t(),
    });
    return this;
  }

  redirect(
    requestId: string,
    url: string,
    method: string,
    status: number,
    location: string,
    headers: HeaderList = [],
  ): this {
    this.receive(requestId, url, method, status, [...headers, ['Location', location]]);
    this.events.push({
      kind: 'redirect',
      requestId,
      tabId: this.tabId,
      url,
      method,
      statusCode: status,
      statusLine: `HTTP/1.1 ${status} Redirect`,
      responseHeaders: [...headers, ['Location', location]],
      redirectUrl: location,
      timeStamp: this.#t(),
    });
    return this;
  }

  complete(requestId: string, url: string, method: string, status = 200): this {
    this.events.push({
      kind: 'completed',
      requestId,
      tabId: this.tabId,
      url,
      method,
      statusCode: status,
      fromCache: false,
      timeStamp: this.#t(),
    });
    return this;
  }

  fail(
    requestId: string,
    url: string,
    method: string,
    error = 'net::ERR_FAILED',
    initiator: string | null = PAGE,
  ): this {
    this.events.push({
      kind: 'error',
      requestId,
      tabId: this.tabId,
      url,
      method,
      initiator,
      resourceType: 'xmlhttprequest',
      error,
      timeStamp: this.#t(),
    });
    return this;
  }

  /** A complete preflight: OPTIONS asking for `method` and `headerNames`, answered with `status` and `headers`. */
  preflight(
    requestId: string,
    url: string,
    method: string,
    headerNames: string[],
    status: number,
    headers: HeaderList,
  ): this {
    const asked: [string, string][] = [
      ['Origin', PAGE],
      ['Access-Control-Request-Method', method],
    ];
    if (headerNames.length > 0) asked.push(['Access-Control-Request-Headers', headerNames.join(',')]);
    return this.send(requestId, url, 'OPTIONS', asked)
      .receive(requestId, url, 'OPTIONS', status, headers)
      .complete(requestId, url, 'OPTIONS', status);
  }
}
