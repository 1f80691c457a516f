/**
 * `npm run bench`: each benchmark is TypeScript importing the sources, so it is bundled with
 * rolldown into node_modules/.cache/cors-lens/ and run with Node, one after the other. The
 * page-load benchmark loads the built extension, so `vite build` runs first. Stops at the first
 * failure with its exit code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = [
  { name: 'engine-bench', external: [] },
  { name: 'har-bench', external: ['rolldown'] },
  { name: 'page-load-bench', external: ['playwright-core'], needsBuild: true },
  { name: 'panel-bench', external: ['playwright-core'] },
];
const bin = (name) => join('node_modules', '.bin', name);

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

for (const { name, external, needsBuild } of BENCHES) {
  if (needsBuild) run(bin('vite'), ['build', '--logLevel', 'error']);
  const bundle = join('node_modules', '.cache', 'cors-lens', `${name}.mjs`);
  const externals = external.flatMap((module) => ['--external', module]);
  run(bin('rolldown'), [
    `test/bench/${name}.ts`,
    ...['--format', 'esm', '--platform', 'node', ...externals, '--file', bundle, '--logLevel', 'silent'],
  ]);
  run(process.execPath, [bundle]);
}
