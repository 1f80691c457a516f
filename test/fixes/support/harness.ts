/** Starting a stack's server from a Launch, and the application that proxies forward to. */
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { type AppRoute, AUTHORIZATION, CANONICAL_HOST, TOTAL_COUNT, TOTAL_COUNT_HEADER } from './cases';
import { run, ServerProcess, waitForHttp } from './processes';
import { APP_BODY, type Launch, ROUTE_ALLOW_ORIGIN, type ServerEnv, type StackHarness } from './stack';

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cors-lens-fix-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function onPath(name: string): boolean {
  const candidates = isAbsolute(name) ? [name] : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, name));
  return candidates.some((path) => {
    try {
      accessSync(path, constants.R_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Fails loudly, naming what is missing, when the stack's software is not installed. */
export function requireSoftware(stack: StackHarness): void {
  const missing = stack.requires.filter((name) => !onPath(name));
  if (missing.length > 0) {
    throw new Error(
      `${stack.id}: ${missing.join(', ')} not installed (${stack.software}). ` +
        'Run `bash .ci/run` (or its apt-get line) to install the fix-verification servers.',
    );
  }
}

/** Writes the launch's files, builds, starts the server and waits until it answers. */
export async function startServer(launch: Launch, env: ServerEnv): Promise<ServerProcess> {
  for (const [name, text] of Object.entries(launch.files)) {
    const path = join(env.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  if (launch.build !== undefined) {
    await run({ command: launch.build.command, args: launch.build.args, cwd: env.dir, env: launch.build.env });
  }
  const server = new ServerProcess({ command: launch.command, args: launch.args, cwd: env.dir, env: launch.env });
  try {
    await waitForHttp(`http://127.0.0.1:${env.port}/`, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * The application behind nginx, Apache and Caddy: answers every method on every path with
 * APP_BODY and no CORS header; OPTIONS gets 405 as from an app that knows nothing of CORS; with
 * `auth`, anything without the right Authorization gets 401 first, as from an auth layer; `route`
 * adds the application's own headers to its answer, or (`redirect`) sends a request whose Host is
 * 127.0.0.1 to the same path on localhost, building the URL from the Host the proxy passed on, or
 * (`slashRedirect`) sends a path without its trailing slash to the path with it, whatever the method.
 */
export async function startUpstream(
  auth: boolean,
  route: AppRoute,
): Promise<{ address: string; close(): Promise<void> }> {
  const own: Record<string, string> = {
    ...(route.totalCount ? { [TOTAL_COUNT_HEADER]: TOTAL_COUNT } : {}),
    ...(route.allowOrigin ? { 'Access-Control-Allow-Origin': ROUTE_ALLOW_ORIGIN } : {}),
  };
  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const path = req.url ?? '/';
    if (route.slashRedirect && !path.endsWith('/')) {
      res.writeHead(301, { Location: `${path}/` }).end();
    } else if (route.redirect && host.startsWith('127.0.0.1:')) {
      const port = host.slice('127.0.0.1:'.length);
      res.writeHead(302, { Location: `http://${CANONICAL_HOST}:${port}${path}` }).end();
    } else if (auth && req.headers.authorization !== AUTHORIZATION) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' }).end('unauthorized');
    } else if (req.method === 'OPTIONS') {
      res.writeHead(405, { Allow: 'GET, HEAD, POST, PUT, PATCH, DELETE' }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain', ...own }).end(APP_BODY);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The path of the page that CSP sandboxes into an opaque origin, so its requests carry Origin: null. */
export const SANDBOXED_PAGE = '/sandboxed';

/** The page every request is made from: a blank HTML page on `http://localhost:<port>`. */
export async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const sandbox = req.url === SANDBOXED_PAGE ? { 'Content-Security-Policy': 'sandbox allow-scripts' } : {};
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...sandbox })
      .end('<!doctype html><html lang="en"><title>CORS Lens fix check</title><body>fix check</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
