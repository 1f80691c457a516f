/**
 * When no Chromium is found, the demo installs one and says so: first Playwright's own (its
 * installer shows a progress bar), then, on Debian or Ubuntu as root, the system's package;
 * otherwise it ends with one message naming what it tried and the command to run.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { discoverChromium, isDebianLike, noChromiumMessage } from './find-chromium';

interface InstallIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** Runs a command with the terminal's output, so its progress shows; resolves to its exit code or the spawn error. */
function runVisible(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string | number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(code ?? `killed by ${signal}`));
  });
}

function outcome(result: string | number): string {
  return result === 0 ? 'installed' : typeof result === 'number' ? `failed (exit ${result})` : `failed: ${result}`;
}

/** Playwright's command line, from the playwright-core the demo runs on. */
function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('playwright-core/package.json')), 'cli.js');
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** A usable Chromium: found, or installed now. Null, after saying why and what to run, when there is none. */
export async function ensureChromium(io: InstallIo): Promise<string | null> {
  const first = discoverChromium(io.env);
  if (first.found !== null) return first.found;
  const attempts: string[] = [];
  const isDebian = isDebianLike();

  io.out("No Chromium found. Installing Playwright's Chromium (npx playwright install chromium)…");
  const playwright = await runVisible(process.execPath, [playwrightCli(), 'install', 'chromium'], io.env);
  attempts.push(`npx playwright install chromium: ${outcome(playwright)}`);
  if (playwright === 0) {
    const found = discoverChromium(io.env).found;
    if (found !== null) return found;
  }

  if (!isDebian) {
    attempts.push('apt-get install chromium: not tried (not Debian or Ubuntu)');
  } else if (!isRoot()) {
    attempts.push('apt-get install chromium: not tried (needs root)');
  } else {
    io.out("Installing Debian's chromium package (apt-get install -y chromium)…");
    const env = { ...io.env, DEBIAN_FRONTEND: 'noninteractive' };
    let apt = await runVisible('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env);
    // A fresh machine's package lists may be empty or stale: update once, then try again.
    if (typeof apt === 'number' && apt !== 0 && (await runVisible('apt-get', ['update'], env)) === 0) {
      apt = await runVisible('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env);
    }
    attempts.push(`apt-get install chromium: ${outcome(apt)}`);
    const found = discoverChromium(io.env).found;
    if (found !== null) return found;
  }
  io.err(noChromiumMessage(discoverChromium(io.env), attempts, isDebian));
  return null;
}
