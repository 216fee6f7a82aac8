import { describe, expect, it } from 'vitest';
import { openApp, screenshot, waitForCanvas, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

describe('compare view in Chromium', () => {
  it('compares hPMSC with huMSC: HGF and VEGF are shared and stand at the same place in both panes', async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    await waitForCanvas(page, 'left');
    await waitForCanvas(page, 'right');
    // Laid out on the spot (twin-layout.ts): no ELK code or worker loaded for a compare pair.
    const elk = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /elk/i.test(n)));
    expect(elk).toEqual([]);

    const summary = page.getByRole('region', { name: /^Summary:/ });
    const rows = await summary.getByRole('row').allInnerTexts();
    const row = (label: string) => rows.find((r) => r.startsWith(`${label}\t`));
    expect(row('HGF')).toMatch(/\tShared\t/);
    expect(row('VEGF')).toMatch(/\tShared\t/);

    for (const id of ['hgf', 'vegf']) {
      const [l, r] = await page.evaluate((n) => ['left', 'right'].map((p) => window.mscAtlas!.cy[p]!.getElementById(n).renderedPosition()), id);
      expect(Math.abs(l!.x - r!.x)).toBeLessThan(1);
      expect(Math.abs(l!.y - r!.y)).toBeLessThan(1);
    }
    await screenshot(page, 'compare-hpmsc-humsc');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a newly chosen pair (sources or figures) is drawn in both panes at once, shared entities at one place, still without ELK', async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    await waitForCanvas(page, 'left');
    for (const [side, value, view] of [
      ['Right', 'source:hmbmsc', 'source:hmbmsc'],
      ['Left', 'figure:fig2', 'figure:fig2'],
      ['Right', 'figure:table2', 'figure:table2'],
    ] as const) {
      await page.getByRole('combobox', { name: side }).selectOption(value);
      // Both canvases hold the new side's drawing (data-view names it) and have settled.
      await page.waitForFunction(
        ([pane, v]) => {
          const canvas = window.mscAtlas?.cy[pane]?.container()?.closest('.graph-canvas');
          return canvas?.getAttribute('data-view') === v && canvas.getAttribute('aria-busy') !== 'true';
        },
        [side.toLowerCase(), view] as const,
      );
      const shared = await page.evaluate(() => {
        const [l, r] = [window.mscAtlas!.cy.left!, window.mscAtlas!.cy.right!];
        const ids = l.nodes().map((n) => n.id()).filter((id) => r.getElementById(id).nonempty());
        return ids.map((id) => {
          const a = l.getElementById(id).renderedPosition();
          const b = r.getElementById(id).renderedPosition();
          return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
        });
      });
      expect(shared.length, value).toBeGreaterThan(0);
      expect(Math.max(...shared), value).toBeLessThan(1);
    }
    const elk = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /elk/i.test(n)));
    expect(elk).toEqual([]);
    await screenshot(page, 'compare-twin-fig2-table2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links pan and zoom, and unlinks on request; swaps sides; keeps the pair in the URL', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    await waitForCanvas(page, 'left');
    await page.getByRole('region', { name: /^Left:/ }).getByRole('button', { name: 'Zoom in' }).click();
    const zooms = await page.evaluate(() => ['left', 'right'].map((p) => window.mscAtlas!.cy[p]!.zoom()));
    expect(zooms[0]).toBeCloseTo(zooms[1]!, 6);
    await page.getByRole('checkbox', { name: 'Link pan and zoom' }).uncheck();
    expect(page.url()).toMatch(/linked=0/);
    await page.getByRole('region', { name: /^Left:/ }).getByRole('button', { name: 'Zoom in' }).click();
    const unlinked = await page.evaluate(() => ['left', 'right'].map((p) => window.mscAtlas!.cy[p]!.zoom()));
    expect(unlinked[0]).toBeGreaterThan(unlinked[1]! * 1.1);
    await page.getByRole('button', { name: 'Swap' }).click();
    expect(await page.getByRole('combobox', { name: 'Left' }).inputValue()).toBe('source:humsc');
    expect(page.url()).toMatch(/left=source:humsc&right=source:hpmsc/);
    await page.close();
  });

  it('hovering an entity in one pane highlights it in the other', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    // The pointer goes where the left pane draws HGF: that pane must have drawn (and fitted) first, not only the right.
    await waitForCanvas(page, 'left');
    await waitForCanvas(page, 'right');
    const box = await page.locator('.compare-pane').first().locator('.cy').boundingBox();
    const pos = await page.evaluate(() => window.mscAtlas!.cy.left!.getElementById('hgf').renderedPosition());
    await page.mouse.move(box!.x + pos.x, box!.y + pos.y);
    await page.waitForFunction(() => window.mscAtlas!.cy.right!.getElementById('hgf').hasClass('hover'));
    expect(await page.evaluate(() => window.mscAtlas!.cy.right!.$('node.hover').map((n) => n.id()))).toEqual(['hgf']);
    await page.close();
  });

  it('selecting a row of the summary selects the entity in both panes', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
    await waitForCanvas(page, 'left');
    await page.getByRole('region', { name: /^Summary:/ }).getByRole('button', { name: 'VEGF', exact: true }).click();
    // (The panes restyle for a new selection after the frame that shows its details.)
    await expect.poll(() => page.evaluate(() => ['left', 'right'].map((p) => window.mscAtlas!.cy[p]!.$(':selected').map((e) => e.id())))).toEqual([['vegf'], ['vegf']]);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('VEGF');
    await page.close();
  });
});
