/**
 * The click sequence that once crashed the page: five atlas source checkboxes 8 ms apart, then Compare 5 ms later.
 * The canvas was torn down while a deferred restyle still ran (`cy.endBatch` on a destroyed renderer: "Cannot read
 * properties of null (reading 'notify')"). Now: no page error, the comparison is drawn, no view reports a failure.
 */
import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

describe('fast clicks then a view change', () => {
  it('five source toggles 8 ms apart, then Compare 5 ms later, four times over: no crash', { timeout: 180_000 }, async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=atlas');
    for (let round = 0; round < 4; round++) {
      if (round > 0) {
        await page.getByRole('button', { name: 'Atlas', exact: true }).click();
        await waitForCanvas(page);
      }
      await page.evaluate(async () => {
        const boxes = [...document.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')].slice(0, 5);
        const compare = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Views"] button')].find((b) => b.textContent === 'Compare')!;
        const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
        for (const b of boxes) {
          b.click();
          await wait(8);
        }
        await wait(5);
        compare.click();
      });
      await waitForCanvas(page, 'difference');
      expect(await page.getByRole('alert').filter({ hasText: 'could not be shown' }).count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
