/**
 * The model's data in Chromium, on the production build (issue #10 point 2): a figure's page fetches that figure's
 * data alone (preloaded by the page); another figure's data is fetched when it is chosen, and the atlas data on first
 * use of the atlas. A page opened by its file name alone (atlas.html) opens what it is; atlas.html, which has no
 * picture, carries no long list either.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

/** The model files a page fetched, by name without their hash (model-fig1, model-atlas). */
function modelFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/(model-[\w]+)-[\w-]{8}\.json$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]!);
  });
  return seen;
}

describe('model data loaded per view', () => {
  it('a figure fetches its own data; another figure fetches its own when chosen; the atlas its data on first use', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    const fetched = modelFetches(page);
    const response = await page.goto(appUrl('?figure=fig2'));
    const html = await response!.text();
    expect(html).toMatch(/<link rel="preload" href="\.\/assets\/model-fig2-[\w-]{8}\.json" as="fetch" crossorigin>/);
    expect(html).not.toMatch(/model-atlas-/);
    await waitForCanvas(page);
    // Interactive: a click on a node shows its details, with only this figure's data.
    const box = (await page.locator('.main-graph .cy').boundingBox())!;
    const at = await page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('hpmsc').renderedPosition());
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).toBe('hPMSC');
    expect(fetched).toEqual(['model-fig2']);

    await page.getByRole('combobox', { name: 'Figure' }).selectOption('table2');
    await expect.poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('humsc').length)).toBe(1);
    await waitForCanvas(page);
    expect(await page.evaluate(() => window.location.search)).toBe('?figure=table2');
    expect(fetched).toEqual(['model-fig2', 'model-table2']);

    await page.getByRole('button', { name: 'Atlas' }).click();
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe('?view=atlas');
    await waitForCanvas(page);
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().length)).toBeGreaterThan(200);
    expect(fetched).toEqual(['model-fig2', 'model-table2', 'model-atlas']);
    await screenshot(page, 'data-loading-atlas-after-figures');

    // Back to a figure: everything is there, nothing more is fetched.
    await page.goBack();
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe('?figure=table2');
    await page.getByRole('combobox', { name: 'Figure' }).selectOption('fig5');
    await expect.poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.getElementById('hmbmsc').length)).toBe(1);
    expect(fetched).toEqual(['model-fig2', 'model-table2', 'model-atlas']);
    await page.close();
  });

  it('a figure about several sources lists what they share from its own data, and fetches nothing more', async () => {
    for (const id of ['fig7', 'other']) {
      const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
      const fetched = modelFetches(page);
      await page.goto(appUrl(`?figure=${id}`));
      await waitForCanvas(page);
      await page.waitForLoadState('networkidle');
      const shared = page.getByRole('region', { name: 'Shared factors' });
      expect(await shared.getByRole('status').count(), id).toBe(0);
      if (id === 'fig7') expect(await shared.getByRole('listitem').count()).toBeGreaterThan(2);
      expect(fetched, id).toEqual([`model-${id}`]);
      await page.close();
    }
  });

  it('atlas.html opened by its name alone opens the atlas, from the atlas data', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    const fetched = modelFetches(page);
    const html = await (await page.goto(appUrl('atlas.html')))!.text();
    // The page carries the app's frame, not its long lists (it has no picture either: the app draws the atlas).
    expect(html).not.toContain('class="shared-list"');
    // Every page carries the two start faces of Inter as data: URLs (its first frame waits for no font request);
    // what is left is the page itself.
    const withoutFaces = html.replace(/data:font\/woff2;base64,[A-Za-z0-9+/=]+/g, '');
    expect(withoutFaces.length).toBeLessThan(html.length);
    expect(withoutFaces.length).toBeLessThan(48 * 1024);
    await waitForCanvas(page);
    expect(await page.getByRole('list', { name: 'Shared factors, most shared first' }).getByRole('listitem').count()).toBeGreaterThan(20);
    expect(await page.evaluate(() => window.location.search)).toBe('?view=atlas');
    expect(await page.getByRole('button', { name: 'Atlas' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().length)).toBeGreaterThan(200);
    expect(fetched).toEqual(['model-atlas']);
    await page.close();
  });
});
