import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Header fields in order; a name may repeat, to reproduce servers that send a header twice. */
export type Headers = ReadonlyArray<readonly [string, string]>;

export interface ResponseSpec {
  status?: number;
  headers?: Headers;
  body?: string;
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
  /** Sets how the API answers `path` and returns its absolute URL. */
  route(path: string, spec: RouteSpec): string;
  /** Requests the API received for `path` so far, oldest first. */
  received(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

const PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CORS Lens test page</title></head><body><h1>CORS Lens test page</h1></body></html>';

function send(res: ServerResponse, spec: ResponseSpec): void {
  // writeHead with a flat [name, value, name, value] array keeps duplicate header lines separate.
  const flat = (spec.headers ?? []).flatMap(([name, value]) => [name, value]);
  res.writeHead(spec.status ?? 200, flat);
  res.end(spec.body ?? '');
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
  const log = new Map<string, ReceivedRequest[]>();

  const pages = createServer((_req, res) => send(res, { headers: [['Content-Type', 'text/html']], body: PAGE_HTML }));
  const api = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const entry = { method: req.method ?? 'GET', path, headers: req.headers };
    log.set(path, [...(log.get(path) ?? []), entry]);
    const route = routes.get(path);
    if (route === undefined) {
      send(res, { status: 404, body: 'no such test route' });
    } else if (req.method === 'OPTIONS' && route.preflight !== undefined) {
      send(res, route.preflight);
    } else {
      send(res, route.response ?? {});
    }
  });

  const [pagePort, apiPort] = await Promise.all([listen(pages, '127.0.0.1'), listen(api, '127.0.0.1')]);
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  return {
    pageOrigin: `http://localhost:${pagePort}`,
    apiOrigin,
    route(path, spec) {
      routes.set(path, spec);
      return `${apiOrigin}${path}`;
    },
    received: (path) => log.get(path) ?? [],
    close: async () => {
      await Promise.all([close(pages), close(api)]);
    },
  };
}
