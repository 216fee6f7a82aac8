/**
 * Where the canvas looks: a new drawing fitted to its pane (on a phone, maybe only its start), a viewport adopted
 * from a linked pane, an element brought into view.
 */
import type { Collection, Core } from 'cytoscape';
import { useEffect, useState, type MutableRefObject } from 'react';
import { NODE_FONT_SIZE } from '../theme/kinds.ts';
import { revealWhenCached } from './big-drawing.ts';
import type { CanvasWork } from './canvas-work.ts';
import { fitCanvas, FIT_PADDING, fitInPane, MAX_FIT_ZOOM, TOOLBAR_HEIGHT, type Box } from './fit.ts';

export type Viewport = { zoom: number; pan: { x: number; y: number } };
export type ModelBox = Box;

/**
 * A pane narrower than this (a phone held upright) whose whole drawing would have labels under READABLE_PX opens
 * instead at a zoom that makes them READABLE_PX, on the figure's start (its left end, where the cell source is),
 * and says how to see the whole.
 */
export const NARROW_PANE = 600;
const READABLE_PX = 10;
/** The least label px a phone's drawing opens at (#9 point 6: 9 px on a 390×844 or 360×740 screen). */
const PHONE_FLOOR_PX = 9;

export function sameViewport(cy: Core, v: Viewport | null) {
  const pan = cy.pan();
  return v !== null && Math.abs(cy.zoom() - v.zoom) < 1e-9 && Math.abs(pan.x - v.pan.x) < 1e-6 && Math.abs(pan.y - v.pan.y) < 1e-6;
}

/**
 * The fit of a new view, as `fit(opening)`, with `fitViewport(box)` (the viewport that fits a model box) and
 * `partial` (the pane opened on part of the drawing: a phone; the toolbar then offers the whole).
 * With `fitBox`, a model box is fitted instead of the pane's own elements (linked compare panes). `openOnStart`
 * false keeps a narrow pane on the whole (see NARROW_PANE).
 */
export function useFit(cy: Core | null, fitBox: ModelBox | undefined, openOnStart: boolean) {
  // (The zoom toolbar sits over the top of the pane: the drawing starts below it.)
  const fitViewport = (box: ModelBox): Viewport => fitInPane(cy!.width(), cy!.height(), box);
  const [partial, setPartial] = useState(false);
  /**
   * `rough`: the nodes' boxes are taken from their data (their size, elements.ts) instead of measured. For the first
   * fit of a drawing whose looks come in slices (use-element-looks.ts): it is fitted again once they are in, and
   * measuring every element before then computed its style without its looks, work thrown away (30–35 ms of CPU in
   * one task for the compare page's difference diagram).
   */
  const fit = (opening = false, rough = false) => {
    if (!cy) return;
    setPartial(false);
    // Marks a canvas that opened on its start only (see below), for whoever else places the viewport.
    const stage = cy.container()?.closest('.graph-canvas');
    stage?.removeAttribute('data-start-view');
    const roughly = rough && !fitBox ? roughFit(cy) : null;
    if (roughly) cy.viewport(roughly);
    else if (!fitBox) {
      // The whole drawing, measured (labels, edges), in the box below the toolbar; a two-node table is not blown up.
      cy.viewport(fitCanvas(cy, cy.elements().boundingBox()));
    } else {
      // Fit a model box: same zoom and pan in panes of the same size, so shared entities line up.
      cy.viewport(fitViewport(fitBox));
    }
    const narrow = opening && openOnStart && cy.width() > 0 && cy.width() < NARROW_PANE && cy.nodes().nonempty();
    // (Measured only for a narrow pane: on any other, measuring every element here was most of a fit's work.)
    if (!narrow) return;
    const box = fitBox ?? cy.elements().boundingBox();
    const top = FIT_PADDING + TOOLBAR_HEIGHT;
    const across = Math.min((cy.width() - 2 * FIT_PADDING) / Math.max(box.x2 - box.x1, 1), MAX_FIT_ZOOM);
    if (across * NODE_FONT_SIZE >= PHONE_FLOOR_PX || box.y2 - box.y1 > box.x2 - box.x1) {
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
    if (cy.zoom() * NODE_FONT_SIZE < READABLE_PX) {
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
  return { fit, fitViewport, partial };
}

/**
 * What the exact fit (fitInPane on the measured box of every element) gives, from the nodes' positions and their sizes in
 * their data (`w`, `h`: elements.ts) instead of their measured boxes (labels sit inside their nodes; an edge runs
 * between its ends). Null when there are no nodes or no sizes.
 */
export function roughFit(cy: Core): Viewport | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((n) => {
    // (A size missing from the data makes the box NaN: no rough fit then. Cytoscape's measured box of a node is a
    // pixel larger than the node each side.)
    const w = n.data('w') / 2 + 1;
    const h = n.data('h') / 2 + 1;
    const p = n.position();
    x1 = Math.min(x1, p.x - w);
    x2 = Math.max(x2, p.x + w);
    y1 = Math.min(y1, p.y - h);
    y2 = Math.max(y2, p.y + h);
  });
  if (!(x2 >= x1 && y2 >= y1)) return null;
  return fitCanvas(cy, { x1, y1, x2, y2 });
}

/** A viewport from a linked pane: adopted without echoing it back (`adopting` is true meanwhile). */
export function useLinkedViewport(cy: Core | null, viewport: Viewport | null | undefined, adopting: MutableRefObject<boolean>) {
  useEffect(() => {
    if (!cy || !viewport) return;
    const pan = cy.pan();
    if (Math.abs(cy.zoom() - viewport.zoom) < 1e-6 && Math.abs(pan.x - viewport.pan.x) < 0.5 && Math.abs(pan.y - viewport.pan.y) < 0.5) return;
    adopting.current = true;
    cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
    adopting.current = false;
  }, [cy, viewport, adopting]);
}

/**
 * A new drawing (`drawn` changes) is fitted to its pane; the viewport that fit set is kept in `fitted`. A big
 * drawing comes into view once Cytoscape has it cached (big-drawing.ts), busy until then, and is busy from its
 * first chunk (`staging`: a big drawing whose elements are not all in yet).
 */
export function useRefit(
  cy: Core | null,
  drawn: unknown,
  fit: (opening?: boolean, rough?: boolean) => void,
  fitted: MutableRefObject<Viewport | null>,
  work: CanvasWork,
  staging: { big: boolean; complete: boolean },
  elements: unknown,
  focus: FocusState,
) {
  useEffect(() => {
    if (!cy || !drawn) return;
    cy.resize();
    // A drawing whose looks come in slices is fitted again, exactly, once they are in (use-element-looks.ts).
    fit(true, work.slicedLooks?.pending === true);
    fitted.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    // What to bring into view that came before the drawing (a link to an explained path, or that selects something)
    // is where the drawing opens: fitting the whole first and moving to it once shown moved the view under the
    // reader's eyes. Not one entity under a picture of the whole view: the canvas takes over from the picture where
    // it is, then moves. (After the fit above, so the sliced looks' exact fit sees a placed viewport and keeps it.)
    const opening = focus.current;
    if (opening && focus.applied !== opening && (opening.ids || !focus.underPicture)) {
      const at = focusViewport(cy, opening);
      if (at) {
        cy.viewport(at);
        focus.applied = opening;
      }
    }
    if (!staging.big) return;
    work.revealing = true;
    work.setBusy(true);
    const stop = revealWhenCached(cy, { zoom: cy.zoom(), pan: { ...cy.pan() } }, () => {
      work.revealing = false;
      work.setBusy(false);
    });
    return () => {
      stop();
      work.revealing = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refit only when the drawing changes
  }, [cy, drawn]);
  useEffect(() => {
    if (cy && staging.big && !staging.complete) work.setBusy(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per new drawing
  }, [cy, elements, staging.big]);
}

/** What the canvas was asked to bring into view, and the last request it has brought (each is brought once). */
export interface FocusState {
  current: CanvasFocus | null | undefined;
  applied: CanvasFocus | null;
  /** The canvas is drawn under the page's picture, which it takes over from (prerender-picture.tsx). */
  underPicture: boolean;
}
/** An entity to centre on, or several to fit (a highlighted path); a new nonce asks again for the same. */
export type CanvasFocus = { id?: string; ids?: readonly string[]; nonce: number };

/** Cytoscape's own viewport computations (what `cy.fit` and `cy.center` apply), missing from its type declarations. */
type ViewportMath = {
  getFitViewport(eles: Collection, padding: number): Viewport | undefined;
  getCenterPan(eles: Collection, zoom: number): { x: number; y: number } | undefined;
};

/**
 * Where a focus puts the viewport: several elements fitted with room round them; one centred, at a zoom of at least
 * 0.9 (the present zoom if larger). Null when none of them is drawn.
 */
export function focusViewport(cy: Core, focus: CanvasFocus): Viewport | null {
  const math = cy as unknown as ViewportMath;
  if (!focus.ids) {
    const ele = cy.getElementById(focus.id ?? '');
    if (ele.empty()) return null;
    const zoom = Math.min(Math.max(cy.zoom(), 0.9, cy.minZoom()), cy.maxZoom());
    const pan = math.getCenterPan(ele, zoom);
    return pan ? { zoom, pan: { ...pan } } : null;
  }
  let eles = cy.collection();
  for (const id of focus.ids) eles = eles.union(cy.getElementById(id));
  if (eles.empty()) return null;
  const v = math.getFitViewport(eles, FIT_PADDING * 3);
  return v ? { zoom: v.zoom, pan: { ...v.pan } } : null;
}

/**
 * Bring what a focus names into view (one element: centred, zoomed in to 0.9 if further out; several: fitted), once
 * the drawing is complete; each request once. One that came before the drawing was complete is usually where the
 * drawing opened (useRefit).
 */
export function useFocus(cy: Core | null, focus: CanvasFocus | null | undefined, state: FocusState, drawn: boolean) {
  useEffect(() => {
    if (!cy || !focus || !drawn || state.applied === focus) return;
    const at = focusViewport(cy, focus);
    if (!at) return;
    state.applied = focus;
    cy.animate(at, { duration: 250 });
  }, [cy, focus, state, drawn]);
}
