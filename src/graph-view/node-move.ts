/**
 * The move of a drawing's nodes to new positions (the atlas after a source toggle or a filter: the entities in play
 * are laid out again), made cheap enough that no frame of it is a long task.
 *
 * Moving nodes makes Cytoscape recompute the route of every edge at a moving node and draw it, in every frame: with
 * the atlas's ~400 edges that made each frame of the animation 40–120 ms on a 2-core laptop. So the edges are not
 * drawn while the nodes move (`display: none`, one bypass for all of them, which also spares their routes): the eye
 * follows the nodes, and the edges come back once the nodes are in place, their styles and routes computed in
 * slices while the last frame of the move stays on screen (SlicedLooks), and the whole drawing painted into the
 * layered bitmaps, so that the frame that shows them only copies those. A reader who asked for reduced motion (prefers-reduced-motion) gets no animation: the nodes are put in
 * place at once, and the edges come back the same way.
 */
import type { AnimationOptions, Core, NodeCollection, SingularElementArgument } from 'cytoscape';
import type { Positions } from '../layout/types.ts';
import { SlicedLooks } from './deferred-styles.ts';
import type { Look } from './elements.ts';

/** How long the nodes take to move, ms. */
export const MOVE_MS = 450;

/** Cubic ease in and out: slow start, slow arrival. */
export const easeInOutCubic = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

export interface MoveOptions {
  /** New positions by node id (nodes not named stay where they are). */
  to: Positions['nodes'];
  /** Each edge's look at the new positions (elements.ts); only those that differ from `from` are applied again. */
  edgeLooks: ReadonlyMap<string, Look>;
  /** The edges' looks as they are drawn now. */
  fromLooks?: ReadonlyMap<string, Look>;
  /** The viewport to move to together with the nodes (a fit of the new box), if any. */
  viewport?: { zoom: number; pan: { x: number; y: number } } | null;
  /** No animation (the reader asked for reduced motion). */
  instant?: boolean;
  /**
   * Called once the nodes are in place, before the edges are shown (the frames are held): what it restyles shows with
   * them; the elements it returns get their styles and sizes computed in slices with the edges'.
   */
  beforeShow?: () => SingularElementArgument[] | void;
  /** Called once the nodes are in place and the edges drawn again. */
  onDone: () => void;
}

const sameLook = (a: Look | undefined, b: Look) =>
  !!a &&
  Object.keys(b).length === Object.keys(a).length &&
  Object.entries(b).every(([k, v]) => {
    const w = a[k];
    return Array.isArray(v) ? Array.isArray(w) && w.length === v.length && v.every((x, i) => x === w[i]) : v === w;
  });

/** Whether the reader's system asks for reduced motion. */
export const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class NodeMove {
  private phase: 'moving' | 'edges' | 'done' = 'moving';
  private looks: SlicedLooks | null = null;

  constructor(
    private cy: Core,
    private options: MoveOptions,
  ) {
    const { to, viewport, instant } = options;
    // A move or viewport animation still running (an earlier toggle) stops where it is: this one starts from there.
    cy.stop(true, false);
    const nodes: NodeCollection = cy.nodes().filter((n) => Boolean(to[n.id()]));
    nodes.stop(true, false);
    cy.batch(() => {
      cy.edges().style('display', 'none');
    });
    if (instant || nodes.empty()) {
      cy.batch(() => {
        nodes.forEach((n) => void n.position({ ...to[n.id()]! }));
        if (viewport) cy.viewport(viewport);
      });
      this.edges();
      return;
    }
    // One animation drives the viewport and every node, on Cytoscape's frame clock: each frame sets all positions
    // in one batch. (An animation per node, 209 in the atlas, made Cytoscape step, ease and report each node on its
    // own in every frame: about a fifth of a move frame.) The edges come back when it completes (animations wait
    // while a restyle holds the frames, so a timer could fire before the nodes arrive).
    const from = nodes.map((n) => ({ ...n.position() }));
    const dest = nodes.map((n) => to[n.id()]!);
    const zoom0 = cy.zoom();
    const pan0 = { ...cy.pan() };
    const at = (t: number) => {
      const e = t >= 1 ? 1 : easeInOutCubic(t);
      cy.batch(() => {
        if (viewport) {
          const z = zoom0 + (viewport.zoom - zoom0) * e;
          cy.viewport({ zoom: z, pan: { x: pan0.x + (viewport.pan.x - pan0.x) * e, y: pan0.y + (viewport.pan.y - pan0.y) * e } });
        }
        nodes.positions((_, i) => (e === 1 ? { ...dest[i]! } : { x: from[i]!.x + (dest[i]!.x - from[i]!.x) * e, y: from[i]!.y + (dest[i]!.y - from[i]!.y) * e }));
      });
    };
    const tween = cy.animation({
      duration: MOVE_MS,
      step: () => at(tween.progress()),
      complete: () => {
        if (this.phase === 'moving') this.edges();
      },
    } as AnimationOptions);
    tween.play();
  }

  /** True until the nodes are in place and the edges drawn again. */
  get pending() {
    return this.phase !== 'done';
  }

  /**
   * Stops (a newer move or drawing replaces this one). The edges stay hidden if the nodes had not arrived: the
   * move that replaces this one shows them; a new drawing gets its own looks (graph-canvas.tsx).
   */
  cancel() {
    if (this.phase === 'done') return;
    this.phase = 'done';
    this.looks?.cancel();
    this.looks = null;
  }

  private edges() {
    this.phase = 'edges';
    const { edgeLooks, fromLooks } = this.options;
    const looks: [string, Record<string, unknown>][] = [];
    this.cy.edges().forEach((e) => {
      const look = edgeLooks.get(e.id());
      looks.push([e.id(), look && !sameLook(fromLooks?.get(e.id()), look) ? { ...look, display: 'element' } : { display: 'element' }]);
    });
    this.looks = new SlicedLooks(
      this.cy,
      looks,
      () => this.options.beforeShow?.(),
      () => this.cy.edges().toArray(),
      () => {
        this.phase = 'done';
        this.looks = null;
        this.options.onDone();
      },
      undefined,
      // Painted into Cytoscape's layered bitmaps before they are shown, the last frame of the move staying meanwhile:
      // the frame that shows the edges again copies a few bitmaps instead of drawing some 600 elements one by one
      // (35–45 ms of CPU time under load, the longest frame of a toggle).
      true,
    );
  }
}
