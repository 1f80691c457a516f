#!/usr/bin/env node
/**
 * `npm run build:package`: keeps the declarations `cors-lens/playwright` needs and nothing more.
 * tsc emits one for every file src/playwright reaches (engine, report, CLI); this keeps those of
 * src/playwright reachable from its index, points their engine imports at the package's main entry
 * (`cors-lens`, whose declarations ship already) and fails if a kept one reaches any other folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const RELATIVE_SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

const [emitted, target] = process.argv.slice(2);
if (emitted === undefined || target === undefined) throw new Error('usage: playwright-declarations.mjs EMITTED TARGET');
const own = join(emitted, 'playwright');
const engineEntry = join(emitted, 'engine/index');

/** The declaration file a relative specifier names, or null for the engine's entry. */
function named(file, specifier) {
  const base = join(dirname(file), specifier);
  if (base === engineEntry || base === join(emitted, 'engine')) return null;
  if (relative(own, base).startsWith('..')) throw new Error(`${file} reaches ${specifier}, outside src/playwright`);
  if (!existsSync(`${base}.d.ts`)) throw new Error(`${file}: cannot resolve '${specifier}'`);
  return `${base}.d.ts`;
}

const kept = new Map();
const pending = [join(own, 'index.d.ts')];
while (pending.length > 0) {
  const file = pending.pop();
  if (kept.has(file)) continue;
  const text = readFileSync(file, 'utf8').replace(RELATIVE_SPECIFIER, (_match, keyword, quote, specifier) => {
    const next = named(file, specifier);
    if (next === null) return `${keyword}${quote}cors-lens${quote}`;
    pending.push(next);
    return `${keyword}${quote}${specifier}.js${quote}`;
  });
  kept.set(file, text);
}
rmSync(target, { recursive: true, force: true });
for (const [file, text] of kept) {
  const out = join(target, relative(own, file));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}
rmSync(emitted, { recursive: true, force: true });
console.log(`declarations in ${target}: ${kept.size} files`);
