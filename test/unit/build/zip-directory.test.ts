import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { zipDirectory } from '../../../src/build/zip-directory';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('zipDirectory', () => {
  it('packs every file with forward-slash paths, leaving source maps out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-lens-zip-'));
    scratch.push(dir);
    mkdirSync(join(dir, 'dist/assets'), { recursive: true });
    writeFileSync(join(dir, 'dist/manifest.json'), '{"manifest_version":3}');
    writeFileSync(join(dir, 'dist/assets/app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'dist/assets/app.js.map'), '{}');

    const result = zipDirectory(join(dir, 'dist'), join(dir, 'out/ext.zip'));

    expect(result.files).toBe(2);
    const entries = unzipSync(readFileSync(join(dir, 'out/ext.zip')));
    expect(Object.keys(entries).sort()).toEqual(['assets/app.js', 'manifest.json']);
    expect(strFromU8(entries['manifest.json'] ?? new Uint8Array())).toBe('{"manifest_version":3}');
    expect(result.bytes).toBe(readFileSync(join(dir, 'out/ext.zip')).byteLength);
  });

  it('writes the same bytes for the same input, so releases are reproducible', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cors-lens-zip-'));
    scratch.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/a.txt'), 'a');
    zipDirectory(join(dir, 'dist'), join(dir, 'one.zip'));
    zipDirectory(join(dir, 'dist'), join(dir, 'two.zip'));
    expect(readFileSync(join(dir, 'one.zip')).equals(readFileSync(join(dir, 'two.zip')))).toBe(true);
  });
});
