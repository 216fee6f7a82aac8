/**
 * What a reader sees of a pane's node labels at its current viewport: the rendered size of each drawn label, how
 * many of the entities in play carry one, and which drawn labels overlap. Runs in the page (page.evaluate).
 */
import type { Page } from 'playwright-core';

export interface LabelMetrics {
  pane: string;
  zoom: number;
  /** Entities in play: not faded out by the overlay. */
  inPlay: number;
  /** Of those, how many have a label drawn (inside the pane, at or above Cytoscape's min-zoomed-font-size). */
  labelled: number;
  /** Rendered font size of each drawn label, px. */
  sizes: number[];
  min: number;
  median: number;
  /** Pairs of drawn labels whose text boxes overlap (ids). */
  overlaps: [string, string][];
}

export async function labelMetrics(page: Page, pane = 'main'): Promise<LabelMetrics> {
  return page.evaluate((p) => {
    const cy = window.mscAtlas!.cy[p]!;
    const zoom = cy.zoom();
    const w = cy.width();
    const h = cy.height();
    const sizes: number[] = [];
    const boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[] = [];
    let inPlay = 0;
    let labelled = 0;
    cy.nodes().forEach((n) => {
      if (n.hasClass('off') || n.hasClass('path-faded') || n.style('display') === 'none') return;
      inPlay++;
      const label = String(n.style('label') ?? '');
      const font = parseFloat(String(n.style('font-size')));
      const min = parseFloat(String(n.style('min-zoomed-font-size')));
      const rendered = font * zoom;
      const opacity = Number(n.style('text-opacity')) * Number(n.effectiveOpacity());
      const bb = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false, includeEdges: false } as never);
      const inside = bb.x2 > 0 && bb.x1 < w && bb.y2 > 0 && bb.y1 < h;
      if (!label || opacity < 0.5 || rendered < min || !inside) return;
      labelled++;
      sizes.push(Math.round(rendered * 10) / 10);
      boxes.push({ id: n.id(), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 });
    });
    const overlaps: [string, string][] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        // One pixel of slack: touching boxes do not hide each other's text.
        if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1) overlaps.push([a.id, b.id]);
      }
    const sorted = [...sizes].sort((a, b) => a - b);
    return {
      pane: p,
      zoom: Math.round(zoom * 1000) / 1000,
      inPlay,
      labelled,
      sizes,
      min: sorted[0] ?? 0,
      median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      overlaps,
    };
  }, pane);
}
