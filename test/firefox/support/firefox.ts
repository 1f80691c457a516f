/**
 * Launches Firefox (Debian's firefox-esr) headless with a fresh profile, drives it over WebDriver
 * BiDi and installs the built extension. How and why: README.md, "Test".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { GECKO_ID } from '../../../src/build/firefox-manifest';
import { BidiClient } from './bidi-client';

/** Pinned in the profile, so the extension's pages live at a known moz-extension:// host. */
export const EXTENSION_UUID = '5a1c0f0e-c025-4e1a-9c0d-c0a5e1e5f0f0';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Firefox's binary: $FIREFOX_PATH, else firefox-esr or firefox on PATH. Never skips: throws. */
export function findFirefox(): string {
  const explicit = process.env.FIREFOX_PATH;
  const candidates =
    explicit !== undefined && explicit !== ''
      ? [explicit]
      : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => [join(dir, 'firefox-esr'), join(dir, 'firefox')]);
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(
    'Firefox not found: the Firefox suite needs Firefox ESR (apt-get install -y --no-install-recommends firefox-esr, as .ci/run does) or FIREFOX_PATH.',
  );
}

export interface LaunchOptions {
  /** Path of the built extension: a directory (dist-firefox/) or an archive (.zip/.xpi). */
  extension: string;
  /** `extensions.background.idle.timeout` in ms: how soon the idle background page is suspended. */
  backgroundIdleMs?: number;
}

/** A cookie on the API origin, so credentialed requests carry one (as the Chrome matrix plants). */
export const API_COOKIE = { name: 'matrix-session', value: 'abc' };

export interface RemoteValue {
  type: string;
  value?: unknown;
}

export interface Firefox {
  bidi: BidiClient;
  /** Opens `url` in a new tab and waits for it to load; returns the BiDi context id. */
  openTab(url: string): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates `expression` (awaiting a promise) in the tab; the value must be JSON-serialisable. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  closeTab(context: string): Promise<void>;
  close(): Promise<void>;
}

function userPrefs(options: LaunchOptions): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Without it an MV3 add-on's host permissions are not granted, and webRequest sees nothing.
    'extensions.originControls.grantByDefault': true,
    'browser.shell.checkDefaultBrowser': false,
    // Firefox partitions third-party cookies (Total Cookie Protection): a cookie planted on the
    // API would never go with the page's credentialed requests. Accept them, unpartitioned.
    'network.cookie.cookieBehavior': 0,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    ...(options.backgroundIdleMs === undefined
      ? {}
      : { 'extensions.background.idle.timeout': options.backgroundIdleMs }),
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

function bidiUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox printed no BiDi address in 60 s:\n${seen}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi was up:\n${seen}`));
    });
  });
}

function kill(child: ChildProcess): void {
  // Content processes can outlive the parent: end the whole group this launch started.
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Starts Firefox with the extension installed as a temporary add-on. */
export async function launchFirefox(options: LaunchOptions): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'cors-lens-firefox-'));
  writeFileSync(join(profile, 'user.js'), userPrefs(options));
  const child = spawn(
    findFirefox(),
    [
      '--headless',
      '--remote-debugging-port=0',
      '--profile',
      profile,
      '--no-remote',
      '--remote-allow-system-access',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' } },
  );
  const cleanup = () => {
    kill(child);
    rmSync(profile, { recursive: true, force: true });
  };
  let bidi: BidiClient;
  try {
    bidi = await BidiClient.connect(`${await bidiUrl(child)}/session`);
    await bidi.send('session.new', { capabilities: {} });
    const isArchive = /\.(zip|xpi)$/.test(options.extension);
    await bidi.send('webExtension.install', {
      extensionData: isArchive
        ? { type: 'archivePath', path: options.extension }
        : { type: 'path', path: options.extension },
    });
    await bidi.send('storage.setCookie', {
      cookie: {
        name: API_COOKIE.name,
        value: { type: 'string', value: API_COOKIE.value },
        domain: '127.0.0.1',
        path: '/',
        httpOnly: false,
        secure: true,
        sameSite: 'none',
      },
    });
  } catch (error) {
    cleanup();
    throw error;
  }

  const firefox: Firefox = {
    bidi,
    async openTab(url) {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await firefox.navigate(context, url);
      return context;
    },
    async navigate(context, url) {
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    async evaluate<T>(context: string, expression: string) {
      const result = await bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text?: string } }>(
        'script.evaluate',
        {
          expression: `(async () => JSON.stringify(await (${expression})))()`,
          target: { context },
          awaitPromise: true,
          resultOwnership: 'none',
        },
      );
      if (result.type !== 'success' || result.result?.type !== 'string') {
        throw new Error(`evaluate failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
      }
      return JSON.parse(String(result.result.value)) as T;
    },
    async closeTab(context) {
      await bidi.send('browsingContext.close', { context });
    },
    async close() {
      try {
        await Promise.race([bidi.send('browser.close'), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      } catch {
        // the connection drops as the browser goes
      }
      bidi.close();
      cleanup();
    },
  };
  return firefox;
}
