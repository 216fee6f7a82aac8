/**
 * computeFrameAhead (rendered-sizes.ts) against Cytoscape's own canvas renderer (in jsdom, with a mocked 2D context):
 * what the next frame would compute before drawing (the elements changed since the last frame, told to the texture
 * caches; the drawing order) is computed when asked, and the frame then finds nothing left; nothing breaks where the
 * renderer is not there.
 */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { computeFrameAhead } from '../../src/graph-view/rendered-sizes.ts';

interface Renderer {
  onUpdateEleCalcs(fn: (willDraw: boolean, eles: { id(): string }[]) => void): void;
  flushRenderedStyleQueue(): void;
  invalidateCachedZSortedEles(): void;
  cachedZSortedEles: unknown[] | null;
}
const rendererOf = (cy: Core) => (cy as unknown as { renderer(): Renderer }).renderer();

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

/** The ids of the elements the renderer tells its texture caches of as changed, per telling (as a frame would). */
function told(cy: Core) {
  const out: string[][] = [];
  rendererOf(cy).onUpdateEleCalcs((_, eles) => out.push(eles.map((e) => e.id()).sort()));
  return out;
}

afterEach(() => {
  for (const cy of made.splice(0)) cy.destroy();
  document.body.innerHTML = '';
});

describe('computeFrameAhead', () => {
  it('tells the changes since the last frame now, so that the frame finds none left', () => {
    const cy = canvas();
    const r = rendererOf(cy);
    r.flushRenderedStyleQueue();
    const tellings = told(cy);
    cy.getElementById('a').style('background-color', 'red');
    computeFrameAhead(cy);
    expect(tellings).toEqual([['a']]);
    // What the next frame does first: nothing changed is left for it.
    r.flushRenderedStyleQueue();
    expect(tellings).toEqual([['a'], []]);
  });

  it('puts the elements in drawing order only when asked, and keeps that order for the frame', () => {
    const cy = canvas();
    const r = rendererOf(cy);
    r.invalidateCachedZSortedEles();
    computeFrameAhead(cy);
    expect(r.cachedZSortedEles).toBeNull();
    computeFrameAhead(cy, true);
    expect(r.cachedZSortedEles?.length).toBe(3);
  });

  it('does nothing on a Cytoscape without a canvas renderer, or destroyed', () => {
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(() => computeFrameAhead(headless, true)).not.toThrow();
    headless.destroy();
    const cy = canvas();
    cy.destroy();
    expect(() => computeFrameAhead(cy, true)).not.toThrow();
  });
});
