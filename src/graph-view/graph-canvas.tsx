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
import { SourceMarksLayer, type SourceMark } from './source-marks.ts';
import { buildStylesheet } from './stylesheet.ts';

function sameData(a?: Record<string, unknown>, b?: Record<string, unknown>) {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  const same = (x: unknown, y: unknown) =>
    x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
  return ka.length === Object.keys(b).length && ka.every((k) => same(a[k], b[k]));
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
  focus?: { id?: string; ids?: readonly string[]; nonce: number } | null;
  /** Fit to this model-coordinate box instead of the pane's own elements (linked compare panes). */
  fitBox?: { x1: number; y1: number; x2: number; y2: number };
  /** Hovered element shared with another pane. */
  hover?: string | null;
  onHover?: (id: string | null) => void;
  /** Called on every pan or zoom the user makes. */
  onViewport?: (viewport: { zoom: number; pan: { x: number; y: number } }) => void;
  /** Source colour bars and shared badges over the nodes (source-marks.ts). */
  marks?: ReadonlyMap<string, SourceMark>;
  /** Viewport to adopt (from a linked pane); ignored when equal to the current one. */
  viewport?: { zoom: number; pan: { x: number; y: number } } | null;
}

const FIT_PADDING = 24;
const MAX_FIT_ZOOM = 1.5;
const stylesheet = buildStylesheet();
const LAYOUT = { name: 'preset', fit: false } as const;

declare global {
  interface Window {
    /** Live Cytoscape instances by pane, for scripting and the browser tests. */
    mscAtlas?: { cy: Record<string, Core> };
  }
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { view, positions, selection, onSelect, name, onCy, overlay, focus, fitBox, hover, onViewport, viewport, marks } = props;
  const [layer, setLayer] = useState<SourceMarksLayer | null>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onHoverRef = useRef(props.onHover);
  onHoverRef.current = props.onHover;
  const onViewportRef = useRef(onViewport);
  onViewportRef.current = onViewport;
  const adopting = useRef(false);
  const elements = useMemo(() => buildElements(view, positions), [view, positions]);
  // Some elements dimmed by filters, toggles or a path: offer to fit what remains.
  const dimmed = useMemo(() => [...(overlay?.values() ?? [])].some((s) => /\b(off|path-faded)\b/.test(s.classes)), [overlay]);

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
    const onOver = (evt: EventObject) => {
      evt.target.addClass('hover');
      onHoverRef.current?.(evt.target.id());
    };
    const onOut = (evt: EventObject) => {
      evt.target.removeClass('hover');
      onHoverRef.current?.(null);
    };
    const onView = () => {
      if (!adopting.current) onViewportRef.current?.({ zoom: cy.zoom(), pan: { ...cy.pan() } });
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
  }, [cy]);

  // The marks layer lives as long as the Cytoscape instance.
  useEffect(() => {
    if (!cy) return;
    const container = cy.container();
    if (!container) return;
    const l = new SourceMarksLayer(cy, container);
    setLayer(l);
    return () => {
      l.destroy();
      setLayer(null);
    };
  }, [cy]);
  useEffect(() => {
    layer?.set(marks ?? new Map());
  }, [layer, marks, elements]);

  // Hover from the other pane.
  useEffect(() => {
    if (!cy || hover === undefined) return;
    cy.batch(() => {
      cy.nodes('.hover').removeClass('hover');
      if (hover) cy.getElementById(hover).addClass('hover');
    });
  }, [cy, hover]);

  // A viewport from a linked pane: adopt it without echoing it back.
  useEffect(() => {
    if (!cy || !viewport) return;
    const pan = cy.pan();
    if (Math.abs(cy.zoom() - viewport.zoom) < 1e-6 && Math.abs(pan.x - viewport.pan.x) < 0.5 && Math.abs(pan.y - viewport.pan.y) < 0.5) return;
    adopting.current = true;
    cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
    adopting.current = false;
  }, [cy, viewport]);

  // A new view: fit it to the pane.
  const fit = () => {
    if (!cy) return;
    if (!fitBox) {
      cy.fit(undefined, FIT_PADDING);
      // A two-node table should not fill the screen with giant boxes.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
      return;
    }
    // Fit a model box: same zoom and pan in panes of the same size, so shared entities line up.
    const w = Math.max(cy.width() - 2 * FIT_PADDING, 1);
    const h = Math.max(cy.height() - 2 * FIT_PADDING, 1);
    const zoom = Math.min(w / Math.max(fitBox.x2 - fitBox.x1, 1), h / Math.max(fitBox.y2 - fitBox.y1, 1), MAX_FIT_ZOOM);
    cy.viewport({
      zoom,
      pan: { x: cy.width() / 2 - zoom * (fitBox.x1 + fitBox.x2) / 2, y: cy.height() / 2 - zoom * (fitBox.y1 + fitBox.y2) / 2 },
    });
  };
  useEffect(() => {
    if (!cy) return;
    cy.resize();
    fit();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refit only when the drawing changes
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
    const apply = () => {
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
    };
    // A new drawing gets its overlay before its first paint. A change of overlay (a toggle, a filter) is
    // restyled in a task of its own, after React's update of the panels, so neither makes one long task.
    if (before.size === 0) return void apply();
    const timer = setTimeout(apply, 0);
    return () => clearTimeout(timer);
  }, [cy, overlay, elements]);

  // Bring a focused element into view without changing the zoom more than needed.
  useEffect(() => {
    if (!cy || !focus) return;
    if (focus.ids) {
      let eles = cy.collection();
      for (const id of focus.ids) eles = eles.union(cy.getElementById(id));
      if (eles.nonempty()) cy.animate({ fit: { eles, padding: FIT_PADDING * 3 } }, { duration: 250 });
      return;
    }
    const ele = cy.getElementById(focus.id ?? '');
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
        <button type="button" onClick={fit}>
          Fit
        </button>
        {dimmed && (
          <button
            type="button"
            onClick={() => {
              const shown = cy?.elements().not('.off, .path-faded');
              if (cy && shown?.nonempty()) cy.animate({ fit: { eles: shown, padding: FIT_PADDING } }, { duration: 250 });
            }}
          >
            Fit shown
          </button>
        )}
      </div>
      <CytoscapeComponent
        className="cy"
        elements={elements}
        // Compare props by reference: elements and stylesheet are memoised, so a re-render (say, a source toggle)
        // does not make react-cytoscapejs walk all elements looking for changes.
        diff={(a: unknown, b: unknown) => a !== b}
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
