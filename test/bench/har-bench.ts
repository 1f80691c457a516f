/**
 * `npm run bench` (HAR part): `cors-lens analyze --json` on a generated Chromium-shaped HAR, next to
 * a bare `JSON.parse` of the same file, each in a fresh Node (test/bench/har-bench-child.ts):
 * read whole, streamed, and as the CLI chooses by size (whose peak memory is compared with the
 * file size). Runs are interleaved (parse, whole, streamed, parse, …) and the median of each is
 * taken, so load from other processes on the machine falls on every figure alike; only ratios
 * measured in this one run are printed as results.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';
import { writeChromiumHar, writeHugeValueHar } from './chromium-har';

const ENTRIES = 60_000;
const ROUNDS = 3;
const HUGE_VALUE_BYTES = 96 << 20;

interface Run {
  ms: number;
  peakMb: number;
  code: number;
}

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-bench-'));
const child = join(dir, 'har-bench-child.mjs');

function measure(mode: string, file: string): Run {
  const devNull = openSync('/dev/null', 'w');
  try {
    const result = spawnSync(process.execPath, [child, mode, file], {
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    const last = result.stderr.trimEnd().split('\n').at(-1) ?? '';
    if (result.status !== 0 || !last.startsWith('{')) throw new Error(`${mode} failed: ${result.stderr.slice(-2000)}`);
    return JSON.parse(last) as Run;
  } finally {
    closeSync(devNull);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

try {
  await build({
    // npm runs scripts at the package root.
    input: resolve('test/bench/har-bench-child.ts'),
    platform: 'node',
    output: { file: child, format: 'esm' },
    logLevel: 'silent',
  });
  const file = join(dir, 'chromium.har');
  const count = writeChromiumHar(file, ENTRIES);
  const mb = statSync(file).size / 1024 / 1024;
  const huge = join(dir, 'huge-value.har');
  writeHugeValueHar(huge, HUGE_VALUE_BYTES);
  const hugeMb = statSync(huge).size / 1024 / 1024;
  console.log(
    `HAR bench: ${count.toLocaleString('en')} entries, ${mb.toFixed(1)} MB (median of ${ROUNDS} interleaved runs)`,
  );

  const modes = ['parse', 'analyze-whole', 'analyze-streamed', 'analyze'] as const;
  const runs = new Map<string, Run[]>(modes.map((mode) => [mode, []]));
  const hugeRuns: Run[] = [];
  const idle: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of modes) runs.get(mode)?.push(measure(mode, file));
    hugeRuns.push(measure('analyze', huge));
    idle.push(measure('idle', file));
  }
  const ms = (mode: string) => median((runs.get(mode) ?? []).map((r) => r.ms));
  const peak = (list: Run[]) => median(list.map((r) => r.peakMb));
  const parse = ms('parse');
  const ratio = (mode: string) => `${ms(mode).toFixed(0)} ms, ${(ms(mode) / parse).toFixed(2)}× the parse`;
  console.log(
    `  bare JSON.parse (read whole)   ${parse.toFixed(0)} ms, peak ${peak(runs.get('parse') ?? []).toFixed(0)} MB`,
  );
  console.log(`  analyze --json, read whole     ${ratio('analyze-whole')} (target ≤ 1.5×)`);
  console.log(`  analyze --json, streamed       ${ratio('analyze-streamed')} (target ≤ 2×)`);
  const memory = (label: string, list: Run[], size: number) =>
    console.log(
      `  peak memory, ${label} ${peak(list).toFixed(0)} MB for ${size.toFixed(0)} MB: ${(peak(list) / size).toFixed(2)}× the file (target ≤ 1.5×)`,
    );
  memory('analyze (as the CLI reads it)', runs.get('analyze') ?? [], mb);
  memory('one huge header value     ', hugeRuns, hugeMb);
  console.log(`  (peak memory is the process's maximum RSS; an idle Node is ${peak(idle).toFixed(0)} MB of it)`);
  console.log(
    `  read whole: peak ${peak(runs.get('analyze-whole') ?? []).toFixed(0)} MB; streamed: ${peak(runs.get('analyze-streamed') ?? []).toFixed(0)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
