/**
 * New positions for the same drawing (`animate`): the nodes move there and the new box is fitted, together
 * (node-move.ts: the edges are not drawn while the nodes travel, and come back in slices once they are in place).
 */
import type { Core } from 'cytoscape';
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';
import type { CanvasWork } from './canvas-work.ts';
import { buildElements, type Look } from './elements.ts';
import { NodeMove, prefersReducedMotion } from './node-move.ts';
import type { ModelBox, Viewport } from './use-viewport.ts';

/** Element looks of a drawing at given positions, kept per positions object (moves go back and forth between them). */
const looksByPositions = new WeakMap<Positions, { view: GraphView; looks: Map<string, Look> }>();
function looksAt(view: GraphView, positions: Positions) {
  const hit = looksByPositions.get(positions);
  if (hit?.view === view) return hit.looks;
  const looks = buildElements(view, positions).looks;
  looksByPositions.set(positions, { view, looks });
  return looks;
}

/**
 * With `animate`, the elements stay those of the view's first positions (returned: build the elements at these);
 * later positions of the same view are animated to.
 */
export function useBasisPositions(view: GraphView, positions: Positions, animate: boolean | undefined) {
  const basis = useRef<{ view: GraphView; positions: Positions } | null>(null);
  if (!animate || basis.current?.view !== view) basis.current = { view, positions };
  return basis as MutableRefObject<{ view: GraphView; positions: Positions }>;
}

export function useNodeMove(
  cy: Core | null,
  options: {
    animate: boolean | undefined;
    view: GraphView;
    positions: Positions;
    basis: MutableRefObject<{ view: GraphView; positions: Positions }>;
    fitBox: ModelBox | undefined;
    fitViewport: (box: ModelBox) => Viewport;
    work: CanvasWork;
  },
) {
  const { animate, view, positions, basis, fitBox, fitViewport, work } = options;
  // Where the nodes of which drawing stand now. Positions may come back as the very object the drawing was built
  // with (layouts are cached by state: a source switched off and on again), and must then move back there.
  const shownPositions = useRef({ view, positions });
  useEffect(() => {
    if (!cy || !animate) return;
    if (shownPositions.current.view !== basis.current.view) {
      // A new drawing: its elements were built at these positions.
      shownPositions.current = { view: basis.current.view, positions };
      return;
    }
    if (shownPositions.current.positions === positions) return;
    const from = shownPositions.current.positions;
    shownPositions.current = { view, positions };
    const move = new NodeMove(cy, {
      to: positions.nodes,
      edgeLooks: looksAt(view, positions),
      fromLooks: looksAt(view, from),
      viewport: fitBox ? fitViewport(fitBox) : null,
      instant: prefersReducedMotion(),
      // The nodes are in place: the level of detail chooses labels for the new places and zoom, restyled in slices
      // with the edges.
      beforeShow: () => work.relabel?.() ?? [],
      onDone: () => {
        if (work.moving === move) work.moving = null;
        work.setBusy(false, true);
      },
    });
    work.moving = move;
    if (move.pending) work.setBusy(true);
    return () => {
      move.cancel();
      if (work.moving === move) work.moving = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of positions starts a move
  }, [cy, positions]);
}
