/**
 * Legibility at the default view, in Chromium against the production build: walks views (tests/helpers/
 * legibility.ts has the cases and the in-page measure) and fails on marks over label text, and on what
 * `legibilityProblems` names. To add views, add cases to the lists below or in tests/helpers/legibility.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figureCases, legibilityProblems, measurePane, SCREENS, type LegibilityCase } from '../helpers/legibility.ts';
import { checkDetailsDrawer } from '../helpers/details-drawer.ts';
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
    // The atlas at its own label size (zoom 1): zoomed out, its level-of-detail labels are drawn larger than
    // their nodes (graph-view/label-lod.ts), which marks inside the node cannot keep clear of.
    { name: 'atlas, every source on, at zoom 1', search: `?view=atlas&sources=${allSources.join(',')}`, panes: ['main'] },
    { name: 'compare hPMSC vs huMSC, twin panes', search: '?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', panes: ['left', 'right'] },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } });
      await open(page, c);
      if (c.name.includes('at zoom 1')) {
        await page.evaluate(() => window.mscAtlas!.cy.main!.zoom({ level: 1, renderedPosition: { x: 400, y: 300 } }) && undefined);
        // The level-of-detail labels follow the zoom once it settles.
        await page.waitForFunction(() => window.mscAtlas!.cy.main!.nodes().every((n) => parseFloat(n.style('font-size')) === 13));
        await waitForCanvas(page);
      }
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

// Phones: tests/e2e/phone.e2e.ts.

describe('tablets and small laptops: the diagram gets the width, details open over it', () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1280, height: 800 },
  ])
    it(`${viewport.width}×${viewport.height}: the canvas spans the window; a click opens the details drawer, Close shuts it`, async () => {
      const page = await getBrowser().newPage({ viewport });
      await open(page, { name: 'Fig. 3', search: '?figure=fig3', panes: ['main'] });
      const canvas = (await page.locator('.main-graph .cy').boundingBox())!;
      expect(canvas.width).toBeGreaterThan(viewport.width - 4);
      // The header keeps to one row, the caption to one line and the legend to one row per group.
      expect(canvas.height).toBeGreaterThan(viewport.height - 160);
      const drawer = page.locator('#details-drawer');
      await expect(drawer.isVisible()).resolves.toBe(false);
      const target = await page.evaluate(() => {
        const cy = window.mscAtlas!.cy.main!;
        const n = cy.getElementById('hamsc');
        return { label: n.data('label') as string, ...n.renderedPosition() };
      });
      await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
      await expect(drawer.isVisible()).resolves.toBe(true);
      // The drawer lies over the diagram's right edge; Close shuts it, its button brings it back.
      await checkDetailsDrawer(page, drawer, { label: target.label, canvasWidth: canvas.width, press: 'click', shot: () => screenshot(page, `tablet-drawer-${viewport.width}`) });
      await page.close();
    });

  it('1024×768: the title and the caption share one line above the diagram; More shows both whole', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1024, height: 768 } });
    await open(page, { name: 'Fig. 7', search: '?figure=fig7', panes: ['main'] });
    const title = page.locator('.graph-header h2');
    const caption = page.locator('.graph-header .caption');
    const [t, c] = [(await title.boundingBox())!, (await caption.boundingBox())!];
    // One line: the caption stands right of the title, not under it.
    expect(c.x).toBeGreaterThan(t.x + t.width);
    expect(Math.abs(c.y + c.height / 2 - (t.y + t.height / 2))).toBeLessThan(6);
    // Fig. 7's long title is cut short on the line, and named whole for a pointer.
    const cut = () => title.evaluate((h) => h.scrollWidth > h.clientWidth + 1);
    await expect(cut()).resolves.toBe(true);
    await expect(title.getAttribute('title')).resolves.toMatch(/^Fig\. 7 Human mesenchymal stem cell treatment of premature ovarian failure: new challenges and opportunities$/);
    // The header and the legend leave the diagram at least 645 px of the window's 768 (629 with two header lines).
    expect((await page.locator('.main-graph .cy').boundingBox())!.height).toBeGreaterThan(645);
    await page.getByRole('button', { name: 'More' }).click();
    await expect(cut()).resolves.toBe(false);
    await expect(caption.evaluate((p) => p.scrollHeight <= p.clientHeight + 1)).resolves.toBe(true);
    await screenshot(page, 'tablet-header-more');
    await page.getByRole('button', { name: 'Less' }).click();
    await expect(cut()).resolves.toBe(true);
    await page.close();
  });

  it('1600×1000: the details panel stays beside the diagram, with no drawer buttons', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } });
    await open(page, { name: 'Fig. 3', search: '?figure=fig3', panes: ['main'] });
    const canvas = (await page.locator('.main-graph .cy').boundingBox())!;
    const panel = (await page.locator('#details-drawer').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1);
    await expect(page.getByRole('button', { name: /Details & shared factors/ }).isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe('every figure reads at its default view on a laptop and on a tablet (#9 points 1 and 6)', () => {
  // SCREENS: 1600×1000 at 10 px, 1280×800 at 9 px, the 1024×768 tablet at 10 px, every figure.
  for (const screen of SCREENS)
    it(`${screen.name}: every drawn label at least ${screen.floor} px, at least 90% of the entities labelled, no two labels overlapping`, async () => {
      const page = await getBrowser().newPage({ viewport: screen.viewport });
      const problems: string[] = [];
      for (const c of figureCases(model)) {
        await open(page, c);
        const m = await measurePane(page);
        expect(m.inPlay, c.name).toBeGreaterThan(0);
        problems.push(...legibilityProblems(m, screen.floor).map((p) => `${c.name}: ${p}`));
        if (c.search === '?figure=fig5' || (screen.viewport.width === 1024 && ['?figure=fig3', '?figure=table2', '?figure=fig7'].includes(c.search)))
          await screenshot(page, `legible-${c.search.slice(8)}-${screen.viewport.width}`);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
});
