import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

describe('combinations and measured-only statements in Chromium', () => {
  it('draws a combination as a double-rimmed node, its parts joined to it, and names both in the legend', async () => {
    const { page, errors } = await openApp(getBrowser(), '?figure=fig5&select=edge:hmbmsc-bushen-tiaochong~downregulates~gadd45b');
    const look = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const combo = cy.getElementById('hmbmsc-bushen-tiaochong');
      return {
        border: combo.style('border-style'),
        parts: combo.incomers('edge').map((e) => `${e.data('source')} ${e.data('relation')}`).sort(),
        effects: combo.outgoers('edge').length,
      };
    });
    expect(look.border).toBe('double');
    expect(look.parts).toEqual(['bushen-tiaochong part-of', 'hmbmsc part-of']);
    expect(look.effects).toBe(4);
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByText('Combination', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(legend.getByText('Part of a combination').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Details' }).getByText(/Combination effect:/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'content-fig5-combination');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws "assessed" dotted, without a sign, and says so in the legend', async () => {
    const { page, errors } = await openApp(getBrowser(), '?figure=other');
    const styles = await page.evaluate(() =>
      window.mscAtlas!.cy.main!.edges('[relation = "assessed"]').map((e) => `${e.style('line-style')} ${e.data('sign')}`),
    );
    expect(styles).toHaveLength(6);
    expect(new Set(styles)).toEqual(new Set(['dotted neutral']));
    await expect(page.getByRole('region', { name: 'Legend' }).getByText('Measured, no result stated').isVisible()).resolves.toBe(true);
    await screenshot(page, 'content-other-assessed');
    expect(errors).toEqual([]);
    await page.close();
  });
});
