/**
 * `cors-lens probe` against real loopback servers (no mocked network): what goes on the wire
 * (Origin, the preflight's Access-Control-Request-*, cookies, redirects followed by hand) and the
 * verdict, report and exit code that come back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { type Handler, type LoopbackServer, receivedHeader, startServer } from './loopback-server';

const PAGE = 'http://localhost:3000';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

/** Answers preflights with `preflight` and other requests 200 with `response`, no body read. */
function answers(preflight: [string, string][], response: [string, string][], preflightStatus = 204): Handler {
  return (req, res) => {
    res.writeHead(
      req.method === 'OPTIONS' ? preflightStatus : 200,
      (req.method === 'OPTIONS' ? preflight : response).flat(),
    );
    res.end(req.method === 'OPTIONS' ? '' : '{"ok":true}');
  };
}

const probe = (url: string, ...rest: string[]) => runCli(['probe', url, '--origin', PAGE, ...rest]);

describe('cors-lens probe: a simple request', () => {
  it('sends one GET with Origin and no preflight, and passes (exit 0) when the origin is allowed', async () => {
    const server = await serve(
      answers(
        [],
        [
          ['Access-Control-Allow-Origin', PAGE],
          ['Vary', 'Origin'],
        ],
      ),
    );
    const { code, stdout } = await probe(`${server.origin}/data`);
    expect(code).toBe(0);
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /data']);
    const [sent] = server.received;
    expect(receivedHeader(sent, 'origin')).toBe(PAGE);
    expect(receivedHeader(sent, 'accept')).toBe('*/*');
    expect(receivedHeader(sent, 'cookie')).toBeUndefined();
    expect(receivedHeader(sent, 'access-control-request-method')).toBeUndefined();
    expect(stdout).toContain(`probe GET ${server.origin}/data from ${PAGE}, no credentials`);
    expect(stdout).toContain('0 blocked');
    expect(stdout).toMatch(/✓ GET .*\/data\n {4}Allowed/);
  });

  it('is blocked (exit 1) without Access-Control-Allow-Origin, with the fix for a chosen stack', async () => {
    const server = await serve(answers([], []));
    const { code, stdout } = await probe(`${server.origin}/none`, '--stack', 'express');
    expect(code).toBe(1);
    expect(stdout).toContain('code MissingAllowOriginHeader, response stage, HTTP 200');
    expect(stdout).toContain('header    access-control-allow-origin');
    expect(stdout).toContain(`expected  ${PAGE}`);
    expect(stdout).toContain('received  (absent)');
    expect(stdout).toContain('fix for Express (cors):');
  });
});

describe('cors-lens probe: a preflighted request', () => {
  it('preflights with the method and the lower-cased, sorted, comma-joined unsafe header names, then sends the request', async () => {
    const server = await serve(
      answers(
        [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Access-Control-Allow-Headers', 'X-B, x-a, content-type'],
        ],
        [['Access-Control-Allow-Origin', PAGE]],
      ),
    );
    const headers = ['X-B: 2', 'x-a: 1', 'Content-Type: application/json', 'Accept-Language: en'];
    const { code, stdout } = await probe(
      `${server.origin}/item`,
      '--method',
      'put',
      ...headers.flatMap((h) => ['-H', h]),
    );
    expect(code).toBe(0);
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['OPTIONS /item', 'PUT /item']);
    const [preflight, actual] = server.received;
    expect(receivedHeader(preflight, 'access-control-request-method')).toBe('PUT');
    // Accept-Language with a safe value is safelisted: not asked about.
    expect(receivedHeader(preflight, 'access-control-request-headers')).toBe('content-type,x-a,x-b');
    expect(receivedHeader(preflight, 'origin')).toBe(PAGE);
    expect(receivedHeader(preflight, 'x-a')).toBeUndefined();
    expect(receivedHeader(actual, 'x-a')).toBe('1');
    expect(receivedHeader(actual, 'content-type')).toBe('application/json');
    expect(receivedHeader(actual, 'origin')).toBe(PAGE);
    expect(stdout).toContain('(preflight)  Origin: http://localhost:3000, Access-Control-Request-Method: PUT');
  });

  it('names the refused header as Chromium does and never sends the request', async () => {
    const server = await serve(
      answers(
        [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Headers', 'x-other'],
        ],
        [['Access-Control-Allow-Origin', PAGE]],
      ),
    );
    const { code, stdout } = await probe(`${server.origin}/key`, '-H', 'X-Api-Key: k');
    expect(code).toBe(1);
    expect(server.received.map((r) => r.method)).toEqual(['OPTIONS']);
    expect(stdout).toContain('code HeaderDisallowedByPreflightResponse (x-api-key), preflight stage, HTTP 204');
    expect(stdout).toContain('not sent: its preflight failed');
  });

  it('never follows a redirected preflight: PreflightDisallowedRedirect, nothing sent to the Location', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(301, { Location: '/moved/' }).end();
    });
    const { code, stdout } = await probe(`${server.origin}/moved`, '-X', 'DELETE');
    expect(code).toBe(1);
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['OPTIONS /moved']);
    expect(stdout).toContain('code PreflightDisallowedRedirect');
  });
});

describe('cors-lens probe: credentials', () => {
  it('sends the given Cookie only with --credentials, never on the preflight, and fails "*" with credentials', async () => {
    const server = await serve(
      answers(
        [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Headers', 'x-a'],
        ],
        [
          ['Access-Control-Allow-Origin', '*'],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
      ),
    );
    const { code, stdout } = await probe(
      `${server.origin}/me`,
      '--credentials',
      '-H',
      'Cookie: session=1',
      '-H',
      'Authorization: Bearer t',
    );
    expect(code).toBe(1);
    const [preflight] = server.received;
    expect(receivedHeader(preflight, 'cookie')).toBeUndefined();
    expect(receivedHeader(preflight, 'authorization')).toBeUndefined();
    expect(receivedHeader(preflight, 'access-control-request-headers')).toBe('authorization');
    // The preflight's own "*" is literal with credentials: it is refused there, before the request.
    expect(stdout).toContain("credentials 'include'");
    expect(stdout).toContain('code PreflightWildcardOriginNotAllowed');
  });

  it('credentialed GET: the cookie goes out, and the exact origin plus Allow-Credentials passes', async () => {
    const server = await serve(
      answers(
        [],
        [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Vary', 'Origin'],
        ],
      ),
    );
    const { code } = await probe(`${server.origin}/me`, '--credentials', '-H', 'Cookie: session=1');
    expect(code).toBe(0);
    expect(receivedHeader(server.received[0], 'cookie')).toBe('session=1');
  });

  it('refuses a Cookie without --credentials and a header only the browser sets (exit 2, nothing sent)', async () => {
    const server = await serve(answers([], []));
    const cookie = await probe(`${server.origin}/`, '-H', 'Cookie: a=1');
    expect(cookie.code).toBe(2);
    expect(cookie.stderr).toContain('--header Cookie needs --credentials');
    const host = await probe(`${server.origin}/`, '-H', 'Host: evil.example');
    expect(host.code).toBe(2);
    expect(host.stderr).toContain('a forbidden header');
    expect(server.received).toEqual([]);
  });
});

describe('cors-lens probe: redirects', () => {
  it('after a redirect to another origin sends Origin: null, and judges the final answer for null', async () => {
    const server = await serve((req, res, self) => {
      if (req.url === '/start') {
        res.writeHead(302, { Location: `${self.otherOrigin}/final`, 'Access-Control-Allow-Origin': PAGE }).end();
      } else res.writeHead(200, { 'Access-Control-Allow-Origin': PAGE }).end('{}');
    });
    const { code, stdout } = await probe(`${server.origin}/start`);
    expect(code).toBe(1);
    expect(server.received.map((r) => r.path)).toEqual(['/start', '/final']);
    expect(receivedHeader(server.received[1], 'origin')).toBe('null');
    expect(stdout).toContain(`AllowOriginMismatch (${PAGE})`);
    expect(stdout).toContain('expected  null');
  });

  it('preflights again at the new origin (Origin: null), without the Authorization the cross-origin hop dropped', async () => {
    const allowAll: [string, string][] = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'authorization, x-a'],
    ];
    const server = await serve((req, res, self) => {
      if (req.method === 'OPTIONS') res.writeHead(204, allowAll.flat()).end();
      else if (req.url === '/a')
        res.writeHead(307, { Location: `${self.otherOrigin}/b`, 'Access-Control-Allow-Origin': '*' }).end();
      else res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end();
    });
    const { code } = await probe(`${server.origin}/a`, '-X', 'PUT', '-H', 'Authorization: Bearer t', '-H', 'X-A: 1');
    expect(code).toBe(0);
    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'OPTIONS /a',
      'PUT /a',
      'OPTIONS /b',
      'PUT /b',
    ]);
    const [, first, again, second] = server.received;
    expect(receivedHeader(first, 'authorization')).toBe('Bearer t');
    expect(receivedHeader(again, 'origin')).toBe('null');
    expect(receivedHeader(again, 'access-control-request-headers')).toBe('x-a');
    expect(receivedHeader(second, 'authorization')).toBeUndefined();
    expect(receivedHeader(second, 'origin')).toBe('null');
  });

  it('stops at a 3xx that fails its own CORS check, without following it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere' }).end();
    });
    const { code, stdout } = await probe(`${server.origin}/r`);
    expect(code).toBe(1);
    expect(server.received.map((r) => r.path)).toEqual(['/r']);
    expect(stdout).toContain('code MissingAllowOriginHeader, redirect stage, HTTP 302');
  });
});
