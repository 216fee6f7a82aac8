/**
 * Where a request to bring several elements into view (a highlighted path) puts the viewport (use-viewport.ts,
 * focusViewport): the one the drawing opens on when the request came first, and the one an animation goes to after.
 */
import { describe, expect, it } from 'vitest';
import { FIT_PADDING } from '../../src/graph-view/fit.ts';
import { focusViewport } from '../../src/graph-view/use-viewport.ts';
import { headlessPane } from '../helpers/headless-pane.ts';

const pane = (width: number, height: number) =>
  headlessPane(width, height, [
    { id: 'a', x: 0, y: 0, w: 100, h: 40 },
    { id: 'b', x: 400, y: 100, w: 100, h: 40 },
    { id: 'far', x: 5000, y: 3000, w: 100, h: 40 },
  ]);

describe('the viewport of a focus on several elements', () => {
  it('fits them, not the whole drawing, with three times the fit padding round them at the side that decides', () => {
    const cy = pane(1000, 800);
    const v = focusViewport(cy, { ids: ['a', 'b'], nonce: 1 })!;
    // Their box: x from -50 to 450, y from -20 to 120, and Cytoscape's one-pixel margin round each node's box: 502
    // wide and 142 high, so the width decides.
    const room = FIT_PADDING * 3;
    expect(v.zoom).toBeCloseTo((1000 - 2 * room) / 502, 9);
    cy.viewport(v);
    const bb = cy.$('#a, #b').renderedBoundingBox();
    expect(bb.x1).toBeCloseTo(room, 6);
    expect(1000 - bb.x2).toBeCloseTo(room, 6);
    expect((bb.y1 + bb.y2) / 2).toBeCloseTo(400, 6);
    // The node left out is off screen: the whole drawing would have been fitted much smaller.
    expect(cy.$('#far').renderedPosition().x).toBeGreaterThan(1000);
  });

  it('leaves the viewport alone when computing it, and ignores ids the drawing does not have', () => {
    const cy = pane(1000, 800);
    const before = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    const v = focusViewport(cy, { ids: ['a', 'gone'], nonce: 1 })!;
    expect({ zoom: cy.zoom(), pan: cy.pan() }).toEqual(before);
    expect(v).not.toBeNull();
    expect(focusViewport(cy, { ids: ['gone', 'also-gone'], nonce: 2 })).toBeNull();
    expect(focusViewport(cy, { ids: [], nonce: 3 })).toBeNull();
  });
});

describe('the viewport of a focus on one element', () => {
  it('centres it, zoomed in to 0.9 when further out, keeping a closer zoom', () => {
    const cy = pane(1000, 800);
    cy.zoom(0.3);
    const v = focusViewport(cy, { id: 'b', nonce: 1 })!;
    expect(v.zoom).toBe(0.9);
    cy.viewport(v);
    expect(cy.$('#b').renderedPosition().x).toBeCloseTo(500, 6);
    expect(cy.$('#b').renderedPosition().y).toBeCloseTo(400, 6);
    cy.zoom(2);
    expect(focusViewport(cy, { id: 'a', nonce: 2 })!.zoom).toBe(2);
    expect(focusViewport(cy, { id: 'gone', nonce: 3 })).toBeNull();
  });
});
