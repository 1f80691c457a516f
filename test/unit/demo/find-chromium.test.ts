import { describe, expect, it } from 'vitest';
import { discoverChromium, noChromiumMessage } from '../../../src/demo/chromium/find-chromium';

describe('discoverChromium', () => {
  it('takes CHROME_PATH first when it is an executable file', () => {
    const discovery = discoverChromium({ CHROME_PATH: process.execPath });
    expect(discovery.found).toBe(process.execPath);
    expect(discovery.tried).toEqual([`${process.execPath}: found`]);
  });

  it('passes over a CHROME_PATH that is not an executable file, and says so', () => {
    const discovery = discoverChromium({ CHROME_PATH: import.meta.filename });
    expect(discovery.found).not.toBe(import.meta.filename);
    expect(discovery.tried[0]).toBe(`${import.meta.filename}: not found`);
  });
});

describe('noChromiumMessage', () => {
  const discovery = {
    found: null,
    tried: ['/usr/bin/chromium: not found'],
    brandedChrome: '/opt/google/chrome/chrome',
  };

  it('lists what was tried, says why Google Chrome is not used, and names the command for this system', () => {
    const debian = noChromiumMessage(discovery, ['npx playwright install chromium: failed (exit 1)'], true);
    expect(debian.split('\n')).toEqual([
      'No Chromium that can load CORS Lens. Tried:',
      '  - /usr/bin/chromium: not found',
      '  - npx playwright install chromium: failed (exit 1)',
      'Google Chrome is installed (/opt/google/chrome/chrome) but not used: Google Chrome 137 and later ignore --load-extension, so it would start without CORS Lens.',
      'Install Chromium: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)',
    ]);
    expect(noChromiumMessage({ ...discovery, brandedChrome: null }, [], false)).toBe(
      [
        'No Chromium that can load CORS Lens. Tried:',
        '  - /usr/bin/chromium: not found',
        'Install Chromium: npx playwright install chromium   (or set CHROME_PATH to a Chromium binary)',
      ].join('\n'),
    );
  });
});
