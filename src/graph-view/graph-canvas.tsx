/**
 * The only React component that touches Cytoscape. react-cytoscapejs creates the instance once, applies element
 * changes as a diff inside cy.batch and destroys it on unmount; we bind listeners in an effect with cleanup and
 * express selection and overlays as classes.
 */
import type cytoscape from 'cytoscape';
import type { Core, EventObject, SingularElementArgument } from 'cytoscape';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';
import { elementAt, revealWhenCached, useStagedElements } from './big-drawing.ts';
import { DeferredStyles, SlicedLooks } from './deferred-styles.ts';
import { buildElements, type Look } from './elements.ts';
import { NodeMove, prefersReducedMotion } from './node-move.ts';
import type { ElementStyle } from './overlay-styles.ts';
import { SourceMarksLayer, type MarkBox, type MarkPlacement, type SourceMark } from './source-marks.ts';
import { markGeometry } from '../theme/decorations.ts';
import { FIT_PADDING, MAX_FIT_ZOOM, TOOLBAR_HEIGHT } from './fit.ts';
import { buildStylesheet } from './stylesheet.ts';
import { skipEagerLayers } from './texture-warm.ts';
import { claimContainerStylesheet } from './container-style.ts';
import { chooseLabels, LOD_LABEL_PX, type LabelCandidate } from './label-lod.ts';

type Box = { x1: number; y1: number; x2: number; y2: number };
import { BADGE_SCREEN_R, LABEL_GAP, lodLabelBox, placeMarks } from '../layout/label-room.ts';
import { KIND_STYLE, NODE_FONT_SIZE } from '../theme/kinds.ts';

claimContainerStylesheet();

const words = (classes?: string) => (classes ? classes.split(' ') : []);

/** Data keys whose values differ (arrays compared by items), or null when none do. */
function changedData(prev: ElementStyle['data'], next: ElementStyle['data']) {
  if (prev === next || !next) return null;
  const same = (x: unknown, y: unknown) =>
    x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(next)) if (!same(prev?.[k], v)) (out ??= {})[k] = v;
  return out;
}

/** What a hidden element keeps: its last classes and data, plus `off`. */
function hiddenLike(prev: ElementStyle): ElementStyle {
  return { classes: words(prev.classes).includes('off') ? prev.classes : [...words(prev.classes), 'off'].join(' '), data: prev.data };
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
  /**
   * Whether a narrow pane may open on the drawing's start (see NARROW_PANE); default true. Linked compare panes say
   * false: each is narrow on any screen, and both must show the same box so shared entities line up.
   */
  openOnStart?: boolean;
  /** Hovered element shared with another pane. */
  hover?: string | null;
  onHover?: (id: string | null) => void;
  /** Called on every pan or zoom the user makes. */
  onViewport?: (viewport: { zoom: number; pan: { x: number; y: number } }) => void;
  /** Source colour bars and shared badges over the nodes (source-marks.ts). */
  marks?: ReadonlyMap<string, SourceMark>;
  /** Viewport to adopt (from a linked pane); ignored when equal to the current one. */
  viewport?: { zoom: number; pan: { x: number; y: number } } | null;
  /**
   * New positions for the same view move the nodes there in an animation (the eye can follow), instead of
   * redrawing; the default view then fits `fitBox`.
   */
  animate?: boolean;
  /**
   * Level of detail (label-lod.ts): when labels would be drawn under a readable size, draw the most important
   * (higher number first) at a readable size and hide the rest, never two overlapping.
   */
  labelPriority?: ReadonlyMap<string, number>;
}

const NO_OVERLAY: ReadonlyMap<string, ElementStyle> = new Map();
const NO_MARKS: ReadonlyMap<string, SourceMark> = new Map();
/**
 * A pane narrower than this (a phone held upright) whose whole drawing would have labels under READABLE_PX opens
 * instead at a zoom that makes them READABLE_PX, on the figure's start (its left end, where the cell source is),
 * and says how to see the whole.
 */
const NARROW_PANE = 600;
const READABLE_PX = 10;
/** The least label px a phone's drawing opens at (#9 point 6: 9 px on a 390×844 or 360×740 screen). */
const PHONE_FLOOR_PX = 9;
/** A drawing with at least this many elements gets its looks in slices (see SlicedLooks). */
const SLICED_LOOKS_FROM = 60;
const stylesheet = buildStylesheet();

/** Element looks of a drawing at given positions, kept per positions object (moves go back and forth between them). */
const looksByPositions = new WeakMap<Positions, { view: GraphView; looks: Map<string, Look> }>();
function looksAt(view: GraphView, positions: Positions) {
  const hit = looksByPositions.get(positions);
  if (hit?.view === view) return hit.looks;
  const looks = buildElements(view, positions).looks;
  looksByPositions.set(positions, { view, looks });
  return looks;
}
const LAYOUT = { name: 'preset', fit: false } as const;

declare global {
  interface Window {
    /** Live Cytoscape instances by pane, for scripting and the browser tests. */
    mscAtlas?: { cy: Record<string, Core>; marks?: Record<string, () => MarkBox[]> };
  }
}

function sameViewport(cy: Core, v: { zoom: number; pan: { x: number; y: number } } | null) {
  const pan = cy.pan();
  return v !== null && Math.abs(cy.zoom() - v.zoom) < 1e-9 && Math.abs(pan.x - v.pan.x) < 1e-6 && Math.abs(pan.y - v.pan.y) < 1e-6;
}

/** False on the first render, true from a task posted after its commit (a message: no timer clamping). */
function useMadeAfterYield(): boolean {
  const [made, setMade] = useState(false);
  useEffect(() => {
    if (made) return;
    if (typeof MessageChannel === 'undefined') return setMade(true);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => setMade(true);
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  }, [made]);
  return made;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { view, positions, selection, onSelect, name, onCy, overlay, focus, fitBox, hover, onViewport, viewport, marks, animate, labelPriority, openOnStart = true } = props;
  const [layer, setLayer] = useState<SourceMarksLayer | null>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  // Cytoscape is made in a task of its own, after the one that commits the rest of the page (the app shell on
  // start-up, the panels on a switch of view): making it (its renderer, canvases and stylesheet) and handing it the
  // elements took 20–35 ms of a start-up commit that was already long.
  const made = useMadeAfterYield();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onHoverRef = useRef(props.onHover);
  onHoverRef.current = props.onHover;
  const onViewportRef = useRef(onViewport);
  onViewportRef.current = onViewport;
  const adopting = useRef(false);
  // With `animate`, the elements stay those of the view's first positions; later positions are animated to.
  const basis = useRef<{ view: GraphView; positions: Positions } | null>(null);
  if (!animate || basis.current?.view !== view) basis.current = { view, positions };
  const basisPositions = basis.current.positions;
  const { elements, looks } = useMemo(() => buildElements(view, basisPositions), [view, basisPositions]);
  // A big drawing (thousands of elements) is handed to Cytoscape in chunks and shown once cached (big-drawing.ts);
  // `drawn` is its elements once all are in Cytoscape (at once for any other drawing).
  const staging = useStagedElements(elements, looks, cy);
  const drawn = staging.complete ? elements : null;
  const bigRef = useRef(staging.big);
  bigRef.current = staging.big;
  // Some elements dimmed by filters, toggles or a path: offer to fit what remains.
  const dimmed = useMemo(() => [...(overlay?.values() ?? [])].some((s) => /\b(off|path-faded)\b/.test(s.classes)), [overlay]);

  // Each element's fixed look as style bypasses (elements.ts), before anything measures or draws the elements.
  // Elements kept from the previous view (same id) get theirs too: react-cytoscapejs patches data, not style.
  // A big drawing on a wide pane gets them in slices (SlicedLooks, deferred-styles.ts): the previous picture stays
  // until the new one is drawn whole, and no task is long. A pane fitted to its own elements is fitted again once
  // their sizes are known, before anything is drawn. A narrow pane that opens on its start gets them at once.
  // The first drawing of a canvas taking over from the page's prerendered picture is drawn at once.
  const slicedLooks = useRef<SlicedLooks | null>(null);
  /** The viewport the last fit of a new drawing set. */
  const fitted = useRef<{ zoom: number; pan: { x: number; y: number } } | null>(null);
  useLayoutEffect(() => {
    if (!cy) return;
    // A big drawing's elements carry their looks (big-drawing.ts).
    if (staging.big) return;
    // Sliced too is the first drawing of a canvas under the page's prerendered picture: the picture stays on screen
    // until the drawing is done (usePictureTakeover waits for the canvas to be settled), and applying every look at
    // once was the longest task of the start-up.
    if (looks.size >= SLICED_LOOKS_FROM && cy.width() >= NARROW_PANE) {
      const sliced = new SlicedLooks(
        cy,
        [...looks],
        () => {
          // Fitted again to the elements' now known sizes, unless the viewport was placed since the first fit (by
          // the takeover from a picture, or by the reader).
          if (!fitBox && sameViewport(cy, fitted.current)) fit(true);
          // The level of detail chooses labels for the fitted drawing now: their restyles are computed in slices
          // with the rest, not in the frame that shows the drawing.
          return relabel.current?.() ?? [];
        },
        undefined,
        () => {
          slicedLooks.current = null;
          setBusy(false, true);
        },
      );
      slicedLooks.current = sliced;
      setBusy(true);
      return () => {
        sliced.cancel();
        if (slicedLooks.current === sliced) slicedLooks.current = null;
      };
    }
    cy.batch(() => {
      for (const [id, look] of looks) cy.getElementById(id).style(look);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new looks (a new drawing) decide, not a new fit box
  }, [cy, looks]);

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
      // A big drawing's elements take no events: the click is matched to what is drawn there (big-drawing.ts).
      if (evt.target === cy) onSelectRef.current(bigRef.current ? elementAt(cy, evt.position) : null);
      else onSelectRef.current({ type: evt.target.isNode() ? 'node' : 'edge', id: evt.target.id() });
    };
    // No hover highlight on a big drawing: each restyle there makes the next frames draw every element (big-drawing.ts).
    const onOver = (evt: EventObject) => {
      if (!bigRef.current) evt.target.addClass('hover');
      onHoverRef.current?.(evt.target.id());
    };
    const onOut = (evt: EventObject) => {
      if (!bigRef.current) evt.target.removeClass('hover');
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
    // Where the marks are, for the browser tests (marks must never cover label text).
    window.mscAtlas ??= { cy: {} };
    (window.mscAtlas.marks ??= {})[name] = () => l.boxes();
    return () => {
      if (window.mscAtlas?.marks) delete window.mscAtlas.marks[name];
      l.destroy();
      setLayer(null);
    };
  }, [cy, name]);

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

  // A new view: fit it to the pane (on a phone, maybe only its start: see NARROW_PANE).
  const fitViewport = (box: NonNullable<GraphCanvasProps['fitBox']>) => {
    // The zoom toolbar sits over the top of the pane: the drawing starts below it.
    const top = FIT_PADDING + TOOLBAR_HEIGHT;
    const w = Math.max(cy!.width() - 2 * FIT_PADDING, 1);
    const h = Math.max(cy!.height() - FIT_PADDING - top, 1);
    const zoom = Math.min(w / Math.max(box.x2 - box.x1, 1), h / Math.max(box.y2 - box.y1, 1), MAX_FIT_ZOOM);
    return { zoom, pan: { x: cy!.width() / 2 - (zoom * (box.x1 + box.x2)) / 2, y: top + h / 2 - (zoom * (box.y1 + box.y2)) / 2 } };
  };
  const [partial, setPartial] = useState(false);
  const fit = (opening = false) => {
    if (!cy) return;
    setPartial(false);
    // Marks a canvas that opened on its start only (see below), for whoever else places the viewport.
    const stage = cy.container()?.closest('.graph-canvas');
    stage?.removeAttribute('data-start-view');
    if (!fitBox) {
      cy.fit(undefined, FIT_PADDING);
      // A two-node table should not fill the screen with giant boxes.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
    } else {
      // Fit a model box: same zoom and pan in panes of the same size, so shared entities line up.
      cy.viewport(fitViewport(fitBox));
    }
    const narrow = opening && openOnStart && cy.width() > 0 && cy.width() < NARROW_PANE && cy.nodes().nonempty();
    const box = fitBox ?? cy.elements().boundingBox();
    const top = FIT_PADDING + TOOLBAR_HEIGHT;
    const across = Math.min((cy.width() - 2 * FIT_PADDING) / Math.max(box.x2 - box.x1, 1), MAX_FIT_ZOOM);
    if (narrow && (across * NODE_FONT_SIZE >= PHONE_FLOOR_PX || box.y2 - box.y1 > box.x2 - box.x1)) {
      // A drawing that is readable fitted to the pane's width (a figure's portrait layout on a phone held upright:
      // layout/portrait.ts), or taller than wide, opens fitted to the width, its top (the cell source) first; the
      // reader scrolls down through it. The page's prerendered portrait picture is drawn the same way (app.css), so
      // the canvas takes over without a jump.
      // Too wide for that to be readable: readable, centred on the cell sources at the top.
      const zoom = across * NODE_FONT_SIZE >= PHONE_FLOOR_PX ? across : READABLE_PX / NODE_FONT_SIZE;
      const sources = cy.nodes('[kind = "msc-source"]');
      const middle = zoom === across || sources.empty() ? (box.x1 + box.x2) / 2 : (sources.boundingBox().x1 + sources.boundingBox().x2) / 2;
      cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * middle, y: top - zoom * box.y1 } });
      if (zoom > across || (box.y2 - box.y1) * zoom > cy.height() - top - FIT_PADDING / 2) setPartial(true);
      return;
    }
    if (narrow && cy.zoom() * NODE_FONT_SIZE < READABLE_PX) {
      const zoom = READABLE_PX / NODE_FONT_SIZE;
      const left = fitBox?.x1 ?? cy.nodes().boundingBox().x1;
      // The start: the nodes within the first pane-width of the drawing's left end.
      const reach = left + (cy.width() - 2 * FIT_PADDING) / zoom;
      const near = cy.nodes().filter((n) => n.position('x') < reach);
      // Centred on the cell sources there (what the figure is about), else on all of the start.
      const sources = near.filter((n) => n.data('kind') === 'msc-source');
      const start = (sources.nonempty() ? sources : near).boundingBox();
      cy.viewport({ zoom, pan: { x: FIT_PADDING - zoom * left, y: top + (cy.height() - top) / 2 - zoom * (start.y1 + start.y2) / 2 } });
      setPartial(true);
      stage?.setAttribute('data-start-view', '');
    }
  };

  // New positions for the same drawing (animate): move the nodes there and fit the new box, together (node-move.ts:
  // the edges are not drawn while the nodes travel, and come back in slices once they are in place).
  // Where the nodes of which drawing stand now. Positions may come back as the very object the drawing was built
  // with (layouts are cached by state: a source switched off and on again), and must then move back there.
  const shownPositions = useRef({ view, positions });
  const moving = useRef<NodeMove | null>(null);
  useEffect(() => {
    if (!cy || !animate) return;
    if (shownPositions.current.view !== basis.current!.view) {
      // A new drawing: its elements were built at these positions.
      shownPositions.current = { view: basis.current!.view, positions };
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
      beforeShow: () => relabel.current?.() ?? [],
      onDone: () => {
        if (moving.current === move) moving.current = null;
        setBusy(false, true);
      },
    });
    moving.current = move;
    if (move.pending) setBusy(true);
    return () => {
      move.cancel();
      if (moving.current === move) moving.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of positions starts a move
  }, [cy, positions]);
  const revealing = useRef(false);
  useEffect(() => {
    if (!cy || !drawn) return;
    cy.resize();
    fit(true);
    fitted.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    if (!staging.big) return;
    // A big drawing comes into view once Cytoscape has it cached; busy until then.
    revealing.current = true;
    setBusy(true);
    const stop = revealWhenCached(cy, { zoom: cy.zoom(), pan: { ...cy.pan() } }, () => {
      revealing.current = false;
      setBusy(false);
    });
    return () => {
      stop();
      revealing.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refit only when the drawing changes
  }, [cy, drawn]);
  // A big drawing is busy from its first chunk.
  useEffect(() => {
    if (cy && staging.big && !staging.complete) setBusy(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per new drawing
  }, [cy, elements, staging.big]);

  // Selection and its neighbourhood, as classes, in one batch. On an ordinary drawing the rest fades. On a big one
  // (big-drawing.ts) only the neighbourhood is marked, and only what changes is restyled: the last selection's
  // neighbourhood and the new one's. Fading the rest would restyle thousands of elements and set Cytoscape's
  // texture cache aside, so that the next frames draw every element.
  const neighbourhood = useRef<{ cy: Core; eles: cytoscape.CollectionReturnValue } | null>(null);
  useEffect(() => {
    if (!cy || !drawn) return;
    const big = bigRef.current;
    cy.batch(() => {
      if (big) {
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
      if (big) {
        keep.nodes().not(target).addClass('near');
        neighbourhood.current = { cy, eles: keep };
      } else cy.elements().not(keep).addClass('faded');
    });
  }, [cy, selection, drawn]);

  // Overlay: only what changed since the last overlay, in one batch, so a toggle is one restyle and no relayout.
  const applied = useRef(new Map<string, ElementStyle>());
  /** Re-runs the level of detail's choice of labels (set by its effect below); returns the nodes it restyled. */
  const relabel = useRef<(() => SingularElementArgument[]) | null>(null);
  /** Whether the canvas is marked busy (a restyle, a drawing or a move to come or under way). */
  const busyRef = useRef(false);
  const deferred = useRef<DeferredStyles | null>(null);
  // While a restyle is scheduled or being computed the canvas is marked busy (aria-busy): assistive technology
  // and the browser tests can tell a settled drawing from one about to change.
  const drawnRef = useRef(drawn);
  drawnRef.current = drawn;
  const setBusy = (busy: boolean, labelled = false) => {
    const el = cy?.container()?.closest('.graph-canvas');
    if (busy) {
      busyRef.current = true;
      el?.setAttribute('aria-busy', 'true');
    }
    // Settled only when neither a restyle nor a new drawing's looks nor a move are still being computed.
    else if (!slicedLooks.current?.pending && !deferred.current?.pending && !moving.current?.pending && !revealing.current && drawnRef.current) {
      // The restyle is done (entities dimmed or brought back): the level of detail chooses again, unless it just
      // did (for a new drawing or a move, before it was shown).
      busyRef.current = false;
      if (!labelled) relabel.current?.();
      el?.removeAttribute('aria-busy');
    }
  };
  useEffect(() => {
    if (!cy) return;
    const d = new DeferredStyles(cy, () => setBusy(false));
    deferred.current = d;
    return () => {
      d.dispose();
      deferred.current = null;
    };
  }, [cy]);
  /** The marks layer that last received marks. */
  const marked = useRef<SourceMarksLayer | null>(null);
  useEffect(() => {
    applied.current = new Map();
  }, [elements]);
  // The source marks (marks layer) change with the overlay, and are handed over with it, so both appear in the
  // same frame.
  useEffect(() => {
    if (!cy || !drawn) return;
    const before = applied.current;
    // The class and data changes; returns the elements it changed. Runs inside one batch (see below).
    const change = () => {
      const changed: SingularElementArgument[] = [];
      for (const [id, next] of overlay ?? NO_OVERLAY) {
        const prev = before.get(id);
        const style = next.hidden && prev ? hiddenLike(prev) : next;
        const data = changedData(prev?.data, style.data);
        if (prev?.classes === style.classes && !data) continue;
        const ele = cy.getElementById(id);
        if (ele.empty()) continue;
        if (data) ele.data(data);
        // Add and remove our own classes only, and only those that change: selection and hover classes stay.
        const had = words(prev?.classes);
        const has = words(style.classes);
        const gone = had.filter((c) => !has.includes(c));
        const added = has.filter((c) => !had.includes(c));
        if (gone.length) ele.removeClass(gone.join(' '));
        if (added.length) ele.addClass(added.join(' '));
        before.set(id, style);
        changed.push(ele);
      }
      return changed;
    };
    // A big drawing's first overlay: its styles computed in slices, before it comes into view (big-drawing.ts).
    if (before.size === 0 && bigRef.current && deferred.current) {
      layer?.set(marks ?? NO_MARKS);
      marked.current = layer;
      deferred.current.restyle(change);
      return;
    }
    // A new drawing (or a new marks layer) gets its overlay and marks before its first paint.
    if (before.size === 0 || layer !== marked.current) {
      deferred.current?.release();
      cy.batch(change);
      layer?.set(marks ?? NO_MARKS);
      marked.current = layer;
      setBusy(false);
      return;
    }
    // A change of overlay (a toggle, a filter) waits for the frame that paints React's update of the panels,
    // then restyles in a task of its own with its styles computed in slices (deferred-styles.ts): the panels'
    // layout and paint, the restyle and the canvas redraw each get a frame or a task, none of them a long one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    setBusy(true);
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        layer?.set(marks ?? NO_MARKS);
        if (deferred.current) deferred.current.restyle(change);
        else {
          cy.batch(change);
          setBusy(false);
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [cy, overlay, drawn, layer, marks]);

  // Level of detail: when the zoom makes labels too small to read, the most important are drawn at a readable
  // size and the rest hidden, with no two overlapping; recomputed when the viewport settles.
  const priorityRef = useRef(labelPriority);
  priorityRef.current = labelPriority;
  // The font size each node's label was last given (null: none), so that a new choice restyles only the labels it
  // changes: every restyled label is measured again in the next frame, which for the whole atlas is a long task.
  const lodFonts = useRef(new Map<string, number | null>());
  useEffect(() => {
    lodFonts.current = new Map();
  }, [cy, elements]);
  const marksRef = useRef(marks);
  marksRef.current = marks;
  useEffect(() => {
    if (!cy || !drawn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // On from an earlier run of this effect (another view or priority on the same canvas): its labels and marks
    // must be put back if the new view needs no level of detail.
    let lodOn = cy.nodes('.lod-label, .lod-hidden').nonempty();
    const apply = (): SingularElementArgument[] => {
      const priority = priorityRef.current;
      const zoom = cy.zoom();
      if (!priority || NODE_FONT_SIZE * zoom >= LOD_LABEL_PX) {
        if (!lodOn) {
          // Marks moved for labels of nodes since removed (another pair on the same canvas) go back (a no-op if none).
          layer?.place(new Map());
          return [];
        }
        lodOn = false;
        lodFonts.current = new Map();
        cy.batch(() => {
          cy.nodes().removeClass('lod-label lod-hidden');
          cy.nodes().removeStyle('font-size');
        });
        layer?.place(new Map());
        return cy.nodes().toArray();
      }
      lodOn = true;
      const font = LOD_LABEL_PX / zoom;
      const pan = cy.pan();
      const candidates: LabelCandidate[] = [];
      // Per node, in screen px: its label box at the LOD size, and where its marks go if that label is drawn.
      const placed = new Map<string, { label: Box; marks: Box[]; placement: MarkPlacement | null }>();
      const usual = new Map<string, Box[]>();
      cy.nodes().forEach((n) => {
        const p = n.renderedPosition();
        const w = (n.data('w') as number) * zoom;
        const h = (n.data('h') as number) * zoom;
        const node = { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - h / 2, y2: p.y + h / 2 };
        const m = marksRef.current?.get(n.id());
        const mark = m?.colours.length ? m : undefined;
        const g = mark ? markGeometry(n.position('x'), n.position('y'), n.data('w') as number, n.data('h') as number, zoom, BADGE_SCREEN_R) : null;
        const toScreen = (b: Box): Box => ({ x1: b.x1 * zoom + pan.x, x2: b.x2 * zoom + pan.x, y1: b.y1 * zoom + pan.y, y2: b.y2 * zoom + pan.y });
        const badgeBox = (cx: number, cy0: number, r: number): Box => ({ x1: cx - r, x2: cx + r, y1: cy0 - r, y2: cy0 + r });
        if (g && mark) usual.set(n.id(), [toScreen(g.bar), ...(mark.shared ? [toScreen(badgeBox(g.badge.cx, g.badge.cy, g.badge.r))] : [])]);
        if (n.hasClass('off')) return;
        const bold = KIND_STYLE[n.data('kind') as keyof typeof KIND_STYLE]?.bold ?? false;
        // The same box and mark places the atlas layout keeps room for (layout/label-room.ts).
        const label = lodLabelBox(String(n.data('text') ?? ''), bold, LOD_LABEL_PX, p.x, p.y);
        let placement: MarkPlacement | null = null;
        const marks: Box[] = [];
        if (g && mark) {
          const toModel = (b: Box): Box => ({ x1: (b.x1 - pan.x) / zoom, x2: (b.x2 - pan.x) / zoom, y1: (b.y1 - pan.y) / zoom, y2: (b.y2 - pan.y) / zoom });
          const put = placeMarks(label, node, toScreen(g.bar), mark.shared ? g.badge.r * zoom : null);
          marks.push(put.bar!);
          if (put.barMoved) placement = { bar: toModel(put.bar!) };
          if (put.badge) {
            marks.push(badgeBox(put.badge.cx, put.badge.cy, put.badge.r));
            if (put.badgeMoved) placement = { ...placement, badge: { cx: (put.badge.cx - pan.x) / zoom, cy: (put.badge.cy - pan.y) / zoom, r: g.badge.r } };
          }
        }
        placed.set(n.id(), { label, marks, placement });
        candidates.push({ id: n.id(), ...label, marks, priority: priority.get(n.id()) ?? 0 });
      });
      const shown = chooseLabels(candidates, LABEL_GAP);
      // Marks of nodes whose labels are drawn go where the choice reserved room for them; the marks of the
      // others stay, unless they would sit on a drawn label.
      const drawnLabels = [...shown].map((id) => placed.get(id)!.label);
      const meets = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      const placements = new Map<string, MarkPlacement>();
      for (const [id, boxes] of usual) {
        if (shown.has(id)) {
          const p = placed.get(id)!.placement;
          if (p) placements.set(id, p);
        } else if (boxes.some((b) => drawnLabels.some((l) => meets({ x1: b.x1 - 1, y1: b.y1 - 1, x2: b.x2 + 1, y2: b.y2 + 1 }, l)))) placements.set(id, { hidden: true });
      }
      const fonts = lodFonts.current;
      const changed: SingularElementArgument[] = [];
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const on = shown.has(n.id());
          // A class already set (or already absent) is left alone by Cytoscape; a style bypass always restyles.
          const had = n.hasClass('lod-label') && !n.hasClass('lod-hidden');
          n.toggleClass('lod-label', on);
          n.toggleClass('lod-hidden', !on);
          const want = on ? font : null;
          if (fonts.has(n.id()) && fonts.get(n.id()) === want) {
            if (had !== on) changed.push(n);
            return;
          }
          fonts.set(n.id(), want);
          if (on) n.style('font-size', font);
          else n.removeStyle('font-size');
          changed.push(n);
        });
      });
      // Drawn labels, in model coordinates, that the marks layer keeps outlines off.
      const toModel = (b: Box): Box => ({ x1: (b.x1 - pan.x) / zoom, x2: (b.x2 - pan.x) / zoom, y1: (b.y1 - pan.y) / zoom, y2: (b.y2 - pan.y) / zoom });
      layer?.place(placements, drawnLabels.map(toModel));
      return changed;
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    };
    cy.on('viewport', schedule);
    relabel.current = apply;
    // A drawing, move or restyle to come or under way chooses labels when it settles (setBusy), for what it
    // leaves on screen: choosing now would restyle labels for a picture about to change.
    if (!busyRef.current) apply();
    return () => {
      clearTimeout(timer);
      relabel.current = null;
      cy.off('viewport', schedule);
    };
  }, [cy, drawn, labelPriority, overlay, layer, marks]);

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
    // data-view names the drawing the canvas holds: scripts and the browser tests can tell a new drawing from the last.
    <div className="graph-canvas" data-view={view.key}>
      <div className="canvas-toolbar" role="toolbar" aria-label={`Zoom ${name}`}>
        <button type="button" onClick={() => cy?.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })}>
          Zoom in
        </button>
        <button type="button" onClick={() => cy?.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })}>
          Zoom out
        </button>
        <button type="button" onClick={() => fit()}>
          Fit
        </button>
        {/* Opened on part of the drawing (a phone): the way to the whole, where the eye lands. */}
        {partial && (
          <button type="button" className="fit-hint" onClick={() => fit()}>
            Whole figure
          </button>
        )}
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
      {/* Until Cytoscape is made (after a yield, see `made`), an empty stand-in of the same size. */}
      {!made ? (
        <div className="cy" />
      ) : (
        <CytoscapeComponent
          className="cy"
          elements={staging.shown}
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
              skipEagerLayers(instance);
              setCy(instance);
            }
          }}
        />
      )}
    </div>
  );
}
