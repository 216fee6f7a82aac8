/**
 * The label table of `npm run bench`: for each view (every figure, the atlas and compare states in
 * tests/helpers/legibility.ts) at 1600×1000, 1280×800 and the 1024×768 tablet, the zoom at the default view and the min and median
 * label px of the drawn node labels, how many entities in play are labelled, and overlapping labels.
 */
import type { Browser, Page } from 'playwright-core';
import { atlasCompareCases, figureCases, measurePane, SCREENS, type PaneLegibility } from '../tests/helpers/legibility.ts';
import { loadModelOrExit } from './load-model.ts';

async function settle(page: Page, pane: string) {
  await page.waitForFunction((p) => {
    const cy = window.mscAtlas?.cy[p];
    if (!cy || cy.nodes().length === 0 || cy.nodes()[0]!.renderedBoundingBox().w === 0) return false;
    return cy.container()?.closest('.graph-canvas')?.getAttribute('aria-busy') !== 'true';
  }, pane);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const cell = (m: PaneLegibility | undefined) =>
  m ? `${m.zoom.toFixed(2).padStart(5)} ${m.min.toFixed(1).padStart(5)} ${m.median.toFixed(1).padStart(5)} ${`${m.labelled}/${m.inPlay}`.padStart(7)} ${String(m.overlaps.length).padStart(3)}` : ' '.repeat(29);

export async function labelTable(browser: Browser, base: string) {
  const model = loadModelOrExit();
  const cases = [...figureCases(model), ...atlasCompareCases()];
  const screens = SCREENS;
  const rows = new Map<string, (PaneLegibility | undefined)[]>();
  for (const [si, screen] of screens.entries()) {
    const page = await browser.newPage({ viewport: screen.viewport });
    for (const c of cases) {
      await page.goto(`${base}${c.search}`);
      for (const pane of c.panes) {
        const name = c.panes.length > 1 ? `${c.name} (${pane})` : c.name;
        try {
          await settle(page, pane);
          const row = rows.get(name) ?? [];
          row[si] = await measurePane(page, pane);
          rows.set(name, row);
        } catch (e) {
          console.log(`${name}: not measured (${e instanceof Error ? e.message.split('\n')[0] : e})`);
        }
      }
    }
    await page.close();
  }
  const head = 'zoom   min   med labelled ovl';
  console.log(`\nnode labels at the default view (label px = zoom × font size; drawn labels only):`);
  console.log(`${'view'.padEnd(34)} | ${screens.map((s) => s.name.replace('laptop ', '').padEnd(29)).join(' | ')}`);
  console.log(`${''.padEnd(34)} | ${screens.map(() => head).join(' | ')}`);
  for (const [name, ms] of rows) console.log(`${name.padEnd(34)} | ${screens.map((_, i) => cell(ms[i])).join(' | ')}`);
}
