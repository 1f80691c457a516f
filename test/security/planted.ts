/**
 * A HAR and a panel log with a distinct secret planted in every field that can carry one, for
 * grepping each export path's output. Every secret is recorded with the field it sits in, so a
 * failure names the field that leaked.
 */
import type { ExchangeRecord } from '../../src/model/exchange-record';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../fixtures/exchange-builder';
import { record } from '../unit/panel/records';
import { harEntry, harLog } from '../unit/report/har-fixture';

export interface Secret {
  where: string;
  value: string;
}

/** Hands out secrets `SECRET-<n>-x` (none a substring of another) and remembers where each went. */
export class Planted {
  readonly secrets: Secret[] = [];

  plant(where: string): string {
    const value = `SECRET-${this.secrets.length + 1}-x`;
    this.secrets.push({ where, value });
    return value;
  }

  /** The secrets found in `text`. */
  survivors(text: string): string[] {
    return this.secrets.filter((secret) => text.includes(secret.value)).map((s) => `${s.where} (${s.value})`);
  }
}

/**
 * A Chrome-DevTools-shaped HAR: a preflighted credentialed PUT, a redirect carrying an OAuth code
 * and token, a redirect refused for credentials in its Location (whose verdict quotes it), a
 * WebSocket, a malformed entry with a stale `_cors`, and the page and log around them.
 */
export function plantedHar(p: Planted): { log: Record<string, unknown> } {
  const query = `token=${p.plant('query token')}&access_token=${p.plant('query access_token')}&api_key=${p.plant('query api_key')}&page=2`;
  const itemsUrl = `${API_ORIGIN}/items?${query}`;
  const asked = 'authorization,content-type,x-api-key,x-auth-token,x-csrf-token,x-session-id';
  const preflightEntry = harEntry(
    'OPTIONS',
    itemsUrl,
    [
      ['Origin', PAGE_ORIGIN],
      ['Access-Control-Request-Method', 'PUT'],
      ['Access-Control-Request-Headers', asked],
    ],
    204,
    [
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', asked],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'],
    ],
    { _resourceType: 'preflight', _initiator: { type: 'preflight', url: itemsUrl, requestId: '1' } },
  );
  const put = harEntry(
    'PUT',
    itemsUrl,
    [
      ['Origin', PAGE_ORIGIN],
      ['Cookie', `sid=${p.plant('Cookie header')}`],
      ['Authorization', `Bearer ${p.plant('Authorization header')}`],
      ['Proxy-Authorization', `Basic ${p.plant('Proxy-Authorization header')}`],
      ['X-Api-Key', p.plant('X-Api-Key header')],
      ['X-Auth-Token', p.plant('X-Auth-Token header')],
      ['X-CSRF-Token', p.plant('X-CSRF-Token header')],
      ['X-Session-Id', p.plant('X-Session-Id header')],
      ['Content-Type', 'application/json'],
      ['Referer', `${PAGE_ORIGIN}/inbox?session=${p.plant('Referer query session')}`],
    ],
    200,
    [
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'],
      ['Set-Cookie', `sid=${p.plant('Set-Cookie header')}; HttpOnly`],
      ['X-Refresh-Token', p.plant('X-Refresh-Token response header')],
      ['Content-Location', `/items/1?sig=${p.plant('Content-Location query sig')}`],
      ['Content-Type', 'application/json'],
    ],
    {
      _resourceType: 'fetch',
      _requestId: '1',
      comment: p.plant('entry comment'),
      cache: { beforeRequest: { lastAccess: '', eTag: '', hitCount: 0, comment: p.plant('cache comment') } },
      _initiator: {
        type: 'script',
        url: `${PAGE_ORIGIN}/app.js?key=${p.plant('initiator url query key')}`,
        lineNumber: 1,
        stack: {
          callFrames: [
            {
              functionName: p.plant('initiator stack function name'),
              scriptId: '7',
              url: `${PAGE_ORIGIN}/${p.plant('initiator stack frame url')}.js`,
              lineNumber: 3,
              columnNumber: 9,
            },
          ],
          parent: { description: 'await', callFrames: [{ url: `${PAGE_ORIGIN}/${p.plant('parent stack url')}.js` }] },
        },
      },
    },
    {
      cookies: [{ name: 'sid', value: p.plant('response cookies value') }],
      content: { size: 40, mimeType: 'application/json', text: `{"balance":"${p.plant('response body')}"}` },
      comment: p.plant('response comment'),
    },
  );
  const request = put.request as Record<string, unknown>;
  request.cookies = [{ name: 'sid', value: p.plant('request cookies value') }];
  request.queryString = [{ name: 'token', value: p.plant('queryString token') }];
  request.postData = {
    mimeType: 'application/json',
    text: `{"password":"${p.plant('postData text')}"}`,
    params: [{ name: 'password', value: p.plant('postData params value') }],
  };
  request.comment = p.plant('request comment');

  const nextUrl = `${API_ORIGIN}/next?access_token=${p.plant('redirect Location access_token')}`;
  const login = harEntry(
    'GET',
    `${API_ORIGIN}/login?code=${p.plant('query code')}&state=abc`,
    [['Origin', PAGE_ORIGIN]],
    302,
    [
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ['Location', nextUrl],
    ],
    { _resourceType: 'fetch' },
    { redirectURL: nextUrl },
  );
  const next = harEntry(
    'GET',
    nextUrl,
    [['Origin', PAGE_ORIGIN]],
    200,
    [['Access-Control-Allow-Origin', PAGE_ORIGIN]],
    {
      _resourceType: 'fetch',
    },
  );

  const credentialed = `http://bob:${p.plant('Location userinfo')}@127.0.0.1:8081/data?client_secret=${p.plant('Location client_secret')}`;
  const refused = harEntry(
    'GET',
    `http://carol:${p.plant('URL userinfo')}@127.0.0.1:8080/r`,
    [['Origin', PAGE_ORIGIN]],
    302,
    [
      ['Access-Control-Allow-Origin', PAGE_ORIGIN],
      ['Location', credentialed],
    ],
    { _resourceType: 'fetch' },
    { redirectURL: credentialed, _error: 'net::ERR_FAILED' },
  );

  const socket = harEntry('GET', `ws://127.0.0.1:8080/live?jwt=${p.plant('WebSocket URL jwt')}`, [], 101, [], {
    _resourceType: 'websocket',
    _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: `{"auth":"${p.plant('WebSocket message')}"}` }],
  });

  const malformed = {
    request: { url: `${API_ORIGIN}/x`, headers: [{ name: 'Cookie', value: p.plant('malformed entry Cookie') }] },
    _cors: { summary: `Stale verdict for ${API_ORIGIN}/x?password=${p.plant('stale _cors quoted URL password')}` },
  };

  const log = harLog([preflightEntry, put, login, next, refused, socket, malformed]);
  log.log.pages = [
    {
      startedDateTime: '2026-01-15T10:00:00.000Z',
      id: 'page_1',
      title: `Inbox of ${p.plant('page title')}`,
      pageTimings: { onContentLoad: 1, onLoad: 2, comment: p.plant('pageTimings comment') },
      comment: p.plant('page comment'),
    },
  ];
  log.log.comment = p.plant('log comment');
  return log;
}

/** Records as the panel holds them: a preflighted credentialed PUT, a redirect with an OAuth code, a refused redirect. */
export function plantedRecords(p: Planted): ExchangeRecord[] {
  const itemsUrl = `${API_ORIGIN}/items?token=${p.plant('panel query token')}&api_key=${p.plant('panel query api_key')}`;
  const asked = ['authorization', 'x-api-key', 'x-auth-token', 'x-csrf-token'];
  const allowAll = [
    ['Access-Control-Allow-Origin', PAGE_ORIGIN],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Methods', 'PUT'],
    ['Access-Control-Allow-Headers', asked.join(', ')],
  ] as const;
  const put = exchange({
    request: {
      url: itemsUrl,
      method: 'PUT',
      headers: [
        ['Origin', PAGE_ORIGIN],
        ['Cookie', `sid=${p.plant('panel Cookie header')}`],
        ['Authorization', `Bearer ${p.plant('panel Authorization header')}`],
        ['X-Api-Key', p.plant('panel X-Api-Key header')],
        ['X-Auth-Token', p.plant('panel X-Auth-Token header')],
        ['X-CSRF-Token', p.plant('panel X-CSRF-Token header')],
        ['Referer', `${PAGE_ORIGIN}/inbox?session=${p.plant('panel Referer query session')}`],
      ],
    },
    credentialsMode: 'include',
    preflight: preflight(
      'PUT',
      asked,
      response(204, [...allowAll, ['X-Session-Id', p.plant('panel preflight X-Session-Id')]]),
      itemsUrl,
    ),
    response: response(200, [
      ...allowAll,
      ['Set-Cookie', `sid=${p.plant('panel Set-Cookie header')}`],
      ['X-CSRF-Token', p.plant('panel response X-CSRF-Token')],
    ]),
  });
  const nextUrl = `${API_ORIGIN}/next?access_token=${p.plant('panel Location access_token')}`;
  const login = {
    url: `${API_ORIGIN}/login?code=${p.plant('panel query code')}`,
    method: 'GET',
    headers: [['Origin', PAGE_ORIGIN]],
  } as const;
  const redirected = exchange({
    request: login,
    redirects: [
      {
        request: login,
        response: response(302, [
          ['Access-Control-Allow-Origin', PAGE_ORIGIN],
          ['Location', nextUrl],
        ]),
      },
    ],
  });
  const credentialed = `http://bob:${p.plant('panel Location userinfo')}@127.0.0.1:8081/data?secret=${p.plant('panel Location secret')}`;
  const refused = exchange({
    request: { url: `${API_ORIGIN}/r`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
    redirects: [
      {
        request: { url: `${API_ORIGIN}/r`, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
        response: response(302, [
          ['Access-Control-Allow-Origin', PAGE_ORIGIN],
          ['Location', credentialed],
        ]),
        refused: true,
      },
    ],
    response: null,
    outcome: 'blocked',
    networkError: 'net::ERR_FAILED',
  });
  return [record('put', put), record('redirected', redirected, 2_000), record('refused', refused, 3_000)];
}
