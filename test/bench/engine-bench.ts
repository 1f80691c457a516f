/**
 * `npm run bench`: the verdict engine's throughput over a generated mixed corpus (passed, blocked
 * of every stage, preflights, redirects, network errors, not-CORS, unknown credentials), measured
 * in one process after warm-up. Deterministic corpus (seeded), so runs compare.
 */

import type { Exchange, HeaderList, HttpResponse, RedirectHop } from '../../src/engine/index';
import { evaluate } from '../../src/engine/index';

const CORPUS_SIZE = 12_000;
const WARMUP_PASSES = 5;
const TIMED_PASSES = 20;
const PAGE = 'http://localhost:3000';
const API = 'http://127.0.0.1:8080';

/** Park–Miller LCG: a fixed corpus without Math.random. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const res = (status: number, headers: HeaderList): HttpResponse => ({ status, statusText: '', headers });
const acao = (value: string, extra: HeaderList = []): HeaderList => [['Access-Control-Allow-Origin', value], ...extra];

function base(overrides: Partial<Exchange>): Exchange {
  return {
    initiatorOrigin: PAGE,
    request: {
      url: `${API}/items?page=2`,
      method: 'GET',
      headers: [
        ['Origin', PAGE],
        ['Accept', '*/*'],
      ],
    },
    resourceType: 'fetch',
    credentialsMode: 'omit',
    mode: 'cors',
    preflight: { kind: 'none' },
    redirects: [],
    response: res(
      200,
      acao(PAGE, [
        ['Vary', 'Origin'],
        ['Content-Type', 'application/json'],
        ['X-Total-Count', '9'],
      ]),
    ),
    networkError: null,
    outcome: 'succeeded',
    ...overrides,
  };
}

function preflighted(method: string, names: string[], answer: HttpResponse, actual: HttpResponse | null): Exchange {
  return base({
    request: {
      url: `${API}/items/7`,
      method,
      headers: [['Origin', PAGE], ...names.map((n): [string, string] => [n, 'v'])],
    },
    preflight: {
      kind: 'observed',
      request: {
        url: `${API}/items/7`,
        method: 'OPTIONS',
        headers: [
          ['Origin', PAGE],
          ['Access-Control-Request-Method', method],
          ['Access-Control-Request-Headers', names.join(',')],
        ],
      },
      response: answer,
      error: null,
    },
    response: actual,
    outcome: actual === null ? 'blocked' : 'succeeded',
    networkError: actual === null ? 'net::ERR_FAILED' : null,
  });
}

function hop(from: string, to: string, headers: HeaderList): RedirectHop {
  return {
    request: { url: from, method: 'GET', headers: [['Origin', PAGE]] },
    response: res(302, [['Location', to], ...headers]),
  };
}

const TEMPLATES: ReadonlyArray<(n: number) => Exchange> = [
  () => base({}),
  () =>
    base({
      credentialsMode: 'include',
      response: res(
        200,
        acao(PAGE, [
          ['Access-Control-Allow-Credentials', 'true'],
          ['Vary', 'Origin'],
        ]),
      ),
    }),
  (n) => base({ response: res(n % 2 === 0 ? 404 : 500, [['Content-Type', 'text/html']]), outcome: 'blocked' }),
  () => base({ response: res(200, acao('http://localhost:3000/')), outcome: 'blocked' }),
  () => base({ credentialsMode: 'unknown', response: res(200, acao('*')), outcome: 'blocked' }),
  () =>
    base({
      response: res(200, [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Origin', PAGE],
      ]),
      outcome: 'blocked',
    }),
  () =>
    preflighted(
      'PUT',
      ['x-token', 'content-type'],
      res(
        204,
        acao(PAGE, [
          ['Access-Control-Allow-Methods', 'GET, PUT'],
          ['Access-Control-Allow-Headers', 'X-Token, Content-Type'],
          ['Access-Control-Max-Age', '600'],
        ]),
      ),
      res(200, acao(PAGE)),
    ),
  () => preflighted('DELETE', [], res(401, [['WWW-Authenticate', 'Bearer']]), null),
  () =>
    preflighted(
      'PATCH',
      ['x-a', 'x-b'],
      res(
        204,
        acao(PAGE, [
          ['Access-Control-Allow-Methods', 'PATCH'],
          ['Access-Control-Allow-Headers', 'x-b'],
        ]),
      ),
      null,
    ),
  () => preflighted('put', [], res(204, acao(PAGE, [['Access-Control-Allow-Methods', 'POST']])), null),
  () =>
    base({
      redirects: [hop(`${API}/a`, `${API}/b`, acao(PAGE)), hop(`${API}/b`, 'https://cdn.test/c', acao(PAGE))],
      response: res(200, acao('null')),
    }),
  () =>
    base({
      redirects: [hop(`${API}/a`, 'https://cdn.test/c', [])],
      response: null,
      outcome: 'blocked',
      networkError: 'net::ERR_FAILED',
    }),
  () => base({ response: null, networkError: 'net::ERR_CONNECTION_REFUSED', outcome: 'network-error' }),
  () => base({ request: { url: `${PAGE}/api`, method: 'GET', headers: [] }, response: res(200, []) }),
  () =>
    base({
      mode: 'unknown',
      resourceType: 'image',
      request: { url: `${API}/a.png`, method: 'GET', headers: [] },
      response: res(200, []),
    }),
  () => base({ request: { url: 'file:///etc/hosts', method: 'GET', headers: [] }, response: null, outcome: 'blocked' }),
];

function corpus(size: number): Exchange[] {
  const next = random(20250101);
  return Array.from({ length: size }, (_, n) => {
    const template = TEMPLATES[Math.floor(next() * TEMPLATES.length)] ?? TEMPLATES[0];
    const exchange = template === undefined ? base({}) : template(n);
    // Distinct URLs per exchange (ids, pages), as real traffic has, so no URL is parsed from a warm memo.
    // Half the corpus as webRequest captures it: credentials mode unknown, so both readings run.
    const credentialsMode = n % 2 === 1 && exchange.credentialsMode === 'omit' ? 'unknown' : exchange.credentialsMode;
    return {
      ...exchange,
      credentialsMode,
      request: {
        ...exchange.request,
        url: `${exchange.request.url}${exchange.request.url.includes('?') ? '&' : '?'}n=${n}`,
      },
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function run(): void {
  const exchanges = corpus(CORPUS_SIZE);
  const kinds = new Map<string, number>();
  let checksum = 0;
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const exchange of exchanges) checksum += evaluate(exchange).specStep.length;
  }
  for (const exchange of exchanges) {
    const verdict = evaluate(exchange);
    const key = verdict.code ?? verdict.kind;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  const cpuBefore = process.cpuUsage();
  const passMs: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const passStarted = performance.now();
    for (const exchange of exchanges) checksum += evaluate(exchange).specStep.length;
    passMs.push(performance.now() - passStarted);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const elapsedMs = passMs.reduce((sum, ms) => sum + ms, 0);
  const bestPerSecond = Math.round(exchanges.length / (Math.min(...passMs) / 1000));
  const samples: number[] = [];
  for (const exchange of exchanges) {
    const t0 = performance.now();
    checksum += evaluate(exchange).specStep.length;
    samples.push((performance.now() - t0) * 1000);
  }
  const verdicts = TIMED_PASSES * exchanges.length;
  const perSecond = Math.round(verdicts / (elapsedMs / 1000));
  const perCpuSecond = Math.round(verdicts / (cpuMs / 1000));
  const mix = [...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`);
  const lines = [
    `CORS Lens engine bench (node ${process.version})`,
    `corpus: ${exchanges.length} exchanges from ${TEMPLATES.length} templates, half with credentials mode unknown; verdicts: ${mix.join(', ')}`,
    `throughput (wall clock): ${perSecond.toLocaleString('en-US')} verdicts/s (${verdicts.toLocaleString('en-US')} verdicts in ${elapsedMs.toFixed(0)} ms, after ${WARMUP_PASSES} warm-up passes); fastest pass ${bestPerSecond.toLocaleString('en-US')} verdicts/s`,
    `per CPU-second of this process (robust to other load on the machine): ${perCpuSecond.toLocaleString('en-US')} verdicts/s (${cpuMs.toFixed(0)} ms CPU)`,
    `median cost per verdict: ${median(samples).toFixed(2)} µs (p90 ${[...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.9)]?.toFixed(2)} µs, ${samples.length} timed singly)`,
    `checksum ${checksum}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

run();
