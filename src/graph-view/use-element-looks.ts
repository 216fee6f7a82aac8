/**
 * Each element's fixed look as style bypasses (elements.ts), before anything measures or draws the elements.
 * Elements kept from the previous view (same id) get theirs too: react-cytoscapejs patches data, not style.
 *
 * A drawing of SLICED_LOOKS_FROM elements or more on a wide pane gets them in slices (SlicedLooks,
 * deferred-styles.ts): the previous picture stays until the new one is drawn whole, and no task is long. A pane
 * fitted to its own elements is fitted again once their sizes are known, before anything is drawn. A narrow pane
 * that opens on its start gets them at once. Sliced too is the first drawing of a canvas under the page's
 * prerendered picture: the picture stays on screen until the drawing is done (usePictureTakeover waits for the
 * canvas to be settled), and applying every look at once was the longest task of the start-up. So are the linked
 * compare panes (narrow, but fitted to a given box, never opened on their start), which with `turns` are then shown
 * one per frame (draw-turns.ts).
 */
import type { Core } from 'cytoscape';
import { useLayoutEffect, useRef, type MutableRefObject } from 'react';
import type { CanvasWork } from './canvas-work.ts';
import { SlicedLooks } from './deferred-styles.ts';
import type { DrawTurns } from './draw-turns.ts';
import type { Look } from './elements.ts';
import { NARROW_PANE, sameViewport, type ModelBox, type Viewport } from './use-viewport.ts';

/** Whether two looks set the same properties to the same values (lists item by item). */
export function sameLook(a: Look | undefined, b: Look): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
  });
}

/** A drawing with at least this many elements gets its looks in slices (see SlicedLooks). */
export const SLICED_LOOKS_FROM = 60;

export function useElementLooks(
  cy: Core | null,
  looks: Map<string, Look>,
  options: {
    /** A big drawing's elements carry their looks (big-drawing.ts). */
    big: boolean;
    fitBox: ModelBox | undefined;
    fit: (opening?: boolean) => void;
    /** The viewport the last fit of a new drawing set. */
    fitted: MutableRefObject<Viewport | null>;
    work: CanvasWork;
    /** Whether a narrow pane opens on its drawing's start (GraphCanvasProps.openOnStart). */
    openOnStart: boolean;
    /** A drawing of LAYERED_FROM elements or more is painted into Cytoscape's layered cache before it is shown. */
    layered?: boolean;
    /** The panes this one takes turns with to show a new drawing, and its name among them. */
    turns: DrawTurns | undefined;
    name: string;
  },
) {
  const { big, fitBox, fit, fitted, work, openOnStart, turns, name, layered = false } = options;
  // The looks of the last drawing shown whole, with the elements they were given to: a pane that takes turns (a twin
  // compare pane) keeps most of its elements from one pair to the next, with the same looks.
  const shown = useRef<{ cy: Core; looks: Map<string, Look>; eles: Map<string, unknown> } | null>(null);
  useLayoutEffect(() => {
    if (!cy) return;
    if (big) return;
    // (A narrow pane that opens on its start measures its elements for that first fit: its looks must be in. A pane
    // that takes turns does so whatever its size: drawn at once, a small drawing would come before its twin's.)
    if ((turns || looks.size >= SLICED_LOOKS_FROM) && (!openOnStart || cy.width() >= NARROW_PANE)) {
      const turn = turns?.join(name);
      const last = turns && shown.current?.cy === cy ? shown.current : null;
      // Until this drawing is shown whole, what the elements carry is not known for sure (a drawing replaced midway).
      shown.current = null;
      const sliced = new SlicedLooks(
        cy,
        // An element kept from the last drawing (the same one, not removed and added again) with the same look keeps
        // it: giving it again only parses it again (about a third of a twin pane's slices).
        last ? [...looks].filter(([id, look]) => !(last.eles.get(id) === cy.getElementById(id) && sameLook(last.looks.get(id), look))) : [...looks],
        () => {
          // Fitted again to the elements' now known sizes, unless the viewport was placed since the first fit (by
          // the takeover from a picture, or by the reader).
          if (!fitBox && sameViewport(cy, fitted.current)) fit(true);
          // The level of detail chooses labels for the fitted drawing now: their restyles are computed in slices
          // with the rest, not in the frame that shows the drawing.
          return work.relabel?.() ?? [];
        },
        undefined,
        () => {
          work.slicedLooks = null;
          if (turns) shown.current = { cy, looks, eles: new Map([...looks.keys()].map((id) => [id, cy.getElementById(id)])) };
          work.setBusy(false, true);
        },
        turn ? (show) => turn.ready(show) : undefined,
        layered,
      );
      work.slicedLooks = sliced;
      work.setBusy(true);
      return () => {
        sliced.cancel();
        turn?.leave();
        if (work.slicedLooks === sliced) work.slicedLooks = null;
      };
    }
    cy.batch(() => {
      for (const [id, look] of looks) cy.getElementById(id).style(look);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new looks (a new drawing) decide, not a new fit box
  }, [cy, looks]);
}
