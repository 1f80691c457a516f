/**
 * Real loopback servers for the probe's tests: node:http (or node:https) on 127.0.0.1 and a free
 * port, answering each request from a handler, and keeping every request it received (method,
 * path, header lines in wire order) so a test can assert what went on the wire.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: [string, string][];
}

export interface LoopbackServer {
  /** `http(s)://127.0.0.1:<port>`. */
  origin: string;
  /** The same server under another origin: `http(s)://localhost:<port>`. */
  otherOrigin: string;
  received: Received[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: LoopbackServer) => void;

/** The value of `name` in a received request's header lines, or undefined. */
export function receivedHeader(request: Received | undefined, name: string): string | undefined {
  return request?.headers.find(([candidate]) => candidate.toLowerCase() === name)?.[1];
}

export async function startServer(handler: Handler, tls?: { key: string; cert: string }): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const received: Received[] = [];
  let self: LoopbackServer | undefined;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    received.push({ method: req.method ?? '', path: req.url ?? '', headers });
    handler(req, res, self as LoopbackServer);
  };
  const server: Server = tls === undefined ? createHttpServer(listener) : createHttpsServer(tls, listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // TLS servers report connections on secureConnection too; plain sockets are enough to close.
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const scheme = tls === undefined ? 'http' : 'https';
  self = {
    origin: `${scheme}://127.0.0.1:${port}`,
    otherOrigin: `${scheme}://localhost:${port}`,
    received,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
  return self;
}
