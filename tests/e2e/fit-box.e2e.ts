/**
 * A view's default fit leaves the zoom toolbar's corner free: the toolbar (Zoom in, Zoom out, Fit) sits over the
 * top left of every canvas, and a drawing fitted with the same padding all round started under it when its height
 * decided the zoom (Fig. 4's TRA-1-60 and the comparisons' hPMSC half hidden behind "Fit" on a 1600×1000 screen).
 * Every fit now starts the drawing below the toolbar (graph-view/fit.ts, fitInPane), and the page's picture sits in
 * the same box (app.css), so the canvas still takes over where the picture is (prerender.e2e.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

const figures = readdirSync(resolve(import.meta.dirname, '../../graphs/figures')).map(
  (f) => (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../graphs/figures', f), 'utf8')) as { id: string }).id,
);
const VIEWS: [string, string][] = [
  ...figures.map((id): [string, string] => [`?figure=${id}`, 'main']),
  ['?view=atlas', 'main'],
  ['?view=compare&left=source:hpmsc&right=source:humsc', 'difference'],
  ['?view=compare&left=figure:fig2&right=figure:table2', 'difference'],
];

/** The nodes of a pane whose box meets its zoom toolbar's, with how far (px) they reach under it. */
async function underToolbar(page: Page, pane: string) {
  return page.evaluate((p) => {
    const cy = window.mscAtlas!.cy[p]!;
    const container = cy.container()!;
    const bar = container.closest('.graph-canvas')!.querySelector('.canvas-toolbar')!.getBoundingClientRect();
    const place = container.getBoundingClientRect();
    const hit: string[] = [];
    cy.nodes(':visible').forEach((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false });
      const [x1, y1, x2, y2] = [place.left + b.x1, place.top + b.y1, place.left + b.x2, place.top + b.y2];
      if (x1 < bar.right && x2 > bar.left && y1 < bar.bottom && y2 > bar.top) hit.push(`${n.id()} (${Math.round(bar.bottom - y1)} px under)`);
    });
    return { hit, bar: bar.height };
  }, pane);
}

describe('the zoom toolbar covers no node at a view’s default fit', () => {
  for (const viewport of [
    { width: 1600, height: 1000 },
    { width: 1440, height: 900 },
  ])
    it(`${viewport.width}×${viewport.height}: every figure, the atlas and two comparisons`, async () => {
      const page = await getBrowser().newPage({ viewport });
      const covered: string[] = [];
      for (const [search, pane] of VIEWS) {
        await page.goto(appUrl(search));
        await waitForCanvas(page, pane);
        const { hit, bar } = await underToolbar(page, pane);
        // (A toolbar that measured nothing would cover nothing.)
        expect(bar, search).toBeGreaterThan(15);
        if (hit.length) covered.push(`${search}: ${hit.join(', ')}`);
      }
      await page.close();
      expect(covered).toEqual([]);
    });
});

describe('Fit shown', () => {
  it('fits what a filter leaves in play, inside the pane and below the toolbar', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } });
    // (In the atlas, the relations that decrease: 65 of its entities, in a compact layout taller than wide.)
    await page.goto(appUrl('?view=atlas&sign=decrease'));
    await waitForCanvas(page, 'main');
    await page.getByRole('button', { name: 'Fit shown' }).click();
    // (The fit is animated over 250 ms.)
    await page.waitForTimeout(600);
    const r = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const shown = cy.elements().not('.off, .path-faded');
      return { shown: shown.nodes().length, all: cy.nodes().length, b: shown.renderedBoundingBox(), width: cy.width(), height: cy.height() };
    });
    await page.close();
    expect(r.shown).toBeGreaterThan(0);
    expect(r.shown).toBeLessThan(r.all);
    // All of what is shown is in the pane, its top below the toolbar (24 px padding, and the toolbar's 22 px).
    expect(r.b.x1).toBeGreaterThanOrEqual(23);
    expect(r.b.x2).toBeLessThanOrEqual(r.width - 23);
    expect(r.b.y1).toBeGreaterThanOrEqual(45);
    expect(r.b.y2).toBeLessThanOrEqual(r.height - 23);
    // And fitted: its height decides, and it fills the height (it started 24 px from the top before).
    expect(r.b.y1).toBeLessThan(48);
    expect(r.b.y2).toBeGreaterThan(r.height - 26);
  });
});
