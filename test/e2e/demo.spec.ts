import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_TOKEN, demoCases } from '../../src/demo/cases';
import { REDACTED } from '../../src/report/index';

const ROOT = resolve(import.meta.dirname, '../..');
/** Only the case list and expectations are read from here; the origins are the demo's own. */
const CASES = demoCases({ page: 'http://localhost:1', api: 'http://127.0.0.1:2', other: 'http://localhost:2' });

/** The environment of a machine with no display: `npm run demo` must go headless by itself. */
function noDisplayEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

interface Run {
  child: ChildProcess;
  output(): string;
  /** The exit code, or the signal that ended npm. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** `npm run demo -- …` in its own process group, as a terminal runs it (Ctrl-C goes to the whole group). */
function npmRunDemo(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn('npm', ['run', '--silent', 'demo', '--', ...args], { cwd: ROOT, env, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | NodeJS.Signals | null>((done) =>
    child.on('exit', (code, signal) => done(code ?? signal)),
  );
  return { child, output: () => output, exited };
}

/** Processes whose command line mentions `needle` (Chromium carries its profile path in its switches). */
function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe.configure({ mode: 'serial' });

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test uses from this pattern.
test('npm run demo without a display runs every case headless and prints the panel, a HAR and a screenshot', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const outDir = testInfo.outputPath('demo-report');
  const run = npmRunDemo(['--out', outDir], noDisplayEnv());
  expect(await run.exited, run.output()).toBe(0);
  const output = run.output();
  await testInfo.attach('demo output', { body: output, contentType: 'text/plain' });

  expect(output).toContain(`JavaScript saw "TypeError: Failed to fetch" for 15 of ${CASES.length} requests`);
  const lines = output.split('\n');
  for (const demoCase of CASES) {
    const path = new URL(demoCase.url).pathname;
    const line = lines.find((candidate) => new RegExp(`\\s${path}\\s`).test(candidate));
    expect(line, `no panel line for ${path}`).toBeDefined();
    if (demoCase.expect === 'passed') expect(line).toMatch(/^✓ .* passed/);
    else expect(line).toMatch(new RegExp(`^✗ .*\\s${demoCase.expect}\\s`));
  }
  // The status Chrome hides behind "CORS error", and the summary in words.
  expect(lines.find((line) => line.includes('/demo/error-401'))).toMatch(/^✗ {2}401 .*HTTP 401 Unauthorized/);
  expect(lines.find((line) => line.includes('/demo/preflight-404'))).toContain('404 (preflight)');

  const harPath = /Report \(HAR[^:]*:\s*(\S+)/.exec(output)?.[1];
  const pngPath = /Screenshot of the panel:\s*(\S+)/.exec(output)?.[1];
  expect(harPath).toBeDefined();
  expect(pngPath).toBeDefined();
  const har = JSON.parse(readFileSync(resolve(ROOT, harPath as string), 'utf8'));
  expect(har.log.version).toBe('1.2');
  expect(har.log._cors.redacted).toBe(true);
  // The passing preflighted PUT really sent the token: the export has the header, its value redacted.
  expect(JSON.stringify(har)).not.toContain(DEMO_TOKEN.slice('Bearer '.length));
  const sentPut = har.log.entries.find(
    (entry: { request: { method: string; url: string } }) =>
      entry.request.method === 'PUT' && entry.request.url.endsWith('/demo/preflight-ok'),
  );
  expect(sentPut.request.headers).toContainEqual({ name: 'Authorization', value: REDACTED });
  const requests = har.log.entries.filter((entry: { _cors?: { role: string } }) => entry._cors?.role === 'request');
  expect(requests).toHaveLength(CASES.length);
  for (const entry of har.log.entries) expect(entry._cors).toBeDefined();
  const unauthorized = requests.find((entry: { request: { url: string } }) =>
    entry.request.url.endsWith('/demo/error-401'),
  );
  expect(unauthorized.response.status).toBe(401);
  expect(unauthorized._cors).toMatchObject({ blocked: true, code: 'MissingAllowOriginHeader' });

  expect(pngSize(resolve(ROOT, pngPath as string))).toEqual({ width: 1280, height: 800 });
});

test('npm run demo -- --interactive stays up with DevTools on the CORS panel until Ctrl-C, then leaves nothing behind', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const run = npmRunDemo(['--interactive'], noDisplayEnv());
  try {
    await expect.poll(run.output, { timeout: 60_000 }).toContain('Press Ctrl-C');
    const output = run.output();
    expect(output).toContain('CORS panel:  open in DevTools');
    const pageUrl = /Demo page:\s+(\S+)/.exec(output)?.[1] as string;
    const profile = /Profile:\s+(\S+)/.exec(output)?.[1] as string;
    expect((await request.get(pageUrl)).status()).toBe(200);
    expect(processesMentioning(profile).length).toBeGreaterThan(0);

    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-(run.child.pid as number), 'SIGINT');
    // The demo exits 0; npm, signalled too, then ends itself by the same SIGINT.
    expect([0, 'SIGINT']).toContain(await run.exited);
    expect(run.output()).toContain('Stopped: browser closed, servers down, profile removed.');
    expect(processesMentioning(profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
    await expect(request.get(pageUrl)).rejects.toThrow();
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      process.kill(-(run.child.pid as number), 'SIGKILL');
    }
  }
});
