/* global process */
// Renders the SVG icons in public/icons to the PNG sizes the web app manifest needs, with the system
// Chromium (playwright-core, no browser download). Run after editing an icon SVG and commit the PNGs:
//   node packages/web/scripts/render-icons.js
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const outputs = [
  { source: 'icon.svg', size: 192, target: 'icon-192.png' },
  { source: 'icon.svg', size: 512, target: 'icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, target: 'icon-maskable-512.png' },
  { source: 'icon.svg', size: 180, target: 'apple-touch-icon.png' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const { source, size, target } of outputs) {
    const svg = await readFile(join(icons, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const html = `<html><body style="margin:0;background:transparent">${svg.replace(
      '<svg ',
      `<svg width="${size}" height="${size}" `,
    )}</body></html>`;
    await page.setContent(html);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(join(icons, target), png);
    await page.close();
    process.stdout.write(`${target} (${size}x${size})\n`);
  }
} finally {
  await browser.close();
}
