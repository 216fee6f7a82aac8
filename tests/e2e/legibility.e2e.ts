/**
 * Legibility at the default view, in Chromium against the production build: walks views (tests/helpers/
 * legibility.ts has the cases and the in-page measure) and fails on marks over label text, and on what
 * `legibilityProblems` names. To add views, add cases to the lists below or in tests/helpers/legibility.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figureCases, measurePane, type LegibilityCase } from '../helpers/legibility.ts';
import { shippedModel } from '../helpers/model.ts';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
const model = shippedModel();
const allSources = [...new Set([...model.entities.values()].filter((e) => e.kind === 'msc-source').map((e) => e.id))];

async function open(page: Page, c: LegibilityCase) {
  await page.goto(appUrl(c.search));
  for (const pane of c.panes) await waitForCanvas(page, pane);
}

describe('marks never cover label text on screen', () => {
  // Every figure with every other source overlaid (bars everywhere, badges on shared entities), the atlas with
  // every source on, and a compare pair (badges on every shared entity).
  const cases: LegibilityCase[] = [
    ...figureCases(model).map((c) => ({ ...c, name: `${c.name}, every source overlaid`, search: `${c.search}&overlay=${allSources.join(',')}` })),
    { name: 'atlas, every source on', search: `?view=atlas&sources=${allSources.join(',')}`, panes: ['main'] },
    { name: 'compare hPMSC vs huMSC', search: '?view=compare&left=source:hpmsc&right=source:humsc', panes: ['left', 'right'] },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } });
      await open(page, c);
      for (const pane of c.panes) {
        const m = await measurePane(page, pane);
        expect(m.marks, `${c.name} ${pane}: marks drawn`).toBeGreaterThan(0);
        expect(m.markHits, `${c.name} ${pane}`).toEqual([]);
        // Zoomed in (the badge is smallest on screen) and out (largest), too.
        for (const factor of [2.5, 0.4]) {
          await page.evaluate(
            ([p, f]) => {
              const cy = window.mscAtlas!.cy[p as string]!;
              cy.zoom(cy.zoom() * (f as number));
            },
            [pane, factor] as const,
          );
          expect((await measurePane(page, pane)).markHits, `${c.name} ${pane} ×${factor}`).toEqual([]);
        }
      }
      if (c.name.startsWith('Fig. 2')) await screenshot(page, 'marks-fig2-overlaid');
      await page.close();
    });
});
