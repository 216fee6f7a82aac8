import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser, waitForCanvas } from './browser.ts';
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
