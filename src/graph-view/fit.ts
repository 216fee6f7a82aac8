/**
 * The box a canvas fits its drawing into (graph-canvas.tsx): the pane less a padding all round and the zoom toolbar
 * over its top. A module of its own, without Cytoscape, so a view can measure its stage before the canvas loads.
 */
export const FIT_PADDING = 24;
/** Height of the zoom toolbar over the pane's top edge. */
export const TOOLBAR_HEIGHT = 22;

/** Width / height of the box a pane of this size fits its drawing into: padding and toolbar off. */
export const fitAspect = (width: number, height: number) => Math.max(width - 2 * FIT_PADDING, 1) / Math.max(height - 2 * FIT_PADDING - TOOLBAR_HEIGHT, 1);

/** Largest zoom a drawing is fitted at: a two-node table should not fill the screen with giant boxes. */
export const MAX_FIT_ZOOM = 1.5;
