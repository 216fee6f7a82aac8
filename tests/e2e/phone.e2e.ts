/**
 * Phones (#9 point 6), in Chromium against the production build, as a phone: a touch screen, a mobile viewport, a
 * pixel ratio of 2. Held upright, a figure is drawn from its portrait layout (top to bottom, layout/portrait.ts),
 * opened fitted to the width with its top first; the reader scrolls down through it, or asks for the whole figure.
 * The shell gives the diagram the screen's width and height, the header one row, details a sheet from the bottom.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkDetailsDrawer } from '../helpers/details-drawer.ts';
import { figureCases, legibilityProblems, measurePane } from '../helpers/legibility.ts';
import { shippedModel } from '../helpers/model.ts';
import { expectNoJump, picturedNodes } from '../helpers/takeover.ts';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();
const model = shippedModel();
const PHONES = [
  { name: '390×844', viewport: { width: 390, height: 844 } },
  { name: '360×740', viewport: { width: 360, height: 740 } },
];
const FLOOR = 9;
const phone = (viewport: { width: number; height: number }, javaScriptEnabled = true) =>
  getBrowser().newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, javaScriptEnabled });

async function openFigure(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl(`?figure=${id}`));
  await waitForCanvas(page);
  return page;
}

/** The drawing's box on the pane, the pane's size, and whether the toolbar offers the whole figure. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const cy = window.mscAtlas!.cy.main!;
    const b = cy.elements().renderedBoundingBox({});
    return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2, width: cy.width(), height: cy.height(), zoom: cy.zoom() };
  });

describe('a figure on a phone held upright reads at its default view, and down to its end', () => {
  for (const screen of PHONES)
    it(`${screen.name}: every figure top to bottom, fitted to the width; every label at least ${FLOOR} px, none overlapping, every entity labelled on the way down`, async () => {
      const context = await phone(screen.viewport);
      const problems: string[] = [];
      for (const c of figureCases(model)) {
        const id = c.search.replace('?figure=', '');
        const figure = model.figures.find((f) => f.id === id)!;
        const page = await openFigure(context, id);
        // The portrait drawing: cell sources above outcomes, taller than wide (a figure of a few nodes aside).
        const shape = await page.evaluate(() => {
          const cy = window.mscAtlas!.cy.main!;
          const y = (kind: string) => cy.nodes(`[kind = "${kind}"]`).map((n) => n.position('y'));
          const b = cy.nodes().boundingBox({});
          return { sources: y('msc-source'), outcomes: y('ovarian-outcome'), w: b.w, h: b.h, n: cy.nodes().length };
        });
        if (shape.sources.length && shape.outcomes.length) expect(Math.max(...shape.sources), c.name).toBeLessThan(Math.min(...shape.outcomes));
        if (shape.n > 20) expect(shape.h, c.name).toBeGreaterThan(shape.w);
        // The default view: the floor, no overlaps, the drawing across the pane's width, its top (the cell source
        // the figure is about) on screen.
        const first = await measurePane(page);
        problems.push(...legibilityProblems({ ...first, inPlay: 0 }, FLOOR).map((p) => `${screen.name} ${c.name}: ${p}`));
        const box = await drawn(page);
        expect(box.x1, c.name).toBeGreaterThanOrEqual(-1);
        expect(box.x2, c.name).toBeLessThanOrEqual(box.width + 1);
        const onScreen = await page.evaluate((ids) => {
          const cy = window.mscAtlas!.cy.main!;
          return ids.filter((nid) => {
            const b = cy.getElementById(nid).renderedBoundingBox({});
            return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= cy.width() && b.y2 <= cy.height();
          });
        }, figure.sources);
        if (figure.sources.length) expect(onScreen.length, c.name).toBeGreaterThan(0);
        // Down through the figure, a screen at a time, as a reader's swipes would: every label on the way is at
        // least the floor, none overlap, and every entity gets its label.
        const labelled = new Set(Object.keys(first.px));
        const whole = box.y2 <= box.height + 1;
        await expect(page.getByRole('button', { name: 'Whole figure' }).isVisible(), c.name).resolves.toBe(!whole);
        for (let step = 0; step < 12 && (await drawn(page)).y2 > box.height + 1; step++) {
          await page.evaluate(() => {
            const cy = window.mscAtlas!.cy.main!;
            cy.panBy({ x: 0, y: -(cy.height() - 120) });
          });
          await waitForCanvas(page);
          const m = await measurePane(page);
          problems.push(...legibilityProblems({ ...m, inPlay: 0 }, FLOOR).map((p) => `${screen.name} ${c.name}, scrolled ${step + 1}: ${p}`));
          for (const nid of Object.keys(m.px)) labelled.add(nid);
        }
        const missing = shape.n - labelled.size;
        if (missing / shape.n > 0.1) problems.push(`${screen.name} ${c.name}: ${missing} of ${shape.n} entities never labelled on the way down`);
        expect(labelled.size, `${screen.name} ${c.name}: entities labelled on the way down`).toBe(shape.n);
        await page.close();
      }
      expect(problems).toEqual([]);
      await context.close();
    });

  it('390×844: "Whole figure" shows the whole drawing; a screenshot of the start and of the whole', async () => {
    const context = await phone(PHONES[0]!.viewport);
    const page = await openFigure(context, 'fig3');
    await screenshot(page, 'phone-fig3-start');
    const start = await drawn(page);
    expect(start.y2).toBeGreaterThan(start.height);
    expect(start.zoom * 13).toBeGreaterThanOrEqual(FLOOR);
    await page.getByRole('button', { name: 'Whole figure' }).click();
    await waitForCanvas(page);
    const all = await drawn(page);
    expect(all.y1).toBeGreaterThanOrEqual(-1);
    expect(all.y2).toBeLessThanOrEqual(all.height + 1);
    expect(all.zoom).toBeLessThan(start.zoom);
    // Once shown, the button has done its job.
    await expect(page.getByRole('button', { name: 'Whole figure' }).count()).resolves.toBe(0);
    await screenshot(page, 'phone-fig3-whole');
    await context.close();
  });
});

describe('the phone shell', () => {
  for (const screen of PHONES)
    it(`${screen.name}: the header is one row, the diagram spans the width and most of the height`, async () => {
      const context = await phone(screen.viewport);
      const page = await openFigure(context, 'fig2');
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(48);
      // The figure list is in the row, on screen.
      const picker = (await page.getByRole('combobox', { name: 'Figure' }).boundingBox())!;
      expect(picker.y).toBeLessThan(header.y + header.height);
      expect(picker.x + picker.width).toBeLessThanOrEqual(screen.viewport.width);
      const canvas = (await page.locator('.main-graph .cy').boundingBox())!;
      expect(canvas.width).toBeGreaterThanOrEqual(screen.viewport.width - 2);
      expect(canvas.height).toBeGreaterThan(screen.viewport.height * 0.7);
      // The page does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.viewport.width);
      await screenshot(page, `phone-shell-${screen.viewport.width}`);
      await context.close();
    });

  it('tap selects a node and opens its details as a sheet from the bottom; Close shuts it, the button reopens it', async () => {
    const context = await phone(PHONES[0]!.viewport);
    const page = await openFigure(context, 'fig1');
    const sheet = page.locator('#details-drawer');
    await expect(sheet.isVisible()).resolves.toBe(false);
    const box = (await page.locator('.main-graph .cy').boundingBox())!;
    const target = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      // A node in the upper part of the pane, clear of the zoom toolbar.
      const n = cy.nodes().filter((x) => {
        const p = x.renderedPosition();
        return p.x > 20 && p.x < cy.width() - 20 && p.y > 80 && p.y < cy.height() * 0.4;
      })[0]!;
      return { id: n.id(), label: n.data('label') as string, ...n.renderedPosition() };
    });
    await page.touchscreen.tap(box.x + target.x, box.y + target.y);
    // The sheet opens in the tap's task, with the details (app.tsx, DetailsDrawer).
    await expect(sheet.isVisible()).resolves.toBe(true);
    // (The address is written after the frame that shows the details.)
    await expect.poll(() => page.url()).toContain(`select=node:${target.id}`);
    // A sheet from the bottom over the diagram: full width, anchored to the bottom edge, leaving the top of the
    // diagram in view.
    const s = (await sheet.boundingBox())!;
    expect(s.width).toBeGreaterThanOrEqual(PHONES[0]!.viewport.width - 1);
    expect(Math.abs(s.y + s.height - PHONES[0]!.viewport.height)).toBeLessThanOrEqual(1);
    expect(s.y).toBeGreaterThan(PHONES[0]!.viewport.height * 0.3);
    // It names the entity tapped; Close shuts it, the button brings it back.
    await checkDetailsDrawer(page, sheet, { label: target.label, canvasWidth: box.width, press: 'tap', shot: () => screenshot(page, 'phone-details-sheet') });
    await context.close();
  });

  it('pinch zooms in, and the zoom buttons zoom in and out', async () => {
    const context = await phone(PHONES[0]!.viewport);
    const page = await openFigure(context, 'fig1');
    const box = (await page.locator('.main-graph .cy').boundingBox())!;
    const zoom = () => page.evaluate(() => window.mscAtlas!.cy.main!.zoom());
    const before = await zoom();
    const cdp = await context.newCDPSession(page);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', d: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [
          { x: cx - d, y: cy, id: 1 },
          { x: cx + d, y: cy, id: 2 },
        ],
      });
    await touch('touchStart', 20);
    for (let d = 30; d <= 120; d += 10) await touch('touchMove', d);
    await touch('touchEnd', 0);
    const pinched = await zoom();
    expect(pinched).toBeGreaterThan(before * 1.5);
    await page.getByRole('button', { name: 'Zoom out' }).tap();
    expect(await zoom()).toBeLessThan(pinched);
    const out = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).tap();
    expect(await zoom()).toBeGreaterThan(out);
    await context.close();
  });

  it('turned sideways, a figure is drawn as on a wider screen (its usual layout), and back upright in portrait', async () => {
    const context = await phone({ width: 844, height: 390 });
    const page = await openFigure(context, 'fig3');
    const tall = () =>
      page.evaluate(() => {
        const b = window.mscAtlas!.cy.main!.nodes().boundingBox({});
        return b.h > b.w;
      });
    await expect(tall()).resolves.toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => {
      const cy = window.mscAtlas?.cy.main;
      if (!cy || cy.nodes().empty()) return false;
      const b = cy.nodes().boundingBox({});
      return b.h > b.w;
    });
    await context.close();
  });
});

describe('the first picture on a phone does not jump when the canvas takes over', () => {
  it('390×844, Fig. 2: the page fetches its portrait picture before the app’s code runs, and the canvas draws every node where it was', async () => {
    const search = '?figure=fig2';
    const context = await phone(PHONES[0]!.viewport);
    const page = await context.newPage();
    // The app's code is held back until the picture has been measured: what the reader sees before it runs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]{8}\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(appUrl(search), { waitUntil: 'commit' });
    // The page's own tiny script puts the portrait picture in; the usual one stays hidden on a phone held upright.
    await page.locator('.prerender-portrait g.node').first().waitFor();
    await expect(page.locator('.prerender-picture').isVisible()).resolves.toBe(false);
    await expect(page.locator('.prerender-portrait').isVisible()).resolves.toBe(true);
    expect(fetched.filter((p) => /\/assets\/portrait-figure-fig2-\w{8}\.svg$/.test(p))).toHaveLength(1);
    const pictured = await picturedNodes(page, '.prerender-portrait');
    await screenshot(page, 'phone-fig2-picture');
    release();
    await waitForCanvas(page);
    await expectNoJump(page, pictured, 10);
    // And it stays there once the reader touches it (the picture hands over to the canvas).
    const box = (await page.locator('.main-graph .cy').boundingBox())!;
    const z = await page.evaluate(() => window.mscAtlas!.cy.main!.zoom());
    await page.touchscreen.tap(box.x + 4, box.y + box.height - 8);
    await page.waitForFunction(() => !document.querySelector('.prerender-picture'));
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.zoom())).toBe(z);
    expect(fetched.filter((p) => /portrait-figure-.*\.svg$/.test(p))).toHaveLength(1);
    await context.close();
  });

  it('with scripts off, a phone shows the usual picture, fitted to its width', async () => {
    const context = await phone(PHONES[0]!.viewport, false);
    const page = await context.newPage();
    await page.goto(appUrl('?figure=fig2'));
    await expect(page.locator('.prerender-picture svg').isVisible()).resolves.toBe(true);
    const box = (await page.locator('.prerender-picture svg').boundingBox())!;
    expect(box.width).toBeGreaterThan(PHONES[0]!.viewport.width * 0.6);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONES[0]!.viewport.width);
    await screenshot(page, 'phone-fig2-no-script');
    await context.close();
  });
});
