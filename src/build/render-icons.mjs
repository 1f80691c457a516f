// Renders src/build/icons/*.svg to the PNG sizes the manifest names, with the same Chromium the
// tests use. Run by hand after editing an icon: `node src/build/render-icons.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const ICONS = ['lens', 'lens-blocked'];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const icon of ICONS) {
  const svg = readFileSync(`src/build/icons/${icon}.svg`, 'utf8');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `public/icons/${icon}-${size}.png`, omitBackground: true });
  }
}
await browser.close();
