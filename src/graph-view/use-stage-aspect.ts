/**
 * The shape of the box a canvas fits its drawing into, measured from the stage element that will hold the canvas:
 * before the first paint (so a view laid out for it is drawn once, not twice) and again when the stage is resized.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { fitAspect } from './fit.ts';

/** Changes under 2 % are not reported: a grid laid out afresh for them would look the same. */
const STEP = 0.02;

/**
 * Passes the stage's fit aspect to `setAspect` once before the first paint, then on every resize that changes it, and
 * returns whether the stage has been measured (the view waits for it, so it is laid out once, for its real shape).
 * A stage with no size (a test DOM) counts as measured without an aspect: the view then keeps its default shape.
 */
export function useStageAspect(ref: RefObject<HTMLElement | null>, enabled: boolean, setAspect: (aspect: number) => void): boolean {
  const [measured, setMeasured] = useState(false);
  const report = useCallback(
    (aspect: number | null) => {
      if (aspect !== null) setAspect(aspect);
      setMeasured(true);
    },
    [setAspect],
  );
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let last: number | null | undefined;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const aspect = width < 1 || height < 1 ? null : Math.round(fitAspect(width, height) * 100) / 100;
      if (last !== undefined && (aspect === null || (last !== null && Math.abs(aspect - last) / last < STEP))) return;
      last = aspect;
      report(aspect);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled, report]);
  return measured;
}
