/**
 * The takeover from a page's prerendered picture to the canvas (browser tests): where the picture draws each node,
 * where the canvas draws it, and the check that nothing jumps between the two.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Place {
  x: number;
  y: number;
  /** Whether it is on screen (a phone's tall portrait picture runs below the fold). */
  visible: boolean;
}

/** The centre of each node's shape in the picture (`selector`: the picture's box), in page pixels, by node id. */
export function picturedNodes(page: Page, selector = '.prerender-picture'): Promise<Record<string, Place>> {
  return page.locator(`${selector} g.node`).evaluateAll((gs) =>
    Object.fromEntries(
      gs.map((g) => {
        const r = (g.querySelector('path') ?? g).getBoundingClientRect();
        return [g.getAttribute('data-id')!, { x: r.x + r.width / 2, y: r.y + r.height / 2, visible: r.bottom > 0 && r.top < innerHeight }];
      }),
    ),
  );
}

/** The centre of each of these nodes' bodies (no label) on a pane's canvas, in page pixels. */
export function canvasNodes(page: Page, ids: string[], pane = 'main'): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(
    ([ids, pane]) => {
      const cy = window.mscAtlas!.cy[pane]!;
      const c = cy.container()!.getBoundingClientRect();
      return Object.fromEntries(
        ids.map((id) => {
          const b = cy.getElementById(id).renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          return [id, { x: c.x + (b.x1 + b.x2) / 2, y: c.y + (b.y1 + b.y2) / 2 }];
        }),
      );
    },
    [ids, pane] as const,
  );
}

/**
 * Expects the canvas of `pane` to draw every node the picture showed on screen within 2.5 px of where the picture drew
 * it, and at least `atLeast` of them.
 */
export async function expectNoJump(page: Page, pictured: Record<string, Place>, atLeast: number, pane = 'main') {
  const seen = Object.entries(pictured).filter(([, p]) => p.visible);
  expect(seen.length).toBeGreaterThan(atLeast);
  const onCanvas = await canvasNodes(page, seen.map(([id]) => id), pane);
  for (const [id, p] of seen) {
    expect(Math.abs(onCanvas[id]!.x - p.x), id).toBeLessThan(2.5);
    expect(Math.abs(onCanvas[id]!.y - p.y), id).toBeLessThan(2.5);
  }
}
