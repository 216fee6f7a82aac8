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

/** Longest stretch of style computation per task. */
export const SLICE_MS = 8;

export class DeferredStyles {
  private queue: SingularElementArgument[] = [];
  private next = 0;
  private holding = false;
  private channel: MessageChannel | null = typeof MessageChannel === 'undefined' ? null : new MessageChannel();

  /** @param onSettled called when every queued style is computed and the held batch released. */
  constructor(
    private cy: Core,
    private onSettled?: () => void,
  ) {
    if (this.channel) this.channel.port1.onmessage = () => this.step();
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
    this.queue = [...this.queue.slice(this.next), ...changed];
    this.next = 0;
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
    while (this.next < this.queue.length && performance.now() - t0 < SLICE_MS) {
      const ele = this.queue[this.next++]!;
      // Reading any property computes the element's whole style.
      if (!ele.removed()) ele.numericStyle('opacity');
    }
    if (this.next < this.queue.length) {
      if (this.channel) this.channel.port2.postMessage(null);
      else setTimeout(() => this.step(), 0);
      return;
    }
    this.queue = [];
    this.next = 0;
    this.release();
  }
}
