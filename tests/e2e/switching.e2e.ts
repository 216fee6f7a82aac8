/**
 * Switching in the atlas (issue: no main-thread task over 50 ms when toggling sources and filters): the move to a
 * new layout draws no edge while the nodes travel (drawing ~400 edges per frame made each frame a long task), the
 * edges come back once the nodes are in place, and the canvas says it is busy until then. A reader who asked for
 * reduced motion gets no animation at all. Task lengths are measured by `npm run bench -- --switch`, not here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, screenshot, useBrowser, waitForCanvas } from './browser.ts';

const getBrowser = useBrowser();

/**
 * Watches every frame from now until the canvas settles after `action`: per frame, how many nodes are moving and
 * how many edges are displayed, and whether the canvas is busy.
 */
async function framesDuring(page: Page, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const w = window as unknown as { frames: { moving: number; animated: boolean; animatedNodes: number; shownEdges: number; busy: boolean }[]; stopFrames?: boolean };
    w.frames = [];
    w.stopFrames = false;
    const cy = window.mscAtlas!.cy.main!;
    // Where each node was in the last frame: a node moving is one whose position changed since.
    let last = new Map<string, string>();
    const tick = () => {
      if (w.stopFrames) return;
      const now = new Map(cy.nodes().map((n) => [n.id(), `${n.position('x')},${n.position('y')}`]));
      const moving = last.size ? [...now].filter(([id, p]) => last.get(id) !== p).length : 0;
      last = now;
      // Nodes with an animation of their own (Cytoscape steps, eases and reports each one per frame).
      const animatedNodes = cy.nodes().filter((n) => (n as unknown as { animated(): boolean }).animated()).length;
      const animated = cy.animated() || animatedNodes > 0;
      const shownEdges = cy.edges().filter((e) => e.style('display') !== 'none').length;
      const busy = cy.container()!.closest('.graph-canvas')!.getAttribute('aria-busy') === 'true';
      w.frames.push({ moving, animated, animatedNodes, shownEdges, busy });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  // The change starts when React has rendered it, which on a loaded machine can be a few frames after the click:
  // until a frame has seen the canvas busy, "not busy" would be the picture from before the change.
  await page.waitForFunction(() => (window as unknown as { frames: { busy: boolean }[] }).frames.some((f) => f.busy), null, { timeout: 10_000 });
  await waitForCanvas(page);
  return page.evaluate(() => {
    const w = window as unknown as { frames: { moving: number; animated: boolean; animatedNodes: number; shownEdges: number; busy: boolean }[]; stopFrames?: boolean };
    w.stopFrames = true;
    return w.frames;
  });
}

/**
 * Edge routes Cytoscape computes in its own frames from now until the canvas settles after `action` (its frame asks
 * the renderer for the rendered styles of what it marked dirty, with no `useCache` argument; a bounding box asked
 * for ahead passes one). A route computed in a frame is time the frame that shows a change spends before drawing.
 */
async function routesInFrames(page: Page, action: () => Promise<unknown>) {
  await page.evaluate(() => {
    const w = window as unknown as { routed: number };
    w.routed = 0;
    type Renderer = { recalculateRenderedStyle(eles: unknown, useCache?: boolean): unknown; findEdgeControlPoints(edges: unknown[]): unknown };
    const r = (window.mscAtlas!.cy.main! as unknown as { renderer(): Renderer }).renderer();
    let inFrame = false;
    const style = r.recalculateRenderedStyle.bind(r);
    r.recalculateRenderedStyle = (eles, useCache) => {
      inFrame = useCache === undefined;
      try {
        return style(eles, useCache);
      } finally {
        inFrame = false;
      }
    };
    const route = r.findEdgeControlPoints.bind(r);
    r.findEdgeControlPoints = (edges) => {
      if (inFrame) w.routed += edges.length;
      return route(edges);
    };
  });
  await action();
  await waitForCanvas(page);
  return page.evaluate(() => (window as unknown as { routed: number }).routed);
}

/** What one of Cytoscape's frames did beyond drawing (see frameWork). */
interface FrameWork {
  /** Nodes in the drawing. */
  nodes: number;
  /** Texture canvases whose new content the frame made the browser paint (drawn into, then first copied from in it). */
  painted: number;
  /** Elements the frame found changed since the last (each told to the texture caches, its sizes checked). */
  changed: number;
  /** Whether the frame put the elements in drawing order again. */
  sorted: boolean;
  /** Images (textures, layers) the frame's drawing copied. */
  copies: number;
  /** Edges displayed when the frame drew. */
  edges: number;
}

/** Each frame Cytoscape draws from now until the canvas settles after `action`, with its work beyond drawing. */
async function frameWork(page: Page, action: () => Promise<unknown>): Promise<FrameWork[]> {
  await page.evaluate(() => {
    type Renderer = {
      render(options?: unknown): void;
      beforeRender(fn: () => void, priority: number): void;
      onUpdateEleCalcs(fn: (willDraw: boolean, eles: unknown[]) => void): void;
      cachedZSortedEles: unknown;
    };
    const w = window as unknown as { frames: FrameWork[] };
    w.frames = [];
    const cy = window.mscAtlas!.cy.main!;
    const r = (cy as unknown as { renderer(): Renderer }).renderer();
    let frame: FrameWork | null = null;
    let drawing: FrameWork | null = null;
    // The first of a frame's steps (highest priority) opens it; its drawing, last, closes it.
    const edges = () => cy.edges().filter((e) => e.style('display') !== 'none').length;
    r.beforeRender(() => (frame = { nodes: cy.nodes().length, painted: 0, changed: 0, sorted: false, copies: 0, edges: 0 }), 1e9);
    // (Wrapped where the renderer has it, its prototype: the canvas may pause drawing with a render of its own.)
    const proto = Object.getPrototypeOf(r) as Renderer;
    const render = proto.render;
    proto.render = function (this: Renderer, options) {
      const f = frame ?? { nodes: cy.nodes().length, painted: 0, changed: 0, sorted: false, copies: 0, edges: 0 };
      f.sorted = !this.cachedZSortedEles;
      f.edges = edges();
      drawing = f;
      try {
        render.call(this, options);
      } finally {
        w.frames.push(f);
        frame = null;
        drawing = null;
      }
    };
    r.onUpdateEleCalcs((_, eles) => {
      if (frame) frame.changed += eles.length;
    });
    // Canvases drawn into and not copied from since; a copy from one inside a frame paints it there.
    const unpainted = new WeakSet<object>();
    // (Cytoscape's texture canvases are OffscreenCanvases where the browser has them.)
    const protos = [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype] as unknown as Record<string, (...args: unknown[]) => unknown>[];
    for (const proto of protos) {
      for (const name of ['fillText', 'fill', 'stroke', 'fillRect', 'drawImage']) {
        const original = proto[name]!;
        proto[name] = function (this: { canvas: object }, ...args: unknown[]) {
          const source = name === 'drawImage' ? (args[0] as object) : null;
          if (source && drawing) drawing.copies++;
          if (source && unpainted.has(source)) {
            unpainted.delete(source);
            if (frame) frame.painted++;
          }
          unpainted.add(this.canvas);
          return original.apply(this, args);
        };
      }
    }
  });
  await action();
  await waitForCanvas(page);
  return page.evaluate(() => (window as unknown as { frames: FrameWork[] }).frames);
}

const positions = (page: Page) => page.evaluate(() => Object.fromEntries(window.mscAtlas!.cy.main!.nodes().map((n) => [n.id(), { ...n.position() }])));
const moved = (a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>) =>
  Object.keys(a).filter((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y) > 0.5);

describe('switching in the atlas', () => {
  it('a source toggle moves the nodes with no edge drawn, then shows every edge with its look; busy until then', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?view=atlas&sources=hbmmsc'));
    await waitForCanvas(page);
    const before = await positions(page);
    const box = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox', { name: /^hAMSC — / });
    const frames = await framesDuring(page, () => box.check());
    const after = await positions(page);
    expect(moved(before, after).length).toBeGreaterThan(10);
    // The nodes were animated, and in no frame of the move
    // was an edge displayed.
    // (The frame that puts them in their last place may come after the animation has ended.)
    const moving = frames.filter((f) => f.moving > 0);
    expect(moving.filter((f) => f.animated).length).toBeGreaterThan(0);
    expect(moving.every((f) => f.shownEdges === 0)).toBe(true);
    // One animation moves them all: no node has one of its own.
    expect(frames.filter((f) => f.animatedNodes > 0)).toEqual([]);
    // The canvas said it was busy until the edges were back.
    expect(frames.filter((f) => f.shownEdges === 0).every((f) => f.busy)).toBe(true);
    // Settled: nothing moves, every edge is displayed again, straight as the atlas draws them, and hidden ones
    // (no active source supports them) are still hidden by their class.
    const settled = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return {
        moving: cy.animated() || cy.nodes().some((n) => (n as unknown as { animated(): boolean }).animated()),
        notDisplayed: cy.edges().filter((e) => e.style('display') !== 'element').length,
        curves: [...new Set(cy.edges().map((e) => e.style('curve-style') as string))],
        offVisible: cy.edges('.off').filter((e) => e.style('visibility') !== 'hidden').length,
        edges: cy.edges().length,
      };
    });
    expect(settled).toEqual({ moving: false, notDisplayed: 0, curves: ['straight'], offVisible: 0, edges: settled.edges });
    expect(settled.edges).toBeGreaterThan(300);
    await screenshot(page, 'switching-atlas-after-toggle');
    // Back: the same nodes go back where they were, and the edges come back again.
    await framesDuring(page, () => box.uncheck());
    expect(moved(before, await positions(page))).toEqual([]);
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.edges().filter((e) => e.style('display') !== 'element').length)).toBe(0);
    await page.close();
  });

  it('computes every edge route ahead, in slices: the frames that move and show the nodes compute none', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    // The atlas drawn for the first time, a source switched off and on, a filter on.
    expect(await routesInFrames(page, () => page.getByRole('button', { name: 'Atlas', exact: true }).click())).toBe(0);
    const box = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox', { name: /^hAMSC — / });
    expect(await routesInFrames(page, () => box.uncheck())).toBe(0);
    expect(await routesInFrames(page, () => box.check())).toBe(0);
    expect(await routesInFrames(page, () => page.getByRole('checkbox', { name: 'rat', exact: true }).check())).toBe(0);
    // Still every edge drawn, with its route.
    const edges = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return { notDisplayed: cy.edges().filter((e) => e.style('display') !== 'element').length, unrouted: cy.edges().filter((e) => e.style('display') === 'element' && !Number.isFinite(e.sourceEndpoint().x)).length };
    });
    expect(edges).toEqual({ notDisplayed: 0, unrouted: 0 });
    await screenshot(page, 'switching-atlas-after-filter');
    await page.close();
  });

  it('the first atlas drawing: its textures and bitmaps painted, its changes told and its drawing order computed in slices, none in a frame', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    const frames = await frameWork(page, async () => {
      await page.getByRole('button', { name: 'Atlas', exact: true }).click();
      // (The atlas's data and layout come first: until then the figure's canvas is not busy.)
      await page.waitForFunction(() => document.querySelector('.main-graph .graph-canvas')?.getAttribute('data-view')?.startsWith('atlas'));
    });
    // The first frame that draws the atlas (Fig. 1 has a few dozen nodes, the atlas hundreds) only draws: it paints no
    // texture, meets no element changed and does not sort them.
    const first = frames.find((f) => f.nodes > 100);
    expect(first).toEqual({ nodes: first?.nodes, painted: 0, changed: 0, sorted: false, copies: first?.copies, edges: first?.edges });
    // It copies the bitmaps the atlas was painted into ahead, not each node's textures (two or more per node).
    expect(first!.copies).toBeGreaterThan(0);
    expect(first!.copies).toBeLessThan(20);
    await screenshot(page, 'switching-atlas-first-drawing');
    await page.close();
  });

  it('after a source toggle, the frame that shows the edges again only copies the bitmaps they were painted into ahead', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?view=atlas'));
    await waitForCanvas(page);
    const box = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox', { name: /^hAMSC — / });
    for (const act of [() => box.uncheck(), () => box.check()]) {
      const frames = await frameWork(page, act);
      // While the nodes travel no edge is drawn; the first frame after that draws them all again.
      const travel = frames.findIndex((f) => f.edges === 0);
      expect(travel).toBeGreaterThanOrEqual(0);
      const shown = frames.slice(travel).find((f) => f.edges > 300);
      // That frame paints no texture, meets no changed element, does not sort, and copies a few bitmaps instead of
      // drawing some 600 elements one by one (a long task under load: 35–45 ms of CPU time).
      expect(shown).toEqual({ nodes: shown?.nodes, painted: 0, changed: 0, sorted: false, copies: shown?.copies, edges: shown?.edges });
      expect(shown!.copies).toBeGreaterThan(0);
      expect(shown!.copies).toBeLessThan(20);
    }
    await screenshot(page, 'switching-atlas-toggle-shown');
    await page.close();
  });

  it('while the atlas is painted ahead, the held picture stays inside its pane: the page never grows wider', async () => {
    // The side panel opens at once and narrows the pane; Cytoscape keeps its last size until the atlas is shown.
    const page = await getBrowser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    await page.evaluate(() => {
      const w = window as unknown as { widest: number; watching: boolean };
      w.widest = 0;
      w.watching = true;
      const look = () => {
        w.widest = Math.max(w.widest, document.documentElement.scrollWidth);
        if (w.watching) requestAnimationFrame(look);
      };
      look();
    });
    await page.getByRole('button', { name: 'Atlas', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.main-graph .graph-canvas')?.getAttribute('data-view')?.startsWith('atlas'));
    await waitForCanvas(page);
    const widest = await page.evaluate(() => {
      const w = window as unknown as { widest: number; watching: boolean };
      w.watching = false;
      return w.widest;
    });
    expect(widest).toBe(1280);
    await page.close();
  });

  it('a filter switched on and off quickly, before the first move ends, still ends with every edge drawn', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?view=atlas'));
    await waitForCanvas(page);
    const box = page.getByRole('checkbox', { name: 'rat', exact: true });
    await box.check();
    await box.uncheck();
    await waitForCanvas(page);
    const state = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.main!;
      return { notDisplayed: cy.edges().filter((e) => e.style('display') !== 'element').length, off: cy.$('.off').length };
    });
    expect(state).toEqual({ notDisplayed: 0, off: 0 });
    await page.close();
  });

  it('with reduced motion the nodes go to their new places at once, with no animation', async () => {
    const context = await getBrowser().newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(appUrl('?view=atlas&sources=hbmmsc'));
    await waitForCanvas(page);
    const before = await positions(page);
    const frames = await framesDuring(page, () => page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox', { name: /^hAMSC — / }).check());
    expect(moved(before, await positions(page)).length).toBeGreaterThan(10);
    // Put there in one frame, with no animation.
    expect(frames.filter((f) => f.moving > 0).length).toBeLessThanOrEqual(1);
    expect(frames.filter((f) => f.animated)).toEqual([]);
    expect(await page.evaluate(() => window.mscAtlas!.cy.main!.edges().filter((e) => e.style('display') !== 'element').length)).toBe(0);
    await context.close();
  });
});

describe('switching figures and views', () => {
  it('draws figure after figure, and the atlas, on the one canvas it made first, never replaced by a loading message', async () => {
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?figure=fig1'));
    await waitForCanvas(page);
    // The instance drawn first, and every moment from now on when the stage has no canvas.
    await page.evaluate(() => {
      const w = window as unknown as { firstCy: unknown; gaps: string[] };
      w.firstCy = window.mscAtlas!.cy.main;
      w.gaps = [];
      new MutationObserver(() => {
        // (A slow layout may say "Laying out…" over the kept drawing, never in place of the canvas.)
        const stage = document.querySelector('.main-graph .graph-stage');
        if (stage && !stage.querySelector('.graph-canvas')) w.gaps.push(stage.querySelector('.stage-message')?.textContent ?? 'no canvas');
      }).observe(document.body, { childList: true, subtree: true });
    });
    const drawnView = () => page.locator('.main-graph .graph-canvas').getAttribute('data-view');
    const switchTo = async (action: () => Promise<unknown>) => {
      const before = await drawnView();
      await action();
      await page.waitForFunction(
        (was) => {
          const canvas = document.querySelector('.main-graph .graph-canvas');
          return canvas?.getAttribute('data-view') !== was && canvas?.getAttribute('aria-busy') !== 'true';
        },
        before,
        { timeout: 30_000 },
      );
      await waitForCanvas(page);
      return page.evaluate(() => {
        const cy = window.mscAtlas!.cy.main!;
        const w = window as unknown as { firstCy: unknown; gaps: string[] };
        return { same: cy === w.firstCy && !cy.destroyed(), nodes: cy.nodes().length, view: cy.container()!.closest('.graph-canvas')!.getAttribute('data-view'), gaps: w.gaps };
      });
    };
    const figure = page.getByRole('combobox', { name: 'Figure' });
    for (const id of ['fig2', 'table2', 'fig5']) {
      const r = await switchTo(() => figure.selectOption(id));
      expect(r).toEqual({ same: true, nodes: r.nodes, view: `figure:${id}`, gaps: [] });
      // The new figure's own elements, as many as its text version lists, not the last one's.
      const summary = await page.locator('.text-alternative summary').textContent();
      const edges = await page.evaluate(() => window.mscAtlas!.cy.main!.edges().length);
      expect(summary).toContain(`${r.nodes} entities, ${edges} relations`);
    }
    await screenshot(page, 'switching-figure-same-canvas');
    const atlas = await switchTo(() => page.getByRole('button', { name: 'Atlas', exact: true }).click());
    expect(atlas).toEqual({ same: true, nodes: atlas.nodes, view: atlas.view, gaps: [] });
    expect(atlas.nodes).toBeGreaterThan(100);
    await screenshot(page, 'switching-atlas-same-canvas');
    await page.close();
  });
});
