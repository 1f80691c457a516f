/**
 * Reads the imports of a source file and judges them against the allow table in
 * import-policy.ts. Parsing uses the parser Vite builds with (Rolldown's oxc), so `import type`,
 * `export … from` and string-literal `import()` are told apart exactly as the bundler sees them.
 */
import { posix } from 'node:path';
import { parseSync } from 'rolldown/utils';
import { ENGINE_SURFACE, IMPORT_POLICY, REPOSITORY_FILES, ROOMS, type Room, type RoomPolicy } from './import-policy';

export interface SourceImport {
  readonly specifier: string;
  /** Only types cross: `import type`, `export type … from`, or every named binding marked `type`. */
  readonly typeOnly: boolean;
}

/** Every import and re-export of one file; `import()` of a computed value cannot be judged and is skipped. */
export function importsOf(path: string, source: string): SourceImport[] {
  const parsed = parseSync(path, source);
  if (parsed.errors.length > 0) throw new Error(`${path} does not parse: ${parsed.errors[0]?.message}`);
  const { staticImports, staticExports, dynamicImports } = parsed.module;
  const imports: SourceImport[] = staticImports.map((entry) => ({
    specifier: entry.moduleRequest.value,
    typeOnly: entry.entries.length > 0 && entry.entries.every((binding) => binding.isType),
  }));
  for (const exported of staticExports) {
    for (const binding of exported.entries) {
      if (binding.moduleRequest) imports.push({ specifier: binding.moduleRequest.value, typeOnly: binding.isType });
    }
  }
  for (const dynamic of dynamicImports) {
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(source.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end));
    if (literal?.[2] !== undefined) imports.push({ specifier: literal[2], typeOnly: false });
  }
  return imports;
}

/** The folder of `src/` a repository path lies in, if any. */
export function roomOf(path: string): Room | undefined {
  const [top, room, ...rest] = path.split('/');
  return top === 'src' && rest.length > 0 ? ROOMS.find((known) => known === room) : undefined;
}

/** Why `imported`, found in the repository file `path`, breaks the allow table; undefined when it may. */
export function policyViolation(path: string, imported: SourceImport): string | undefined {
  const room = roomOf(path);
  const where = `${path}: import '${imported.specifier}'`;
  if (room === undefined) return `${where}: ${path} lies in no folder of the allow table`;
  const policy: RoomPolicy = IMPORT_POLICY[room];
  if (!imported.specifier.startsWith('.')) {
    return allowsPackage(policy, imported.specifier)
      ? undefined
      : `${where}: src/${room} may not import the package '${imported.specifier}'`;
  }
  const target = posix.normalize(posix.join(posix.dirname(path), imported.specifier));
  const targetRoom = roomOf(target) ?? roomOf(`${target}/index`);
  if (targetRoom === undefined) {
    return (REPOSITORY_FILES as readonly string[]).includes(target)
      ? undefined
      : `${where}: resolves to ${target}, outside the folders of src/`;
  }
  if (targetRoom === room || (policy.rooms as readonly Room[]).includes(targetRoom)) return undefined;
  if (policy.typesFrom?.includes(targetRoom) && imported.typeOnly) return undefined;
  if (policy.onlyFrom?.[targetRoom]?.includes(path)) return undefined;
  return `${where}: src/${room} may not import src/${targetRoom}`;
}

/** True when `imported` reaches into `src/engine` past its public surface, from outside the engine. */
export function importsEngineInternal(path: string, imported: SourceImport): boolean {
  if (roomOf(path) === 'engine' || !imported.specifier.startsWith('.')) return false;
  const target = posix.normalize(posix.join(posix.dirname(path), imported.specifier));
  return target.startsWith('src/engine/') && !ENGINE_SURFACE.includes(target);
}

function allowsPackage(policy: RoomPolicy, specifier: string): boolean {
  return policy.packages.some((allowed) =>
    allowed.endsWith('*') ? specifier.startsWith(allowed.slice(0, -1)) : specifier === allowed,
  );
}
