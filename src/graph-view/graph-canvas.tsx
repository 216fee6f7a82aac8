/**
 * The only React component that touches Cytoscape. react-cytoscapejs creates the instance once, applies element
 * changes as a diff inside cy.batch and destroys it on unmount; we bind listeners in an effect with cleanup and
 * express selection and overlays as classes.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';
import { buildElements } from './elements.ts';
import type { ElementStyle } from './overlay-styles.ts';
import { buildStylesheet } from './stylesheet.ts';

function sameData(a?: Record<string, unknown>, b?: Record<string, unknown>) {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export type CanvasSelection = { type: 'node' | 'edge'; id: string } | null;

export interface GraphCanvasProps {
  view: GraphView;
  positions: Positions;
  selection: CanvasSelection;
  onSelect: (selection: CanvasSelection) => void;
  /** Name for the canvas toolbar, e.g. the figure's title. */
  name: string;
  /** Called with the Cytoscape instance once it exists (null on unmount): for linked panes, exports, tests. */
  onCy?: (cy: Core | null) => void;
  /** Overlay classes and data per element id, applied as a diff in one batch (overlay-styles.ts). */
  overlay?: ReadonlyMap<string, ElementStyle>;
  /** Entity to bring into view (changes of this value pan to it). */
  focus?: { id: string; nonce: number } | null;
}

const FIT_PADDING = 24;
const stylesheet = buildStylesheet();
const LAYOUT = { name: 'preset', fit: false } as const;

declare global {
  interface Window {
    /** Live Cytoscape instances by pane, for scripting and the browser tests. */
    mscAtlas?: { cy: Record<string, Core> };
  }
}

export function GraphCanvas({ view, positions, selection, onSelect, name, onCy, overlay, focus }: GraphCanvasProps) {
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const elements = useMemo(() => buildElements(view, positions), [view, positions]);

  // Hand the instance out once it exists.
  useEffect(() => {
    if (!cy) return;
    onCy?.(cy);
    window.mscAtlas ??= { cy: {} };
    window.mscAtlas.cy[name] = cy;
    return () => {
      onCy?.(null);
      if (window.mscAtlas?.cy[name] === cy) delete window.mscAtlas.cy[name];
    };
  }, [cy, onCy, name]);

  // Clicks: a node or an edge selects it, the background clears the selection.
  useEffect(() => {
    if (!cy) return;
    const onTap = (evt: EventObject) => {
      if (evt.target === cy) onSelectRef.current(null);
      else onSelectRef.current({ type: evt.target.isNode() ? 'node' : 'edge', id: evt.target.id() });
    };
    const onOver = (evt: EventObject) => evt.target.addClass('hover');
    const onOut = (evt: EventObject) => evt.target.removeClass('hover');
    cy.on('tap', onTap);
    cy.on('mouseover', 'node', onOver);
    cy.on('mouseout', 'node', onOut);
    return () => {
      cy.off('tap', onTap);
      cy.off('mouseover', 'node', onOver);
      cy.off('mouseout', 'node', onOut);
    };
  }, [cy]);

  // A new view: fit it to the pane.
  useEffect(() => {
    if (!cy) return;
    cy.resize();
    cy.fit(undefined, FIT_PADDING);
  }, [cy, elements]);

  // Selection and its neighbourhood, as classes, in one batch.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().unselect().removeClass('faded neighbour');
      if (!selection) return;
      const target = cy.getElementById(selection.id);
      if (target.empty()) return;
      target.select();
      const keep =
        selection.type === 'node'
          ? target.closedNeighborhood()
          : target.union((target as unknown as cytoscape.EdgeSingular).connectedNodes());
      cy.elements().not(keep).addClass('faded');
      keep.edges().addClass('neighbour');
    });
  }, [cy, selection, elements]);

  // Overlay: only what changed since the last overlay, in one batch, so a toggle is one restyle and no relayout.
  const applied = useRef(new Map<string, ElementStyle>());
  useEffect(() => {
    applied.current = new Map();
  }, [elements]);
  useEffect(() => {
    if (!cy || !overlay) return;
    const before = applied.current;
    cy.batch(() => {
      for (const [id, style] of overlay) {
        const prev = before.get(id);
        if (prev && prev.classes === style.classes && sameData(prev.data, style.data)) continue;
        const ele = cy.getElementById(id);
        if (ele.empty()) continue;
        if (style.data) ele.data(style.data);
        // Add and remove our own classes only: selection and hover classes stay.
        if (prev?.classes) ele.removeClass(prev.classes);
        if (style.classes) ele.addClass(style.classes);
        before.set(id, style);
      }
    });
  }, [cy, overlay, elements]);

  // Bring a focused element into view without changing the zoom more than needed.
  useEffect(() => {
    if (!cy || !focus) return;
    const ele = cy.getElementById(focus.id);
    if (ele.empty()) return;
    const zoom = Math.max(cy.zoom(), 0.9);
    cy.animate({ zoom, center: { eles: ele } }, { duration: 250 });
  }, [cy, focus]);

  return (
    <div className="graph-canvas">
      <div className="canvas-toolbar" role="toolbar" aria-label={`Zoom ${name}`}>
        <button type="button" onClick={() => cy?.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })}>
          Zoom in
        </button>
        <button type="button" onClick={() => cy?.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })}>
          Zoom out
        </button>
        <button type="button" onClick={() => cy?.fit(undefined, FIT_PADDING)}>
          Fit
        </button>
      </div>
      <CytoscapeComponent
        className="cy"
        elements={elements}
        stylesheet={stylesheet}
        layout={LAYOUT}
        minZoom={0.05}
        maxZoom={4}
        boxSelectionEnabled={false}
        autoungrabify
        cy={(instance: Core) => {
          if (cyRef.current !== instance) {
            cyRef.current = instance;
            setCy(instance);
          }
        }}
      />
    </div>
  );
}
