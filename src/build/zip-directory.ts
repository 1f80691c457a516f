import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

export interface ZipResult {
  path: string;
  files: number;
  bytes: number;
}

function collectFiles(root: string, dir: string, into: Zippable): number {
  let count = 0;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      count += collectFiles(root, full, into);
    } else if (!name.endsWith('.map')) {
      // Store paths with forward slashes, as the stores expect, whatever the host OS.
      into[relative(root, full).split('\\').join('/')] = readFileSync(full);
      count += 1;
    }
  }
  return count;
}

/** Packs every file below `sourceDir` (source maps left out) into a deflated zip at `archivePath`. */
export function zipDirectory(sourceDir: string, archivePath: string): ZipResult {
  const entries: Zippable = {};
  const files = collectFiles(sourceDir, sourceDir, entries);
  const archive = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  mkdirSync(dirname(archivePath), { recursive: true });
  writeFileSync(archivePath, archive);
  return { path: archivePath, files, bytes: archive.byteLength };
}
