/**
 * The pointer finds what is drawn under it after the canvas has moved on the page: Cytoscape caches where its
 * container is and, left alone, reads a click against the old place (src/graph-view/container-place.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

/** Where a node of the main canvas is drawn, in page coordinates, measured now. */
function nodeOnPage(page: Page, id: string) {
  return page.evaluate((id) => {
    const cy = window.mscAtlas!.cy.main!;
    const box = cy.container()!.getBoundingClientRect();
    const p = cy.getElementById(id).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

const detailsHeading = (page: Page) => page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 });

describe('the canvas moved on the page', () => {
  it('a click right after the side panel opens and the legend folds selects the node under the pointer', async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    // A first click on the canvas's background: Cytoscape has measured where its container is.
    const before = await page.locator('.main-graph .cy').boundingBox();
    await page.mouse.click(before!.x + 8, before!.y + before!.height - 8);
    const left = before!.x;
    // The panel opens on the left: the canvas moves right and narrows; the legend folds under it.
    await page.getByRole('button', { name: /Sources, filters & paths/ }).click();
    await page.getByRole('region', { name: 'Legend' }).getByRole('button', { name: 'Legend' }).click();
    const at = await nodeOnPage(page, 'pten');
    expect((await page.locator('.main-graph .cy').boundingBox())!.x).toBeGreaterThan(left + 100);
    await page.mouse.click(at.x, at.y);
    await expect(detailsHeading(page).innerText()).resolves.toBe('PTEN');
    await context.close();
  });

  it('moved without being resized, it still takes a click and a hover where its nodes are drawn', async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    const first = await nodeOnPage(page, 'pten');
    await page.mouse.move(first.x, first.y);
    await expect.poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.$('node.hover').map((n) => n.id()))).toEqual(['pten']);
    await page.mouse.move(2, 2);
    // The canvas moves 90 px right and 60 px down at the same size: no resize, no scroll, no transition.
    await page.evaluate(() => {
      (document.querySelector('.main-graph') as HTMLElement).style.transform = 'translate(90px, 60px)';
    });
    const moved = await nodeOnPage(page, 'pten');
    expect(moved).toEqual({ x: first.x + 90, y: first.y + 60 });
    await page.mouse.move(moved.x, moved.y);
    await expect.poll(() => page.evaluate(() => window.mscAtlas!.cy.main!.$('node.hover').map((n) => n.id()))).toEqual(['pten']);
    await page.mouse.click(moved.x, moved.y);
    await expect(detailsHeading(page).innerText()).resolves.toBe('PTEN');
    await context.close();
  });
});
