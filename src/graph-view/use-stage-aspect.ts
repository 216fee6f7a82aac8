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
 *
 * `inFrame`: the first measure is not taken in React's commit, where reading the stage's box makes the browser lay
 * out the page the commit has just changed, in the same task (the compare page's first render: 10–12 ms of layout in
 * a 35–40 ms task). It is taken from the frame's own layout, where the ResizeObserver reports the stage's first size,
 * and the view is rendered in the task after: a frame later, the page's own picture staying meanwhile. A stage with
 * no size, which no observer reports, is measured in the task after that frame. Each measure is marked
 * (`stage:observed` when the stage is first watched, `stage:measured`) for tests/e2e/start-tasks.e2e.ts.
 */
export function useStageAspect(ref: RefObject<HTMLElement | null>, enabled: boolean, setAspect: (aspect: number, fit: FitBox) => void, inFrame = false): boolean {
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
      if (inFrame) performance.mark('stage:measured');
      report(aspect, fit);
    };
    const observes = typeof ResizeObserver !== 'undefined';
    if (!inFrame || !observes) measure();
    if (!observes) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (!inFrame) return () => observer.disconnect();
    performance.mark('stage:observed');
    // A stage of no size is never reported by the observer: measured once a frame has gone by.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (last === undefined) measure();
      }, 0);
    });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ref, enabled, report, inFrame]);
  return measured;
}
