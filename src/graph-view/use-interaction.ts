/**
 * What the reader does on the canvas and what it shows: a click selects (the background clears), hovering marks a
 * node (and tells a linked pane), the selection and its neighbourhood are classes.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject } from 'cytoscape';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { elementAt } from './big-drawing.ts';
import type { Viewport } from './use-viewport.ts';

export type CanvasSelection = { type: 'node' | 'edge'; id: string } | null;

export interface PointerHandlers {
  onSelect: (selection: CanvasSelection) => void;
  onHover?: ((id: string | null) => void) | undefined;
  /** Called on every pan or zoom the user makes (not on a viewport adopted from a linked pane). */
  onViewport?: ((viewport: Viewport) => void) | undefined;
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

/**
 * Selection and its neighbourhood, as classes, in one batch. On an ordinary drawing the rest fades. On a big one
 * (big-drawing.ts) only the neighbourhood is marked, and only what changes is restyled: the last selection's
 * neighbourhood and the new one's. Fading the rest would restyle thousands of elements and set Cytoscape's texture
 * cache aside, so that the next frames draw every element.
 */
export function useSelectionClasses(cy: Core | null, selection: CanvasSelection, drawn: unknown, big: MutableRefObject<boolean>) {
  const neighbourhood = useRef<{ cy: Core; eles: cytoscape.CollectionReturnValue } | null>(null);
  useEffect(() => {
    if (!cy || !drawn) return;
    const isBig = big.current;
    cy.batch(() => {
      if (isBig) {
        // (Elements a new drawing removed are left alone.)
        const last = neighbourhood.current?.cy === cy ? neighbourhood.current.eles.filter((e) => e.inside()) : cy.collection();
        last.unselect().removeClass('near neighbour');
        cy.$(':selected').unselect();
      } else cy.elements().unselect().removeClass('faded neighbour near');
      neighbourhood.current = null;
      if (!selection) return;
      const target = cy.getElementById(selection.id);
      if (target.empty()) return;
      target.select();
      const keep =
        selection.type === 'node'
          ? target.closedNeighborhood()
          : target.union((target as unknown as cytoscape.EdgeSingular).connectedNodes());
      keep.edges().addClass('neighbour');
      if (isBig) {
        keep.nodes().not(target).addClass('near');
        neighbourhood.current = { cy, eles: keep };
      } else cy.elements().not(keep).addClass('faded');
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `big` is a ref, read when the selection changes
  }, [cy, selection, drawn]);
}
