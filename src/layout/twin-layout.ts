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
import { activeLayout } from './difference-layout.ts';
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

/** The views laid out on the spot rather than by ELK: the union of a compare pair (kind `pair`). */
export function layoutOnTheSpot(view: GraphView): Positions | undefined {
  return view.kind === 'pair' ? twinLayout(view) : undefined;
}
