import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');
const biome = join(projectRoot, 'node_modules/.bin/biome');
const sandbox = mkdtempSync(join(tmpdir(), 'cors-lens-boundaries-'));
copyFileSync(join(projectRoot, 'biome.json'), join(sandbox, 'biome.json'));
// The configuration reads .gitignore (vcs.useIgnoreFile); the scratch tree needs one too.
writeFileSync(join(sandbox, '.gitignore'), 'node_modules/\n');
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Lints `source` placed at `path` in a scratch tree that has only the project's Biome configuration. */
function lintAs(path: string, source: string): string {
  const file = join(sandbox, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${source}\nexport const used = 1;\n`);
  const result = spawnSync(biome, ['lint', '--max-diagnostics=50', path], { cwd: sandbox, encoding: 'utf8' });
  rmSync(file);
  const output = `${result.stdout}${result.stderr}`;
  expect(output, 'biome checked no file').toMatch(/Checked 1 file/);
  return output;
}

// Which folder imports which is import-policy.test.ts's job; Biome keeps the two rules a linter
// states best: the polyfill stays behind src/platform/browser.ts, and shipped code does not log.
describe('the Biome rules', () => {
  it.each([
    ['src/background/x.ts', "import browser from 'webextension-polyfill';", 'lint/style/noRestrictedImports'],
    ['src/platform/storage.ts', "import browser from 'webextension-polyfill';", 'Only src/platform/browser.ts'],
    ['src/panel/x.ts', 'console.log("x");', 'lint/suspicious/noConsole'],
  ])('%s: %s is refused', (path, source, message) => {
    expect(lintAs(path, source)).toContain(message);
  });

  it.each([
    ['src/platform/browser.ts', "import browser from 'webextension-polyfill';"],
    ['src/panel/x.ts', 'console.warn("x");'],
    ['src/cli/x.ts', 'console.log("x");'],
  ])('%s: %s is allowed', (path, source) => {
    const output = lintAs(path, source);
    expect(output).not.toContain('noRestrictedImports');
    expect(output).not.toContain('noConsole');
  });
});
