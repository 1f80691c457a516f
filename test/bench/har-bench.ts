/**
 * `npm run bench` (HAR part): the time to analyse a generated 100,000-entry HAR, next to the time
 * for merely parsing that file, for both ways the CLI reads: whole (`JSON.parse`) and streamed
 * (`@streamparser/json` alone). The ratio analyse ÷ parse is the figure to drive toward 1.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHar } from '../../src/cli/load-har';
import { streamHar } from '../../src/cli/stream-har';
import { analyzeOne, entryReports, jsonReport } from '../../src/report/index';

const ENTRIES = 100_000;
const PAGE = 'http://localhost:3000';
const API = 'http://127.0.0.1:8080';

const h = (name: string, value: string) => ({ name, value });
const COMMON_REQUEST = [
  h('Accept', '*/*'),
  h('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/141.0 Safari/537.36'),
  h('Referer', `${PAGE}/`),
];

function entry(
  i: number,
  method: string,
  url: string,
  reqHeaders: object[],
  status: number,
  resHeaders: object[],
  extra: object = {},
  error?: string,
): string {
  const seconds = (i / 1000).toFixed(3);
  return JSON.stringify({
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [...reqHeaders, ...COMMON_REQUEST],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : '',
      httpVersion: 'HTTP/1.1',
      headers: [...resHeaders, h('Content-Type', 'application/json'), h('Date', 'Thu, 15 Jan 2026 10:00:00 GMT')],
      cookies: [],
      content: {
        size: 64,
        mimeType: 'application/json',
        text: `{"items":[${i % 97},${i % 89}],"page":${i % 13},"ok":true}`,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: 64,
      ...(error ? { _error: error } : {}),
    },
    startedDateTime: `2026-01-15T10:00:00.000Z`.replace('00.000', seconds.padStart(6, '0').slice(-6)),
    time: 3,
    timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 2, receive: 1 },
    ...extra,
  });
}

/** A deterministic mix: passed, preflighted (two entries), blocked, same-origin. */
function generate(path: string): number {
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[\n',
  );
  const origin = h('Origin', PAGE);
  let written = 0;
  const out: string[] = [];
  const push = (text: string) => {
    out.push(written === 0 ? text : `,\n${text}`);
    written++;
  };
  for (let i = 0; written < ENTRIES; i++) {
    const kind = i % 10;
    const url = `${API}/items/${i}`;
    if (kind < 5)
      push(entry(written, 'GET', url, [origin], 200, [h('Access-Control-Allow-Origin', PAGE), h('Vary', 'Origin')]));
    else if (kind < 7) {
      push(
        entry(written, 'PUT', url, [origin, h('Content-Type', 'application/json')], 200, [
          h('Access-Control-Allow-Origin', PAGE),
        ]),
      );
      push(
        entry(
          written,
          'OPTIONS',
          url,
          [origin, h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'content-type')],
          204,
          [
            h('Access-Control-Allow-Origin', PAGE),
            h('Access-Control-Allow-Methods', kind === 5 ? 'PUT' : 'GET'),
            h('Access-Control-Allow-Headers', 'content-type'),
          ],
          { _resourceType: 'preflight', _initiator: { type: 'preflight', url, requestId: `${i}.1` } },
        ),
      );
    } else if (kind < 9) push(entry(written, 'GET', url, [origin], 0, [], {}, 'net::ERR_FAILED'));
    else push(entry(written, 'GET', `${PAGE}/static/${i}.js`, [], 200, []));
    if (out.length >= 1000) writeSync(fd, out.splice(0).join(''));
  }
  writeSync(fd, `${out.join('')}\n]}}\n`);
  closeSync(fd);
  return written;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

async function best<T>(runs: number, fn: () => T | Promise<T>): Promise<[number, T]> {
  let result = await time(fn);
  for (let i = 1; i < runs; i++) {
    const next = await time(fn);
    if (next[0] < result[0]) result = next;
  }
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-bench-'));
try {
  const file = join(dir, 'bench.har');
  const count = generate(file);
  const mb = statSync(file).size / 1024 / 1024;
  console.log(`HAR bench: ${count.toLocaleString('en')} entries, ${mb.toFixed(1)} MB`);
  // As `cors-lens analyze --json` does: row by row, keeping only the entry reports.
  const analyse = (loaded: Awaited<ReturnType<typeof loadHar>>) =>
    jsonReport(loaded.records.flatMap((record) => entryReports([analyzeOne(record)])).sort((a, b) => a.index - b.index))
      .entries.length;

  const [parseWhole] = await best(2, () => JSON.parse(readFileSync(file, 'utf8')));
  const [analyseWhole, rows] = await best(2, async () =>
    analyse(await loadHar(file, { streamThresholdBytes: Number.POSITIVE_INFINITY })),
  );
  const [parseStream] = await best(1, () => streamHar(file, { entry() {} }));
  const [analyseStream] = await best(1, async () => analyse(await loadHar(file, { streamThresholdBytes: 0 })));

  const line = (label: string, parse: number, total: number) =>
    console.log(
      `  ${label}: parse only ${parse.toFixed(0)} ms, analyse ${total.toFixed(0)} ms, ratio ${(total / parse).toFixed(2)}`,
    );
  line('read whole (JSON.parse)     ', parseWhole, analyseWhole);
  line('streamed (@streamparser/json)', parseStream, analyseStream);
  console.log(
    `  ${rows.toLocaleString('en')} report rows; analyse = read + rebuild exchanges + evaluate + explain + JSON rows`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
