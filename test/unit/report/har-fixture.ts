import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Text of a HAR under test/fixtures/har/. */
export function harFixture(name: 'chrome-devtools' | 'firefox' | 'playwright'): string {
  return readFileSync(resolve(import.meta.dirname, `../../fixtures/har/${name}.har`), 'utf8');
}

type Pair = readonly [string, string];

/** A minimal Chrome-DevTools-shaped entry for hand-made logs. */
export function harEntry(
  method: string,
  url: string,
  requestHeaders: readonly Pair[],
  status: number,
  responseHeaders: readonly Pair[] = [],
  extra: Record<string, unknown> = {},
  responseExtra: Record<string, unknown> = {},
): Record<string, unknown> {
  const headers = (pairs: readonly Pair[]) => pairs.map(([name, value]) => ({ name, value }));
  return {
    startedDateTime: '2026-01-15T10:00:00.000Z',
    time: 1,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: headers(requestHeaders),
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: headers(responseHeaders),
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
      ...responseExtra,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...extra,
  };
}

export function harLog(entries: readonly unknown[], creator = 'WebInspector'): { log: Record<string, unknown> } {
  return { log: { version: '1.2', creator: { name: creator, version: '1' }, entries } };
}

export const PAGE = 'http://localhost:3000';
export const API = 'http://127.0.0.1:8080';
