/**
 * The box a canvas fits its drawing into (graph-canvas.tsx): the pane less a padding all round and the zoom toolbar
 * over its top. A module of its own, without Cytoscape (its type only), so a view can measure its stage before the
 * canvas loads.
 */
import type { Core } from 'cytoscape';

export const FIT_PADDING = 24;
/** Height of the zoom toolbar over the pane's top edge. */
export const TOOLBAR_HEIGHT = 22;

/** Width / height of the box a pane of this size fits its drawing into: padding and toolbar off. */
export const fitAspect = (width: number, height: number) => Math.max(width - 2 * FIT_PADDING, 1) / Math.max(height - 2 * FIT_PADDING - TOOLBAR_HEIGHT, 1);

/** Largest zoom a drawing is fitted at: a two-node table should not fill the screen with giant boxes. */
export const MAX_FIT_ZOOM = 1.5;

/** A box in the drawing's (model) coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The zoom and pan that fit `box` into a pane of this size: centred in the pane less FIT_PADDING all round and the
 * zoom toolbar over its top (so no node starts under the toolbar's buttons), at most MAX_FIT_ZOOM and within the
 * canvas's own zoom limits. Every fit of a whole drawing uses it, and the page's prerendered picture sits in the
 * same box (app.css, .prerender-picture), so the canvas takes over where the picture is.
 */
export function fitInPane(width: number, height: number, box: Box, limits: { min: number; max: number } = { min: 0, max: Infinity }) {
  const top = FIT_PADDING + TOOLBAR_HEIGHT;
  const w = Math.max(width - 2 * FIT_PADDING, 1);
  const h = Math.max(height - FIT_PADDING - top, 1);
  const zoom = Math.max(limits.min, Math.min(w / Math.max(box.x2 - box.x1, 1), h / Math.max(box.y2 - box.y1, 1), MAX_FIT_ZOOM, limits.max));
  return { zoom, pan: { x: width / 2 - (zoom * (box.x1 + box.x2)) / 2, y: top + h / 2 - (zoom * (box.y1 + box.y2)) / 2 } };
}

/** fitInPane for a canvas: its pane's size and its own zoom limits. */
export const fitCanvas = (cy: Core, box: Box) => fitInPane(cy.width(), cy.height(), box, { min: cy.minZoom(), max: cy.maxZoom() });
