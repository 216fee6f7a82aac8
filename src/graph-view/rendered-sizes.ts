/**
 * The sizes a frame needs (each label's box, each edge's route), measured ahead in slices so that the frame that
 * shows a change only draws.
 *
 * Cytoscape's renderer keeps them per element (`_private.rstyle`) and computes what is marked dirty in the frame
 * that draws (cytoscape src/extensions/renderer/base/coord-ele-math/rendered-style.mjs, updateEleCalcs). Two of its
 * ways made that frame compute them again although a bounding box had just been measured ahead:
 * - measuring the bounding box of an element whose box had changed marks the element dirty again, after computing
 *   its sizes (bounds.mjs: `dirtyBoundingBoxCache` emits `bounds`, and the renderer's listener marks the element);
 * - a node marked dirty has not yet told its edges (`rstyle.cleanConnected`): the frame marks every edge at that node
 *   dirty and computes its route again, even one measured after the node.
 * For the atlas after a source toggle or a filter, that was every edge's route, 10–20 ms of a 50–70 ms frame on a
 * 2-core laptop. Here each element measured keeps its sizes marked clean, and a node is marked as having told its
 * edges once every one of them has been measured since the node was (those that were not are measured first).
 *
 * These are the renderer's undocumented internals, read and set only where they are there (not headless, not
 * another renderer): elsewhere, measuring is a bounding box as before, and the frame computes the rest as it did.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

interface RenderedStyle {
  clean?: boolean;
  cleanConnected?: boolean;
}

const rstyleOf = (ele: SingularElementArgument): RenderedStyle | undefined => (ele as unknown as { _private?: { rstyle?: RenderedStyle } })._private?.rstyle;

/** Whether `cy` draws with a renderer that keeps rendered sizes per element (the canvas renderer, not headless). */
export function keepsRenderedSizes(cy: Core): boolean {
  // The null renderer of a headless Cytoscape has a no-op recalculateRenderedStyle, but no frames to compute them in.
  const r = (cy as unknown as { renderer?: () => { recalculateRenderedStyle?: unknown; onUpdateEleCalcs?: unknown } | null | undefined }).renderer?.();
  return typeof r?.recalculateRenderedStyle === 'function' && typeof r.onUpdateEleCalcs === 'function';
}

/** Elements measured ahead (`measure`), and the nodes whose edges the next frame would otherwise measure again. */
export class RenderedSizes {
  private readonly on: boolean;
  /** When each element was last measured (a count of measure() calls). */
  private readonly measured = new Map<string, number>();
  private count = 0;

  constructor(private readonly cy: Core) {
    this.on = keepsRenderedSizes(cy);
  }

  /**
   * Measures the bounding boxes of `eles` (skipping those removed), which computes their sizes, and keeps those sizes
   * marked clean. Nodes are measured before edges (an edge's route depends on its ends).
   */
  measure(eles: readonly SingularElementArgument[]) {
    const slice = this.cy.collection();
    for (const e of eles) if (!e.removed()) slice.merge(e);
    if (slice.empty()) return;
    slice.boundingBox();
    if (!this.on) return;
    const at = ++this.count;
    slice.forEach((e) => {
      const r = rstyleOf(e);
      // Sizes computed by the bounding box just now, then marked dirty by it (see above): they are current. (Not for
      // an element not displayed: the renderer computes none for it.)
      if (r && e.style('display') !== 'none') r.clean = true;
      this.measured.set(e.id(), at);
    });
  }

  /**
   * What is left before the next frame needs no measuring: the nodes that have not told their edges, those of them
   * changed since they were measured, and their edges not measured since. Null when nothing is left, or where the
   * renderer's sizes are not there. Measure `measure` (in slices), then call `settle` with `nodes`.
   */
  connected(): { nodes: SingularElementArgument[]; measure: SingularElementArgument[] } | null {
    if (!this.on) return null;
    const nodes: SingularElementArgument[] = [];
    const changed: SingularElementArgument[] = [];
    const edges = new Map<string, SingularElementArgument>();
    this.cy.nodes().forEach((n) => {
      const r = rstyleOf(n);
      if (!r || r.cleanConnected) return;
      nodes.push(n);
      // A node changed since it was measured (or never measured) counts as measured after all its edges.
      const at = r.clean ? (this.measured.get(n.id()) ?? Infinity) : Infinity;
      if (at === Infinity) changed.push(n);
      n.connectedEdges().forEach((e) => {
        if ((this.measured.get(e.id()) ?? -1) < at) edges.set(e.id(), e);
      });
    });
    if (!nodes.length) return null;
    // Edges whose sizes may be marked clean but were computed before their node changed: computed again.
    for (const e of edges.values()) {
      const r = rstyleOf(e);
      if (r) r.clean = false;
    }
    return { nodes, measure: [...changed, ...edges.values()] };
  }

  /** Marks `nodes` as having told their edges (their edges measured since, by `connected`'s list). */
  settle(nodes: readonly SingularElementArgument[]) {
    if (!this.on) return;
    for (const n of nodes) {
      const r = rstyleOf(n);
      if (r && !n.removed()) r.cleanConnected = true;
    }
  }
}

interface FrameInternals {
  flushRenderedStyleQueue?: () => void;
  getCachedZSortedEles?: () => unknown;
}

/**
 * What Cytoscape's next frame computes before it draws, computed now: its queue of elements changed since the last
 * frame (`flushRenderedStyleQueue`: the texture caches drop what those changes made stale, the sizes not yet known are
 * computed), and, with `order`, the elements in drawing order (`getCachedZSortedEles`, sorted again after elements
 * were added or removed). For the atlas's first drawing these were 10–15 ms of its first frame. The order must be asked
 * for with no batch held: the batch's end may tell the renderer of elements added, which drops it.
 * Undocumented renderer internals, used only where they are there; elsewhere the frame computes them as before.
 */
export function computeFrameAhead(cy: Core, order = false) {
  if (cy.destroyed() || !keepsRenderedSizes(cy)) return;
  const r = (cy as unknown as { renderer(): FrameInternals }).renderer();
  if (typeof r.flushRenderedStyleQueue === 'function') r.flushRenderedStyleQueue();
  if (order && typeof r.getCachedZSortedEles === 'function') r.getCachedZSortedEles();
}
