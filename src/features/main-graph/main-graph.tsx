import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import type { Core } from 'cytoscape';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LazyGraphCanvas } from '../../graph-view/lazy-graph-canvas.tsx';
import { useStageAspect } from '../../graph-view/use-stage-aspect.ts';
import { drawingBox } from '../../layout/drawing-box.ts';
import { prerenderAtom, type Prerendered } from '../../state/prerender.ts';
import { overlayStyles, sourceMarks } from '../../graph-view/overlay-styles.ts';
import { atlasLayoutAtom, currentViewAtom, decorationsAtom, focusAtom, modeAtom, pathHighlightAtom, selectionAtom, stageAspectAtom } from '../../state/atoms.ts';
import type { GraphView } from '../../model/view.ts';
import type { Decorations } from '../../theme/decorations.ts';
import { Legend } from '../legend/legend.tsx';
import { usePositions } from './use-positions.ts';

/**
 * Which labels the atlas overview keeps when zoomed out (label-lod.ts): cell sources first, then shared factors
 * and ovarian outcomes, then the others by how many relations they have.
 */
function labelPriority(view: GraphView, decorations: Decorations): Map<string, number> {
  const degree = new Map<string, number>();
  for (const e of view.edges) if (!decorations.edges.get(e.id)?.dim) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const n of view.nodes) {
    const d = decorations.nodes.get(n.id);
    const base = n.entity.kind === 'msc-source' ? 4 : d?.shared || n.entity.kind === 'ovarian-outcome' ? 3 : 1;
    out.set(n.id, base + Math.min(degree.get(n.id) ?? 0, 99) / 100);
  }
  return out;
}

/**
 * The picture the page came with (prerendered at build time), over the canvas until the canvas has drawn: same
 * box, same fit, so the takeover does not move anything.
 */
function Picture({ picture }: { picture: Prerendered }) {
  // The page is sent with two pictures of a figure, the usual one and the portrait one (.prerender-portrait: a phone
  // held upright shows that one instead, app.css); the app keeps the one shown (main.tsx).
  if (picture.html !== undefined)
    return (
      <>
        <div className="prerender-picture" data-view={picture.key} aria-hidden={picture.server ? undefined : true} dangerouslySetInnerHTML={{ __html: picture.html }} />
        {picture.portraitHtml !== undefined && (
          <div className="prerender-portrait" data-view={picture.key} aria-hidden="true" dangerouslySetInnerHTML={{ __html: picture.portraitHtml }} />
        )}
      </>
    );
  return (
    <div
      className={picture.orientation === 'portrait' ? 'prerender-picture portrait' : 'prerender-picture'}
      data-view={picture.key}
      aria-hidden="true"
      ref={(el) => {
        if (el && picture.node && el.childNodes.length === 0) el.append(...picture.node.childNodes);
      }}
    />
  );
}

/** The canvas's toolbar as it will be, so the page does not change when the canvas takes over (or while it loads). */
function ToolbarPlaceholder() {
  return (
    <div className="graph-canvas">
      <div className="canvas-toolbar" role="toolbar" aria-label="Zoom main">
        <button type="button">Zoom in</button>
        <button type="button">Zoom out</button>
        <button type="button">Fit</button>
      </div>
    </div>
  );
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

/** The diagram of the current view: a region named after it, its caption, the canvas with overlays, its legend. */
export function MainGraph() {
  const view = useAtomValue(currentViewAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const decorations = useAtomValue(decorationsAtom);
  const focus = useAtomValue(focusAtom);
  const setFocus = useSetAtom(focusAtom);
  const highlight = useAtomValue(pathHighlightAtom);
  const mode = useAtomValue(modeAtom);
  const atlasLayout = useAtomValue(atlasLayoutAtom);
  // The atlas is laid out for the shape of its stage, measured before it is first drawn.
  const stageRef = useRef<HTMLDivElement>(null);
  const measured = useStageAspect(stageRef, mode === 'atlas', useSetAtom(stageAspectAtom));
  // An explained path is brought into view: on the atlas it would otherwise be a thread across a tiny drawing.
  useEffect(() => {
    if (highlight) setFocus({ ids: [...highlight.nodes], nonce: Date.now() });
  }, [highlight, setFocus]);
  const fetched = usePositions(mode === 'atlas' ? undefined : view);
  const positions = useMemo(() => (atlasLayout ? ({ status: 'ready', positions: atlasLayout.positions } as const) : fetched), [atlasLayout, fetched]);
  const priority = useMemo(() => (mode === 'atlas' ? labelPriority(view, decorations) : undefined), [mode, view, decorations]);
  const [picture, setPicture] = useAtom(prerenderAtom);
  const box = useMemo(() => (atlasLayout ? atlasLayout.box : positions.status === 'ready' ? drawingBox(view, positions.positions) : undefined), [atlasLayout, view, positions]);
  // The canvas starts exactly where the picture is (fractions of a pixel included, so nothing shifts when it takes
  // over) and draws under it, hidden. The picture stays until the drawing is about to differ from it: the first
  // pan, zoom, click, pointer over the diagram, key, resize or change of what is shown. Until then the page keeps
  // the pixels it was sent with (canvas text and the SVG's differ by a few anti-aliased pixels per label, which
  // would make the whole picture flicker at an arbitrary moment), and a click already goes to the canvas below.
  const takeOver = useCallback(() => setPicture(null), [setPicture]);
  const onCy = useCallback(
    (cy: Core | null) => {
      if (!cy) return;
      // After the canvas's own effects (its fit) have run, before it paints.
      queueMicrotask(() => {
        const container = cy.container();
        const svg = container?.closest('.graph-stage')?.querySelector<SVGSVGElement>('.prerender-picture svg');
        const vb = svg?.viewBox.baseVal;
        // A canvas that opened on the figure's start (a phone) keeps its readable view: the picture goes at once.
        const start = container?.closest('.graph-canvas')?.hasAttribute('data-start-view');
        if (!container || !svg || !vb || vb.width <= 0 || vb.height <= 0 || start) {
          cy.one('render', () => requestAnimationFrame(takeOver));
          return;
        }
        const r = svg.getBoundingClientRect();
        const c = container.getBoundingClientRect();
        const zoom = Math.min(r.width / vb.width, r.height / vb.height);
        cy.viewport({
          zoom,
          pan: { x: r.left - c.left + (r.width - vb.width * zoom) / 2 - zoom * vb.x, y: r.top - c.top + (r.height - vb.height * zoom) / 2 - zoom * vb.y },
        });
        const events = ['pointerdown', 'pointermove', 'wheel', 'keydown', 'focusin'] as const;
        const stop = () => {
          cy.off('viewport select unselect', stop);
          for (const e of events) container.removeEventListener(e, stop, true);
          window.removeEventListener('resize', stop);
          takeOver();
        };
        cy.on('viewport select unselect', stop);
        for (const e of events) container.addEventListener(e, stop, { capture: true, passive: true });
        window.addEventListener('resize', stop);
      });
    },
    [takeOver],
  );
  const showPicture = picture !== null && picture.key === view.key && (picture.html !== undefined || picture.node !== undefined);
  const styles = useMemo(() => overlayStyles(view, decorations), [view, decorations]);
  const marks = useMemo(() => sourceMarks(view, decorations), [view, decorations]);
  // Anything that changes the drawing (a selection from the text version or search, an overlay, a focus, a path)
  // hands over to the canvas: the picture shows only the view as it was sent.
  const shown = useRef({ selection, decorations, focus, highlight });
  useEffect(() => {
    const s = shown.current;
    if (s.selection !== selection || s.decorations !== decorations || s.focus !== focus || s.highlight !== highlight) takeOver();
  }, [selection, decorations, focus, highlight, takeOver]);
  return (
    <section className="main-graph" aria-label={view.title}>
      <header className="graph-header">
        <h2>{view.title}</h2>
        {view.caption && <Caption key={view.key} text={view.caption} />}
      </header>
      <div className={showPicture && !picture.server ? 'graph-stage covered' : 'graph-stage'} ref={stageRef}>
        {showPicture && <Picture picture={picture} />}
        {picture?.server ? (
          <ToolbarPlaceholder />
        ) : mode === 'atlas' && !measured ? null : positions.status === 'ready' ? (
          <Suspense fallback={<ToolbarPlaceholder />}>
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
              {...(priority ? { labelPriority: priority } : {})}
            />
          </Suspense>
        ) : positions.status === 'loading' ? (
          <p className="stage-message" role="status">
            Laying out {view.title}…
          </p>
        ) : (
          <div className="stage-message" role="alert">
            <p>
              Could not lay out {view.title}: {positions.message}
            </p>
            <button type="button" onClick={positions.retry}>
              Try again
            </button>
          </div>
        )}
      </div>
      <Legend />
    </section>
  );
}
