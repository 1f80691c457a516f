/**
 * A generated HAR shaped like a Chrome DevTools export ("Save all as HAR with content"): the full
 * header sets Chromium sends and receives, `_initiator` call stacks with async parents, bodies,
 * preflights listed after their request, 302 redirect chains, CORS-blocked requests (status 0,
 * `net::ERR_FAILED`), same-origin assets, and a little non-ASCII text as real pages have.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const PAGE = 'http://localhost:3000';
const API = 'http://127.0.0.1:8080';

const h = (name: string, value: string) => ({ name, value });

const BROWSER_REQUEST = [
  h('Accept', '*/*'),
  h('Accept-Encoding', 'gzip, deflate, br, zstd'),
  h('Accept-Language', 'en-GB,en-US;q=0.9,en;q=0.8'),
  h('Connection', 'keep-alive'),
  h('Referer', `${PAGE}/dashboard`),
  h(
    'User-Agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  ),
  h('sec-ch-ua', '"Chromium";v="141", "Not?A_Brand";v="8"'),
  h('sec-ch-ua-mobile', '?0'),
  h('sec-ch-ua-platform', '"Linux"'),
];

const SERVER_RESPONSE = [
  h('Connection', 'keep-alive'),
  h('Date', 'Thu, 15 Jan 2026 10:00:00 GMT'),
  h('Keep-Alive', 'timeout=5'),
  h('X-Powered-By', 'Express'),
  h('ETag', 'W/"5c-bXzT8mSbZ1PjN0Hxv6pt9hM8Ssw"'),
];

function frame(fn: string, script: number, line: number) {
  return {
    functionName: fn,
    scriptId: String(script),
    url: `${PAGE}/assets/index-4f2a9c1e.js`,
    lineNumber: line,
    columnNumber: (line * 7) % 120,
  };
}

function initiator(i: number) {
  return {
    type: 'script',
    stack: {
      callFrames: [frame('request', 41, 2201), frame('fetchJson', 41, 2240), frame('loadItems', 41, 3107 + (i % 50))],
      parent: {
        description: 'Promise.then',
        callFrames: [frame('refresh', 41, 3320), frame('', 41, 3402)],
        parent: { description: 'setTimeout', callFrames: [frame('schedule', 41, 118), frame('main', 41, 40)] },
      },
    },
  };
}

function body(i: number): string {
  const items = [];
  for (let k = 0; k < 6; k++)
    items.push({
      id: i * 10 + k,
      name: `Item ${i}-${k}`,
      city: k === 3 ? 'Zürich' : 'Lyon',
      price: (i % 97) + k / 4,
      tags: ['a', 'b'],
    });
  return JSON.stringify({ page: i % 13, items });
}

interface EntryFields {
  i: number;
  method: string;
  url: string;
  type: string;
  request: object[];
  status: number;
  statusText: string;
  response: object[];
  text?: string;
  redirectURL?: string;
  error?: string;
  init?: object;
  postData?: string;
}

function entry(f: EntryFields): object {
  const ms = 1_768_471_200_000 + f.i * 7;
  const text = f.text ?? '';
  return {
    _connectionId: String(100 + (f.i % 6)),
    _initiator: f.init ?? initiator(f.i),
    _priority: 'High',
    _resourceType: f.type,
    cache: {},
    connection: String(100 + (f.i % 6)),
    pageref: 'page_1',
    request: {
      method: f.method,
      url: f.url,
      httpVersion: 'HTTP/1.1',
      headers: [...f.request, ...BROWSER_REQUEST],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: f.postData?.length ?? 0,
      ...(f.postData === undefined ? {} : { postData: { mimeType: 'application/json', text: f.postData } }),
    },
    response: {
      status: f.status,
      statusText: f.statusText,
      httpVersion: 'HTTP/1.1',
      headers: f.status === 0 ? [] : [...f.response, ...SERVER_RESPONSE, h('Content-Length', String(text.length))],
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', ...(text === '' ? {} : { text }) },
      redirectURL: f.redirectURL ?? '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: f.status === 0 ? 0 : text.length + 300,
      _error: f.error ?? null,
      _fetchedViaServiceWorker: false,
    },
    serverIPAddress: '127.0.0.1',
    startedDateTime: new Date(ms).toISOString(),
    time: 3.2,
    timings: {
      blocked: 0.4,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.1,
      wait: 2.1,
      receive: 0.6,
      _blocked_queueing: 0.3,
    },
  };
}

const origin = h('Origin', PAGE);
const fetchCors = [h('Sec-Fetch-Dest', 'empty'), h('Sec-Fetch-Mode', 'cors'), h('Sec-Fetch-Site', 'cross-site')];
const allowed = [
  h('Access-Control-Allow-Origin', PAGE),
  h('Vary', 'Origin'),
  h('Content-Type', 'application/json; charset=utf-8'),
];

/** The entries of one round of the mix (1 to 3 entries), appended to `out`. */
function round(i: number, out: object[]): void {
  const url = `${API}/api/items/${i}?view=full&lang=en`;
  const kind = i % 10;
  const at = out.length;
  if (kind < 4) {
    out.push(
      entry({
        i,
        method: 'GET',
        url,
        type: 'fetch',
        request: [origin, ...fetchCors],
        status: 200,
        statusText: 'OK',
        response: allowed,
        text: body(i),
      }),
    );
  } else if (kind < 6) {
    const ask = kind === 4 ? 'PUT' : 'GET';
    const json = [origin, h('Content-Type', 'application/json'), ...fetchCors];
    out.push(
      entry({
        i,
        method: 'PUT',
        url,
        type: 'fetch',
        request: json,
        status: kind === 4 ? 200 : 0,
        statusText: kind === 4 ? 'OK' : '',
        response: allowed,
        text: kind === 4 ? body(i) : '',
        postData: '{"name":"renamed","done":true}',
        ...(kind === 4 ? {} : { error: 'net::ERR_FAILED' }),
      }),
    );
    const preflight = [
      origin,
      h('Access-Control-Request-Method', 'PUT'),
      h('Access-Control-Request-Headers', 'content-type'),
      h('Sec-Fetch-Mode', 'cors'),
    ];
    const answer = [
      h('Access-Control-Allow-Origin', PAGE),
      h('Access-Control-Allow-Methods', ask),
      h('Access-Control-Allow-Headers', 'content-type'),
      h('Access-Control-Max-Age', '600'),
    ];
    out.push(
      entry({
        i,
        method: 'OPTIONS',
        url,
        type: 'preflight',
        request: preflight,
        status: 204,
        statusText: 'No Content',
        response: answer,
        init: { type: 'preflight', url, requestId: `${9000 + i}.${at}` },
      }),
    );
  } else if (kind === 6) {
    const moved = `${API}/api/v2/items/${i}`;
    out.push(
      entry({
        i,
        method: 'GET',
        url,
        type: 'fetch',
        request: [origin, ...fetchCors],
        status: 302,
        statusText: 'Found',
        response: [h('Location', moved), ...allowed],
        redirectURL: moved,
      }),
    );
    out.push(
      entry({
        i,
        method: 'GET',
        url: moved,
        type: 'fetch',
        request: [origin, ...fetchCors],
        status: 200,
        statusText: 'OK',
        response: allowed,
        text: body(i),
      }),
    );
  } else if (kind < 9) {
    const wrong = kind === 7 ? [] : [h('Access-Control-Allow-Origin', 'https://app.example.com')];
    out.push(
      entry({
        i,
        method: 'GET',
        url,
        type: 'fetch',
        request: [origin, ...fetchCors],
        status: kind === 7 ? 0 : 200,
        statusText: kind === 7 ? '' : 'OK',
        response: wrong,
        error: 'net::ERR_FAILED',
      }),
    );
  } else {
    const same = [h('Sec-Fetch-Dest', 'script'), h('Sec-Fetch-Mode', 'no-cors'), h('Sec-Fetch-Site', 'same-origin')];
    out.push(
      entry({
        i,
        method: 'GET',
        url: `${PAGE}/assets/chunk-${i}.js`,
        type: 'script',
        request: same,
        status: 200,
        statusText: 'OK',
        response: [h('Content-Type', 'text/javascript')],
        text: `export const chunk${i} = "…${i}";`,
      }),
    );
  }
}

/** Writes a HAR of at least `count` entries to `path`; returns the number written. */
export function writeChromiumHar(path: string, count: number): number {
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    `{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"startedDateTime":"2026-01-15T10:00:00.000Z","id":"page_1","title":"${PAGE}/dashboard","pageTimings":{"onContentLoad":310.2,"onLoad":402.9}}],"entries":[\n`,
  );
  let written = 0;
  const out: object[] = [];
  for (let i = 0; written < count; i++) {
    round(i, out);
    if (out.length >= 500 || written + out.length >= count) {
      writeSync(fd, (written === 0 ? '' : ',\n') + out.map((e) => JSON.stringify(e)).join(',\n'));
      written += out.length;
      out.length = 0;
    }
  }
  writeSync(fd, '\n]}}\n');
  closeSync(fd);
  return written;
}

/** One entry whose `Access-Control-Allow-Origin` is `bytes` long: the "single huge value" case. */
export function writeHugeValueHar(path: string, bytes: number): void {
  const value = `${PAGE}${'a'.repeat(bytes)}`;
  const one = entry({
    i: 0,
    method: 'GET',
    url: `${API}/huge`,
    type: 'fetch',
    request: [origin, ...fetchCors],
    status: 200,
    statusText: 'OK',
    response: [h('Access-Control-Allow-Origin', value)],
  });
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [one] } }),
  );
  closeSync(fd);
}
