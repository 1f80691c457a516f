import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { type DemoCase, type DemoOrigins, demoCases } from './cases';
import { type CorsTestServer, startCorsTestServer } from './cors-server';

/** The path on the page origin where the page reads which origins this run uses. */
export const CONFIG_PATH = '/demo-config.json';

export interface DemoServer {
  origins: DemoOrigins;
  /** The app page. */
  pageUrl: string;
  cases: readonly DemoCase[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Serves the built page (`dist-demo/page/`) on the page origin, `index.html` at `/`. */
function servePage(server: CorsTestServer, pageDir: string): void {
  for (const file of filesUnder(pageDir)) {
    const type = CONTENT_TYPES[extname(file)];
    if (type === undefined) continue;
    const path = `/${relative(pageDir, file).split(sep).join('/')}`;
    const spec = {
      response: { status: 200, headers: [['Content-Type', type]] as const, body: readFileSync(file, 'utf8') },
    };
    server.pageRoute(path, spec);
    if (path === '/index.html') server.pageRoute('/', spec);
  }
}

/**
 * Starts the demo: the app page on `http://localhost:<port>` and the API on
 * `http://127.0.0.1:<port>`, both on free loopback ports, the API answering every case of
 * `demoCases`.
 */
export async function startDemoServer(pageDir: string): Promise<DemoServer> {
  const server = await startCorsTestServer();
  const origins: DemoOrigins = { page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin };
  const cases = demoCases(origins);
  for (const demoCase of cases) {
    for (const route of demoCase.routes) server.route(route.path, route.spec);
  }
  servePage(server, pageDir);
  server.pageRoute(CONFIG_PATH, {
    response: {
      status: 200,
      headers: [
        ['Content-Type', 'application/json'],
        ['Cache-Control', 'no-store'],
      ],
      body: JSON.stringify(origins),
    },
  });
  return { origins, pageUrl: `${origins.page}/`, cases, close: () => server.close() };
}
