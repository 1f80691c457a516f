import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsEngineInternal, importsOf, policyViolation } from './import-check';
import { IMPORT_POLICY, mayImportCell, packagesCell, ROOMS } from './import-policy';

const projectRoot = resolve(import.meta.dirname, '../../..');
const sourceFiles = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
  .map((path) => `src/${path.split('\\').join('/')}`)
  .filter((path) => /\.(ts|tsx|mts|mjs|js)$/.test(path))
  .sort();
const importsByFile = new Map(
  sourceFiles.map((path) => [path, importsOf(path, readFileSync(join(projectRoot, path), 'utf8'))]),
);

describe('the import policy (ARCHITECTURE.md, Module boundaries)', () => {
  it('reads the imports of every source file', () => {
    expect(sourceFiles.length).toBeGreaterThan(150);
    expect(importsByFile.get('src/background/index.ts')?.length).toBeGreaterThan(0);
  });

  it('is the table ARCHITECTURE.md prints', () => {
    const architecture = readFileSync(join(projectRoot, 'ARCHITECTURE.md'), 'utf8');
    const section = architecture.split('## Module boundaries')[1]?.split('\n## ')[0] ?? '';
    const printed = section
      .split('\n')
      .filter((line) => line.startsWith('| `src/'))
      .map((line) =>
        line
          .split('|')
          .slice(1, 4)
          .map((cell) => cell.trim()),
      );
    const table = ROOMS.map((room) => [
      `\`src/${room}\``,
      mayImportCell(IMPORT_POLICY[room]),
      packagesCell(IMPORT_POLICY[room]),
    ]);
    expect(printed).toEqual(table);
  });

  it('allows every import of every file under src/', () => {
    const violations = sourceFiles.flatMap((path) =>
      (importsByFile.get(path) ?? []).flatMap((imported) => policyViolation(path, imported) ?? []),
    );
    expect(violations).toEqual([]);
  });

  it('outside src/engine, reaches the engine only through src/engine/index.ts', () => {
    const reaching = sourceFiles.flatMap((path) =>
      (importsByFile.get(path) ?? [])
        .filter((imported) => importsEngineInternal(path, imported))
        .map((imported) => `${path}: import '${imported.specifier}' reaches past src/engine/index.ts`),
    );
    expect(reaching).toEqual([]);
  });

  it.each([
    ['src/panel/app.tsx', "import { demoCases } from '../demo/cases';", 'src/panel may not import src/demo'],
    [
      'src/background/a/b/c/x.ts',
      "import { x } from '../../../../demo/cases';",
      'src/background may not import src/demo',
    ],
    ['src/engine/x.ts', "import { badgeFor } from '../model/badge';", 'src/engine may not import src/model'],
    ['src/engine/x.ts', "import { readFileSync } from 'node:fs';", "src/engine may not import the package 'node:fs'"],
    [
      'src/model/x.ts',
      "export { PanelHub } from '../background/panel-hub';",
      'src/model may not import src/background',
    ],
    ['src/panel/app.tsx', "import { browser } from '../platform/browser';", 'src/panel may not import src/platform'],
    ['src/report/x.ts', "const s = await import('../platform/storage');", 'src/report may not import src/platform'],
    ['src/demo/x.ts', "import { evaluate } from '../engine/index';", 'src/demo may not import src/engine'],
    ['src/cli/x.ts', "import { x } from '../../test/fakes/fake-browser';", 'outside the folders of src/'],
  ])('refuses, naming file and import: %s %s', (path, source, message) => {
    const violations = importsOf(path, source).flatMap((imported) => policyViolation(path, imported) ?? []);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(path);
    expect(violations[0]).toContain(message);
  });

  it.each([
    ['src/panel/connection.ts', "import { connectToWorker } from '../platform/ports';"],
    ['src/demo/x.ts', "import type { Verdict } from '../engine/index';"],
    ['src/model/x.ts', "import type { Verdict } from '../engine';"],
    ['src/cli/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('allows %s %s', (path, source) => {
    expect(importsOf(path, source).flatMap((imported) => policyViolation(path, imported) ?? [])).toEqual([]);
  });

  it('tells the engine surface from its internals', () => {
    const path = 'src/cli/x.ts';
    const [surface, internal] = importsOf(
      path,
      "import { a } from '../engine';\nimport { b } from '../engine/decide';",
    );
    expect(surface && importsEngineInternal(path, surface)).toBe(false);
    expect(internal && importsEngineInternal(path, internal)).toBe(true);
    expect(internal && importsEngineInternal('src/engine/x.ts', internal)).toBe(false);
  });
});
