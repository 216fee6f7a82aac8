/**
 * Cytoscape's canvas renderer draws each node from a texture: its body and its label, each painted once per zoom
 * level into a shared texture canvas and then copied onto the screen. The frame that first shows a drawing paints
 * every texture it lacks, each followed by a copy out of the canvas just painted into (without a GPU, each such copy
 * snapshots the whole texture canvas): for the atlas, most of a 100–150 ms frame. Painting them ahead, a few per
 * task while the previous picture stays (deferred-styles.ts, SlicedLooks), leaves that frame only the copies.
 *
 * This reaches into the renderer's texture caches (`renderer().data.eleTxrCache`, `lblTxrCache`), which Cytoscape
 * does not document: where they are missing (another renderer, another version) nothing is painted ahead and
 * Cytoscape paints in its frame as before.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

interface TextureCache {
  getBoundingBox(ele: SingularElementArgument): { w: number; h: number } | undefined;
  getElement(ele: SingularElementArgument, bb: { w: number; h: number }, pxRatio: number): unknown;
}

interface CanvasRenderer {
  getPixelRatio?: () => number;
  data?: { eleTxrCache?: TextureCache; lblTxrCache?: TextureCache };
}

/** The node body and label texture caches of a Cytoscape's canvas renderer, or null. */
function caches(cy: Core): { px: number; list: TextureCache[] } | null {
  const r = (cy as unknown as { renderer?: () => CanvasRenderer | undefined }).renderer?.();
  const list = [r?.data?.eleTxrCache, r?.data?.lblTxrCache].filter((c): c is TextureCache => typeof c?.getElement === 'function' && typeof c.getBoundingBox === 'function');
  if (!r || list.length === 0 || typeof r.getPixelRatio !== 'function') return null;
  return { px: r.getPixelRatio(), list };
}

/**
 * The nodes the next frame will draw from textures (visible and in view), for warmTextures. Empty where the
 * renderer's caches are not there.
 */
export function nodesToWarm(cy: Core): SingularElementArgument[] {
  if (cy.destroyed() || !caches(cy)) return [];
  const view = cy.extent();
  return cy
    .nodes()
    .filter((n) => {
      if (!n.visible()) return false;
      const b = n.boundingBox();
      return b.x2 >= view.x1 && b.x1 <= view.x2 && b.y2 >= view.y1 && b.y1 <= view.y2;
    })
    .toArray();
}

/**
 * Paints a node's body and label textures at the current zoom, as the next frame would; adds the texture canvases it
 * painted into to `touched` (see rasterise).
 */
export function warmTexture(cy: Core, node: SingularElementArgument, touched?: Set<CanvasImageSource>) {
  const c = caches(cy);
  if (!c || node.removed()) return;
  try {
    for (const cache of c.list) {
      const bb = cache.getBoundingBox(node);
      if (!bb || bb.w <= 0 || bb.h <= 0) continue;
      const got = cache.getElement(node, bb, c.px) as { texture?: { canvas?: CanvasImageSource } } | null | undefined;
      if (touched && got?.texture?.canvas) touched.add(got.texture.canvas);
    }
  } catch {
    // A renderer whose caches work otherwise: its frame paints what is missing.
  }
}

/** A 1×1 canvas the texture canvases are copied into, only to make the browser paint them (see rasterise). */
let sink: CanvasRenderingContext2D | null | undefined;

/**
 * Makes the browser paint the given canvases now. A 2D canvas records what is drawn into it and paints it (text
 * shaped, shapes filled) only when something reads it: for the texture canvases, the first frame that copies from
 * them. Painted ahead into them, 200 atlas labels were still painted in that frame, inside its copies (20–30 ms of a
 * 60 ms frame on a 2-core laptop without a GPU). Copying a canvas, even into one pixel, makes the browser paint it
 * first; the frame then copies finished pixels.
 */
export function rasterise(canvases: Iterable<CanvasImageSource>) {
  if (sink === undefined) sink = typeof document === 'undefined' ? null : (document.createElement('canvas').getContext('2d') ?? null);
  if (!sink) return;
  for (const canvas of canvases) {
    try {
      sink.drawImage(canvas, 0, 0, 1, 1);
    } catch {
      // A canvas of size zero cannot be copied: there is nothing to paint.
    }
  }
}

interface LayeredCache {
  firstGet?: boolean;
  getLayers?: (eles: unknown[], pxRatio: number, level?: number) => unknown;
}

/**
 * Over a few hundred elements, Cytoscape draws from a layered texture cache: bitmaps of many elements at once
 * (layered-texture-cache.mjs), filled a few elements per frame in the frames' spare time. Except the very first time
 * the renderer asks for them: then it paints every element into a new layer bitmap at once, in that frame (for a
 * figure, a third of a 60–80 ms first frame). Asked once for the layers of no element, right after the canvas is
 * made, the cache has had its first request: later ones fill the layers lazily, and the first drawing is drawn
 * from the element textures painted ahead (warmTexture). Undocumented internals, guarded: where they are missing,
 * nothing is done.
 */
export function skipEagerLayers(cy: Core) {
  const r = (cy as unknown as { renderer?: () => { data?: { lyrTxrCache?: LayeredCache } } | undefined }).renderer?.();
  const cache = r?.data?.lyrTxrCache;
  if (!cache || cache.firstGet !== true || typeof cache.getLayers !== 'function') return;
  try {
    // Level 0 explicitly: no zoom is read, and no element is painted.
    cache.getLayers([], 1, 0);
  } catch {
    // A cache that works otherwise: its first frame paints its layers as before.
  }
}

interface LayerFillCache {
  layersByLevel: Record<number, { canvas: CanvasImageSource }[] | undefined>;
  layersQueue: { size(): number };
  lastInvalidationTime: number;
  skipping: boolean;
  getLayers(eles: unknown[], pxRatio: number, level: number): unknown[] | null;
  dequeue(pxRatio: number): unknown[];
  levelIsComplete(level: number, eles: unknown[]): boolean;
}

/** A drawing being painted into the layered cache's bitmaps for one zoom level (see fillLayers). */
export interface LayerFill {
  cache: LayerFillCache;
  level: number;
  px: number;
  eles: unknown[];
  zoom: number;
}

/** The cache's levels (layered-texture-cache.mjs: minLvl, maxLvl, maxZoom): outside them a frame draws directly. */
const MIN_LEVEL = -4;
const MAX_LEVEL = 2;
const MAX_LAYER_ZOOM = 3.99;

/**
 * Starts painting the whole drawing, as the next frame will draw it, into the bitmaps of Cytoscape's layered texture
 * cache (layered-texture-cache.mjs) at the current zoom: a frame then copies one bitmap instead of drawing several
 * hundred elements one by one (the atlas's first frame: 15–20 ms of JavaScript and 20–25 ms of painting on a 2-core
 * laptop without a GPU). Cytoscape fills these bitmaps itself only in frames' spare time, and only 250 ms after the
 * last change, drawing every element directly meanwhile; here they are filled in slices (fillLayers) while the
 * previous picture stays. For when the drawing is settled and no batch is held: the changes it reported are no reason
 * to wait. Null where the cache is not there (another renderer or version) or this zoom is not cached.
 */
export function startLayers(cy: Core): LayerFill | null {
  const r = (cy as unknown as { renderer?: () => { data?: { lyrTxrCache?: Partial<LayerFillCache> }; getPixelRatio?: () => number; getCachedZSortedEles?: () => { nondrag?: unknown[] } } | undefined }).renderer?.();
  const cache = r?.data?.lyrTxrCache;
  if (!r || !cache || typeof cache.getLayers !== 'function' || typeof cache.dequeue !== 'function' || typeof cache.levelIsComplete !== 'function' || !cache.layersQueue) return null;
  if (typeof r.getPixelRatio !== 'function' || typeof r.getCachedZSortedEles !== 'function') return null;
  const px = r.getPixelRatio();
  const zoom = cy.zoom();
  const level = Math.max(MIN_LEVEL, Math.ceil(Math.log2(zoom * px)));
  const eles = r.getCachedZSortedEles().nondrag;
  if (!eles || zoom >= MAX_LAYER_ZOOM || level > MAX_LEVEL) return null;
  const fill = { cache: cache as LayerFillCache, level, px, eles, zoom };
  try {
    // No change is under way: the cache may build its layers now (it waits 250 ms after the last one otherwise).
    fill.cache.lastInvalidationTime = -Infinity;
    fill.cache.skipping = false;
    // Queues every element into new layers for this level (null: being filled), or gives the complete level.
    fill.cache.getLayers(eles, px, level);
  } catch {
    return null;
  }
  return fill;
}

/**
 * Paints queued elements into the layers until `until` (performance.now()), then has the browser paint the layers
 * (rasterise). Returns whether the level is complete (a frame at this zoom then draws it from its layers); also true
 * when the zoom has changed (the layers would not be used) or the cache fails.
 */
export function fillLayers(cy: Core, fill: LayerFill, until: number): boolean {
  if (cy.destroyed() || cy.zoom() !== fill.zoom) return true;
  try {
    while (fill.cache.layersQueue.size() > 0 && performance.now() < until) fill.cache.dequeue(fill.px);
    rasterise((fill.cache.layersByLevel[fill.level] ?? []).map((l) => l.canvas));
    return fill.cache.layersQueue.size() === 0 || fill.cache.levelIsComplete(fill.level, fill.eles);
  } catch {
    return true;
  }
}
