/**
 * The hostile HAR corpus of #14, generated here rather than committed as blobs: deep nesting,
 * huge values, terminal escape sequences in every position the CLI prints, wrong types, broken
 * JSON and broken UTF-8. `hostile-har.test.ts` runs every CLI command over each member.
 */
import { MAX_HAR_NESTING } from '../../src/report/index';
import { API, harEntry, harLog, PAGE } from '../unit/report/har-fixture';

export interface HostileHar {
  name: string;
  /** A file name of its own, for members that attack the name the report prints. */
  fileName?: string;
  content: string | Uint8Array;
  /** Nested deeper than MAX_HAR_NESTING: every command must refuse it with exit 2. */
  tooDeep: boolean;
}

/** What a hostile server or HAR author plants to colour, move, erase or forge terminal output. */
export const PAYLOADS: Readonly<Record<string, string>> = {
  csi: '\u001b[31mRED\u001b[0m',
  osc8: '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
  forged: '\n✗ GET http://forged.example/ (entry 99)\n  Blocked by CORS: forged\n',
  erase: '\r\u001b[2K\u001b[1Aerased',
  c1: '\u009b31mC1\u0085NEL',
  bidi: '\u202eevil\u202c\u2066iso\u2069\u200f',
  separators: '\u2028line\u2029para',
  c0: '\u0000nul\u0008bs\u000bvt\u000cff\u007fdel',
};

type Pair = [string, string];
const origin: Pair = ['Origin', PAGE];

/** A GET that failed the CORS check: the server answered with `acao`, or with no ACAO at all. */
function blockedGet(url: string, acao: string | null, extraRequest: Pair[] = []): Record<string, unknown> {
  return harEntry(
    'GET',
    url,
    [origin, ...extraRequest],
    200,
    acao === null ? [] : [['Access-Control-Allow-Origin', acao]],
    {},
    {
      _error: 'net::ERR_FAILED',
    },
  );
}

/** Each printed position holds `payload`: method, URL, header names and values, status text, Location, `_error`. */
function payloadEverywhere(payload: string): Record<string, unknown>[] {
  const preflight = harEntry('OPTIONS', `${API}/m`, [origin, ['Access-Control-Request-Method', `P${payload}`]], 204, [
    ['Access-Control-Allow-Origin', PAGE],
    ['Access-Control-Allow-Methods', 'GET'],
  ]);
  const header = harEntry(
    'OPTIONS',
    `${API}/h`,
    [origin, ['Access-Control-Request-Method', 'GET'], ['Access-Control-Request-Headers', `x-${payload}`]],
    204,
    [['Access-Control-Allow-Origin', PAGE]],
  );
  return [
    blockedGet(`${API}/u/${payload}?q=${payload}`, null),
    blockedGet(`${API}/v`, `${PAGE}${payload}`),
    blockedGet(`${API}/w`, `${payload}, ${PAGE}`),
    blockedGet(`${API}/n`, 'http://other.example', [[`X-${payload}`, payload]]),
    harEntry('GET', `${API}/s`, [origin], 500, [], {}, { statusText: payload, _error: payload }),
    harEntry(
      'GET',
      `${API}/r`,
      [origin],
      302,
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Location', `http://u:p@127.0.0.1:9/${payload}`],
      ],
      {},
      { redirectURL: `http://u:p@127.0.0.1:9/${payload}`, _error: 'net::ERR_FAILED' },
    ),
    preflight,
    harEntry(`P${payload}`, `${API}/m`, [origin], 0, [], {}, { _error: 'net::ERR_FAILED' }),
    header,
    harEntry('GET', `${API}/h`, [origin, [`x-${payload}`, '1']], 0, [], {}, { _error: 'net::ERR_FAILED' }),
  ];
}

const json = (value: unknown) => JSON.stringify(value);
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** The top-level object, `log`, `entries` and the entry itself: a field's value starts one level below. */
const ENTRY_LEVEL = 4;

/** The JSON of a one-entry log whose entry gets a field `_deep` holding `value` (raw JSON). */
function entryWithField(value: string): string {
  const text = json(harLog([blockedGet(`${API}/deep`, null)]));
  return text.replace(/}]}}$/, `,"_deep":${value}}]}}`);
}

function deepMembers(): HostileHar[] {
  const members: HostileHar[] = [];
  for (const depth of [MAX_HAR_NESTING + 1, 1_000, 10_000, 100_000]) {
    const inEntry = depth - ENTRY_LEVEL;
    members.push(
      { name: `arrays ${depth} deep in an entry`, content: entryWithField(nestedArrays(inEntry)), tooDeep: true },
      { name: `objects ${depth} deep in an entry`, content: entryWithField(nestedObjects(inEntry)), tooDeep: true },
      {
        // Outside log.entries the streaming parser's cost grows with the square of the depth.
        name: `arrays ${depth} deep beside log.entries`,
        content: `{"log":{"version":"1.2","_deep":${nestedArrays(depth - 2)},"entries":[${json(blockedGet(`${API}/a`, null))}]}}`,
        tooDeep: true,
      },
      { name: `a bare array ${depth} deep`, content: nestedArrays(depth), tooDeep: true },
    );
  }
  members.push(
    { name: 'arrays 200000 deep in an entry', content: entryWithField(nestedArrays(200_000)), tooDeep: true },
    {
      name: 'deep nesting in an entry the reader skips',
      content: `{"log":{"entries":[{"request":42,"_cors":${nestedObjects(20_000)}}]}}`,
      tooDeep: true,
    },
    {
      name: 'deep nesting cut off by the end of the file',
      content: `{"log":{"entries":[${nestedArrays(50_000).slice(0, 50_000)}`,
      tooDeep: true,
    },
    {
      name: 'brackets inside strings are not nesting',
      content: json(harLog([blockedGet(`${API}/b?${'['.repeat(5_000)}`, `${'{'.repeat(5_000)}"\\`)])),
      tooDeep: false,
    },
    {
      name: `nesting exactly at the limit (${MAX_HAR_NESTING})`,
      content: entryWithField(nestedArrays(MAX_HAR_NESTING - ENTRY_LEVEL)),
      tooDeep: false,
    },
  );
  return members;
}

/** Values of a megabyte in each printed position; the report must cut them, not copy or escape them whole. */
function hugeMembers(): HostileHar[] {
  const big = (seed: string) => seed.repeat(Math.ceil((1 << 20) / seed.length));
  return [
    {
      name: 'a 1 MB Access-Control-Allow-Origin',
      content: json(harLog([blockedGet(`${API}/a`, big('a'))])),
      tooDeep: false,
    },
    {
      name: 'a 1 MB escaped ACAO value',
      content: json(harLog([blockedGet(`${API}/a`, big('\u001b\u00e9\u202e'))])),
      tooDeep: false,
    },
    { name: 'a 1 MB URL', content: json(harLog([blockedGet(`${API}/${big('u')}`, null)])), tooDeep: false },
    {
      name: 'a 1 MB method and status text',
      content: json(
        harLog([harEntry(big('M'), `${API}/m`, [origin], 0, [], {}, { statusText: big('s'), _error: big('e') })]),
      ),
      tooDeep: false,
    },
    {
      name: 'a 1 MB header name',
      content: json(harLog([blockedGet(`${API}/a`, 'x', [[big('x'), 'v']])])),
      tooDeep: false,
    },
  ];
}

function payloadMembers(): HostileHar[] {
  const members: HostileHar[] = Object.entries(PAYLOADS).map(([name, payload]) => ({
    name: `${name} in every printed position`,
    content: json(harLog(payloadEverywhere(payload), payload)),
    tooDeep: false,
  }));
  members.push({
    name: 'escapes in the file name',
    fileName: `name-\u001b[2J-\u009b-\u202e-\n✗ GET forged.har`,
    content: json(harLog([blockedGet(`${API}/a`, null)])),
    tooDeep: false,
  });
  return members;
}

function wrongTypeEntry(path: readonly string[], value: unknown): Record<string, unknown> {
  const entry = blockedGet(`${API}/t`, null);
  let at: Record<string, unknown> = entry;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1) as string] = value;
  return entry;
}

function wrongTypeMembers(): HostileHar[] {
  const wrong: [string, readonly string[], unknown][] = [
    ['a numeric method', ['request', 'method'], 42],
    ['a null url', ['request', 'url'], null],
    ['an array url', ['request', 'url'], ['http://a/']],
    ['headers as a string', ['request', 'headers'], 'Origin: x'],
    ['a header with a numeric value', ['response', 'headers'], [{ name: 'Access-Control-Allow-Origin', value: 1 }]],
    ['a header that is null', ['response', 'headers'], [null]],
    ['a status as a string', ['response', 'status'], '200'],
    ['a status text object', ['response', 'statusText'], { text: 'OK' }],
    ['an _error number', ['response', '_error'], 7],
    ['a response array', ['response'], []],
    ['a redirectURL object', ['response', 'redirectURL'], { url: 'x' }],
    ['an _initiator string', ['_initiator'], 'script'],
    ['a _cors array', ['_cors'], [1, 'x', null]],
  ];
  const members: HostileHar[] = wrong.map(([name, path, value]) => ({
    name,
    content: json(harLog([wrongTypeEntry(path, value), blockedGet(`${API}/ok`, null)])),
    tooDeep: false,
  }));
  const raw: [string, string][] = [
    ['entries that are null, numbers, strings and arrays', '{"log":{"entries":[null,1,"x",[],true,{}]}}'],
    ['log.entries an object', '{"log":{"entries":{"0":{}}}}'],
    ['log an array', '{"log":[]}'],
    ['a top-level array', '[{"log":{"entries":[]}}]'],
    ['a top-level string', '"log"'],
    ['no entries', '{"log":{"version":"1.2"}}'],
    ['empty entries', '{"log":{"entries":[]}}'],
    [
      'a status of 1e999 and -0',
      json(harLog([blockedGet(`${API}/a`, null)])).replace('"status":200', '"status":1e999'),
    ],
    ['a NaN literal', '{"log":{"entries":[{"response":{"status":NaN}}]}}'],
    ['duplicate keys', `{"log":{"entries":[]},"log":${json(harLog([blockedGet(`${API}/dup`, null)])).slice(7, -1)}}`],
    [
      'duplicate url keys in a request',
      json(harLog([blockedGet(`${API}/one`, null)])).replace(
        `"url":"${API}/one"`,
        `"url":"${API}/one","url":"\u001b[31m"`,
      ),
    ],
    ['truncated in a string', json(harLog([blockedGet(`${API}/a`, null)])).slice(0, 120)],
    ['truncated after a value', json(harLog([blockedGet(`${API}/a`, null)])).slice(0, -3)],
    ['trailing garbage', `${json(harLog([]))} \u001b[31m garbage`],
    ['not JSON with escapes', `{"log": \u001b[31m not json \u202e`],
    ['a lone surrogate', json(harLog([blockedGet(`${API}/\ud800`, '\udfff')]))],
    ['whitespace only', ' \n\t '],
    ['empty', ''],
  ];
  for (const [name, content] of raw) members.push({ name, content, tooDeep: false });
  const utf8 = Buffer.from(json(harLog([blockedGet(`${API}/a`, null)])));
  members.push(
    { name: 'a BOM', content: `\ufeff${json(harLog([blockedGet(`${API}/a`, null)]))}`, tooDeep: false },
    {
      name: 'invalid UTF-8',
      content: Buffer.concat([utf8.subarray(0, 40), Buffer.from([0xc3, 0x28, 0xff]), utf8.subarray(40)]),
      tooDeep: false,
    },
    { name: 'UTF-16', content: Buffer.from(`\ufeff${json(harLog([]))}`, 'utf16le'), tooDeep: false },
    {
      name: '200,000 empty entries',
      content: `{"log":{"entries":[${Array.from({ length: 200_000 }, () => '{}').join(',')}]}}`,
      tooDeep: false,
    },
  );
  return members;
}

/** Every member, each with a unique name. */
export function hostileHarCorpus(): HostileHar[] {
  return [...deepMembers(), ...hugeMembers(), ...payloadMembers(), ...wrongTypeMembers()];
}
