/**
 * skipEagerLayers (texture-warm.ts) against Cytoscape's own canvas renderer (in jsdom, with a mocked 2D context): the
 * layered texture cache's first request, which paints every element into a new layer at once, is spent on no element,
 * so the first frame of a drawing paints no layer; and nothing breaks where the renderer is not there.
 */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { skipEagerLayers } from '../../src/graph-view/texture-warm.ts';

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
