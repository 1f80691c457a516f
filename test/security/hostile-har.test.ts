/**
 * #14: every CLI command, on both read paths (whole file and streamed), over every member of the
 * hostile HAR corpus. Whatever the input, the CLI exits 0, 1 or 2, never with a stack trace;
 * `--json` and `export -o -` write valid JSON; nothing from the input reaches stdout or stderr as a
 * raw control or bidi character, so no block of the report is forged; nesting deeper than
 * MAX_HAR_NESTING is refused with exit 2, quickly, on every command.
 */
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MAX_HAR_NESTING } from '../../src/report/index';
import { runCli, tempDir, tempFile } from '../unit/cli/run-cli';
import { type HostileHar, hostileHarCorpus } from './hostile-har-corpus';

/** Generous: a refused file takes milliseconds; the audit saw 15 s and more before the limit. */
const DEEP_REFUSAL_SECONDS = 10;

/** A character a terminal would act on; the newline and tab the CLI writes itself are allowed. */
function rawControls(text: string): string[] {
  const found = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const control = (cp < 0x20 && cp !== 0x0a && cp !== 0x09) || (cp >= 0x7f && cp <= 0x9f);
    const layout =
      cp === 0x2028 ||
      cp === 0x2029 ||
      cp === 0x200e ||
      cp === 0x200f ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069);
    if (control || layout) found.add(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const MODES = [
  ['read whole', {}],
  ['streamed', { streamThresholdBytes: 0 }],
] as const;

const corpus = hostileHarCorpus();

it('the corpus has unique names and attacks from every family', () => {
  expect(new Set(corpus.map((m) => m.name)).size).toBe(corpus.length);
  expect(corpus.filter((m) => m.tooDeep).length).toBeGreaterThanOrEqual(16);
  expect(corpus.length).toBeGreaterThanOrEqual(70);
});

describe.each(MODES)('every command on the hostile corpus (%s)', (_mode, io) => {
  it.each(corpus.map((member): [string, HostileHar] => [member.name, member]))('%s', async (_name, member) => {
    const file = tempFile(member.fileName ?? 'hostile.har', member.content);
    const out = join(tempDir(), 'out.har');
    const commands = [
      ['analyze', file, '--json'],
      ['analyze', file],
      ['analyze', file, '--all', '--stack', 'nginx'],
      ['analyze', file, '--format', 'github', '--stack', 'nginx'],
      ['analyze', file, '--format', 'junit', '--stack', 'nginx'],
      ['export', file, '-o', '-'],
      ['export', file, '-o', out, '--keep-secrets'],
    ];
    let blocked: number | null = null;
    for (const argv of commands) {
      const command = argv.filter((arg) => arg !== file).join(' ');
      const started = performance.now();
      const { code, stdout, stderr } = await runCli(argv, io);
      const seconds = (performance.now() - started) / 1000;
      expect.soft([0, 1, 2], `${command}: exit code`).toContain(code);
      expect.soft(stderr, `${command}: stack trace`).not.toMatch(/^\s+at |Maximum call stack|internal error/m);
      expect.soft(rawControls(stdout), `${command}: raw controls on stdout`).toEqual([]);
      expect.soft(rawControls(stderr), `${command}: raw controls on stderr`).toEqual([]);
      if (code === 2) expect.soft(stdout, `${command}: output after a refusal`).toBe('');
      else if (argv.includes('--json') || argv.includes('-'))
        expect.soft(isJson(stdout), `${command}: JSON`).toBe(true);
      if (member.tooDeep) {
        expect.soft(code, `${command}: deep input refused`).toBe(2);
        expect
          .soft(stderr, `${command}: refusal names the limit`)
          .toMatch(new RegExp(`^cors-lens: .* more than ${MAX_HAR_NESTING} levels deep[^\\n]*\\n$`));
        expect.soft(seconds, `${command}: refused quickly`).toBeLessThan(DEEP_REFUSAL_SECONDS);
      }
      if (argv.includes('github') && code !== 2) {
        // Each line one workflow command: a planted newline, `::` or `%0A` forges none.
        const stray = stdout
          .trimEnd()
          .split('\n')
          .filter((line) => !/^::(error|warning|notice) [^:]*::/.test(line));
        expect.soft(stray, `${command}: lines that are not workflow commands`).toEqual([]);
        if (blocked !== null) expect.soft(stdout.match(/^::error /gm)?.length ?? 0, `${command}: errors`).toBe(blocked);
      }
      if (argv.includes('junit') && code !== 2) {
        expect.soft(XMLValidator.validate(stdout), `${command}: well-formed XML`).toBe(true);
      }
      if (argv.includes('--json') && code !== 2 && isJson(stdout)) {
        const { entries } = JSON.parse(stdout) as { entries: { blocked: boolean }[] };
        blocked = entries.filter((entry) => entry.blocked).length;
      }
      if (argv[0] === 'analyze' && !argv.includes('--json') && !argv.includes('--format') && blocked !== null) {
        // Each blocked request is one block opening with "✗ ": a planted newline must forge none.
        const lines = stdout.split('\n');
        expect.soft(lines.filter((line) => line.startsWith('✗ ')).length, `${command}: blocks`).toBe(blocked);
        expect
          .soft(lines.filter((line) => /^\s*Blocked by CORS/.test(line)).length, `${command}: forged`)
          .toBeLessThanOrEqual(blocked);
      }
    }
  });
});
