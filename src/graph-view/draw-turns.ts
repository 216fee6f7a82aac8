/**
 * Panes that show their new drawings one frame after another (the twin compare panes).
 *
 * Each pane computes its new drawing ahead, in slices, while its previous picture stays (SlicedLooks,
 * deferred-styles.ts); what is left for the frame that shows it is drawing: a few milliseconds a pane. Both panes
 * of a new compare pair finish about together, and shown together they were drawn in the same animation frame, one
 * task of 60–80 ms of CPU on a 2-core laptop under load (each Cytoscape draws in its own requestAnimationFrame
 * callback, and a frame runs them all in one task). Here a pane that is ready waits until every pane that joined is
 * ready too, then they are shown in their order (the left pane first), each in a task after the frame that drew the
 * one before: each frame draws one pane, and the second picture follows the first by one frame, not by the time
 * the other pane needs to compute its drawing.
 */

/** A pane's place in the turns: joined when it starts computing a drawing. */
export interface DrawTurn {
  /** The drawing is computed: `show` lets it be drawn (called once, when its turn comes; maybe at once). */
  ready(show: () => void): void;
  /** Stops waiting (the drawing was replaced or the pane went): the others no longer wait for it. */
  leave(): void;
}

/** Runs `then` in a task of its own after the next animation frame (the frame that draws what was just shown). */
export function afterNextFrame(then: () => void) {
  // A message, not a timer, once the frame has run: it runs as soon as the frame's task has ended (nested timers
  // wait 4 ms or more).
  const task = () => {
    if (typeof MessageChannel === 'undefined') return void setTimeout(then, 0);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      then();
    };
    channel.port2.postMessage(null);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(task);
  else setTimeout(task, 16);
}

export class DrawTurns {
  /** Joined, not ready yet. */
  private preparing = new Set<object>();
  /** Ready, waiting for their turn, in the order they became ready. */
  private waiting: { ticket: object; name: string; show: () => void }[] = [];
  /** A pane was shown and its frame has not passed yet. */
  private showing = false;

  /**
   * @param order the panes' names in the order they are shown (names not in it come after, as they become ready)
   * @param afterFrame schedules the next turn after the frame that draws the pane just shown (replaceable in tests)
   */
  constructor(
    private readonly order: readonly string[],
    private readonly afterFrame: (then: () => void) => void = afterNextFrame,
  ) {}

  join(name: string): DrawTurn {
    const ticket = {};
    this.preparing.add(ticket);
    return {
      ready: (show) => {
        if (!this.preparing.delete(ticket)) return;
        this.waiting.push({ ticket, name, show });
        this.next();
      },
      leave: () => {
        this.preparing.delete(ticket);
        const at = this.waiting.findIndex((w) => w.ticket === ticket);
        if (at >= 0) this.waiting.splice(at, 1);
        // (Nothing waits unless a pane is still computing or a frame is pending: for one that was neither, a no-op.)
        this.next();
      },
    };
  }

  private rank(name: string) {
    const i = this.order.indexOf(name);
    return i < 0 ? this.order.length : i;
  }

  /** Shows the first ready pane once none is still computing, and the next after its frame. */
  private next() {
    if (this.showing || this.preparing.size > 0 || this.waiting.length === 0) return;
    let first = 0;
    for (let i = 1; i < this.waiting.length; i++) if (this.rank(this.waiting[i]!.name) < this.rank(this.waiting[first]!.name)) first = i;
    const [turn] = this.waiting.splice(first, 1);
    // Until its frame has passed, no other pane is shown (one that becomes ready meanwhile waits for it too).
    this.showing = true;
    turn!.show();
    this.afterFrame(() => {
      this.showing = false;
      this.next();
    });
  }
}
