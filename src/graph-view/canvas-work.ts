/**
 * What a canvas has under way (a new drawing's looks, a restyle, a move, a big drawing's reveal), and the busy mark
 * that follows from it: while any of them is scheduled or being computed the canvas is marked busy (aria-busy), so
 * assistive technology and the browser tests can tell a settled drawing from one about to change.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import type { DeferredStyles, SlicedLooks } from './deferred-styles.ts';
import type { NodeMove } from './node-move.ts';

export class CanvasWork {
  /** The canvas's Cytoscape instance (null until made). */
  cy: Core | null = null;
  /** Whether the current view's elements are all in Cytoscape (see big-drawing.ts: a big drawing's come in chunks). */
  drawn = false;
  /** A new drawing's looks, applied in slices (use-element-looks.ts). */
  slicedLooks: SlicedLooks | null = null;
  /** Overlay restyles computed in slices (use-overlay.ts). */
  deferred: DeferredStyles | null = null;
  /** Nodes moving to new positions (use-node-move.ts). */
  moving: NodeMove | null = null;
  /** A big drawing waiting for Cytoscape's cache before it comes into view (big-drawing.ts). */
  revealing = false;
  /** The owner has a new drawing, positions or overlay on the way (GraphCanvasProps.pending). */
  awaiting = false;
  /** Re-runs the level of detail's choice of labels (use-label-lod.ts); returns the nodes it restyled. */
  relabel: (() => SingularElementArgument[]) | null = null;
  /**
   * What the level of detail's choice depends on (the marks layer, the marks, the label priorities, the overlay, the
   * drawing) changed while the canvas was busy, and no choice has been made since. Work under way chooses labels
   * before it shows its drawing (use-element-looks.ts, use-node-move.ts), but React's effects that tell the level of
   * detail of a change (the marks layer of a new canvas, made in an effect and handed on in the render after) can come
   * after that on a loaded machine: the choice then made knew nothing of them, and settling chooses again.
   */
  relabelDue = false;
  /** Whether the canvas is marked busy. */
  busy = false;

  /**
   * Marks the canvas busy, or settled once neither a restyle nor a new drawing's looks nor a move are still being
   * computed. On settling, the level of detail chooses labels for what the restyle left on screen (entities dimmed
   * or brought back), unless `labelled` says it just did (for a new drawing or a move, before it was shown) and no
   * change came since (`relabelDue`).
   */
  setBusy(busy: boolean, labelled = false) {
    const el = this.cy?.container()?.closest('.graph-canvas');
    if (busy) {
      this.busy = true;
      el?.setAttribute('aria-busy', 'true');
    } else if (!this.slicedLooks?.pending && !this.deferred?.pending && !this.moving?.pending && !this.revealing && !this.awaiting && this.drawn) {
      this.busy = false;
      if (!labelled || this.relabelDue) this.relabel?.();
      el?.removeAttribute('aria-busy');
    }
  }
}
