#!/usr/bin/env node
/**
 * `npm run demo`: builds the extension, the CLI and the demo when any of them is missing or older
 * than its sources, then runs the demo (dist-demo/demo.mjs, from src/demo/main.ts). Plain
 * JavaScript, so it runs on a fresh clone before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// `npm run demo | head`: when the reader goes away, keep running to the end so the browser and
// its profile are still cleaned up, instead of dying of EPIPE halfway.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
const OUTPUTS = ['dist/manifest.json', 'dist-cli/cors-lens.mjs', 'dist-demo/demo.mjs', 'dist-demo/page/index.html'];
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time under `path` (a file or a directory), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function needsBuild() {
  const outputs = OUTPUTS.map((path) => join(root, path));
  if (outputs.some((path) => !existsSync(path))) return true;
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  return SOURCES.some((path) => newest(join(root, path)) > oldestOutput);
}

if (needsBuild()) {
  process.stdout.write('Building the extension, the CLI and the demo (npm run build)… ');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stdout.write('failed.\n');
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? String(build.error) : ''}\n`);
    process.exit(1);
  }
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

const { main } = await import(pathToFileURL(join(root, 'dist-demo/demo.mjs')).href);
const code = await main({
  argv: process.argv.slice(2),
  root,
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
