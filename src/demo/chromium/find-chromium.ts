import { accessSync, constants, statSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where a Chromium may be, in the order they are tried, and what was found at each. */
export interface Discovery {
  /** The first usable browser, or null. */
  found: string | null;
  /** Every place looked at, with what was there: `<path>: not found`. */
  tried: string[];
  /** Branded Google Chrome, which is present but cannot load CORS Lens unpacked; null when absent. */
  brandedChrome: string | null;
}

/** Debian's and Ubuntu's package, and where the snap puts it. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Google Chrome's usual homes on Linux and macOS. */
const BRANDED_CHROMES = [
  '/opt/google/chrome/chrome',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Why branded Chrome is never picked: since Chrome 137 it ignores `--load-extension`, so it would
 * start without CORS Lens (Chromium and Chrome for Testing still load an unpacked extension).
 */
export const BRANDED_CHROME_WHY =
  'Google Chrome 137 and later ignore --load-extension, so it would start without CORS Lens';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Looks for a Chromium that can load the unpacked extension: `CHROME_PATH`, the system's Chromium,
 * then Playwright's own (Chrome for Testing, under `PLAYWRIGHT_BROWSERS_PATH` when set).
 */
export function discoverChromium(env: NodeJS.ProcessEnv = process.env): Discovery {
  const candidates: string[] = [];
  if (env.CHROME_PATH) candidates.push(env.CHROME_PATH);
  candidates.push(...SYSTEM_CHROMIUMS);
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright knows no browser for this platform; the others were still tried.
  }
  const found = candidates.find(isExecutable) ?? null;
  const tried = candidates.slice(0, found === null ? undefined : candidates.indexOf(found) + 1);
  return {
    found,
    tried: tried.map((path) => (path === found ? `${path}: found` : `${path}: not found`)),
    brandedChrome: BRANDED_CHROMES.find(isExecutable) ?? null,
  };
}

/** The command that installs a Chromium here: Debian's package where apt is, else Playwright's. */
export function installCommand(isDebian: boolean): string {
  return isDebian ? 'sudo apt-get install -y chromium' : 'npx playwright install chromium';
}

/** What to say when there is no Chromium: where we looked, why Chrome does not count, what to run. */
export function noChromiumMessage(discovery: Discovery, attempts: readonly string[], isDebian: boolean): string {
  return [
    'No Chromium that can load CORS Lens. Tried:',
    ...[...discovery.tried, ...attempts].map((line) => `  - ${line}`),
    ...(discovery.brandedChrome === null
      ? []
      : [`Google Chrome is installed (${discovery.brandedChrome}) but not used: ${BRANDED_CHROME_WHY}.`]),
    `Install Chromium: ${installCommand(isDebian)}   (or set CHROME_PATH to a Chromium binary)`,
  ].join('\n');
}

/**
 * The Chromium to test with, found as the demo finds it. Throws with what was tried and the
 * command to run when there is none, so a missing browser fails the suite loudly instead of skipping it.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const discovery = discoverChromium(env);
  if (discovery.found !== null) return discovery.found;
  throw new Error(noChromiumMessage(discovery, [], isDebianLike()));
}

/** Debian, Ubuntu and their derivatives, where `apt-get install chromium` is the way. */
export function isDebianLike(): boolean {
  try {
    return statSync('/etc/debian_version').isFile();
  } catch {
    return false;
  }
}
