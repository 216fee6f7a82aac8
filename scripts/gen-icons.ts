/**
 * Draws the app's PNG icons (public/icons/icon-192.png, icon-512.png and the maskable icon-maskable-512.png, whose
 * drawing sits inside the central 80 % safe zone on a full-bleed background) from public/icons/icon.svg with
 * Chromium. Run after editing the SVG: `npm run icons`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(import.meta.dirname, '..', 'public', 'icons');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const draw = async (file: string, size: number, maskable: boolean) => {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = maskable ? Math.round(size * 0.8) : size;
    const pad = (size - inner) / 2;
    await page.setContent(
      `<html><body style="margin:0;background:${maskable ? '#ffffff' : 'transparent'}">` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" style="position:absolute;left:${pad}px;top:${pad}px;width:${inner}px;height:${inner}px"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: resolve(dir, file), omitBackground: !maskable });
    await page.close();
    console.log(`public/icons/${file} ${size}×${size}`);
  };
  await draw('icon-192.png', 192, false);
  await draw('icon-512.png', 512, false);
  await draw('icon-maskable-512.png', 512, true);
} finally {
  await browser.close();
}
