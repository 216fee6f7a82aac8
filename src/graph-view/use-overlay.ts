/**
 * Overlays (sources, filters, paths) and source marks on the drawing: only what changed since the last overlay, in
 * one batch, so a toggle is one restyle and no relayout; a change's styles are computed in slices
 * (deferred-styles.ts).
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { CanvasWork } from './canvas-work.ts';
import { DeferredStyles } from './deferred-styles.ts';
import type { ElementStyle } from './overlay-styles.ts';
import type { SourceMark, SourceMarksLayer } from './source-marks.ts';

const NO_OVERLAY: ReadonlyMap<string, ElementStyle> = new Map();
const NO_MARKS: ReadonlyMap<string, SourceMark> = new Map();

const words = (classes?: string) => (classes ? classes.split(' ') : []);

/** Data keys whose values differ (arrays compared by items), or null when none do. */
export function changedData(prev: ElementStyle['data'], next: ElementStyle['data']) {
  if (prev === next || !next) return null;
  const same = (x: unknown, y: unknown) =>
    x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(next)) if (!same(prev?.[k], v)) (out ??= {})[k] = v;
  return out;
}

/** What a hidden element keeps: its last classes and data, plus `off`. */
export function hiddenLike(prev: ElementStyle): ElementStyle {
  return { classes: words(prev.classes).includes('off') ? prev.classes : [...words(prev.classes), 'off'].join(' '), data: prev.data };
}

/** The instance's sliced restyles (DeferredStyles), kept in `work.deferred`; settling clears the busy mark. */
export function useDeferredStyles(cy: Core | null, work: CanvasWork) {
  useEffect(() => {
    if (!cy) return;
    const d = new DeferredStyles(cy, () => work.setBusy(false));
    work.deferred = d;
    return () => {
      d.dispose();
      work.deferred = null;
    };
  }, [cy, work]);
}

/**
 * Applies `overlay` (classes and data per element id) and hands `marks` to the marks layer with it, so both appear
 * in the same frame. A new drawing gets both before its first paint; a change (a toggle, a filter) waits for the
 * frame that paints React's update of the panels, then restyles in a task of its own in slices.
 */
export function useOverlay(
  cy: Core | null,
  options: {
    overlay: ReadonlyMap<string, ElementStyle> | undefined;
    marks: ReadonlyMap<string, SourceMark> | undefined;
    layer: SourceMarksLayer | null;
    /** The drawing's elements once all are in Cytoscape (a new array: a new drawing), or null until then. */
    drawn: unknown;
    big: MutableRefObject<boolean>;
    work: CanvasWork;
  },
) {
  const { overlay, marks, layer, drawn, big, work } = options;
  /** What the overlay set on each element, and the drawing it set it on. */
  const applied = useRef({ cy: null as Core | null, on: null as unknown, styles: new Map<string, ElementStyle>() });
  /** The marks layer that last received marks. */
  const marked = useRef<SourceMarksLayer | null>(null);
  useEffect(() => {
    if (!cy || !drawn) return;
    // A new drawing. The elements it keeps from the last one (the same ids: a new compare pair, a figure sharing
    // entities with the last) keep their classes and data in Cytoscape, and what was set on them is remembered, so
    // that only what differs is set again: set again, even to the same values, each kept element was restyled.
    const fresh = applied.current.on !== drawn || applied.current.cy !== cy;
    if (fresh) {
      const kept = new Map<string, ElementStyle>();
      if (applied.current.cy === cy) for (const [id, style] of applied.current.styles) if (cy.getElementById(id).nonempty()) kept.set(id, style);
      applied.current = { cy, on: drawn, styles: kept };
    }
    const before = applied.current.styles;
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
    const deferred = work.deferred;
    // A big drawing's first overlay: its styles computed in slices, before it comes into view (big-drawing.ts).
    if (fresh && big.current && deferred) {
      layer?.set(marks ?? NO_MARKS);
      marked.current = layer;
      deferred.restyle(change);
      return;
    }
    // A new drawing (or a new marks layer) gets its overlay and marks before its first paint.
    if (fresh || layer !== marked.current) {
      deferred?.release();
      cy.batch(change);
      layer?.set(marks ?? NO_MARKS);
      marked.current = layer;
      work.setBusy(false);
      return;
    }
    // A change of overlay (a toggle, a filter) waits for the frame that paints React's update of the panels,
    // then restyles in a task of its own with its styles computed in slices (deferred-styles.ts): the panels'
    // layout and paint, the restyle and the canvas redraw each get a frame or a task, none of them a long one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    work.setBusy(true);
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        layer?.set(marks ?? NO_MARKS);
        if (work.deferred) work.deferred.restyle(change);
        else {
          cy.batch(change);
          work.setBusy(false);
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `work` and `big` are stable; a new drawing comes with a new `drawn`
  }, [cy, overlay, drawn, layer, marks]);
}
