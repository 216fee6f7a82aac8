/**
 * Offline use in Chromium: after one visit the service worker has precached the app, so with the network gone (the
 * browser offline AND the server that sent the app shut down) a reload still draws the figure, and a figure, the
 * atlas, compare (both modes), a page opened by link and an export all work; so do a figure's page and opening a
 * file after the browser is restarted. A newer build takes over an open page, which says so. The app is installable (Chromium's own installability check), and nothing
 * breaks the Content-Security-Policy. The worker is installed only once the reader pauses, not while they click.
 *
 * This spec serves the build from its own `vite preview`, so it can shut that server down, and runs Chromium with a
 * profile of its own (as a person's browser is: Chromium does not install apps from a private window).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, expectPageError, screenshot, waitForCanvas, watch } from './browser.ts';

const root = resolve(import.meta.dirname, '..', '..');
let server: PreviewServer | undefined;
let base = '';
/** Requests the server answered: none may arrive once the app is offline. */
let served: string[] = [];

beforeAll(async () => {
  server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  server.httpServer.on('request', (req: { url?: string }) => served.push(req.url ?? ''));
  base = server.resolvedUrls!.local[0]!;
});
afterAll(async () => {
  await server?.close();
});
const profile = mkdtempSync(join(tmpdir(), 'msc-pof-offline-'));
/** The built service worker, changed for a moment to stand for a newer build, and always put back. */
const SW_FILE = resolve(root, 'dist', 'sw.js');
const swSource = readFileSync(SW_FILE, 'utf8');
afterAll(() => writeFileSync(SW_FILE, swSource));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
const details = (page: Page) => page.getByRole('region', { name: 'Details' });

async function clickNode(page: Page, id: string, pane = 'main') {
  const box = await page.locator(pane === 'main' ? '.main-graph .cy' : '.cy').first().boundingBox();
  const pos = await page.evaluate(([p, n]) => window.mscAtlas!.cy[p!]!.getElementById(n!).renderedPosition(), [pane, id]);
  await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
}

describe('offline', () => {
  it('after one visit, works with no network: reload, a figure, the atlas, compare, a link, exports (SVG, PDF, PowerPoint), and after a browser restart a page and an import; installable', { timeout: 240_000 }, async () => {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    // Page and console errors fail the test, as on every page of the browser tests.
    context.on('page', watch);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      watch(page);
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });

      // One visit, online.
      await page.goto(`${base}fig2.html?figure=fig2`);
      await waitForCanvas(page);
      // The service worker is registered once the page is idle, precaches everything, then takes this page over.
      await poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
      const stored = () =>
        page.evaluate(async () => {
          const names = await caches.keys();
          return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)] as const)));
        });
      // The large scripts no page starts with (the workers, the PDF and PowerPoint libraries) are not stored during
      // the install (Chromium compiles what is stored then), but in a cache of their own just after it.
      const workers = [/^\/assets\/elk-worker.*\.js$/, /^\/assets\/import\.worker-.*\.js$/, /^\/assets\/jspdf.*\.js$/, /^\/assets\/pptxgen.*\.js$/];
      await poll(async () => {
        const later = Object.entries(await stored()).find(([n]) => n.startsWith('msc-pof-later-'))?.[1] ?? [];
        return workers.filter((re) => !later.some((p) => re.test(p))).map(String);
      }).toEqual([]);
      const byCache = await stored();
      const precachedOnly = Object.entries(byCache).filter(([n]) => !n.startsWith('msc-pof-later-')).flatMap(([, urls]) => urls);
      for (const re of workers) expect(precachedOnly.some((p) => re.test(p)), `${re} in the install's cache`).toBe(false);
      const precached = Object.values(byCache).flat();
      // Every page, the model's data (each figure's and the atlas's), each view's layout, the workers and the fonts.
      for (const p of ['/index.html', '/fig1.html', '/fig5.html', '/fig7.html', '/table2.html', '/other.html', '/atlas.html', '/compare.html', '/manifest.webmanifest', '/icons/icon-512.png']) {
        expect(precached).toContain(p);
      }
      for (const re of [/^\/assets\/model-atlas-.*\.json$/, /^\/assets\/model-fig5-.*\.json$/, /^\/assets\/model-table2-.*\.json$/, /^\/assets\/atlas-.*\.js$/, /^\/assets\/figure-fig3-.*\.js$/, /^\/assets\/elk-worker.*\.js$/, /^\/assets\/import\.worker-.*\.js$/, /^\/assets\/inter-latin-400-normal-.*\.woff2$/, /^\/assets\/inter-greek-600-normal-.*\.woff2$/, /^\/assets\/inter-400-.*\.ttf$/]) {
        expect(precached.some((p) => re.test(p)), String(re)).toBe(true);
      }
      // (The start faces are in every page itself, as is the style sheet: their files are not in the build.)
      expect(precached.filter((p) => /^\/assets\/(inter-start-|index-[\w-]{8}\.css$)/.test(p))).toEqual([]);

      // Installable: Chromium's own check finds nothing missing (manifest, icons, a service worker that answers).
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toMatch(/manifest\.webmanifest$/);
      await poll(async () => ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }).installabilityErrors.map((e) => e.errorId)).toEqual([]);

      // A newer build is published (its service worker differs): the open page is taken over and says so.
      expect(await page.locator('.notice').count()).toBe(0);
      writeFileSync(SW_FILE, `${swSource}\n// a newer build\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await poll(() => page.locator('.notice').innerText()).toMatch(/^A new version of MSC–POF Atlas has been installed: reload the page to use it\./);
      writeFileSync(SW_FILE, swSource);

      // The network goes away: the browser is offline and the server is gone.
      await context.setOffline(true);
      await server!.close();
      served = [];

      await page.reload();
      await waitForCanvas(page);
      // The network is really gone: what the cache does not hold cannot be fetched (Chromium logs that one failure).
      expectPageError(/^console error at \?figure=fig2: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
      expect(await page.evaluate(() => fetch(`./not-in-the-cache-${Date.now()}.json`).then(() => 'fetched', () => 'failed'))).toBe('failed');
      expect(await page.getByRole('combobox', { name: 'Figure' }).inputValue()).toBe('fig2');
      // The labels are drawn in Inter, from the cache.
      expect(await page.evaluate(() => document.fonts.check('600 13px Inter') && [...document.fonts].some((f) => f.family === 'Inter' && f.status === 'loaded'))).toBe(true);
      await screenshot(page, 'offline-fig2');

      // A figure: a click on a node shows its details.
      await clickNode(page, 'hgf');
      await expect(details(page).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('HGF');

      // Another figure, chosen in the picker: its data and its layout chunk come from the cache.
      await page.getByRole('combobox', { name: 'Figure' }).selectOption('fig5');
      await poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('hmbmsc').length)).toBe(1);
      await waitForCanvas(page);
      expect(await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().length)).toBeGreaterThan(20);

      // The atlas, with a source switched on.
      await page.getByRole('button', { name: 'Atlas', exact: true }).click();
      await waitForCanvas(page);
      const sourceBox = page.getByRole('group', { name: /Cell sources/ }).getByRole('checkbox').nth(1);
      await sourceBox.check();
      await waitForCanvas(page);
      expect(await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().length)).toBeGreaterThan(100);
      await screenshot(page, 'offline-atlas');

      // Compare: the difference diagram, then the twin panes.
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await waitForCanvas(page, 'difference');
      await page.goto(`${base}?view=compare&left=source:hpmsc&right=source:humsc&panes=twin`);
      await waitForCanvas(page, 'left');
      await waitForCanvas(page, 'right');
      const summary = await page.getByRole('region', { name: /^Summary:/ }).getByRole('row').allInnerTexts();
      expect(summary.find((r) => r.startsWith('HGF\t'))).toMatch(/\tShared\t/);
      await screenshot(page, 'offline-compare-twin');

      // A link to a folder address opens the page it names (the atlas page), as the static host would.
      await page.goto(`${base}?view=atlas&sources=hbmmsc,hafmsc`);
      await waitForCanvas(page);
      expect(await page.evaluate(() => document.title)).toMatch(/Atlas/);
      // The source list is part of the side panel, whose code loads after the first picture.
      await poll(() => page.getByRole('group', { name: /Cell sources/ }).getByRole('checkbox', { checked: true }).count()).toBe(2);

      // An export that needs the embedded fonts (SVG with an Inter subset).
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: /^SVG/ }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
      const svg = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
      expect(svg).toMatch(/^<\?xml|^<svg/);
      expect(svg).toContain('@font-face');
      // And the two whose libraries are stored after the install: PDF and PowerPoint.
      for (const [format, magic] of [
        ['PDF (vector, for print)', '%PDF-'],
        ['PowerPoint slide (editable shapes)', 'PK'],
      ] as const) {
        await dialog.getByRole('radio', { name: format }).check();
        const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
        const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
        expect(bytes.subarray(0, magic.length).toString('latin1'), format).toBe(magic);
      }

      expect(served).toEqual([]);
      expect(failed.filter((f) => !f.includes('/not-in-the-cache-'))).toEqual([]);
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }

    // The browser is closed and opened again, still with no network (the laptop in the conference room): a figure's
    // own page opens, and so does the user's own file (the import worker and ELK come from the cache too).
    const again = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 }, offline: true });
    again.on('page', watch);
    try {
      const page = again.pages()[0] ?? (await again.newPage());
      watch(page);
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      await page.goto(`${base}fig7.html?figure=fig7&select=node:msc-exo`);
      await waitForCanvas(page);
      expect(await page.getByRole('combobox', { name: 'Figure' }).inputValue()).toBe('fig7');
      const sif = ['HGNC:4893\tactivates\tLab receptor X', 'VEGF\tpromotes\tAngiogenesis', ''].join('\n');
      await page.locator('input[type=file]').setInputFiles({ name: 'offline-lab.sif', mimeType: 'text/plain', buffer: Buffer.from(sif) });
      await poll(() => page.locator('.notice').innerText()).toMatch(/^Opened offline-lab\.sif: 4 nodes and 2 edges; 3 of the nodes are entities of the atlas/);
      await waitForCanvas(page);
      expect((await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => n.data('label') as string))).sort()).toEqual(['Angiogenesis', 'HGF', 'Lab receptor X', 'VEGF']);
      await screenshot(page, 'offline-restart-import');
      // Kept in this browser, it opens again from its link with no network.
      const key = new URL(page.url()).searchParams.get('figure')!;
      await page.reload();
      await poll(() => page.getByRole('combobox', { name: 'Figure' }).inputValue()).toBe(key);
      await waitForCanvas(page);
      expect(served).toEqual([]);
      expect(failed).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('is not installed while the reader is clicking, only once they have paused for 3 s (the install would slow their clicks)', { timeout: 90_000 }, async () => {
    // A server of its own: the test above shuts the shared one down.
    const own = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      watch(page);
      const registered = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
      await page.goto(`${own.resolvedUrls!.local[0]!}?view=atlas`);
      await waitForCanvas(page);
      // A source toggled off and on every 1.5 s for 9 s: never 3 s without a click.
      const box = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox').first();
      for (let i = 0; i < 6; i++) {
        await box.click();
        await page.waitForTimeout(1500);
        expect(await registered(), `registered while clicking, after click ${i + 1}`).toBe(false);
      }
      // A key counts as much as a click.
      await box.focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(2000);
      expect(await registered()).toBe(false);
      // Then the reader reads: the worker is registered, installs and takes the page over.
      await poll(registered).toBe(true);
      await poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
    } finally {
      await browser.close();
      await own.close();
    }
  });
});
