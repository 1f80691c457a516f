/**
 * Which folder of `src/` may import which: the one allow table. ARCHITECTURE.md, "Module
 * boundaries", prints it (import-policy.test.ts asserts the two are equal) and the same test
 * checks every import of every file under `src/` against it. Anything not allowed here is refused,
 * so a new folder, a deeper relative path or `src/demo` (which no shipped folder lists) cannot slip
 * through a gap in a deny list.
 */

export const ROOMS = [
  'engine',
  'model',
  'capture',
  'report',
  'platform',
  'background',
  'devtools',
  'panel',
  'cli',
  'playwright',
  'build',
  'demo',
] as const;
export type Room = (typeof ROOMS)[number];

export interface RoomPolicy {
  /** Other folders of `src/` any file of this folder may import (its own folder always may). */
  readonly rooms: readonly Room[];
  /** Folders this one may import only with `import type`/`export type` (nothing reaches run time). */
  readonly typesFrom?: readonly Room[];
  /** Folders only the named files of this folder may import. */
  readonly onlyFrom?: Partial<Record<Room, readonly string[]>>;
  /** npm packages and Node built-ins it may import; `node:*` means every Node built-in. */
  readonly packages: readonly string[];
}

export const IMPORT_POLICY = {
  engine: { rooms: [], packages: [] },
  model: { rooms: ['engine'], packages: [] },
  capture: { rooms: ['engine', 'model'], packages: [] },
  report: { rooms: ['engine', 'model'], packages: ['har-format'] },
  platform: { rooms: ['model'], packages: ['webextension-polyfill'] },
  background: { rooms: ['platform', 'engine', 'model', 'capture'], packages: [] },
  devtools: { rooms: ['platform', 'model'], packages: [] },
  panel: {
    rooms: ['model', 'report', 'engine'],
    onlyFrom: { platform: ['src/panel/main.tsx', 'src/panel/connection.ts'] },
    packages: ['preact', 'preact/hooks', '@tanstack/virtual-core'],
  },
  cli: { rooms: ['engine', 'model', 'report'], packages: ['node:*', '@streamparser/json'] },
  playwright: { rooms: ['engine', 'report', 'cli'], packages: ['@playwright/test', 'har-format'] },
  build: { rooms: [], packages: ['node:*', 'fflate', 'playwright-core'] },
  demo: { rooms: [], typesFrom: ['engine'], packages: ['node:*', 'playwright-core'] },
} as const satisfies Record<Room, RoomPolicy>;

/**
 * Files outside `src/` that code under `src/` may import: the version the CLI prints and the
 * manifest the panel reads its version and home page from.
 */
export const REPOSITORY_FILES = ['package.json', 'manifest.json'] as const;

/** The engine's public surface, as a path without extension may name it. */
export const ENGINE_SURFACE: readonly string[] = ['src/engine', 'src/engine/index', 'src/engine/index.ts'];

/** The "may import" cell ARCHITECTURE.md prints for a folder. */
export function mayImportCell(policy: RoomPolicy): string {
  const parts: string[] = [];
  if (policy.rooms.length > 0) parts.push(policy.rooms.join(', '));
  for (const room of policy.typesFrom ?? []) parts.push(`${room} (types only)`);
  const listed = parts.length > 0 ? parts.join(', ') : 'itself only';
  const limited = Object.entries(policy.onlyFrom ?? {}).map(
    ([room, files]) => `; ${room} only from ${(files ?? []).map((file) => `\`${basename(file)}\``).join(' and ')}`,
  );
  return `${listed}${limited.join('')}`;
}

/** The "packages" cell ARCHITECTURE.md prints for a folder. */
export function packagesCell(policy: RoomPolicy): string {
  return policy.packages.length > 0 ? policy.packages.map((name) => `\`${name}\``).join(', ') : 'none';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
