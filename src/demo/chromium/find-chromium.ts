import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * The Chromium to test with: `CHROME_PATH`, then Debian's `/usr/bin/chromium`, then Playwright's
 * own download. Throws with install instructions when there is none, so a missing browser fails
 * the suite loudly instead of skipping it.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.CHROME_PATH) candidates.push(env.CHROME_PATH);
  candidates.push('/usr/bin/chromium');
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; the message below lists what was tried.
  }
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      `No Chromium found (tried ${candidates.join(', ')}). Install one — on Debian: ` +
        '`sudo apt-get install -y chromium` — or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}
