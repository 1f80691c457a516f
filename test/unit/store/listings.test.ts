import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import lockfile from '../../../package-lock.json' with { type: 'json' };
import { firefoxManifest } from '../../../src/build/firefox-manifest';
import { STORE_FILES } from '../../../src/build/store-files';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/** A listing's fields: the text under each `## ` heading, by heading. */
function sections(markdown: string, level = '##'): Map<string, string> {
  const found = new Map<string, string>();
  const parts = markdown.split(new RegExp(`^${level} (.+)$`, 'm'));
  for (let i = 1; i + 1 < parts.length; i += 2) found.set(parts[i]?.trim() ?? '', parts[i + 1]?.trim() ?? '');
  return found;
}

function field(markdown: string, name: string): string {
  const text = sections(markdown).get(name);
  if (text === undefined) throw new Error(`no "## ${name}" section`);
  return text;
}

/** Width and height from a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(resolve(ROOT, path));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What each store's build asks for: Firefox's manifest drops the Chromium-only `debugger`. */
const FIREFOX = firefoxManifest(manifest, { backgroundScript: 'background.js' });
const PERMISSIONS = {
  chrome: [...manifest.permissions, ...manifest.host_permissions],
  firefox: [...(FIREFOX.permissions as string[]), ...(FIREFOX.host_permissions as string[])],
};

/** The stores' limits: Chrome Web Store summary 132 characters, addons.mozilla.org summary 250. */
const LISTINGS = [
  {
    store: 'Chrome Web Store',
    path: STORE_FILES.chrome.listing,
    summaryLimit: 132,
    category: 'Category',
    permissions: PERMISSIONS.chrome,
  },
  {
    store: 'addons.mozilla.org',
    path: STORE_FILES.firefox.listing,
    summaryLimit: 250,
    category: 'Categories',
    permissions: PERMISSIONS.firefox,
  },
] as const;

describe.each(LISTINGS)('the $store listing ($path)', ({ path, summaryLimit, category, permissions }) => {
  const listing = read(path);

  it('has a name, a summary within the store limit, a description and a category', () => {
    expect(field(listing, 'Name')).toBe(manifest.name);
    const summary = field(listing, 'Summary');
    expect(summary).not.toContain('\n');
    expect([...summary].length).toBeGreaterThan(20);
    expect([...summary].length).toBeLessThanOrEqual(summaryLimit);
    expect(field(listing, 'Description').length).toBeGreaterThan(500);
    expect(field(listing, category)).not.toBe('');
  });

  it("justifies every permission its build's manifest asks for, and no other", () => {
    const justified = sections(field(listing, 'Permission justifications'), '###');
    const names = [...justified.keys()].map((heading) => heading.replace(/^`(.+)`$/, '$1'));
    expect(names.sort()).toEqual([...permissions].sort());
    for (const text of justified.values()) expect(text.length).toBeGreaterThan(100);
  });

  it('links the shared privacy policy', () => {
    expect(field(listing, 'Privacy policy')).toContain(STORE_FILES.privacyPolicy);
    expect(existsSync(resolve(ROOT, STORE_FILES.privacyPolicy))).toBe(true);
  });
});

describe('the Chrome Web Store listing', () => {
  const listing = read(STORE_FILES.chrome.listing);

  it("summary is the manifest's description, which the store shows as the summary", () => {
    expect(field(listing, 'Summary')).toBe(manifest.description);
  });

  it('states a single purpose', () => {
    expect(field(listing, 'Single purpose').length).toBeGreaterThan(50);
  });
});

describe('the AMO source-code notes', () => {
  const notes = read(STORE_FILES.firefox.sourceCodeNotes);

  it('give the build commands from a clean checkout and where the package lands', () => {
    expect(notes).toContain('npm ci');
    expect(notes).toContain('npm run zip:firefox');
    expect(notes).toContain('release/cors-lens-<version>-firefox.zip');
    expect(notes).toContain('dist-firefox/');
  });

  it.each([
    'vite',
    'rolldown',
    'lightningcss',
    '@preact/preset-vite',
    'typescript',
    'web-ext',
    'preact',
    '@tanstack/virtual-core',
    'webextension-polyfill',
  ])('name the version of %s that package-lock.json pins', (name) => {
    const locked = (lockfile.packages as Record<string, { version?: string }>)[`node_modules/${name}`]?.version;
    expect(locked).toBeDefined();
    const row = notes.split('\n').find((line) => line.startsWith(`| ${name} `));
    expect(row, `a table row for ${name}`).toBeDefined();
    expect(row?.split('|')[2]?.trim()).toBe(locked);
  });
});

/** The stores' image sizes: Chrome Web Store screenshots 1280×800 and its small promo tile 440×280; AMO's recommended 1280×800. */
describe('the store images (npm run screenshots)', () => {
  it.each([
    ...Object.values(STORE_FILES.chrome.screenshots).map((path) => [path, 1280, 800] as const),
    [STORE_FILES.chrome.promoTile, 440, 280] as const,
    ...Object.values(STORE_FILES.firefox.screenshots).map((path) => [path, 1280, 800] as const),
  ])('%s is a %i×%i PNG', (path, width, height) => {
    expect(pngSize(path)).toEqual({ width, height });
  });
});
