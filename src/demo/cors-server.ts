import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Header fields in order; a name may repeat, to reproduce servers that send a header twice. */
export type Headers = ReadonlyArray<readonly [string, string]>;

export interface ResponseSpec {
  status?: number;
  headers?: Headers;
  body?: string;
  /** Close the connection without answering (the browser sees a network error such as net::ERR_EMPTY_RESPONSE). */
  hangUp?: boolean;
  /** Answer only after this many milliseconds, to hold a request in flight. */
  delayMs?: number;
  /** Answer only once this resolves, so a test decides when the response leaves. */
  heldUntil?: () => Promise<void>;
}

/** How the API answers one path: its preflight (OPTIONS) and every other method. */
export interface RouteSpec {
  preflight?: ResponseSpec;
  response?: ResponseSpec;
}

/** A request the API received, for asserting what really reached the server. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CorsTestServer {
  /** `http://localhost:<port>`: serves HTML pages at any path. */
  pageOrigin: string;
  /** `http://127.0.0.1:<port>`: the API, a different origin from the pages. */
  apiOrigin: string;
  /**
   * `http://127.0.0.1:<port>`: the same pages on a port of their own, which a browser started with
   * `--ip-address-space-overrides=<host:port>=public` (see `publicPageOverride`) takes for a public
   * server, so its requests to the loopback API are Local Network Access requests.
   */
  publicPageOrigin: string;
  /**
   * `http://localhost:<api port>`: the same API routes reached under a third origin (same host as
   * the pages, same port as the API), for redirects that leave the API's origin.
   */
  otherOrigin: string;
  /** Sets how the API answers `path` and returns its absolute URL. */
  route(path: string, spec: RouteSpec): string;
  /**
   * Sets how the page origin answers `path` (instead of the test page) and returns its absolute
   * URL, for redirects back to the page's own origin.
   */
  pageRoute(path: string, spec: RouteSpec): string;
  /** Requests the API received for `path` so far, oldest first. */
  received(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

const PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CORS Lens test page</title></head><body><h1>CORS Lens test page</h1></body></html>';

function send(res: ServerResponse, spec: ResponseSpec): void {
  if (spec.heldUntil !== undefined) {
    void spec.heldUntil().then(() => send(res, { ...spec, heldUntil: undefined }));
    return;
  }
  if (spec.delayMs !== undefined && spec.delayMs > 0) {
    setTimeout(() => send(res, { ...spec, delayMs: 0 }), spec.delayMs);
    return;
  }
  if (spec.hangUp === true) {
    res.socket?.destroy();
    return;
  }
  // writeHead with a flat [name, value, name, value] array keeps duplicate header lines separate.
  const flat = (spec.headers ?? []).flat();
  res.writeHead(spec.status ?? 200, flat);
  res.end(spec.body ?? '');
}

/**
 * Node's HTTP parser rejects request methods that are not uppercase registered tokens (a `patch`
 * that `fetch` leaves lowercase). Parse such a request head by hand and answer it from `routes`,
 * so the browser gets the route's response rather than Node's bare 400.
 */
function answerUnparsedMethod(
  error: Error & { rawPacket?: Buffer },
  socket: Socket,
  routeFor: (method: string, path: string, headers: Record<string, string>) => ResponseSpec | undefined,
): void {
  const head = error.rawPacket?.toString('latin1').split('\r\n\r\n')[0] ?? '';
  const [requestLine = '', ...headerLines] = head.split('\r\n');
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.1$/.exec(requestLine);
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  const spec = match?.[1] !== undefined && match[2] !== undefined ? routeFor(match[1], match[2], headers) : undefined;
  if (spec === undefined || !socket.writable) {
    // What Node does for any request it cannot parse.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
    return;
  }
  const body = spec.body ?? '';
  const lines = [
    `HTTP/1.1 ${spec.status ?? 200} Test`,
    ...(spec.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Starts the page server and the API server on loopback. */
export async function startCorsTestServer(): Promise<CorsTestServer> {
  const routes = new Map<string, RouteSpec>();
  const pageRoutes = new Map<string, RouteSpec>();
  const log = new Map<string, ReceivedRequest[]>();

  const answer = (route: RouteSpec, req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS' && route.preflight !== undefined) {
      send(res, route.preflight);
    } else {
      send(res, route.response ?? {});
    }
  };

  const servePage = (req: IncomingMessage, res: ServerResponse) => {
    const route = pageRoutes.get((req.url ?? '/').split('?')[0] ?? '/');
    if (route === undefined) {
      send(res, { headers: [['Content-Type', 'text/html']], body: PAGE_HTML });
    } else {
      answer(route, req, res);
    }
  };
  const pages = createServer(servePage);
  const publicPages = createServer(servePage);
  const api = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const entry = { method: req.method ?? 'GET', path, headers: req.headers };
    log.set(path, [...(log.get(path) ?? []), entry]);
    const route = routes.get(path);
    if (route === undefined) {
      send(res, { status: 404, body: 'no such test route' });
    } else {
      answer(route, req, res);
    }
  });

  api.on('clientError', (error: Error & { rawPacket?: Buffer; code?: string }, socket: Socket) => {
    if (error.code !== 'HPE_INVALID_METHOD') {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
      return;
    }
    answerUnparsedMethod(error, socket, (method, url, headers) => {
      const path = url.split('?')[0] ?? '/';
      log.set(path, [...(log.get(path) ?? []), { method, path, headers }]);
      return routes.get(path)?.response;
    });
  });

  const [pagePort, apiPort, publicPort] = await Promise.all([
    listen(pages, '127.0.0.1'),
    listen(api, '127.0.0.1'),
    listen(publicPages, '127.0.0.1'),
  ]);
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  const pageOrigin = `http://localhost:${pagePort}`;
  return {
    pageOrigin,
    apiOrigin,
    otherOrigin: `http://localhost:${apiPort}`,
    publicPageOrigin: `http://127.0.0.1:${publicPort}`,
    route(path, spec) {
      routes.set(path, spec);
      return `${apiOrigin}${path}`;
    },
    pageRoute(path, spec) {
      pageRoutes.set(path, spec);
      return `${pageOrigin}${path}`;
    },
    received: (path) => log.get(path) ?? [],
    close: async () => {
      await Promise.all([close(pages), close(api), close(publicPages)]);
    },
  };
}

/** The Chromium switch that makes `server.publicPageOrigin` a public address (Local Network Access tests). */
export function publicPageOverride(server: Pick<CorsTestServer, 'publicPageOrigin'>): string {
  return `--ip-address-space-overrides=${server.publicPageOrigin.replace(/^http:\/\//, '')}=public`;
}
