/**
 * The twin compare panes' layout: the union of both sides laid out on the spot with the compact grid (compact.ts,
 * the same look as the atlas: kinds in reading order from top to bottom), each pane drawing its own side from it,
 * so an entity both sides share stands at the same place in both panes.
 *
 * Computed in milliseconds on the main thread, for any pair (the 45 source pairs, every figure pair, mixed pairs,
 * a user's imported graph, any filter): no ELK worker to start and no file to load, so a pair's panes appear as
 * soon as it is chosen, offline too. ELK's layered layout stays for the figures, where the chains' reading order
 * matters more than fitting one screen.
 */
import type { GraphView } from '../model/view.ts';
import { activeLayout, type ActiveLayout, type LabelRoom } from './difference-layout.ts';
import type { Positions } from './types.ts';

/**
 * Width / height of one twin pane's fit box on a laptop screen: half the compare stage, the full height (the summary
 * sits beside the panes, in the column under Details); measured 0.77 at 1600×1000 and 0.75 at 1280×800.
 */
export const TWIN_ASPECT = 0.76;

export function twinLayout(union: GraphView, aspect = TWIN_ASPECT): Positions {
  const all = new Set(union.nodes.map((n) => n.id));
  return { ...activeLayout(union, all, aspect).positions, hash: 'twin' };
}

/**
 * The twin panes' layout for panes whose fit box (CSS px) has been measured: when the pair is too big for its labels
 * to be drawn at `labelPx` at the fitted zoom, it keeps room, as the atlas does (label-room.ts), for every label at
 * that size with its marks: in twin panes every entity has its side's bar and a shared one also a count badge. The
 * canvas then draws them at that size (graph-view/label-lod.ts). `box` is what the panes fit. The search for the
 * zoom lays the grid out a few times: 60–300 ms for a pair of about 100 entities on a loaded 2-core machine.
 */
export function roomyTwinLayout(union: GraphView, left: GraphView, right: GraphView, fit: { width: number; height: number }, maxZoom: number, labelPx: number): ActiveLayout {
  const all = new Set(union.nodes.map((n) => n.id));
  const inLeft = new Set(left.nodes.map((n) => n.id));
  const inRight = new Set(right.nodes.map((n) => n.id));
  const room: LabelRoom = {
    fit,
    maxZoom,
    labelPx,
    wanted: all,
    // Every label is a must: the 92 % tier the atlas tries first counts over the union, which can leave one pane
    // under 90 % labelled; room for all is found at a lower zoom (the labels stay at `labelPx`).
    priority: all,
    marks: new Map(union.nodes.map((n) => [n.id, { badge: inLeft.has(n.id) && inRight.has(n.id) }])),
  };
  const made = activeLayout(union, all, fit.width / Math.max(fit.height, 1), room);
  return { ...made, positions: { ...made.positions, hash: 'twin' } };
}

/** The views laid out on the spot rather than by ELK: the union of a compare pair (kind `pair`). */
export function layoutOnTheSpot(view: GraphView): Positions | undefined {
  return view.kind === 'pair' ? twinLayout(view) : undefined;
}
