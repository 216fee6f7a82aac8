import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrl, openApp, screenshot, useBrowser, waitForCanvas } from './browser.ts';
import { labelMetrics } from './label-metrics.ts';

const getBrowser = useBrowser();

describe('compare: the difference diagram', () => {
  it('opens by default: left side’s own left, shared in the middle, right side’s own right, arrows in the colour of the side stating them', async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc', { width: 1600, height: 1000 });
    const layout = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.difference!;
      const x = (id: string) => cy.getElementById(id).position().x;
      const edge = (id: string) => cy.getElementById(id);
      const stripes = cy.edges('.striped').length;
      const coloured = cy.edges('.coloured').length;
      const plain = cy.edges('.coloured').not('.striped').map((e) => e.style('line-color') as string);
      return { hpmsc: x('hpmsc'), vegf: x('vegf'), humsc: x('humsc'), stripes, coloured, plain: [...new Set(plain)], edges: cy.edges().length, missing: edge('nope').empty() };
    });
    expect(layout.hpmsc).toBeLessThan(layout.vegf);
    expect(layout.vegf).toBeLessThan(layout.humsc);
    // Every arrow is coloured: one of exactly two colours, or striped in both where both sides state it.
    expect(layout.coloured).toBe(layout.edges);
    expect(layout.plain).toHaveLength(2);
    const rows = await page.getByRole('region', { name: /^Summary:/ }).getByRole('row').allInnerTexts();
    expect(rows.find((r) => r.startsWith('VEGF\t'))).toMatch(/\tShared\t/);
    const m = await labelMetrics(page, 'difference');
    expect(m.min).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'compare-difference-hpmsc-humsc');
    // Laid out on the spot: no ELK worker started for a layout the difference diagram does not use.
    const elk = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /elk/i.test(n)));
    expect(elk).toEqual([]);

    // The twin panes are the second mode, kept in the link.
    await page.getByRole('radio', { name: 'Twin panes' }).check();
    await waitForCanvas(page, 'left');
    expect(page.url()).toMatch(/panes=twin/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits every shipped comparison’s summary table in its column, on laptop screens', async () => {
    // The widest words set the table's least width ("Immunomodulation", "(retracted),", "Intervention"): at 12 px it
    // passed the window's edge on 62 of the 180 pages at 1440×900, its last column cut. Each page as sent (scripts off:
    // the same table and style sheet as the app's). The column is 340 px at every laptop width (1280, 1440 and 1600
    // gave the same widths): one width is checked.
    const pages = readdirSync(resolve(import.meta.dirname, '../../dist')).filter((f) => /^compare-.*\.html$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(180);
    for (const width of [1440]) {
      const context = await getBrowser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      const over: string[] = [];
      for (const file of pages) {
        await page.goto(appUrl(file));
        const right = await page.evaluate(() => document.querySelector('.compare-summary table')?.getBoundingClientRect().right ?? Infinity);
        if (right > width) over.push(`${file} +${Math.ceil(right - width)} px`);
      }
      expect(over, `${width} px wide`).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('keeps the summary table beside the diagram on laptops, and below it on a tablet', async () => {
    for (const [width, height, where] of [
      [1600, 1000, 'beside'],
      [1280, 800, 'beside'],
      [1024, 768, 'below'],
    ] as const) {
      const { page } = await openApp(getBrowser(), '?view=compare&left=source:humsc&right=source:hmbmsc', { width, height });
      const stage = (await page.locator('.compare-difference .graph-stage').boundingBox())!;
      const summary = (await page.getByRole('region', { name: /^Summary:/ }).boundingBox())!;
      const table = page.getByRole('region', { name: /^Summary:/ }).getByRole('table');
      await expect(table.getByRole('row').count()).resolves.toBeGreaterThan(100);
      if (where === 'beside') {
        // Right of the diagram, its top within the first screen, and the diagram keeps most of the width.
        expect(summary.x, `${width}×${height}`).toBeGreaterThanOrEqual(stage.x + stage.width - 1);
        expect(summary.y, `${width}×${height}`).toBeLessThan(height / 2);
        expect(stage.width / width, `${width}×${height}`).toBeGreaterThan(0.7);
        // The table fits its column: no column cut off at the window's edge.
        const right = await table.evaluate((t) => t.getBoundingClientRect().right);
        expect(right, `${width}×${height}`).toBeLessThanOrEqual(width);
      } else {
        expect(stage.width, `${width}×${height}`).toBeGreaterThan(width - 40);
        expect(summary.y, `${width}×${height}`).toBeGreaterThanOrEqual(stage.y + stage.height - 1);
      }
      // The diagram fills its stage's shape: its drawing reaches two opposite sides of the fit box.
      const fill = await page.evaluate(() => {
        const cy = window.mscAtlas!.cy.difference!;
        const b = cy.nodes().renderedBoundingBox({});
        return { w: (b.x2 - b.x1) / (cy.width() - 48), h: (b.y2 - b.y1) / (cy.height() - 70) };
      });
      expect(Math.max(fill.w, fill.h), `${width}×${height}`).toBeGreaterThan(0.97);
      expect(Math.min(fill.w, fill.h), `${width}×${height}`).toBeGreaterThan(0.8);
      await screenshot(page, `compare-summary-${width}`);
      await page.close();
    }
  });

  it('applies the filters in the link (&sign=decrease) to both sides', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=figure:fig2&right=figure:fig3&sign=decrease', { width: 1600, height: 1000 });
    const signs = await page.evaluate(() => [...new Set(window.mscAtlas!.cy.difference!.edges().map((e) => e.data('sign') as string))]);
    expect(signs).toEqual(['decrease']);
    await expect(page.getByRole('button', { name: 'Clear filters' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitForCanvas(page, 'difference');
    const after = await page.evaluate(() => [...new Set(window.mscAtlas!.cy.difference!.edges().map((e) => e.data('sign') as string))]);
    expect(after.length).toBeGreaterThan(1);
    expect(page.url()).not.toMatch(/sign=/);
    await page.close();
  });
});
