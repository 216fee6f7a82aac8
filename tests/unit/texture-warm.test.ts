/**
 * warmTexture and rasterise (texture-warm.ts): the texture canvases painted into are named, and each is copied once
 * into one pixel, which makes the browser paint it before a frame copies from it.
 *
 * skipEagerLayers (texture-warm.ts) against Cytoscape's own canvas renderer (in jsdom, with a mocked 2D context): the
 * layered texture cache's first request, which paints every element into a new layer at once, is spent on no element,
 * so the first frame of a drawing paints no layer; and nothing breaks where the renderer is not there.
 */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillLayers, skipEagerLayers, startLayers, warmTexture } from '../../src/graph-view/texture-warm.ts';

interface LayerCache {
  firstGet: boolean;
  layersByLevel: Record<number, unknown[]>;
  getLayers(eles: unknown[], pxRatio: number, level?: number): unknown[] | null;
}
const cacheOf = (cy: Core) => (cy as unknown as { renderer(): { data: { lyrTxrCache: LayerCache } } }).renderer().data.lyrTxrCache;

const made: Core[] = [];
function canvas(): Core {
  const container = document.createElement('div');
  container.style.width = '800px';
  container.style.height = '600px';
  document.body.append(container);
  const cy = cytoscape({
    container,
    elements: [
      { data: { id: 'a' }, position: { x: 0, y: 0 } },
      { data: { id: 'b' }, position: { x: 200, y: 0 } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ],
    style: [{ selector: 'node', style: { width: 40, height: 20, label: 'data(id)' } }],
  });
  made.push(cy);
  return cy;
}

afterEach(() => {
  for (const cy of made.splice(0)) cy.destroy();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/**
 * rasterise from a fresh copy of the module, whose one-pixel canvas copies with `copy`; `sinks` lists the canvases it
 * made for that.
 */
async function freshRasterise(copy: (this: { canvas: HTMLCanvasElement }, ...args: unknown[]) => void) {
  vi.resetModules();
  const { rasterise: fresh } = await import('../../src/graph-view/texture-warm.ts');
  const sinks: HTMLCanvasElement[] = [];
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    const made = create(tag);
    if (made instanceof HTMLCanvasElement) {
      const context = { canvas: made, drawImage: copy };
      made.getContext = (() => context) as never;
      sinks.push(made);
    }
    return made;
  }) as never);
  return { rasterise: fresh, sinks };
}

describe('warmTexture and rasterise', () => {
  it('names the texture canvases a node was painted into, and rasterise copies each once into one pixel', async () => {
    const cy = canvas();
    const touched = new Set<CanvasImageSource>();
    warmTexture(cy, cy.getElementById('a'), touched);
    // The body and the label each go to a texture canvas of the renderer's caches.
    expect(touched.size).toBeGreaterThan(0);
    const textures = [...touched];
    expect(textures.every((t) => t instanceof HTMLCanvasElement)).toBe(true);
    // The same node again: its textures are cached, and the same canvases are named.
    const again = new Set<CanvasImageSource>();
    warmTexture(cy, cy.getElementById('a'), again);
    expect([...again]).toEqual(textures);
    const copies: { from: unknown; to: HTMLCanvasElement; size: unknown[] }[] = [];
    const { rasterise, sinks } = await freshRasterise(function (...args) {
      copies.push({ from: args[0], to: this.canvas, size: args.slice(1) });
    });
    rasterise(touched);
    rasterise(touched);
    // Each copied, into one pixel of one canvas of its own (made once), which the page does not show.
    expect(copies.map((c) => c.from)).toEqual([...textures, ...textures]);
    expect(sinks).toHaveLength(1);
    expect(copies.every((c) => c.to === sinks[0] && !c.to.isConnected && c.size.join() === '0,0,1,1')).toBe(true);
  });

  it('rasterise goes on past a canvas that cannot be copied', async () => {
    const good = document.createElement('canvas');
    const copied: unknown[] = [];
    const { rasterise } = await freshRasterise((source: unknown) => {
      if (source !== good) throw new DOMException('zero size', 'InvalidStateError');
      copied.push(source);
    });
    expect(() => rasterise([document.createElement('canvas'), good])).not.toThrow();
    expect(copied).toEqual([good]);
  });

  it('names nothing for a node that is gone, or on a Cytoscape without a canvas renderer', () => {
    const cy = canvas();
    const node = cy.getElementById('b');
    node.remove();
    const touched = new Set<CanvasImageSource>();
    warmTexture(cy, node, touched);
    expect(touched.size).toBe(0);
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    warmTexture(headless, headless.getElementById('a'), touched);
    expect(touched.size).toBe(0);
    headless.destroy();
  });
});

describe('skipEagerLayers', () => {
  it('spends the layer cache’s first request on no element: the next request for the drawing makes no layer at once', () => {
    const cy = canvas();
    const cache = cacheOf(cy);
    expect(cache.firstGet).toBe(true);
    skipEagerLayers(cy);
    expect(cache.firstGet).toBe(false);
    expect(Object.values(cache.layersByLevel).flat()).toEqual([]);
    // What a frame asks for: with the first request spent, the layers are queued to be filled later, and the frame
    // draws the elements from their own textures (null: no layer to draw).
    expect(cache.getLayers(cy.elements().toArray(), 1, 0)).toBeNull();
  });

  it('without it, the first request paints every element into a layer at once (what it avoids)', () => {
    const cy = canvas();
    const layers = cacheOf(cy).getLayers(cy.elements().toArray(), 1, 0);
    expect(layers).not.toBeNull();
    expect(layers!.length).toBeGreaterThan(0);
  });

  it('does nothing a second time, nor on a Cytoscape without a canvas renderer', () => {
    const cy = canvas();
    skipEagerLayers(cy);
    const cache = cacheOf(cy);
    let asked = 0;
    const getLayers = cache.getLayers.bind(cache);
    cache.getLayers = (...args) => (asked++, getLayers(...args));
    skipEagerLayers(cy);
    expect(asked).toBe(0);
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(() => skipEagerLayers(headless)).not.toThrow();
    headless.destroy();
  });
});

describe('startLayers and fillLayers', () => {
  it('paints the whole drawing into the layered cache for the current zoom, after which a frame draws its layers', () => {
    const cy = canvas();
    skipEagerLayers(cy);
    const cache = cacheOf(cy);
    // Just changed: the cache would wait 250 ms before making layers.
    (cache as unknown as { lastInvalidationTime: number }).lastInvalidationTime = performance.now();
    const fill = startLayers(cy)!;
    expect(fill).not.toBeNull();
    expect(fill.level).toBe(Math.ceil(Math.log2(cy.zoom())));
    expect(cache.getLayers(fill.eles, fill.px, fill.level)).toBeNull();
    // Slice by slice until complete (three elements: a few slices at most).
    let slices = 0;
    while (!fillLayers(cy, fill, performance.now() + 5)) slices++;
    expect(slices).toBeLessThan(10);
    // What a frame at this zoom asks for: the complete layers.
    const layers = cache.getLayers(fill.eles, fill.px, fill.level);
    expect(layers?.length).toBeGreaterThan(0);
  });

  it('ends at once when the zoom changes (the frame would not use these layers), and not at all without the cache', () => {
    const cy = canvas();
    skipEagerLayers(cy);
    const fill = startLayers(cy)!;
    cy.zoom(cy.zoom() * 2);
    expect(fillLayers(cy, fill, performance.now() + 5)).toBe(true);
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(startLayers(headless)).toBeNull();
    headless.destroy();
  });
});
