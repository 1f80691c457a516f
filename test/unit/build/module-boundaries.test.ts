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

describe('module boundaries (ARCHITECTURE.md, Module boundaries) are enforced by the linter', () => {
  it.each([
    ['src/engine/x.ts', "import { badgeFor } from '../model/badge';", 'src/engine may not import src/model'],
    ['src/engine/deep/x.ts', "import { browser } from '../../platform/browser';", 'src/engine may not import'],
    ['src/engine/x.ts', "import { readFileSync } from 'node:fs';", 'pure'],
    ['src/model/x.ts', "import { PanelHub } from '../background/panel-hub';", 'src/model may not import'],
    ['src/platform/x.ts', "import { PanelHub } from '../background/panel-hub';", 'src/platform may not import'],
    ['src/panel/app-part.tsx', "import { browser } from '../platform/browser';", 'src/panel may not import'],
    ['src/background/x.ts', "import browser from 'webextension-polyfill';", 'Only src/platform/browser.ts'],
    ['src/report/x.ts', "import { sessionStore } from '../platform/storage';", 'src/report may not import'],
    ['src/capture/x.ts', "import { showBadge } from '../platform/action-badge';", 'src/capture may not import'],
  ])('%s: %s is refused', (path, source, message) => {
    const output = lintAs(path, source);
    expect(output).toContain('lint/style/noRestrictedImports');
    expect(output).toContain(message);
  });

  it.each([
    ['src/platform/browser.ts', "import browser from 'webextension-polyfill';"],
    ['src/panel/connection.ts', "import { connectToWorker } from '../platform/ports';"],
    ['src/background/x.ts', "import { badgeFor } from '../model/badge';"],
    ['src/model/x.ts', "import type { Verdict } from '../engine';"],
    ['src/capture/x.ts', "import type { Verdict } from '../engine';"],
  ])('%s: %s is allowed', (path, source) => {
    expect(lintAs(path, source)).not.toContain('noRestrictedImports');
  });
});
