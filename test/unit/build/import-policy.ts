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
  build: { rooms: [], packages: ['node:*', 'fflate', 'playwright-core'] },
  demo: { rooms: [], typesFrom: ['engine'], packages: ['node:*', 'playwright-core'] },
} as const satisfies Record<Room, RoomPolicy>;

/**
 * Files outside `src/` that code under `src/` may import: the version the CLI prints and the
 * manifest the panel reads its version and home page from.
 */
export const REPOSITORY_FILES = ['package.json', 'manifest.json'] as const;

/**
 * Outside `src/engine`, code imports the engine only through its public surface,
 * `src/engine/index.ts`. These files still reach into engine internals today (issue #15 moves
 * them to the surface); the list only shrinks: the test fails for a file that imports an engine
 * internal and is not here, and for a file here that no longer does.
 */
export const ENGINE_INTERNAL_IMPORTERS: readonly string[] = [
  'src/background/create-background.ts',
  'src/background/persistence.ts',
  'src/background/stored-format.ts',
  'src/background/stored-record.ts',
  'src/capture/cap-event.ts',
  'src/capture/correlator.ts',
  'src/capture/estimated-bytes.ts',
  'src/capture/exchange-builder.ts',
  'src/capture/request-trace.ts',
  'src/cli/args.ts',
  'src/cli/github-annotations.ts',
  'src/cli/junit-report.ts',
  'src/cli/safe-json.ts',
  'src/cli/terminal-report.ts',
  'src/cli/terminal-text.ts',
  'src/demo/cases.ts',
  'src/model/capture-event.ts',
  'src/model/exchange-record.ts',
  'src/panel/components/advisory-section.tsx',
  'src/panel/components/curl-section.tsx',
  'src/panel/components/detail-view.tsx',
  'src/panel/components/explanation-section.tsx',
  'src/panel/components/failing-check.tsx',
  'src/panel/components/fix-section.tsx',
  'src/panel/components/header-check-table.tsx',
  'src/panel/components/messages-section.tsx',
  'src/panel/components/more-section.tsx',
  'src/panel/components/page-fix-note.tsx',
  'src/panel/components/raw-headers-section.tsx',
  'src/panel/components/request-list.tsx',
  'src/panel/components/row-menu.tsx',
  'src/panel/components/story-section.tsx',
  'src/panel/components/top-bar.tsx',
  'src/panel/format/build-curl.ts',
  'src/panel/format/captured-text.ts',
  'src/panel/format/firefox-notes.ts',
  'src/panel/format/header-checks.ts',
  'src/panel/format/row-copies.ts',
  'src/panel/format/row-view.ts',
  'src/panel/format/story-steps.ts',
  'src/panel/format/verdict-class.ts',
  'src/panel/state/filter-records.ts',
  'src/panel/state/har-transfer.ts',
  'src/panel/state/use-fix-stack.ts',
  'src/report/analyze.ts',
  'src/report/follow-redirects.ts',
  'src/report/har-guards.ts',
  'src/report/read-entry.ts',
  'src/report/read-har.ts',
  'src/report/to-exchange.ts',
  'src/report/write-har.ts',
];

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
