/**
 * A new compare pair on the same canvas keeps the elements both pairs share (issue #10 points 4 and 5: no task over
 * 50 ms on a change). Their definitions are new objects; set again by reference, every kept element had its data set
 * and was restyled, even with the same values (element-diff.ts). Checked by structure: Cytoscape's `data` events.
 */
import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

describe('a compare pair change', () => {
  it('sets data only on the elements whose data changed, not on every element the two pairs share', async () => {
    const { page } = await openApp(getBrowser(), '?view=compare&left=source:hpmsc&right=source:humsc');
    for (const [side, value] of [
      [1, 'source:hamsc'],
      [0, 'source:hbmmsc'],
    ] as const) {
      await page.evaluate(() => {
        const cy = window.mscAtlas!.cy.difference!;
        const w = window as unknown as { dataBefore: Record<string, string>; dataSet: string[]; onData: (e: { target: { id(): string } }) => void };
        w.dataBefore = Object.fromEntries(cy.elements().map((e) => [e.id(), JSON.stringify(e.data())]));
        w.dataSet = [];
        w.onData = (e) => void w.dataSet.push(e.target.id());
        cy.on('data', w.onData);
      });
      const view = () => page.evaluate(() => document.querySelector('.compare-difference .graph-canvas')?.getAttribute('data-view'));
      const was = await view();
      await page.locator('.compare-controls select').nth(side).selectOption(value);
      await page.waitForFunction((was) => document.querySelector('.compare-difference .graph-canvas')?.getAttribute('data-view') !== was, was);
      await waitForCanvas(page, 'difference');
      const seen = await page.evaluate(() => {
        const cy = window.mscAtlas!.cy.difference!;
        const w = window as unknown as { dataBefore: Record<string, string>; dataSet: string[]; onData: () => void };
        cy.off('data', w.onData);
        const kept = cy.elements().filter((e) => w.dataBefore[e.id()] !== undefined);
        const same = kept.filter((e) => w.dataBefore[e.id()] === JSON.stringify(e.data())).map((e) => e.id());
        return { kept: kept.length, same: same.length, setOnSame: [...new Set(w.dataSet)].filter((id) => same.includes(id)) };
      });
      // Many elements are kept with the same data from one pair to the next; none of them had its data set again.
      expect(seen.same).toBeGreaterThan(10);
      expect(seen.setOnSame).toEqual([]);
    }
    await page.close();
  });
});
