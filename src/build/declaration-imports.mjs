#!/usr/bin/env node
/**
 * `npm run build:package`, last step: the engine's declarations as TypeScript emitted them into
 * DIR import './advisories' without an extension (the sources are written for a bundler), which a
 * consumer's `moduleResolution: node16`/`nodenext` rejects. This names each relative import's
 * file — './advisories.js', or './recipes/index.js' for a folder — as Node resolves ES modules.
 * (A bundler of declarations, rolldown-plugin-dts, would do this too, but one of its dependencies
 * is not installable from every registry, which breaks `npm ci`.)
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const RELATIVE_SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const base = join(dirname(file), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${file}: cannot resolve '${specifier}'`);
}

function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? declarationFiles(path) : path.endsWith('.d.ts') ? [path] : [];
  });
}

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: declaration-imports.mjs DIR');
let rewritten = 0;
for (const file of declarationFiles(dir)) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(RELATIVE_SPECIFIER, (_match, keyword, quote, specifier) => {
    rewritten++;
    return `${keyword}${quote}${withExtension(file, specifier)}${quote}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
console.log(`declarations in ${dir}: ${rewritten} relative imports name their files`);
