/**
 * What the reader does on the canvas and what it shows: a click selects (the background clears), hovering marks a
 * node (and tells a linked pane), the selection and its neighbourhood are classes.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject } from 'cytoscape';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { elementAt } from './big-drawing.ts';
import type { CanvasWork } from './canvas-work.ts';
import type { Viewport } from './use-viewport.ts';

export type CanvasSelection = { type: 'node' | 'edge'; id: string } | null;

export interface PointerHandlers {
  onSelect: (selection: CanvasSelection) => void;
  onHover?: ((id: string | null) => void) | undefined;
  /** Called on every pan or zoom the user makes (not on a viewport adopted from a linked pane). */
  onViewport?: ((viewport: Viewport) => void) | undefined;
}

/** The scratch key that marks an instance whose elements are not made active under a pressed button (inertActivation). */
const INERT_ACTIVATION = 'mscInertActivation';
let activationWrapped = false;

/**
 * Cytoscape marks the element under a pressed mouse button or finger active, and the release inactive: each a restyle
 * of that element, though our stylesheet gives `:active` no look. Any restyle sets the renderer's layered bitmaps
 * aside, so the frame after each drew every element of the drawing one by one: a click cost two full redraws before
 * its selection's (on the compare page's difference diagram, 25–35 ms of CPU each under load, issue #10 point 3).
 * On an instance marked here, activate() and unactivate() change nothing. Cytoscape has no option for it: the two
 * switches, shared by every collection (its prototype), are wrapped once and ask the element's instance.
 */
export function inertActivation(cy: Core) {
  cy.scratch(INERT_ACTIVATION, true);
  if (activationWrapped) return;
  activationWrapped = true;
  type Switch = (this: cytoscape.Collection, ...args: unknown[]) => cytoscape.Collection;
  const shared = Object.getPrototypeOf(cy.collection()) as Record<'activate' | 'unactivate', Switch>;
  for (const name of ['activate', 'unactivate'] as const) {
    const own = shared[name];
    shared[name] = function (this: cytoscape.Collection, ...args: unknown[]) {
      // The switch itself (no handler being bound), on a marked instance: nothing to do.
      if (args.length === 0 && this.nonempty() && (this[0] as cytoscape.SingularElementArgument).cy().scratch(INERT_ACTIVATION) === true) return this;
      return own.apply(this, args);
    };
  }
}

/**
 * Clicks, hover and the reader's pans and zooms, bound once per instance; the handlers are read from the latest
 * render. `big` (a big drawing, big-drawing.ts) and `adopting` (a linked pane's viewport being adopted) are read when
 * an event comes.
 */
export function usePointer(cy: Core | null, handlers: PointerHandlers, big: MutableRefObject<boolean>, adopting: MutableRefObject<boolean>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!cy) return;
    inertActivation(cy);
    const onTap = (evt: EventObject) => {
      // A big drawing's elements take no events: the click is matched to what is drawn there (big-drawing.ts).
      if (evt.target === cy) latest.current.onSelect(big.current ? elementAt(cy, evt.position) : null);
      else latest.current.onSelect({ type: evt.target.isNode() ? 'node' : 'edge', id: evt.target.id() });
    };
    // No hover highlight on a big drawing: each restyle there makes the next frames draw every element (big-drawing.ts).
    const onOver = (evt: EventObject) => {
      if (!big.current) evt.target.addClass('hover');
      latest.current.onHover?.(evt.target.id());
    };
    const onOut = (evt: EventObject) => {
      if (!big.current) evt.target.removeClass('hover');
      latest.current.onHover?.(null);
    };
    const onView = () => {
      if (!adopting.current) latest.current.onViewport?.({ zoom: cy.zoom(), pan: { ...cy.pan() } });
    };
    cy.on('viewport', onView);
    cy.on('tap', onTap);
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    return () => {
      cy.off('tap', onTap);
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
      cy.off('viewport', onView);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bound once per instance; the refs are read per event
  }, [cy]);
}

/** Hover from the other pane (undefined: no linked pane). */
export function useHoverFromPane(cy: Core | null, hover: string | null | undefined) {
  useEffect(() => {
    if (!cy || hover === undefined) return;
    cy.batch(() => {
      cy.nodes('.hover').removeClass('hover');
      if (hover) cy.getElementById(hover).addClass('hover');
    });
  }, [cy, hover]);
}

/** The classes a selection sets (besides Cytoscape's own selected state). */
const SELECTION_CLASSES = ['faded', 'neighbour', 'near'];

/**
 * Sets the selection's state on the elements: the selected one, its neighbourhood's edges (`neighbour`), and either
 * the rest faded (an ordinary drawing) or the neighbourhood's nodes marked `near` (a big one, where only what changes
 * is visited: the last neighbourhood, passed in, and the new one). Only elements whose state differs are touched;
 * returns them, and the new neighbourhood.
 */
export function setSelectionState(cy: Core, selection: CanvasSelection, big: boolean, last: cytoscape.Collection | null) {
  const target = cy.getElementById(selection?.id ?? '');
  const keep = target.empty() ? null : selection!.type === 'node' ? target.closedNeighborhood() : target.union((target as unknown as cytoscape.EdgeSingular).connectedNodes());
  // What to visit: on a big drawing, what was marked and what will be (elements a new drawing removed are left alone).
  const visit = big ? cy.$(':selected').union(keep ?? []).union(last?.filter((e) => e.inside()) ?? []) : cy.elements();
  const changed: cytoscape.SingularElementArgument[] = [];
  visit.forEach((e) => {
    const kept = !!keep?.has(e);
    const selected = kept && e.same(target);
    // faded, neighbour, near
    const want = [!big && !!keep && !kept, kept && e.isEdge(), big && kept && e.isNode() && !selected];
    let change = e.selected() !== selected;
    if (change) e[selected ? 'select' : 'unselect']();
    SELECTION_CLASSES.forEach((c, i) => {
      if (e.hasClass(c) !== want[i]) {
        e.toggleClass(c, want[i]);
        change = true;
      }
    });
    if (change) changed.push(e);
  });
  return { changed, keep };
}

/**
 * Selection and its neighbourhood, as classes (setSelectionState). On an ordinary drawing the rest fades. On a big one
 * (big-drawing.ts) only the neighbourhood is marked, and only what changes is restyled: the last selection's
 * neighbourhood and the new one's. Fading the rest would restyle thousands of elements and set Cytoscape's texture
 * cache aside, so that the next frames draw every element.
 *
 * A new drawing gets its selection at once, before its first frame. A new selection on the same drawing (a click)
 * waits: the task of the click shows its details (React's render of the panel), the next frame paints them, and then
 * the canvas is restyled in a task of its own, its styles and sizes computed in slices before the frame that draws
 * it (deferred-styles.ts). Done in the click's task, the restyle and its frame made the click's task and frame long
 * (issue #10 point 3: no task over 50 ms until a click shows its details).
 */
export function useSelectionClasses(cy: Core | null, selection: CanvasSelection, drawn: unknown, big: MutableRefObject<boolean>, work: CanvasWork) {
  const neighbourhood = useRef<{ cy: Core; eles: cytoscape.Collection | null } | null>(null);
  /** The drawing the last selection was set on. */
  const on = useRef<unknown>(null);
  useEffect(() => {
    if (!cy || !drawn) return;
    const apply = () => {
      const last = neighbourhood.current?.cy === cy ? neighbourhood.current.eles : null;
      // The canvas does not select on a tap (autounselectify, graph-canvas.tsx): only here, where this lifts it.
      cy.autounselectify(false);
      const { changed, keep } = setSelectionState(cy, selection, big.current, last);
      cy.autounselectify(true);
      neighbourhood.current = { cy, eles: keep };
      return changed;
    };
    const fresh = on.current !== drawn;
    on.current = drawn;
    if (fresh || !work.deferred) {
      cy.batch(apply);
      return;
    }
    work.setBusy(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (work.deferred) work.deferred.restyle(apply);
        else {
          cy.batch(apply);
          work.setBusy(false);
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `big` is a ref, read when the selection changes; `work` is stable
  }, [cy, selection, drawn]);
}
