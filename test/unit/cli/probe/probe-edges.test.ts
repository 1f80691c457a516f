/**
 * `cors-lens probe` at its edges, on real loopback servers: HTTPS with a self-signed certificate,
 * replaying a HAR entry, network failures and exit codes, hostile bytes from the server, a body
 * that never ends and a header block that is too big, and the machine formats.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harEntry, harLog } from '../../report/har-fixture';
import { hasRawControl, runCli, tempDir, tempFile } from '../run-cli';
import { type Handler, type LoopbackServer, receivedHeader, startServer } from './loopback-server';

const PAGE = 'http://localhost:3000';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: Handler, tls?: { key: string; cert: string }): Promise<LoopbackServer> {
  const server = await startServer(handler, tls);
  closers.push(() => server.close());
  return server;
}

/** A TCP server that writes `response` verbatim to each connection (bytes no HTTP library would send). */
async function serveRaw(response: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => response(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(
    () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  );
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
}

const allowPage: Handler = (_req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' }).end('{}');
};

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed certificate for 127.0.0.1, made now with openssl. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = tempDir();
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

describe('cors-lens probe over HTTPS', () => {
  // Only this case needs openssl; without it the case says so instead of passing silently.
  it.skipIf(!hasOpenssl())(
    'refuses a self-signed certificate as Chromium does (exit 2), and --insecure accepts it',
    async () => {
      const server = await serve(allowPage, selfSignedCertificate());
      const refused = await runCli(['probe', `${server.origin}/tls`, '--origin', PAGE]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('net::ERR_CERT_AUTHORITY_INVALID');
      expect(refused.stderr).toContain('--insecure accepts any certificate');
      expect(server.received).toEqual([]);
      const accepted = await runCli(['probe', `${server.origin}/tls`, '--origin', PAGE, '--insecure']);
      expect(accepted.code).toBe(0);
      expect(receivedHeader(server.received[0], 'origin')).toBe(PAGE);
    },
  );
  if (!hasOpenssl()) console.warn('SKIPPED: the HTTPS probe test needs openssl on PATH to make its certificate');
});

describe('cors-lens probe --from-har', () => {
  it('replays the captured method, URL, headers, origin and credentials mode of the entry', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'OPTIONS')
        res
          .writeHead(204, {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'PATCH',
          })
          .end();
      else res.writeHead(200, { 'Access-Control-Allow-Origin': PAGE }).end();
    });
    const url = `${server.origin}/orders/7`;
    const har = harLog([
      harEntry('GET', `${PAGE}/`, [], 200),
      harEntry(
        'PATCH',
        url,
        [
          ['Origin', PAGE],
          ['X-Api-Key', 'k'],
          ['Cookie', 'session=1'],
          ['User-Agent', 'Chrome'],
          ['Sec-Fetch-Mode', 'cors'],
        ],
        0,
        [],
        {},
        { _error: 'net::ERR_FAILED' },
      ),
    ]);
    const file = tempFile('captured.har', JSON.stringify(har));
    const { code, stdout } = await runCli(['probe', '--from-har', file, '--entry', '1']);
    // The captured Cookie makes it credentialed; the server now lets PATCH through, but not X-Api-Key.
    expect(code).toBe(1);
    expect(stdout).toContain('code HeaderDisallowedByPreflightResponse (x-api-key)');
    const [preflight] = server.received;
    expect(preflight?.method).toBe('OPTIONS');
    expect(preflight?.path).toBe('/orders/7');
    expect(receivedHeader(preflight, 'access-control-request-method')).toBe('PATCH');
    expect(receivedHeader(preflight, 'access-control-request-headers')).toBe('x-api-key');
    expect(receivedHeader(preflight, 'origin')).toBe(PAGE);
    // The browser's own headers are the probe's now, not the captured ones.
    expect(receivedHeader(preflight, 'user-agent')).toMatch(/^cors-lens\//);
    expect(receivedHeader(preflight, 'sec-fetch-mode')).toBeUndefined();
    expect(stdout).toContain("credentials 'include'");
  });

  it("leaves out the headers the browser added itself (Priority, DevTools' Cache-Control, HTTP/2 pseudo-headers)", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': '*' }).end();
    });
    const simple = harEntry(
      'GET',
      `${server.origin}/simple`,
      [
        [':authority', '127.0.0.1'],
        ['Accept', '*/*'],
        ['Origin', PAGE],
        ['Priority', 'u=1, i'],
        ['Cache-Control', 'no-cache'],
        ['Pragma', 'no-cache'],
      ],
      200,
      [['Access-Control-Allow-Origin', PAGE]],
    );
    const preflighted = harEntry(
      'POST',
      `${server.origin}/preflighted`,
      [
        ['Origin', PAGE],
        ['X-Api-Key', 'k'],
        ['Cache-Control', 'no-cache'],
        ['Content-Type', 'text/plain'],
      ],
      200,
    );
    const preflight = harEntry(
      'OPTIONS',
      `${server.origin}/preflighted`,
      [
        ['Origin', PAGE],
        ['Access-Control-Request-Method', 'POST'],
        ['Access-Control-Request-Headers', 'x-api-key'],
      ],
      204,
    );
    const file = tempFile('added.har', JSON.stringify(harLog([simple, preflight, preflighted])));
    expect((await runCli(['probe', '--from-har', file, '--entry', '0'])).code).toBe(0);
    expect(server.received.map((r) => r.method)).toEqual(['GET']);
    for (const name of ['priority', 'cache-control', 'pragma'])
      expect(receivedHeader(server.received[0], name), name).toBeUndefined();
    expect(receivedHeader(server.received[0], 'accept')).toBe('*/*');
    // The preflight lists the page's own unsafe headers: Cache-Control was DevTools'.
    await runCli(['probe', '--from-har', file, '--entry', '1']);
    const [, again, post] = server.received;
    expect(again?.method).toBe('OPTIONS');
    expect(receivedHeader(again, 'access-control-request-headers')).toBe('x-api-key');
    expect(receivedHeader(post, 'content-type')).toBe('text/plain');
    expect(receivedHeader(post, 'cache-control')).toBeUndefined();
  });

  it('says which entries exist when the entry is not a request (exit 2)', async () => {
    const file = tempFile('one.har', JSON.stringify(harLog([harEntry('GET', `${PAGE}/`, [], 200)])));
    const { code, stderr } = await runCli(['probe', '--from-har', file, '--entry', '5']);
    expect(code).toBe(2);
    expect(stderr).toContain('entry 5 is not a request CORS Lens can replay (the log has 1 entries');
  });
});

describe('cors-lens probe: exit codes and failures', () => {
  it('exit 2 with "could not connect" when nothing listens', async () => {
    const server = await serve(allowPage);
    const url = `${server.origin}/`;
    await server.close();
    const { code, stdout, stderr } = await runCli(['probe', url, '--origin', PAGE]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cors-lens: could not connect: GET ${url}: net::ERR_CONNECTION_REFUSED`);
    // The report still says it: not a CORS problem.
    expect(stdout).toContain('Not a CORS problem');
  });

  it.each([
    [['probe', 'http://127.0.0.1:1/'], 'missing --origin'],
    [['probe', '--origin', PAGE], 'missing the URL'],
    [['probe', 'ftp://127.0.0.1/', '--origin', PAGE], 'is not an http(s) URL'],
    [['probe', 'http://127.0.0.1:1/', '--origin', 'localhost'], 'is not an http(s) origin'],
    [['probe', 'http://127.0.0.1:1/', '--origin', PAGE, '-X', 'TRACE'], 'forbidden method'],
    [['probe', 'http://127.0.0.1:1/', '--origin', PAGE, '-H', 'X-A: a\u0000b'], 'a byte a browser refuses to send'],
    [['probe', 'http://127.0.0.1:1/', '--origin', PAGE, '-H', 'no colon'], "is not 'Name: value'"],
    [['probe', 'http://127.0.0.1:1/', '--origin', PAGE, '--timeout', '0'], 'is not 0–600 seconds'],
    [['probe', 'http://127.0.0.1:1/', '--from-har', 'x.har', '--entry', '0'], '--from-har replays the URL it captured'],
    [['probe', '--from-har', 'x.har', '--entry', '0', '-X', 'PUT'], 'drop --method'],
    [['probe', '--from-har', 'x.har', '--entry', 'one'], 'is not an entry index'],
    [['analyze', 'x.har', '--origin', PAGE], '--origin is an option of probe, not analyze'],
  ])('usage error %j → exit 2 (%s)', async (argv, message) => {
    const { code, stderr, stdout } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('reads only the head: a body that never ends does not hold the probe', async () => {
    const url = await serveRaw((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: ${PAGE}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    const started = Date.now();
    const { code } = await runCli(['probe', `${url}/stream`, '--origin', PAGE]);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a header block beyond 256 KiB is Chromium's net::ERR_RESPONSE_HEADERS_TOO_BIG (exit 2)", async () => {
    const url = await serveRaw((socket) => {
      socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(300 * 1024)}\r\n\r\n`);
    });
    const { code, stderr } = await runCli(['probe', `${url}/big`, '--origin', PAGE]);
    expect(code).toBe(2);
    expect(stderr).toContain('net::ERR_RESPONSE_HEADERS_TOO_BIG');
  });
});

describe('cors-lens probe: hostile servers', () => {
  const ESC = '\u001b[31m';
  // Bytes a server can put in a header line (latin1: Node reads header bytes one to one).
  const hostile = `${ESC}red\u001b]8;;http://evil.example\u0007link\u009b2K\u0085\u0008 forged`;

  async function hostileServer(): Promise<string> {
    return serveRaw((socket) => {
      socket.end(
        `HTTP/1.1 302 Fo${ESC}und\r\nLocation: /x${ESC}\u0007y\r\nAccess-Control-Allow-Origin: ${hostile}\r\nContent-Length: 0\r\n\r\n`,
        'latin1',
      );
    });
  }

  it.each(['text', 'github', 'junit'])(
    'escapes every server-controlled byte before the terminal (--format %s)',
    async (format) => {
      const url = await hostileServer();
      const { code, stdout, stderr } = await runCli([
        'probe',
        `${url}/h`,
        '--origin',
        PAGE,
        '--format',
        format,
        '--stack',
        'nginx',
      ]);
      expect(code).toBe(1);
      expect(hasRawControl(stdout), stdout).toBe(false);
      expect(hasRawControl(stderr)).toBe(false);
      expect(stdout).toContain('\\x1B');
    },
  );

  it('JSON carries the raw values, escaped by JSON', async () => {
    const url = await hostileServer();
    const { code, stdout } = await runCli(['probe', `${url}/h`, '--origin', PAGE, '--json']);
    expect(code).toBe(1);
    expect(hasRawControl(stdout)).toBe(false);
    const parsed = JSON.parse(stdout);
    expect(parsed.probe).toEqual({ url: `${url}/h`, origin: PAGE, method: 'GET', credentials: false });
    expect(parsed.requests).toHaveLength(1);
    expect(parsed.requests[0].responseHeaders).toContainEqual(['Access-Control-Allow-Origin', hostile]);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]).toMatchObject({ role: 'request', blocked: true, stage: 'redirect' });
  });
});
