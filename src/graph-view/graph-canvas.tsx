/**
 * The only React component that touches Cytoscape. react-cytoscapejs creates the instance once, applies element
 * changes as a diff inside cy.batch and destroys it on unmount; we bind listeners in an effect with cleanup and
 * express selection and overlays as classes.
 *
 * Each job is a hook of its own, called here in the order their effects must run:
 * - use-cytoscape.ts: the instance's life (made after a yield, handed out, its source marks layer);
 * - use-element-looks.ts: a new drawing's first frame (its looks, in slices for a big one);
 * - use-interaction.ts: clicks, hover and the selection's classes;
 * - use-viewport.ts: fitting a new drawing, a linked pane's viewport, bringing an element into view;
 * - use-node-move.ts: new positions of the same drawing, animated;
 * - use-overlay.ts: overlays and marks, restyled in slices;
 * - use-label-lod.ts: the level of detail's labels;
 * - canvas-work.ts: what is under way, and the busy mark that follows from it.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { memo, useEffect, useMemo, useRef } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';
import { useStagedElements } from './big-drawing.ts';
import { CanvasWork } from './canvas-work.ts';
import type { DrawTurns } from './draw-turns.ts';
import { claimContainerStylesheet } from './container-style.ts';
import { differs } from './element-diff.ts';
import { buildElements } from './elements.ts';
import { fitCanvas } from './fit.ts';
import type { ElementStyle } from './overlay-styles.ts';
import type { SourceMark } from './source-marks.ts';
import { buildStylesheet } from './stylesheet.ts';
import { useCytoscape, useHandOut, useMarksLayer } from './use-cytoscape.ts';
import { useElementLooks } from './use-element-looks.ts';
import { useHoverFromPane, usePointer, useSelectionClasses, type CanvasSelection } from './use-interaction.ts';
import { useLabelLod } from './use-label-lod.ts';
import { useBasisPositions, useNodeMove } from './use-node-move.ts';
import { useDeferredStyles, useOverlay } from './use-overlay.ts';
import { useFit, useFocus, useLinkedViewport, useRefit, type CanvasFocus, type FocusState, type Viewport } from './use-viewport.ts';

claimContainerStylesheet();

export type { CanvasSelection } from './use-interaction.ts';

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
  focus?: CanvasFocus | null;
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
  onViewport?: (viewport: Viewport) => void;
  /** Source colour bars and shared badges over the nodes (source-marks.ts). */
  marks?: ReadonlyMap<string, SourceMark>;
  /** Viewport to adopt (from a linked pane); ignored when equal to the current one. */
  viewport?: Viewport | null;
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
  /**
   * The owner has new positions or a new overlay on the way (the atlas's layout after a toggle, computed in a task
   * of its own): the canvas counts as busy until they come and are drawn.
   */
  pending?: boolean;
  /**
   * Panes that show their new drawings one per frame, in their order (draw-turns.ts): the twin compare panes, so
   * that no frame draws both. Joined under `name`.
   */
  turns?: DrawTurns;
}

const stylesheet = buildStylesheet();
/**
 * react-cytoscapejs re-rendered only when its props change: its every update opens a Cytoscape batch and compares
 * each prop, and the canvas re-renders on every selection (the click's task, issue #10 point 3) and hover.
 */
const Cytoscape = memo(CytoscapeComponent);
const LAYOUT = { name: 'preset', fit: false } as const;
const NO_ELEMENTS: ElementDefinition[] = [];

export function GraphCanvas(props: GraphCanvasProps) {
  const { view, positions, selection, onSelect, name, onCy, overlay, focus, fitBox, hover, onViewport, viewport, marks, animate, labelPriority, openOnStart = true, pending = false, turns } = props;
  const { made, cy, take } = useCytoscape();
  const adopting = useRef(false);
  const basis = useBasisPositions(view, positions, animate);
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
  const work = useRef(new CanvasWork()).current;
  work.cy = cy;
  work.drawn = drawn !== null;
  work.awaiting = pending;
  const { fit, fitViewport, partial } = useFit(cy, fitBox, openOnStart);
  /** The viewport the last fit of a new drawing set. */
  const fitted = useRef<Viewport | null>(null);

  // (The atlas, whose drawing moves: painted into Cytoscape's layered cache before it is shown, deferred-styles.ts.)
  useElementLooks(cy, looks, { big: staging.big, layered: animate === true, fitBox, fit, fitted, work, openOnStart, turns, name });
  useHandOut(cy, onCy, name);
  usePointer(cy, { onSelect, onHover: props.onHover, onViewport }, bigRef, adopting);
  const layer = useMarksLayer(cy, name);
  useHoverFromPane(cy, hover);
  useLinkedViewport(cy, viewport, adopting);
  useNodeMove(cy, { animate, view, positions, basis, fitBox, fitViewport, work });
  // The request to bring something into view, for the drawing's opening too (useRefit).
  const focusState = useRef<FocusState>({ current: focus, applied: null, underPicture: false }).current;
  focusState.current = focus;
  focusState.underPicture = onCy !== undefined;
  useRefit(cy, drawn, fit, fitted, work, staging, elements, focusState);
  useSelectionClasses(cy, selection, drawn, bigRef, work);
  useDeferredStyles(cy, work);
  useOverlay(cy, { overlay, marks, layer, drawn, big: bigRef, work });
  useLabelLod(cy, { labelPriority, marks, layer, overlay, elements, drawn, work });
  useFocus(cy, focus, focusState, drawn !== null);
  // Busy while the owner has something on the way; when it has come, settled unless what it brought is under way
  // (the effects above, in the same commit, started it).
  useEffect(() => {
    if (!cy) return;
    if (pending) work.setBusy(true);
    else if (work.busy) work.setBusy(false);
  }, [cy, pending, work]);

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
              if (cy && shown?.nonempty()) cy.animate(fitCanvas(cy, shown.boundingBox()), { duration: 250 });
            }}
          >
            Fit shown
          </button>
        )}
      </div>
      {/* Until Cytoscape is made (after a yield, see useCytoscape), an empty stand-in of the same size. */}
      {!made ? (
        <div className="cy" />
      ) : (
        <Cytoscape
          className="cy"
          // Made empty, given its stylesheet and drawing in the task after (useCytoscape): `cy` is null until then.
          elements={cy ? staging.shown : NO_ELEMENTS}
          // Compare props by reference: elements and stylesheet are memoised, so a re-render (say, a source toggle)
          // does not make react-cytoscapejs walk all elements looking for changes. (No stylesheet or layout yet is no
          // change: react-cytoscapejs reads them as null at first, and would apply an undefined stylesheet.) A kept
          // element's data and position compare by value: set again, each kept element was restyled (element-diff.ts).
          diff={differs}
          stylesheet={cy ? stylesheet : undefined}
          layout={cy ? LAYOUT : undefined}
          minZoom={0.05}
          maxZoom={4}
          boxSelectionEnabled={false}
          autoungrabify
          // Cytoscape does not select on a tap: the selection is the app's (selectionAtom), and the canvas shows it
          // once the details have (use-interaction.ts), not half of it in the click's own task.
          autounselectify
          cy={take}
        />
      )}
    </div>
  );
}
