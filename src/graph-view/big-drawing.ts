/**
 * Big drawings (an imported network of thousands of nodes) without long main-thread tasks.
 *
 * Cytoscape's canvas renderer draws every edge with its own canvas calls: about 0.05 ms each in headless Chromium,
 * so one frame of a 2,000-node, 4,000-edge network drawn directly takes 150–250 ms. What keeps it fast is its
 * layered texture cache (cytoscape src/extensions/renderer/canvas/layered-texture-cache.mjs): the elements are
 * painted into a bitmap a few at a time, within each frame's spare time, and a frame then draws that bitmap. But
 * it is set aside for 250 ms after any element changes, and the frames in between are drawn directly. So:
 * 1. the elements are handed to Cytoscape in chunks, one per task, with their looks (style bypasses), while the
 *    viewport looks far away from the drawing and Cytoscape's frames draw nothing at all (`pauseDrawing`);
 *    once all are in, their boxes are measured, a slice per task (1b);
 * 2. then the viewport goes to where the drawing will be shown, but still beside it, frames still draw nothing,
 *    and the cache fills its bitmap for that zoom in the frames' spare time;
 * 3. only when that bitmap is complete does the viewport move onto the drawing: the first frame draws one bitmap;
 * 4. nothing restyles elements while the reader pans and zooms. Cytoscape marks the element under a pressed mouse
 *    button active (a restyle), so the elements of a big drawing take no pointer events ('events: no'; a drag
 *    anywhere pans) and a click is matched to the node or edge under it here (`elementAt`); there is no hover
 *    highlight either. Any restyle would set the cache aside and make the next frames draw 6,000 elements directly.
 * The renderer's internals used here are those of the Cytoscape version this app builds from source
 * (scripts/vite-cytoscape-core.ts); tests/e2e/import-scale.e2e.ts holds the result to no task over 100 ms.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Look } from './elements.ts';

/** From this many elements (nodes and edges) a drawing is staged as above. The atlas with every source has ~600. */
export const BIG_DRAWING = 1500;
/** Elements handed over in the first chunk; later chunks are sized to take about CHUNK_MS each. */
const FIRST_CHUNK = 150;
const CHUNK_MS = 40;
/** Time given to measuring element boxes per task once all elements are in (step 1b). */
const MEASURE_SLICE_MS = 30;
/** The reveal waits at most this long for the cache (a machine too slow to fill it still gets its drawing). */
const CACHE_WAIT_MS = 8000;
/** A big drawing's elements take no pointer events (step 4). */
const NO_EVENTS = { events: 'no' } as const;
/** How far beside the drawing the viewport waits, in screen px: well outside any screen. */
const ASIDE = 1e6;

export interface StagedElements {
  /** What Cytoscape is given now. */
  shown: ElementDefinition[];
  /** All elements are in Cytoscape (always true for a drawing under BIG_DRAWING). */
  complete: boolean;
  big: boolean;
}

/**
 * The elements for Cytoscape: all of them for an ordinary drawing; for a big one, a growing prefix (nodes come
 * first, so an edge's ends are always in), one chunk per task, with its looks.
 */
export function useStagedElements(elements: ElementDefinition[], looks: ReadonlyMap<string, Look>, cy: Core | null): StagedElements {
  const big = elements.length >= BIG_DRAWING;
  const [staged, setStaged] = useState<{ of: ElementDefinition[]; count: number; chunk: number; at: number } | null>(null);
  const count = staged?.of === elements ? staged.count : 0;
  const allIn = !big || count >= elements.length;
  // Once all are in, their boxes are measured in slices (step 1b) before the drawing counts as complete.
  const [measured, setMeasured] = useState<ElementDefinition[] | null>(null);
  const complete = allIn && (!big || measured === elements);
  const shown = useMemo(() => (allIn ? elements : elements.slice(0, count)), [allIn, elements, count]);

  // Each chunk's looks, once Cytoscape has its elements (its patch runs first: it is a child's commit), before
  // anything measures or draws them. (Looks given in the element definitions would make Cytoscape warn per element.)
  const styled = useRef<{ of: ElementDefinition[]; count: number }>({ of: elements, count: 0 });
  const work = useRef(0);
  useLayoutEffect(() => {
    if (!cy || !big) return;
    if (styled.current.of !== elements) styled.current = { of: elements, count: 0 };
    const from = styled.current.count;
    const to = Math.min(count, elements.length);
    if (to <= from) return;
    cy.batch(() => {
      for (let i = from; i < to; i++) {
        const id = elements[i]!.data.id!;
        cy.getElementById(id).style({ ...looks.get(id), ...NO_EVENTS });
      }
    });
    styled.current.count = to;
    // The chunk's work so far: React's render, Cytoscape's add and styles (its rendered styles follow in the frame).
    if (staged?.of === elements) work.current = performance.now() - staged.at;
  }, [cy, big, elements, looks, count, staged]);

  // Before the first chunk: the viewport goes aside, so that frames during staging draw nothing.
  useEffect(() => {
    if (!cy || !big) return;
    cy.viewport({ zoom: cy.zoom(), pan: { x: ASIDE, y: ASIDE } });
  }, [cy, big, elements]);

  // And while the chunks come in, Cytoscape's frames skip drawing altogether (step 1): with the viewport aside a
  // frame shows nothing, yet it still z-sorted every element and measured each one's box to find it off screen.
  // That grew with every chunk: for 10,000 nodes and 10,000 edges it was most of the staging's main-thread time.
  useEffect(() => {
    if (!cy || !big || complete) return;
    return pauseDrawing(cy);
  }, [cy, big, complete]);

  // Next chunk: after the frame that drew (nothing of) the last one, in a task of its own, sized to the time the
  // last chunk took.
  useEffect(() => {
    if (!cy || allIn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const last = staged?.of === elements ? staged.chunk : 0;
        // The frame after a chunk costs about as much as the chunk (its rendered styles, z-order, bounds): half each.
        const chunk = last === 0 ? FIRST_CHUNK : Math.round(Math.min(Math.max((last * CHUNK_MS) / 2 / Math.max(work.current, 1), 50), 1000));
        setStaged({ of: elements, count: count + chunk, chunk, at: performance.now() });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [cy, allIn, elements, count, staged]);

  // Step 1b: every element's box (its label measured, an edge's ends found), a slice per task, while frames still
  // draw nothing. The first frame to draw, the fit and the texture cache need them all; measured in one go they
  // made one task of 140 ms (2,000 nodes) to 400 ms (10,000 nodes) of CPU. Nothing changes the elements until the
  // drawing is shown, so Cytoscape keeps the boxes.
  useEffect(() => {
    if (!cy || !big || !allIn || measured === elements) return;
    const eles = cy.elements().toArray();
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const until = performance.now() + MEASURE_SLICE_MS;
      while (next < eles.length) {
        const ele = eles[next++]!;
        if (!ele.removed()) ele.boundingBox();
        if (next % 64 === 0 && performance.now() > until) break;
      }
      if (next < eles.length) timer = setTimeout(slice, 0);
      else setMeasured(elements);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [cy, big, allIn, elements, measured]);

  return { shown, complete, big };
}

/** Renderers whose frames pauseDrawing holds now. */
const paused = new WeakSet<object>();

/** Whether Cytoscape's frames draw nothing now (pauseDrawing): what goes with its next picture waits for it. */
export function drawingPaused(cy: Core): boolean {
  const r = (cy as unknown as { renderer?: () => object | undefined }).renderer?.();
  return !!r && paused.has(r);
}

/**
 * Until the returned function is called, Cytoscape's frames draw nothing: its renderer's `render` is a no-op (the
 * frame's other work, such as computing the styles of new elements, still runs). Then the next frame draws again.
 */
export function pauseDrawing(cy: Core): () => void {
  const r = (cy as unknown as { renderer?: () => Partial<RendererInternals> | undefined }).renderer?.();
  // A renderer without these (headless, or another Cytoscape version) is left alone.
  if (!r || typeof r.render !== 'function' || Object.prototype.hasOwnProperty.call(r, 'render')) return () => {};
  r.render = () => {};
  paused.add(r);
  return () => {
    paused.delete(r);
    delete r.render;
    if (cy.destroyed()) return;
    r.redrawHint?.('eles', true);
    r.redraw?.();
  };
}

interface RendererInternals {
  data: {
    lyrTxrCache?: {
      levelIsComplete(level: number, eles: unknown[]): boolean;
      layersByLevel: Record<number, unknown[] | undefined>;
      getLayers(eles: unknown[], pixelRatio: number, level: number): unknown[] | null;
    };
  };
  getCachedZSortedEles(): { nondrag: unknown[] };
  getPixelRatio(): number;
  redrawHint(group: 'eles' | 'drag', dirty: boolean): void;
  redraw(): void;
  render(options?: unknown): void;
}

/**
 * Shows a big drawing at `viewport` once Cytoscape's texture cache holds it (steps 2 and 3 above); returns a
 * function that stops waiting. `onShown` is called when the drawing is in view.
 */
export function revealWhenCached(cy: Core, viewport: { zoom: number; pan: { x: number; y: number } }, onShown: () => void): () => void {
  const r = (cy as unknown as { renderer(): RendererInternals }).renderer();
  // Frames keep drawing nothing until the drawing is shown: drawn beside the view, with the cache still filling,
  // a frame would fall back to drawing every element directly (measuring each to find it off screen), a task of
  // 100–700 ms of CPU for 2,000 to 10,000 nodes.
  const resume = pauseDrawing(cy);
  cy.viewport({ zoom: viewport.zoom, pan: { x: viewport.pan.x + ASIDE, y: viewport.pan.y + ASIDE } });
  const level = Math.max(-4, Math.ceil(Math.log2(viewport.zoom * r.getPixelRatio())));
  const start = performance.now();
  let frame = 0;
  const check = () => {
    const cache = r.data.lyrTxrCache;
    // The cache's own test, on the elements a frame draws (those not being dragged). Levels above 2 (zoom 4 and
    // more) are never cached: a frame there draws few elements anyway.
    const ready = !cache || level > 2 || cache.levelIsComplete(level, r.getCachedZSortedEles().nondrag);
    if (ready || performance.now() - start > CACHE_WAIT_MS) {
      cy.viewport(viewport);
      resume();
      onShown();
      return;
    }
    // Until the cache has started a bitmap for this zoom, it is asked for one, as a frame that draws would ask it:
    // that queues the elements to be painted into it (it declines for 250 ms after the last change: then it is asked
    // again next frame). Then the cache paints them in each frame's spare time (its own step before each frame).
    if (!cache.layersByLevel[level]?.length) cache.getLayers(r.getCachedZSortedEles().nondrag, r.getPixelRatio(), level);
    frame = requestAnimationFrame(check);
  };
  frame = requestAnimationFrame(check);
  return () => {
    cancelAnimationFrame(frame);
    resume();
  };
}

/**
 * The element drawn at a model position, for a click on a big drawing (whose elements take no events): the top
 * node whose box holds it, else the nearest edge within 4 screen px (edges are straight there). Null if none.
 */
export function elementAt(cy: Core, at: { x: number; y: number }): { type: 'node' | 'edge'; id: string } | null {
  let node: string | null = null;
  cy.nodes().forEach((n) => {
    const p = n.position();
    const w = (n.data('w') as number) / 2;
    const h = (n.data('h') as number) / 2;
    if (Math.abs(at.x - p.x) <= w && Math.abs(at.y - p.y) <= h) node = n.id();
  });
  if (node) return { type: 'node', id: node };
  const reach = 4 / cy.zoom();
  let best: { id: string; d: number } | null = null;
  cy.edges().forEach((e) => {
    const a = e.source().position();
    const b = e.target().position();
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((at.x - a.x) * dx + (at.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(at.x - (a.x + t * dx), at.y - (a.y + t * dy));
    if (d <= reach && (!best || d < best.d)) best = { id: e.id(), d };
  });
  return best ? { type: 'edge', id: (best as { id: string }).id } : null;
}
