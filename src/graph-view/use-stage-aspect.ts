/**
 * The shape of the box a canvas fits its drawing into, measured from the stage element that will hold the canvas:
 * before the first paint (so a view laid out for it is drawn once, not twice) and again when the stage is resized.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { FIT_PADDING, fitAspect, TOOLBAR_HEIGHT } from './fit.ts';

/** Changes under 2 % (of the aspect, the width or the height) are not reported: a grid laid out afresh for them would look the same. */
const STEP = 0.02;

/** The box a canvas on a stage of this size fits its drawing into (fit.ts): padding and toolbar off. */
export interface FitBox {
  width: number;
  height: number;
}

/**
 * Passes the stage's fit aspect and fit box to `setAspect` once before the first paint, then on every resize that
 * changes them, and returns whether the stage has been measured (the view waits for it, so it is laid out once, for its real shape).
 * A stage with no size (a test DOM) counts as measured without an aspect: the view then keeps its default shape.
 */
export function useStageAspect(ref: RefObject<HTMLElement | null>, enabled: boolean, setAspect: (aspect: number, fit: FitBox) => void): boolean {
  const [measured, setMeasured] = useState(false);
  const report = useCallback(
    (aspect: number | null, fit: FitBox) => {
      if (aspect !== null) setAspect(aspect, fit);
      setMeasured(true);
    },
    [setAspect],
  );
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let last: { aspect: number | null; fit: FitBox } | undefined;
    const near = (a: number, b: number) => Math.abs(a - b) / Math.max(b, 1) < STEP;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const aspect = width < 1 || height < 1 ? null : Math.round(fitAspect(width, height) * 100) / 100;
      const fit = { width: Math.max(Math.round(width - 2 * FIT_PADDING), 1), height: Math.max(Math.round(height - 2 * FIT_PADDING - TOOLBAR_HEIGHT), 1) };
      if (last !== undefined && (aspect === null || (last.aspect !== null && near(aspect, last.aspect) && near(fit.width, last.fit.width) && near(fit.height, last.fit.height)))) return;
      last = { aspect, fit };
      report(aspect, fit);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled, report]);
  return measured;
}
