/**
 * One measured run of the HAR bench, in a fresh Node so its peak memory is its own:
 * `parse FILE` (JSON.parse of the file read whole: the floor), or `analyze-whole`, `analyze-streamed`,
 * `analyze FILE` (the CLI's `analyze FILE --json`, its output going to stdout, which the bench points
 * at /dev/null). Prints `{"ms": …, "peakMb": …}` on stderr's last line.
 */
import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/run';

const THRESHOLD: Record<string, number | undefined> = {
  'analyze-whole': Number.POSITIVE_INFINITY,
  'analyze-streamed': 0,
  analyze: undefined,
};

const [mode = '', file = ''] = process.argv.slice(2);
const start = performance.now();
let code = 0;
if (mode === 'parse') JSON.parse(readFileSync(file, 'utf8'));
else if (mode in THRESHOLD) {
  const threshold = THRESHOLD[mode];
  code = await run(['analyze', file, '--json'], {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => Date.now(),
    ...(threshold === undefined ? {} : { streamThresholdBytes: threshold }),
  });
} else if (mode !== 'idle') throw new Error(`unknown mode ${mode}`);
const ms = performance.now() - start;
process.stderr.write(`\n${JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, code })}\n`);
