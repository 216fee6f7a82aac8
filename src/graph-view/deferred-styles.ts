/**
 * Restyles computed ahead of Cytoscape's next frame, a few milliseconds per task.
 *
 * Cytoscape computes changed styles lazily, in the animation frame that draws them. A change that restyles most
 * of the atlas (Clear filters after a narrow filter: ~600 elements) made that one frame 60–100 ms long. Here the
 * class changes still happen in one batch, then the changed elements' styles are computed in slices of
 * SLICE_MS, each in its own task, while a batch is held open: Cytoscape draws nothing while batching, so the
 * change still appears in one redraw, never half done, and the frame that draws it only draws.
 *
 * A new restyle before the slices are done carries the rest over (the batch stays held in between, so no frame
 * computes them). release() ends the held batch at once: whatever is left is then computed by Cytoscape's frame.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { computeFrameAhead, keepsRenderedSizes, RenderedSizes } from './rendered-sizes.ts';
import { pauseDrawing } from './big-drawing.ts';
import { fillLayers, nodesToWarm, rasterise, startLayers, warmTexture, type LayerFill } from './texture-warm.ts';

/** Longest stretch of style computation per task. */
export const SLICE_MS = 8;
/**
 * A new drawing of at least this many elements (the atlas: 300 to 600) is painted into the layered cache's bitmaps
 * before it is shown (texture-warm.ts, startLayers): its first frame copies them instead of drawing every element.
 */
export const LAYERED_FROM = 300;

export class DeferredStyles {
  private queue: SingularElementArgument[] = [];
  private next = 0;
  private holding = false;
  // Stryker disable next-line ConditionalExpression: equivalent in what is computed and shown: without a channel the next slice is posted with setTimeout(0) (post()), only how soon it runs differs.
  private channel: MessageChannel | null = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
  /**
   * After the styles, where the renderer keeps them (rendered-sizes.ts): the changed elements' sizes, then the edges
   * of the nodes changed, so that the frame that draws the change only draws.
   */
  private phase: 'styles' | 'sizes' | 'connected' = 'styles';
  private sizes: RenderedSizes | null;
  /** The nodes whose edges the 'connected' phase measures. */
  private settling: SingularElementArgument[] = [];

  /** @param onSettled called when every queued style is computed and the held batch released. */
  constructor(
    private cy: Core,
    private onSettled?: () => void,
  ) {
    if (this.channel) this.channel.port1.onmessage = () => this.step();
    this.sizes = keepsRenderedSizes(cy) ? new RenderedSizes(cy) : null;
  }

  /** Runs `change` in one batch; it returns the elements it changed, whose styles are then computed in slices. */
  restyle(change: () => SingularElementArgument[]) {
    // End a held batch first (a batch inside it would only mark its elements for restyling when it ends), without
    // reporting settled: the carried-over elements are still to compute.
    this.endHold();
    let changed: SingularElementArgument[] = [];
    this.cy.batch(() => {
      changed = change();
    });
    // What is left (of any phase: a style computed again is only read) and what this change restyled, from the styles.
    this.queue = [...this.queue.slice(this.next), ...changed];
    this.next = 0;
    this.phase = 'styles';
    // Stryker disable next-line ConditionalExpression: equivalent, an empty change held and released in the same call settles the same way, at once
    if (this.queue.length === 0) return void this.onSettled?.();
    this.cy.startBatch();
    this.holding = true;
    this.step();
  }

  /** True while styles are still being computed (and Cytoscape holds its frames). */
  get pending() {
    return this.holding;
  }

  /** Ends the held batch now; what is left is computed in Cytoscape's next frame. */
  release() {
    if (this.endHold()) this.onSettled?.();
  }

  private endHold() {
    if (!this.holding) return false;
    this.holding = false;
    // A destroyed Cytoscape (react-cytoscapejs destroys it on unmount, before our effect cleanup disposes this)
    // has no renderer left: ending its batch would make it notify a null renderer and throw. There is nothing
    // left to draw, so the held batch is simply dropped.
    if (!this.cy.destroyed()) this.cy.endBatch();
    return true;
  }

  dispose() {
    this.release();
    this.queue = [];
    this.channel?.port1.close();
    this.channel = null;
  }

  private step() {
    if (!this.holding) return;
    if (this.cy.destroyed()) return this.dispose();
    const t0 = performance.now();
    for (;;) {
      while (this.next < this.queue.length && performance.now() - t0 < SLICE_MS) {
        if (this.phase === 'styles') {
          const ele = this.queue[this.next++]!;
          // Reading any property computes the element's whole style.
          if (!ele.removed()) ele.numericStyle('opacity');
        } else {
          this.sizes!.measure(this.queue.slice(this.next, this.next + 8));
          this.next += 8;
        }
      }
      if (this.next < this.queue.length) {
        if (this.channel) this.channel.port2.postMessage(null);
        else setTimeout(() => this.step(), 0);
        return;
      }
      if (this.phase === 'connected') this.sizes!.settle(this.settling);
      else if (this.sizes && this.phase === 'styles') {
        // Nodes first: an edge's route depends on its ends.
        this.queue = [...this.queue.filter((e) => e.isNode()), ...this.queue.filter((e) => e.isEdge())];
        this.phase = 'sizes';
        this.next = 0;
        continue;
      } else if (this.sizes) {
        const left = this.sizes.connected();
        if (left) {
          this.settling = left.nodes;
          this.queue = left.measure;
          this.phase = 'connected';
          this.next = 0;
          continue;
        }
      }
      break;
    }
    this.queue = [];
    this.next = 0;
    this.phase = 'styles';
    this.release();
  }
}

/**
 * A new drawing's fixed looks (style bypasses, elements.ts) for many elements, applied in slices of SLICE_MS while
 * a batch holds Cytoscape's frames (the previous picture stays on screen), then the styles they produce and the
 * sizes drawing needs (label boxes, edge routes) computed in slices too: the frame that shows the drawing only
 * draws. For the atlas, applied at once, this was one task of 150–250 ms on a 2-core laptop.
 *
 * Styles are lazy in Cytoscape: a batch that ends marks every element it touched for a restyle. So the looks are
 * applied (and whatever else changes meanwhile: overlay classes, label sizes) under one held batch, which ends and is
 * at once held again in the same task (no frame can come between) before the styles are computed, so that nothing
 * computed is thrown away when the hold ends.
 */
export class SlicedLooks {
  /** ('turn': all is computed, the batch is held until the pane's turn to be shown comes: draw-turns.ts.) */
  private phase: 'looks' | 'styles' | 'sizes' | 'connected' | 'textures' | 'turn' | 'layers' | 'done' = 'looks';
  /** The layers being filled (phase 'layers'), and what lets Cytoscape's frames draw again once they are. */
  private layers: LayerFill | null = null;
  private resume: (() => void) | null = null;
  private next = 0;
  private holding = true;
  // Stryker disable next-line ConditionalExpression: equivalent in what is computed and shown: without a channel the next slice is posted with setTimeout(0) (post()), only how soon it runs differs.
  private channel: MessageChannel | null = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
  private order: SingularElementArgument[] = [];
  /** Sizes measured ahead, and the nodes whose edges the 'connected' phase measures (rendered-sizes.ts). */
  private sizes: RenderedSizes;
  private settling: SingularElementArgument[] = [];
  /** Texture canvases painted into since the last paint(). */
  private painted = new Set<CanvasImageSource>();

  /** onDone has run (its elements, if any, are being computed). */
  private finishing = false;

  constructor(
    private cy: Core,
    private looks: readonly (readonly [string, Record<string, unknown>])[],
    /**
     * Called once everything is computed, before the held batch ends: what it changes (a fit, the labels the level
     * of detail chooses for it) shows in the same frame. It may return elements it restyled, whose styles and sizes
     * are then computed in slices too before the batch ends.
     */
    private onDone: () => SingularElementArgument[] | void,
    /** The elements whose styles and sizes to compute once the looks are applied: by default all, nodes first. */
    private scope?: () => SingularElementArgument[],
    /** Called once the held batch has ended (the drawing is shown in the next frame). */
    private onShown?: () => void,
    /**
     * Once all is computed, asked for the drawing's turn to be shown (draw-turns.ts): the batch stays held until
     * `show` is called. Without it, the drawing is shown at once.
     */
    private turn?: (show: () => void) => void,
    /** Whether a drawing of LAYERED_FROM elements or more is painted into the layered cache before it is shown. */
    private layered = false,
  ) {
    if (this.channel) this.channel.port1.onmessage = () => this.step();
    this.sizes = new RenderedSizes(cy);
    cy.startBatch();
    this.post();
  }

  get pending() {
    return this.phase !== 'done';
  }

  /** Stops (a newer drawing replaces this one) and lets Cytoscape draw: whatever is left is done by its frame. */
  cancel() {
    // Stryker disable next-line ConditionalExpression: equivalent, a second cancel() finds nothing held and no channel
    if (this.phase === 'done') return;
    this.phase = 'done';
    this.release();
    this.resumeDrawing();
    this.channel?.port1.close();
    this.channel = null;
  }

  private resumeDrawing() {
    const resume = this.resume;
    this.resume = null;
    resume?.();
  }

  private release() {
    // release() runs once (cancel() and the last slice set phase 'done' first, and cancel() returns when it is), so
    // the guard and the flag below are equivalent mutants: nothing reads them after.
    // Stryker disable next-line ConditionalExpression: equivalent (above)
    if (!this.holding) return;
    // Stryker disable next-line BooleanLiteral: equivalent (above)
    this.holding = false;
    if (!this.cy.destroyed()) this.cy.endBatch();
  }

  /** Ends the held batch (the next frame draws the drawing) and says so; not after cancel(). */
  private show() {
    if (this.phase === 'done' || this.phase === 'layers') return;
    this.release();
    // What the frame would compute first (the changes the batch's end reported, the drawing order), now.
    computeFrameAhead(this.cy, true);
    // A big drawing is painted into the layered cache first, in slices, its frames drawing nothing meanwhile (the
    // previous picture stays): the frame that shows it then copies a few bitmaps.
    if (this.layered && this.cy.elements().length >= LAYERED_FROM) {
      this.layers = startLayers(this.cy);
      if (this.layers) {
        this.resume = pauseDrawing(this.cy);
        this.phase = 'layers';
        return this.post();
      }
    }
    this.shown();
  }

  /** Done: Cytoscape's next frame shows the drawing. */
  private shown() {
    this.phase = 'done';
    this.layers = null;
    this.resumeDrawing();
    this.channel?.port1.close();
    this.channel = null;
    this.onShown?.();
  }

  private post() {
    if (this.channel) this.channel.port2.postMessage(null);
    else setTimeout(() => this.step(), 0);
  }

  private step() {
    if (this.phase === 'done') return;
    if (this.cy.destroyed()) return this.cancel();
    const t0 = performance.now();
    while (performance.now() - t0 < SLICE_MS) {
      if (this.phase === 'looks') {
        if (this.next < this.looks.length) {
          const [id, look] = this.looks[this.next++]!;
          const ele = this.cy.getElementById(id);
          // Stryker disable next-line ConditionalExpression: equivalent, a look given to an empty collection (an id no longer drawn) is a no-op
          if (ele.nonempty()) ele.style(look as never);
          continue;
        }
        // End the held batch (it marks what it touched for a restyle) and hold again before computing anything.
        this.cy.endBatch();
        this.cy.startBatch();
        // Nodes first: an edge's route depends on its ends.
        this.order = this.scope?.() ?? [...this.cy.nodes().toArray(), ...this.cy.edges().toArray()];
        this.phase = 'styles';
        this.next = 0;
      } else if (this.phase === 'styles') {
        if (this.next < this.order.length) {
          const ele = this.order[this.next++]!;
          // Reading any property computes the element's whole style.
          if (!ele.removed()) ele.numericStyle('opacity');
          continue;
        }
        this.phase = 'sizes';
        this.next = 0;
      } else if (this.phase === 'textures') {
        if (this.next < this.order.length) {
          warmTexture(this.cy, this.order[this.next++]!, this.painted);
          continue;
        }
        this.paint();
        if (!this.turn) return this.show();
        this.phase = 'turn';
        this.turn(() => this.show());
        return;
      } else if (this.phase === 'layers') {
        if (!fillLayers(this.cy, this.layers!, t0 + SLICE_MS)) break;
        return this.shown();
      } else {
        if (this.next < this.order.length) {
          // A bounding box needs the label's size and the edge's route: computed now, kept for the frame.
          this.sizes.measure(this.order.slice(this.next, this.next + 8));
          this.next += 8;
          continue;
        }
        if (this.phase === 'connected') this.sizes.settle(this.settling);
        else if (!this.finishing) {
          this.finishing = true;
          // Still held: whatever onDone changes (a fit to the elements' now known sizes) shows in the same frame.
          const more = this.onDone() ?? [];
          // Stryker disable next-line ConditionalExpression: equivalent, with nothing restyled the styles and sizes phases below run over an empty list and lead to the textures all the same
          if (more.length) {
            // Its restyles are marked by ending the held batch and computed, as above, before the frame draws them.
            this.cy.endBatch();
            this.cy.startBatch();
            this.order = more;
            this.phase = 'styles';
            this.next = 0;
            break;
          }
        }
        // The edges of nodes changed since they were measured, which the frame would otherwise measure again.
        const left = this.phase === 'sizes' ? this.sizes.connected() : null;
        if (left) {
          this.settling = left.nodes;
          this.order = left.measure;
          this.phase = 'connected';
          this.next = 0;
          continue;
        }
        // The frame's own first computations (its texture caches told of every change so far), before the textures
        // are painted: a texture painted before them could be dropped by them.
        computeFrameAhead(this.cy);
        // Last, at the zoom the frame will draw at: the node textures that frame would paint (texture-warm.ts).
        this.order = nodesToWarm(this.cy);
        this.phase = 'textures';
        this.next = 0;
      }
    }
    this.paint();
    this.post();
  }

  /** The texture canvases painted into in this task, painted by the browser now (texture-warm.ts, rasterise). */
  private paint() {
    if (this.painted.size === 0) return;
    rasterise(this.painted);
    this.painted.clear();
  }
}
