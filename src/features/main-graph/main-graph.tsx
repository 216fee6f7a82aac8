import { useAtom, useAtomValue, useSetAtom, useStore } from 'jotai';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { LazyGraphCanvas } from '../../graph-view/lazy-graph-canvas.tsx';
import { useStageAspect } from '../../graph-view/use-stage-aspect.ts';
import { drawingBox } from '../../layout/drawing-box.ts';
import { prerenderAtom } from '../../state/prerender.ts';
import { PrerenderPicture, ToolbarPlaceholder, usePictureTakeover, whenCanvasSettled } from '../../graph-view/prerender-picture.tsx';
import { overlayStyles, sourceMarks } from '../../graph-view/overlay-styles.ts';
import { atlasLayoutAtom, currentViewAtom, decorationsAtom, focusAtom, modeAtom, pathHighlightAtom, selectionAtom, stageAspectAtom, stageFitAtom, stageShapeAtom } from '../../state/atoms.ts';
import type { ActiveLayout } from '../../layout/difference-layout.ts';
import type { GraphView } from '../../model/view.ts';
import type { Decorations } from '../../theme/decorations.ts';
import type { Selection } from '../../state/choices.ts';
import { Legend } from '../legend/legend.tsx';
import { usePositions } from './use-positions.ts';

/** How long a view that cannot be drawn yet shows the previous drawing before saying, over it, that it is being laid out. */
const HOLD_MS = 400;

/**
 * Which labels the atlas overview keeps when zoomed out (label-lod.ts): what the reader asked about first (the
 * selected node, the two ends of a selected relation, every node of an explained path), then the selected node's
 * neighbours, then cell sources, then shared factors and ovarian outcomes, then the others by how many relations
 * they have.
 */
function labelPriority(view: GraphView, decorations: Decorations, selection: Selection = null): Map<string, number> {
  const degree = new Map<string, number>();
  for (const e of view.edges) if (!decorations.edges.get(e.id)?.dim) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const asked = new Set<string>();
  const near = new Set<string>();
  if (selection?.type === 'node') {
    asked.add(selection.id);
    for (const e of view.edges) if (e.source === selection.id) near.add(e.target);
    else if (e.target === selection.id) near.add(e.source);
  }
  const edge = selection?.type === 'edge' ? view.edges.find((e) => e.id === selection.id) : undefined;
  if (edge) asked.add(edge.source).add(edge.target);
  const out = new Map<string, number>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    const base =
      asked.has(n.id) || d?.highlight === 'on'
        ? 6
        : near.has(n.id)
          ? 5
          : n.entity.kind === 'msc-source'
            ? 4
            : d?.shared || n.entity.kind === 'ovarian-outcome'
              ? 3
              : 1;
    out.set(n.id, base + Math.min(degree.get(n.id) ?? 0, 99) / 100);
  }
  return out;
}

/**
 * The view's caption, kept to two lines (one on a short screen: app.css) so the diagram keeps its height; when it
 * is cut, a button shows the rest.
 */
function Caption({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [cut, setCut] = useState(false);
  const [whole, setWhole] = useState(false);
  useLayoutEffect(() => {
    const p = ref.current;
    if (!p || typeof ResizeObserver === 'undefined') return;
    const check = () => setCut(p.scrollHeight > p.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(p);
    check();
    return () => observer.disconnect();
  }, [text]);
  return (
    <div className="caption-row">
      <p ref={ref} className={`caption ${whole ? 'whole' : ''}`}>
        {text}
      </p>
      {(cut || whole) && (
        <button type="button" className="link caption-more" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? 'Less' : 'More'}
        </button>
      )}
    </div>
  );
}

/**
 * The atlas's layout for the current sources, filters and stage, with the decorations it goes with; null outside the
 * atlas (`on` false) and until the first is computed.
 *
 * It is computed in a task of its own, posted after the render that follows a change (issue #10 point 5: no task
 * over 50 ms on a switch of view or a toggle): reading the layout atom in render would compute it in the task of
 * the click (jotai recomputes what is read as soon as a choice is set) or of the commit that opens the atlas, on
 * top of their own work. The atom is read here only through the store, in that task; the canvas then gets the new
 * positions and the decorations of the same choices together, in the render after it, as before.
 */
function useAtlasLayout(on: boolean, decorations: Decorations): { layout: ActiveLayout; decorations: Decorations; pending: boolean } | null {
  const store = useStore();
  // Anything the layout is computed from that changes without changing the decorations: the stage's shape.
  const aspect = useAtomValue(stageAspectAtom);
  const fit = useAtomValue(stageFitAtom);
  const [shown, setShown] = useState<AtlasDrawing | null>(null);
  const current = shown !== null && shown.decorations === decorations && shown.aspect === aspect && shown.fit === fit;
  useEffect(() => {
    if (!on) return setShown(null);
    if (current) return;
    const made = () => {
      const layout = store.get(atlasLayoutAtom);
      return layout && { layout, decorations: store.get(decorationsAtom), aspect: store.get(stageAspectAtom), fit: store.get(stageFitAtom) };
    };
    if (typeof MessageChannel === 'undefined') return setShown(made());
    const channel = new MessageChannel();
    channel.port1.onmessage = () => setShown(made());
    channel.port2.postMessage(null);
    return () => channel.port1.close();
  }, [on, current, decorations, aspect, fit, store]);
  return on && shown ? { layout: shown.layout, decorations: shown.decorations, pending: !current } : null;
}

/** The atlas's layout and the choices it was computed for. */
interface AtlasDrawing {
  layout: ActiveLayout;
  decorations: Decorations;
  aspect: number | null;
  fit: { width: number; height: number } | null;
}

/** The diagram of the current view: a region named after it, its caption, the canvas with overlays, its legend. */
export function MainGraph() {
  const view = useAtomValue(currentViewAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const decorations = useAtomValue(decorationsAtom);
  const focus = useAtomValue(focusAtom);
  const setFocus = useSetAtom(focusAtom);
  const highlight = useAtomValue(pathHighlightAtom);
  const mode = useAtomValue(modeAtom);
  // The atlas is laid out for the shape of its stage, measured before it is first drawn.
  const stageRef = useRef<HTMLDivElement>(null);
  const measured = useStageAspect(stageRef, mode === 'atlas', useSetAtom(stageShapeAtom));
  const atlas = useAtlasLayout(mode === 'atlas' && measured, decorations);
  const atlasLayout = atlas?.layout ?? null;
  // An explained path is brought into view: on the atlas it would otherwise be a thread across a tiny drawing.
  useEffect(() => {
    if (highlight) setFocus({ ids: [...highlight.nodes], nonce: Date.now() });
  }, [highlight, setFocus]);
  const fetched = usePositions(mode === 'atlas' ? undefined : view);
  const positions = useMemo(() => (atlasLayout ? ({ status: 'ready', positions: atlasLayout.positions } as const) : fetched), [atlasLayout, fetched]);
  // The atlas's drawing shows the decorations its layout was computed with (see useAtlasLayout).
  const drawnDecorations = atlas?.decorations ?? decorations;
  const priority = useMemo(() => (mode === 'atlas' ? labelPriority(view, drawnDecorations, selection) : undefined), [mode, view, drawnDecorations, selection]);
  const [picture, setPicture] = useAtom(prerenderAtom);
  const box = useMemo(() => (atlasLayout ? atlasLayout.box : positions.status === 'ready' ? drawingBox(view, positions.positions) : undefined), [atlasLayout, view, positions]);
  // The canvas draws under the picture, hidden, until the reader acts (prerender-picture.tsx).
  // (Once the canvas has its first drawing: it is computed in slices under the picture.)
  const takeOver = useCallback(() => whenCanvasSettled(stageRef.current, () => setPicture(null)), [setPicture]);
  const onCy = usePictureTakeover(takeOver);
  const showPicture = picture !== null && picture.key === view.key && (picture.html !== undefined || picture.node !== undefined);
  const styles = useMemo(() => overlayStyles(view, drawnDecorations), [view, drawnDecorations]);
  const marks = useMemo(() => sourceMarks(view, drawnDecorations), [view, drawnDecorations]);
  // Anything that changes the drawing (a selection from the text version or search, an overlay, a focus, a path)
  // hands over to the canvas: the picture shows only the view as it was sent.
  const shown = useRef({ selection, decorations, focus, highlight });
  useEffect(() => {
    const s = shown.current;
    if (s.selection !== selection || s.decorations !== decorations || s.focus !== focus || s.highlight !== highlight) takeOver();
  }, [selection, decorations, focus, highlight, takeOver]);
  // What the stage holds: the canvas when the view can be drawn. A view that cannot be drawn yet (its layout file
  // still loading, the atlas's stage not yet measured) keeps the previous drawing on the same canvas until it can: the
  // next drawing then replaces its elements in the same Cytoscape instance, instead of the canvas being destroyed for
  // a loading message and created again (a long task for each, issue #10 point 5).
  // The atlas waits for its stage to be measured, then for its layout (useAtlasLayout).
  const atlasWaits = mode === 'atlas' && !atlasLayout;
  const drawable = !atlasWaits && positions.status === 'ready';
  const waiting = !drawable && !picture?.server && (positions.status === 'loading' || atlasWaits);
  const lastCanvas = useRef<ReactElement | null>(null);
  const holding = waiting && lastCanvas.current !== null;
  // A wait longer than HOLD_MS (a layout computed on the spot, or a slow machine) says so over the held drawing.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!waiting) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), HOLD_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  let stage: ReactNode;
  if (picture?.server) stage = <ToolbarPlaceholder name="main" />;
  else if (drawable)
    stage = lastCanvas.current = (
      <Suspense fallback={<ToolbarPlaceholder name="main" />}>
        <LazyGraphCanvas
          view={view}
          positions={positions.positions}
          selection={selection}
          onSelect={setSelection}
          name="main"
          overlay={styles}
          marks={marks}
          focus={focus}
          fitBox={box}
          onCy={picture ? onCy : undefined}
          {...(atlasLayout ? { animate: true } : {})}
          {...(atlas?.pending ? { pending: true } : {})}
          {...(priority ? { labelPriority: priority } : {})}
        />
      </Suspense>
    );
  else if (holding) stage = lastCanvas.current;
  else if (atlasWaits) stage = null;
  else if (positions.status === 'loading')
    stage = (
      <p className="stage-message" role="status">
        Laying out {view.title}…
      </p>
    );
  else if (positions.status === 'error')
    stage = (
      <div className="stage-message" role="alert">
        <p>
          Could not lay out {view.title}: {positions.message}
        </p>
        <button type="button" onClick={positions.retry}>
          Try again
        </button>
      </div>
    );
  if (!holding) lastCanvas.current = drawable ? lastCanvas.current : null;
  return (
    <section className="main-graph" aria-label={view.title}>
      <header className="graph-header">
        <h2 title={view.title}>{view.title}</h2>
        {view.caption && <Caption key={view.key} text={view.caption} />}
      </header>
      <div className={showPicture && !picture.server ? 'graph-stage covered' : 'graph-stage'} ref={stageRef} aria-busy={holding || undefined}>
        {showPicture && <PrerenderPicture picture={picture} />}
        {stage}
        {holding && slow && (
          <p className="stage-message over" role="status">
            Laying out {view.title}…
          </p>
        )}
      </div>
      <Legend />
    </section>
  );
}
