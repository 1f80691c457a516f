import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, type StoredRecord } from '../../../src/background/stored-record';
import type { Exchange } from '../../../src/engine';
import { API, PAGE } from '../../fakes/capture-events';

const url = `${API}/items`;

/** What Chromium 156 sends and answers for a simple fetch (recorded in capture-matrix.spec.ts). */
const chromiumRequestHeaders = [
  ['sec-ch-ua-platform', '"Linux"'],
  [
    'User-Agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  ],
  ['sec-ch-ua', '"Not:A-Brand";v="8", "Chromium";v="156"'],
  ['Accept-Language', 'en-US'],
  ['sec-ch-ua-mobile', '?0'],
  ['Accept', '*/*'],
  ['Origin', PAGE],
  ['Sec-Fetch-Site', 'cross-site'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
  ['Referer', `${PAGE}/`],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
] as const;

function passing(): StoredRecord {
  const exchange: Exchange = {
    initiatorOrigin: PAGE,
    request: { url, method: 'GET', headers: chromiumRequestHeaders },
    resourceType: 'xmlhttprequest',
    credentialsMode: 'unknown',
    mode: 'unknown',
    preflight: { kind: 'none' },
    redirects: [],
    response: {
      status: 200,
      statusText: 'OK',
      headers: [
        ['Access-Control-Allow-Origin', PAGE],
        ['Date', 'Wed, 26 Nov 2025 13:09:50 GMT'],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
        ['Content-Length', '2'],
      ],
    },
    networkError: null,
    outcome: 'succeeded',
  };
  return {
    requestId: '1042',
    preflightRequestId: null,
    tabId: 7,
    startedAt: 1795698723912.123,
    endedAt: 1795698723915.5,
    exchange,
  };
}

function everything(): StoredRecord {
  const base = passing();
  const preflightRequest = {
    url,
    method: 'OPTIONS',
    headers: [
      ['Origin', PAGE],
      ['Access-Control-Request-Method', 'PUT'],
    ] as const,
  };
  return {
    ...base,
    preflightRequestId: '1041',
    exchange: {
      ...base.exchange,
      request: { url, method: 'PUT', headers: [['X-Token', 'a:b']] },
      credentialsMode: 'include',
      mode: 'cors',
      preflight: { kind: 'observed', request: preflightRequest, response: null, error: 'net::ERR_EMPTY_RESPONSE' },
      redirects: [
        {
          request: { url, method: 'PUT', headers: [] },
          response: { status: 307, statusText: '', headers: [['Location', `${API}/b`]] },
          nextPreflight: {
            kind: 'observed',
            request: { ...preflightRequest, url: `${API}/b` },
            response: { status: 204, statusText: '', headers: [] },
            error: null,
          },
        },
        {
          request: { url: `${API}/b`, method: 'PUT', headers: [] },
          response: { status: 302, statusText: '', headers: [['Location', `${API}/c`]] },
          refused: true,
        },
      ],
      response: null,
      networkError: 'net::ERR_FAILED',
      outcome: 'blocked',
      addressSpaces: { initiator: 'local', target: 'private' },
      headerLinesMerged: true,
    },
  };
}

describe('stored records', () => {
  it('give back exactly what was stored, with their place in the log', () => {
    for (const record of [passing(), everything()]) {
      expect(decodeRecord(encodeRecord(record, 41))).toEqual({ record, seq: 41 });
    }
  });

  it('store a passing exchange with all its headers in well under 1,000 characters', () => {
    const stored = encodeRecord(passing(), 12345);
    expect(stored.length).toBeLessThan(900);
    // The nested form it replaces: Chromium counts it at about 3× its JSON length.
    expect(stored.length).toBeLessThan(JSON.stringify(passing()).length * 0.75);
  });

  it('keep a header list that cannot be written as lines (a name with ":", a value with a newline) as pairs', () => {
    const record = passing();
    const odd: StoredRecord = {
      ...record,
      exchange: {
        ...record.exchange,
        request: {
          ...record.exchange.request,
          headers: [
            [':authority', 'x'],
            ['X-Bytes', 'a\nb'],
          ],
        },
      },
    };
    expect(decodeRecord(encodeRecord(odd, 1))?.record).toEqual(odd);
  });

  it('drop what this version did not write', () => {
    const stored = JSON.parse(encodeRecord(passing(), 1)) as unknown[];
    for (const value of [
      42,
      'not json',
      JSON.stringify([2, ...stored.slice(1)]),
      JSON.stringify(stored.slice(0, 5)),
      { ...passing() },
    ]) {
      expect(decodeRecord(value)).toBeNull();
    }
  });
});
