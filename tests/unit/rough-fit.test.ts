/**
 * The rough first fit of a drawing whose looks come in slices (use-viewport.ts, roughFit): the viewport Cytoscape's
 * own fit gives, computed from the nodes' positions and the sizes in their data, without measuring any element.
 */
import type { Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { FIT_PADDING, fitInPane, MAX_FIT_ZOOM, TOOLBAR_HEIGHT } from '../../src/graph-view/fit.ts';
import { roughFit } from '../../src/graph-view/use-viewport.ts';
import { headlessPane } from '../helpers/headless-pane.ts';

/** What the exact fit (use-viewport.ts: every element measured, fitted below the toolbar, capped) gives. */
function exactFit(cy: Core) {
  return fitInPane(cy.width(), cy.height(), cy.elements().boundingBox(), { min: cy.minZoom(), max: cy.maxZoom() });
}

const NODES = [
  { id: 'a', x: 0, y: 0, w: 120, h: 40 },
  { id: 'b', x: 900, y: 300, w: 80, h: 30 },
  { id: 'c', x: 400, y: -250, w: 200, h: 60 },
  { id: 'd', x: -120, y: 520, w: 60, h: 24 },
];

describe('the rough first fit', () => {
  it('is the exact fit of a drawing whose labels sit inside their nodes, wide or tall', () => {
    for (const [w, h] of [
      [1100, 760],
      [1400, 300],
      [640, 1000],
    ] as const) {
      const cy = headlessPane(w, h, NODES, [
        ['a', 'b'],
        ['c', 'd'],
      ]);
      const rough = roughFit(cy)!;
      const exact = exactFit(cy);
      expect(rough.zoom).toBeCloseTo(exact.zoom, 9);
      expect(rough.pan.x).toBeCloseTo(exact.pan.x, 6);
      expect(rough.pan.y).toBeCloseTo(exact.pan.y, 6);
    }
  });

  it('is capped at the largest fit zoom and centred, as the exact fit is', () => {
    const cy = headlessPane(1200, 800, [
      { id: 'a', x: 10, y: 20, w: 100, h: 40 },
      { id: 'b', x: 160, y: 20, w: 100, h: 40 },
    ]);
    const rough = roughFit(cy)!;
    expect(rough.zoom).toBe(MAX_FIT_ZOOM);
    const exact = exactFit(cy);
    expect(rough.pan.x).toBeCloseTo(exact.pan.x, 6);
    expect(rough.pan.y).toBeCloseTo(exact.pan.y, 6);
  });

  it('starts a tall drawing below the zoom toolbar and ends it FIT_PADDING above the bottom', () => {
    const cy = headlessPane(1000, 500, NODES);
    const { zoom, pan } = roughFit(cy)!;
    // NODES span y -280 to 532 (c's top, d's bottom; Cytoscape's box a pixel more each side): the height decides.
    expect(pan.y + zoom * -281).toBeCloseTo(FIT_PADDING + TOOLBAR_HEIGHT, 6);
    expect(pan.y + zoom * 533).toBeCloseTo(500 - FIT_PADDING, 6);
    // Centred across (x -150 to 940).
    expect(pan.x + zoom * -151).toBeCloseTo(1000 - (pan.x + zoom * 941), 6);
  });

  it('measures no element', () => {
    const cy = headlessPane(1000, 700, NODES);
    const proto = Object.getPrototypeOf(cy.collection()) as { boundingBox: (...args: unknown[]) => unknown };
    const spy = vi.spyOn(proto, 'boundingBox');
    expect(roughFit(cy)).not.toBeNull();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('gives nothing without nodes, or for nodes whose size is not in their data (the exact fit is used then)', () => {
    expect(roughFit(headlessPane(1000, 700, []))).toBeNull();
    expect(roughFit(headlessPane(1000, 700, [{ id: 'a', x: 0, y: 0, w: 50, h: 20 }, { id: 'b', x: 100, y: 0 }]))).toBeNull();
  });
});
