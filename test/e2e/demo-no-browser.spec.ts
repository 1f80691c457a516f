/**
 * `npm run demo` on a machine where discovery finds no Chromium. The test hides the browsers in a
 * private mount namespace (`unshare -m`): Debian's Chromium and apt-get are covered by /dev/null
 * (present, not executable), and Playwright's browsers live in an empty directory. Playwright's
 * installer cannot reach its CDN from this network, so the demo must reach the install step, show
 * Playwright's own failure, say what it tried and end with the one command to run — exit 1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

/** Paths the namespace covers with /dev/null: each exists there, but cannot be run. */
const HIDDEN = ['/usr/bin/chromium', '/usr/bin/apt-get'];

function runHidden(browsersPath: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsersPath };
  delete env.CHROME_PATH;
  delete env.DISPLAY;
  const mounts = HIDDEN.map((path) => `mount --bind /dev/null ${path}`).join(' && ');
  const script = `${mounts} && exec node src/demo/launch.mjs --headless`;
  return new Promise((done) => {
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => done({ code, output }));
  });
}

test('with no Chromium anywhere, the demo tries to install one and ends with what it tried and the command to run', async () => {
  test.setTimeout(180_000);
  expect(process.getuid?.(), 'this test needs root, for unshare --mount').toBe(0);
  const browsersPath = mkdtempSync(join(tmpdir(), 'cors-lens-no-browsers-'));
  try {
    const { code, output } = await runHidden(browsersPath);
    await test.info().attach('demo output', { body: output, contentType: 'text/plain' });
    expect(code, output).toBe(1);
    expect(output).toContain("No Chromium found. Installing Playwright's Chromium (npx playwright install chromium)…");
    // Playwright's installer ran (its own words) and failed without a network to download from.
    expect(output).toMatch(/Failed to (install browsers|download)/);
    expect(output).toContain('No Chromium that can load CORS Lens. Tried:');
    expect(output).toContain('  - /usr/bin/chromium: not found');
    expect(output).toContain(`  - ${browsersPath}/`);
    expect(output).toMatch(/ {2}- npx playwright install chromium: failed \(exit \d+\)/);
    // Root on Debian: apt-get is the next step; here it cannot run, and the demo says so.
    expect(output).toMatch(/ {2}- apt-get install chromium: failed: spawn apt-get EACCES/);
    expect(output).toContain('Install Chromium: sudo apt-get install -y chromium');
    expect(output).not.toContain('Demo page');
  } finally {
    rmSync(browsersPath, { recursive: true, force: true });
  }
});
