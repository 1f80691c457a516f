/**
 * "Copy as cURL" of a hostile page's request, pasted into each shell a developer may use: the
 * command must hand curl exactly the request's method, URL and headers and run nothing else in
 * bash, zsh, fish and POSIX sh (dash). A fake `curl` first on PATH records the arguments it gets.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../src/engine';
import { isUnsafeCodePoint } from '../../src/engine';
import { buildCurl } from '../../src/panel/format/build-curl';

const SHELLS = ['bash', 'zsh', 'fish', 'sh'] as const;

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-curl-'));
const marker = join(dir, 'pwned');
const argsFile = join(dir, 'args');
writeFileSync(join(dir, 'curl'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > '${argsFile}'\n`);
chmodSync(join(dir, 'curl'), 0o755);

const touch = `touch ${marker}`;
/** Values a page can put in its own request headers (and a HAR in anything), aimed at each shell's syntax. */
const PAYLOADS: readonly string[] = [
  // fish reads `\'` and `\\` as escapes inside single quotes; bash, zsh and sh do not.
  `\\'; ${touch}; echo \\'`,
  `\\\\'; ${touch} #`,
  `x\\'(${touch})'`,
  `'; ${touch}; echo '`,
  `'\\''; ${touch}; '`,
  `$(${touch})`,
  `\`${touch}\``,
  `(${touch})`,
  `; ${touch}`,
  `| ${touch}`,
  `&& ${touch} &`,
  `> ${marker}`,
  `{a,b} * ? [a] ~ ~root # %self $status $HOME \${PATH} !! !$ ^x`,
  'trailing backslash \\',
  '\\',
  "'",
  '',
  'escape \x1b]0;title\x07 \x1b[2J bell \x07 del \x7f cr \r tab \t',
  'C1 CSI \u009b31m and bidi \u202eevil\u202c \u2066x\u2069 LRM \u200e BOM \ufeff LS \u2028',
  'line\nfeed and NUL \u0000 dropped',
  'ünïcødé ✓ 日本 😀 <img src=x onerror=alert(1)>',
  '-H x --output /tmp/x',
];

/** What curl must receive for a value: NUL and line feed cannot be passed by any shell. */
function expectedWord(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing these two control characters is the point.
  return value.replace(/[\u0000\n]/g, '');
}

function runInShell(shell: (typeof SHELLS)[number], command: string): string[] {
  const script = join(dir, `command.${shell}`);
  writeFileSync(script, `${command}\n`);
  rmSync(argsFile, { force: true });
  rmSync(marker, { force: true });
  execFileSync(shell, [script], { env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }, stdio: 'pipe' });
  return readFileSync(argsFile, 'utf8').split('\0').slice(0, -1);
}

function shellPresent(shell: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(SHELLS)('Copy as cURL pasted into %s', (shell) => {
  it('has the shell installed (CI installs zsh and fish; a missing shell is a failure, not a skip)', () => {
    expect(shellPresent(shell), `${shell} is not installed: apt-get install zsh fish`).toBe(true);
  });

  it.each(PAYLOADS.map((value, index) => [index, value] as const))(
    'payload %i reaches curl byte for byte in method, URL and header and runs nothing',
    (_index, value) => {
      const request: HttpRequest = {
        method: `PATCH${value}`,
        url: `http://127.0.0.1:9/x?q=${value}`,
        headers: [
          ['X-Evil', value],
          [`X-Name${value}`, 'v'],
        ],
      };
      const { command } = buildCurl(request, { includeSecrets: true });
      const args = runInShell(shell, command);
      expect(args).toEqual([
        '-i',
        expectedWord(request.url),
        '-X',
        expectedWord(request.method),
        '-H',
        `X-Evil: ${expectedWord(value)}`,
        '-H',
        `X-Name${expectedWord(value)}: v`,
      ]);
      expect(existsSync(marker), 'an injected command ran').toBe(false);
    },
  );
});

describe('the copied command as the user sees it', () => {
  it('carries no raw control, C1 or bidi character: each is written as a printf escape', () => {
    for (const value of PAYLOADS) {
      const { command } = buildCurl(
        { method: 'GET', url: 'http://127.0.0.1:9/', headers: [['X', value]] },
        {
          includeSecrets: true,
        },
      );
      const raw = [...command].filter((ch) => ch !== '\n' && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
      expect(raw, JSON.stringify(value)).toEqual([]);
    }
  });

  it('says when NUL or line-feed characters had to be left out', () => {
    const { omitted } = buildCurl(
      { method: 'GET', url: 'http://127.0.0.1:9/', headers: [['X', 'a\nb']] },
      {
        includeSecrets: true,
      },
    );
    expect(omitted).toEqual(['NUL and line-feed characters, which no shell can pass']);
  });
});
