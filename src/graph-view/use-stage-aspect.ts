/**
 * The shape of the box a canvas fits its drawing into, measured from the stage element that will hold the canvas:
 * before the first paint (so a view laid out for it is drawn once, not twice) and again when the stage is resized.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { fitAspect } from './fit.ts';

/** Changes under 2 % are not reported: a grid laid out afresh for them would look the same. */
const STEP = 0.02;

/**
 * Calls `report` with the stage's fit aspect once before the first paint, then on every resize that changes it; the
 * first report is null when the stage has no size (a test DOM): the view then keeps its default shape.
 */
export function useStageAspect(ref: RefObject<HTMLElement | null>, enabled: boolean, report: (aspect: number | null) => void) {
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
}
