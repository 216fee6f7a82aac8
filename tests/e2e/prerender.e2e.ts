/**
 * The first view before any script: each figure's page carries its picture (inline SVG with a title and a text
 * description), and the canvas takes over at the same place and size.
 */
import { describe, expect, it } from 'vitest';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
const VIEWPORT = { width: 1440, height: 900 };

describe('prerendered pages', () => {
  it('show every figure’s own picture with scripts off, and its text alternative', async () => {
    const context = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(appUrl());
    const ids = await page.getByRole('combobox', { name: 'Figure' }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThanOrEqual(10);
    for (const id of ids) {
      // The address the app writes for a figure, and the link form `?figure=…` (served the same page by vite preview).
      for (const url of [appUrl(`${id}.html?figure=${id}`), appUrl(`?figure=${id}`)]) {
        await page.goto(url);
        const picture = page.getByRole('img', { name: /./ }).first();
        const title = await page.getByRole('combobox', { name: 'Figure' }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent);
        expect(await picture.getAttribute('aria-labelledby'), url).toBe('prerender-title prerender-desc');
        expect(await page.locator('.prerender-picture title#prerender-title').textContent(), url).toBe(title!.replace(': ', ' '));
        expect(await page.locator('.prerender-picture desc').textContent(), url).toMatch(/^\d+ entities and \d+ relations\. /);
        expect(await page.locator('.prerender-picture g.node').count(), url).toBeGreaterThan(0);
        const box = await page.locator('.prerender-picture svg').boundingBox();
        expect(box!.width * box!.height, url).toBeGreaterThan(100 * 100);
      }
    }
    await page.goto(appUrl('?figure=fig2'));
    await screenshot(page, 'prerendered-fig2-no-script');
    await context.close();
  });

  it('hands over to the canvas with every node where the picture drew it, and removes the picture', async () => {
    const search = '?figure=fig2';
    const noScript = await getBrowser().newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
    const before = await noScript.newPage();
    await before.goto(appUrl(search));
    const drawn = await before.locator('.prerender-picture g.node').evaluateAll((gs) =>
      Object.fromEntries(
        gs.map((g) => {
          const r = (g.querySelector('path') ?? g).getBoundingClientRect();
          return [g.getAttribute('data-id')!, { x: r.x + r.width / 2, y: r.y + r.height / 2 }];
        }),
      ),
    );
    await noScript.close();
    const context = await getBrowser().newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(appUrl(search));
    await waitForCanvas(page);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    const onCanvas = await page.evaluate((ids) => {
      const cy = window.mscAtlas!.cy.main!;
      const c = cy.container()!.getBoundingClientRect();
      return Object.fromEntries(
        ids.map((id) => {
          const b = cy.getElementById(id).renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          return [id, { x: c.x + (b.x1 + b.x2) / 2, y: c.y + (b.y1 + b.y2) / 2 }];
        }),
      );
    }, Object.keys(drawn));
    expect(Object.keys(drawn).length).toBeGreaterThan(40);
    for (const [id, p] of Object.entries(drawn)) {
      expect(Math.abs(onCanvas[id]!.x - p.x), id).toBeLessThan(2.5);
      expect(Math.abs(onCanvas[id]!.y - p.y), id).toBeLessThan(2.5);
    }
    await screenshot(page, 'prerendered-fig2-taken-over');
    await context.close();
  });
});
