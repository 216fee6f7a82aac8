/**
 * Where the canvas is on the page, as Cytoscape reads it for the pointer.
 *
 * Cytoscape turns a pointer's page position into a drawing position with its container's box, which it caches
 * (the renderer's `containerBB`) and drops only on a window resize or scroll, at the end of a CSS transition or
 * animation, and on its own resize, 100 ms after its ResizeObserver last reported. When the page moves the canvas
 * otherwise, the cached box is stale: the side panel opening beside the canvas moves it 250 px right, and a click in
 * the next 100 ms landed 250 px left of the pointer (a node clicked was missed, or its neighbour hit); a canvas moved
 * without being resized (by a transform, or by what sits above it) kept its stale box for good.
 *
 * So the box is dropped before every pointer event Cytoscape reads on its container: listeners in the capture phase,
 * which run before Cytoscape's own (bound on the container and on the window, in the bubble phase). Cytoscape then
 * measures the box again: one getBoundingClientRect and one computed style, with the page's layout already clean.
 * Undocumented internals, guarded: a renderer without them is left alone.
 */
import type { Core } from 'cytoscape';

/** The pointer events whose page position Cytoscape turns into a drawing position (load-listeners.mjs). */
export const POINTER_EVENTS = ['mousedown', 'mousemove', 'mouseup', 'touchstart', 'touchmove', 'touchend', 'wheel'] as const;

interface PlaceRenderer {
  invalidateContainerClientCoordsCache(): void;
}

/** Keeps `cy`'s idea of where its container is current for each pointer event on it; returns a function that stops. */
export function keepContainerPlace(cy: Core): () => void {
  const r = (cy as unknown as { renderer?: () => Partial<PlaceRenderer> | undefined }).renderer?.();
  const container = cy.container();
  if (!r || !container || typeof r.invalidateContainerClientCoordsCache !== 'function') return () => {};
  const forget = () => r.invalidateContainerClientCoordsCache!();
  const options = { capture: true, passive: true } as const;
  for (const type of POINTER_EVENTS) container.addEventListener(type, forget, options);
  const stop = () => {
    for (const type of POINTER_EVENTS) container.removeEventListener(type, forget, options);
  };
  cy.one('destroy', stop);
  return stop;
}
