import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, openApp, screenshot, waitForCanvas, useBrowser } from './browser.ts';

const getBrowser = useBrowser();

/** Pixels of a node's box on the canvas, as RGBA bytes (compare before/after). */
async function nodePixels(page: Page, id: string): Promise<Buffer> {
  const box = await page.locator('.main-graph .cy').boundingBox();
  const bb = await page.evaluate((n) => window.mscAtlas!.cy.main!.getElementById(n).renderedBoundingBox({ includeLabels: false }), id);
  return page.screenshot({ clip: { x: box!.x + bb.x1, y: box!.y + bb.y1, width: Math.max(bb.w, 4), height: Math.max(bb.h, 4) } });
}

async function setSources(page: Page, on: string[]) {
  const region = page.getByRole('group', { name: 'Cell sources' });
  await region.getByRole('button', { name: 'None' }).click();
  for (const name of on) await region.getByRole('checkbox', { name: new RegExp(`^${name} — `) }).check();
  await waitForCanvas(page);
}

describe('atlas in Chromium', () => {
  it('shows every source; toggling bone marrow and amniotic fluid MSCs marks miR-21 and PTEN as shared', async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=atlas');
    await expect(page.getByRole('region', { name: /^Atlas/ }).isVisible()).resolves.toBe(true);
    await setSources(page, ['hBMMSC']);
    const before = { mir21: await nodePixels(page, 'mir-21'), pten: await nodePixels(page, 'pten') };

    await setSources(page, ['hBMMSC', 'hAFMSC']);
    const shared = page.getByRole('region', { name: 'Shared factors' });
    const items = await shared.getByRole('listitem').allInnerTexts();
    const row = (label: string) => items.find((t) => t.startsWith(`${label} `));
    expect(row('miR-21')).toMatch(/2 sources:\s*hBMMSC\s*hAFMSC/);
    expect(row('PTEN')).toMatch(/2 sources:\s*hBMMSC\s*hAFMSC/);

    const after = { mir21: await nodePixels(page, 'mir-21'), pten: await nodePixels(page, 'pten') };
    expect(after.mir21.equals(before.mir21)).toBe(false);
    expect(after.pten.equals(before.pten)).toBe(false);
    const classes = await page.evaluate(() => ({
      mir21: window.mscAtlas!.cy.main!.getElementById('mir-21').classes(),
      pten: window.mscAtlas!.cy.main!.getElementById('pten').classes(),
    }));
    expect(classes.mir21).toContain('shared');
    expect(classes.pten).toContain('shared');
    // An edge both sources support is striped in their two colours; an edge one supports is drawn in its colour;
    // an edge neither supports is hidden.
    const edges = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const both = cy.getElementById('mir-21~inhibits~pten');
      const one = cy.edges('.coloured').filter((e) => !e.hasClass('striped') && !e.hasClass('off'))[0]!;
      const none = cy.edges('.off')[0]!;
      return {
        both: { fill: both.style('line-fill'), stops: both.style('line-gradient-stop-colors') as string },
        one: { fill: one.style('line-fill'), colour: one.style('line-color') as string },
        none: none.style('visibility'),
      };
    });
    expect(edges.both.fill).toBe('linear-gradient');
    const stops = [...new Set(edges.both.stops.match(/rgb\([^)]*\)/g))];
    expect(stops).toHaveLength(2);
    expect(edges.one.fill).toBe('solid');
    expect(stops).toContain(edges.one.colour);
    expect(edges.none).toBe('hidden');
    expect(page.url()).toMatch(/sources=hbmmsc,hafmsc/);
    await screenshot(page, 'atlas-bm-af-shared');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a source switched on and off again puts every node back where it was (the layout of a state is found again)', async () => {
    const { page, errors } = await openApp(getBrowser(), '?view=atlas&sources=hbmmsc');
    const at = () => page.evaluate(() => Object.fromEntries(window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), { ...n.position() }])));
    // The move to the new layout is animated: wait until nothing moves any more.
    const still = async () => {
      await waitForCanvas(page);
      await page.waitForFunction(() => {
        const cy = window.mscAtlas!.cy.main!;
        return !cy.animated() && cy.nodes().toArray().every((n) => !(n as unknown as { animated(): boolean }).animated());
      });
    };
    await still();
    const first = await at();
    const box = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox', { name: /^hAMSC — / });
    await box.check();
    await still();
    const moved = await at();
    const far = (a: typeof first, b: typeof first) => Object.keys(a).filter((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y) > 0.5);
    expect(far(first, moved).length).toBeGreaterThan(10);
    await box.uncheck();
    await still();
    expect(far(first, await at())).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores toggles, filters and selection from a shared link: the same drawing each time, zoomed to the selection', async () => {
    const link = '?view=atlas&sources=hbmmsc,hafmsc&sign=decrease&cellfree=1&select=node:pten';
    const { page: first } = await openApp(getBrowser(), link);
    const positionsAll = await first.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), n.position()]));
    await first.close();
    const { page } = await openApp(getBrowser(), link);
    expect(await page.getByRole('checkbox', { name: /^hBMMSC — / }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^hPMSC — / }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'decrease' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Cell-free lens/ }).isChecked()).toBe(true);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('PTEN');
    const positions = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), n.position()]));
    expect(positions).toEqual(positionsAll);
    // The link's selection is brought into view at a readable zoom, as a click in a list does.
    await page.waitForFunction(() => {
      const cy = window.mscAtlas!.cy.main!;
      const p = cy.getElementById('pten').renderedPosition();
      return !cy.animated() && cy.zoom() >= 0.9 && Math.abs(p.x - cy.width() / 2) < 5 && Math.abs(p.y - cy.height() / 2) < 5;
    });
    const off = await page.evaluate(() => window.mscAtlas!.cy.main!.$('.off').length);
    expect(off).toBeGreaterThan(0);
    await screenshot(page, 'atlas-filtered-link');
    await page.close();
  });

  it('search finds FGF2 by "bFGF" and estradiol by "E2", and focuses it', async () => {
    const { page } = await openApp(getBrowser(), '?view=atlas');
    const box = page.getByRole('searchbox', { name: 'Search entities' });
    await box.fill('bFGF');
    await expect(page.getByRole('option').first().innerText()).resolves.toMatch(/^FGF2/);
    await box.press('Enter');
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).innerText()).resolves.toBe('FGF2');
    await box.fill('E2');
    await expect(page.getByRole('option').first().innerText()).resolves.toMatch(/^E2/);
    await page.close();
  });

  it('zoomed out, a node clicked for its details gets its label drawn', async () => {
    const { page } = await openApp(getBrowser(), '?view=atlas');
    await waitForCanvas(page);
    // A node drawn without its label at the default fit (label-lod.ts), well inside the canvas.
    const target = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const n = cy.nodes('.lod-hidden').filter((x) => {
        const p = x.renderedPosition();
        return p.x > 80 && p.x < cy.width() - 80 && p.y > 80 && p.y < cy.height() - 40;
      })[0]!;
      return { id: n.id(), ...n.renderedPosition() };
    });
    const box = (await page.locator('.main-graph .cy').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 3 }).isVisible()).resolves.toBe(true);
    await expect.poll(() => page.evaluate((id) => window.mscAtlas!.cy.main!.getElementById(id).hasClass('lod-label'), target.id)).toBe(true);
    // Its neighbours come next: here (the shipped atlas layout, the same every time) all four of them are labelled.
    const near = await page.evaluate((id) => {
      const n = window.mscAtlas!.cy.main!.getElementById(id).neighborhood('node');
      return { all: n.length, unlabelled: n.filter((x) => !x.hasClass('lod-label')).map((x) => x.id()) };
    }, target.id);
    expect(near.all).toBeGreaterThan(1);
    expect(near.unlabelled).toEqual([]);
    await screenshot(page, 'atlas-selected-labelled');
    await page.close();
  });

  it('explains the chains from hAFMSC to AMH and highlights them', async () => {
    const { page } = await openApp(getBrowser(), '?view=atlas');
    const panel = page.getByRole('region', { name: 'Explain a path' });
    await panel.getByRole('combobox', { name: 'From source' }).selectOption({ label: 'hAFMSC' });
    await panel.getByRole('combobox', { name: 'To' }).selectOption({ label: 'AMH' });
    await expect(panel.getByRole('status').innerText()).resolves.toMatch(/\d+ chains? from hAFMSC to AMH/);
    const steps = await panel.getByRole('listitem').allInnerTexts();
    expect(steps.join('\n')).toMatch(/\[120\]/);
    await waitForCanvas(page);
    const highlighted = await page.evaluate(() => window.mscAtlas!.cy.main!.$('node.path').map((n) => n.id()));
    expect(highlighted).toContain('hafmsc');
    expect(highlighted).toContain('amh');
    expect(page.url()).toMatch(/path=hafmsc:amh/);
    // Zoomed out, the atlas draws only some labels (label-lod.ts); those of the path come first.
    const unlabelled = () =>
      page.evaluate(() => {
        const cy = window.mscAtlas!.cy.main!;
        return { lod: cy.nodes('.lod-label').length, path: cy.$('node.path.lod-hidden').map((n) => n.id()), selected: cy.$('node:selected.lod-hidden').map((n) => n.id()) };
      });
    await expect.poll(async () => (await unlabelled()).lod).toBeGreaterThan(0);
    await expect.poll(async () => (await unlabelled()).path).toEqual([]);
    await screenshot(page, 'atlas-path-hafmsc-amh');
    await page.close();
  });

  /** Every frame's zoom and pan once the drawing is shown (the canvas no longer busy), from the link's first load. */
  async function viewportsAfterOpening(search: string) {
    const page = await getBrowser().newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(() => {
      const w = window as unknown as { viewports: number[][] };
      w.viewports = [];
      const tick = () => {
        const cy = window.mscAtlas?.cy.main;
        if (cy && cy.nodes().length > 0 && cy.container()?.closest('.graph-canvas')?.getAttribute('aria-busy') !== 'true')
          w.viewports.push([cy.zoom(), cy.pan().x, cy.pan().y]);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(appUrl(search));
    await waitForCanvas(page);
    // (The view used to fit the whole atlas, then move to what the link names a few hundred ms after showing it.)
    await page.waitForTimeout(1200);
    const seen = await page.evaluate(() => (window as unknown as { viewports: number[][] }).viewports);
    expect(seen.length).toBeGreaterThan(10);
    const moved = seen.filter((v) => v.some((x, i) => Math.abs(x - seen[0]![i]!) > 1e-6));
    expect(moved, `first shown at ${seen[0]!.join(', ')}`).toEqual([]);
    return page;
  }

  it('a link to an explained path opens on the path, and the view does not move once shown', async () => {
    const page = await viewportsAfterOpening('?view=atlas&path=hafmsc:amh');
    // What it opens on: the path fitted with room round it (72 px at the side that decides the zoom), not the atlas.
    const fit = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      const bb = cy.$('node.path').renderedBoundingBox();
      return { bb, w: cy.width(), h: cy.height(), nodes: cy.$('node.path').length };
    });
    expect(fit.nodes).toBeGreaterThan(2);
    expect(fit.bb.x1).toBeGreaterThanOrEqual(0);
    expect(fit.bb.y1).toBeGreaterThanOrEqual(0);
    expect(fit.bb.x2).toBeLessThanOrEqual(fit.w);
    expect(fit.bb.y2).toBeLessThanOrEqual(fit.h);
    const room = Math.min(fit.bb.x1, fit.w - fit.bb.x2, fit.bb.y1, fit.h - fit.bb.y2);
    expect(room).toBeGreaterThan(60);
    expect(room).toBeLessThan(90);
    await page.close();
  });

  it('a link that selects an entity opens on it, centred at a readable zoom, and the view does not move once shown', async () => {
    const page = await viewportsAfterOpening('?view=atlas&select=node:pten');
    const at = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return { zoom: cy.zoom(), p: cy.getElementById('pten').renderedPosition(), w: cy.width(), h: cy.height(), selected: cy.$(':selected').map((n) => n.id()) };
    });
    expect(at.selected).toEqual(['pten']);
    expect(at.zoom).toBeGreaterThanOrEqual(0.9);
    expect(at.p.x).toBeCloseTo(at.w / 2, 0);
    expect(at.p.y).toBeCloseTo(at.h / 2, 0);
    await page.close();
  });

  it('overlays another source on a figure without moving it', async () => {
    const { page } = await openApp(getBrowser(), '?figure=fig1');
    const before = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), n.position()]));
    await page.getByRole('button', { name: /Sources, filters & paths/ }).click();
    await page.getByRole('checkbox', { name: /^hAFMSC — / }).check();
    await waitForCanvas(page);
    const after = await page.evaluate(() => window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), n.position()]));
    expect(after).toEqual(before);
    const marked = await page.evaluate(() => window.mscAtlas!.cy.main!.$('node.shared').map((n) => n.id()));
    expect(marked).toEqual(expect.arrayContaining(['mir-21', 'pten']));
    expect(page.url()).toMatch(/overlay=hafmsc/);
    await screenshot(page, 'figure-fig1-overlay-hafmsc');
    await page.close();
  });
});
