/**
 * The start-up's work is spread over tasks (issue #10 point 3: from navigation until a click shows details, no
 * main-thread task over 50 ms). Checked by structure, not by time: Chromium traces the page's main thread, and each
 * step the app marks (performance.mark) is found in the task that ran it.
 *
 * - Cytoscape is made (core, default stylesheet, renderer) in one task, with no elements; the instance is handed to
 *   the canvas's owner, which gives it our stylesheet and the drawing, in a later task (use-cytoscape.ts). Made and
 *   drawn in one task, this was the longest task of a start-up.
 * - The compare page's stage is measured from the frame's own layout (use-stage-aspect.ts, inFrame), not in React's
 *   commit that first shows it, where reading its box laid the page out inside the commit's task.
 * - The first fit of a drawing whose looks come in slices does not measure its elements (use-viewport.ts, roughFit),
 *   and once the looks are in it is fitted exactly, as Cytoscape's own fit would.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';
import { traced } from './trace.ts';
import { fitInPane } from '../../src/graph-view/fit.ts';

const getBrowser = useBrowser();

interface Step {
  name: string;
  /** Its task paints after it: it ran in a frame's rendering (a ResizeObserver's callback comes after layout). */
  frame?: boolean;
  elements: number;
  /** The index of the main-thread task that ran it (-1: none found). */
  task: number;
}

/**
 * Opens `search` traced until `pane` is drawn and settled; the marked steps whose names start with `prefix`, each with
 * the task it ran in and whether that task is a frame painting after it.
 */
async function tracedStart(search: string, pane: string, prefix = 'canvas:'): Promise<{ page: Page; steps: Step[] }> {
  const browser = getBrowser();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const events = await traced(browser, page, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'], async () => {
    await page.goto(appUrl(search));
    await waitForCanvas(page, pane);
  });
  const marked = await page.evaluate((prefix) =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith(prefix))
      .map((m) => ({ name: m.name, elements: (m as PerformanceMark).detail?.elements as number })),
    prefix,
  );
  // The marks as the trace has them, on the page's main thread, in order.
  const inTrace = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith(prefix)).sort((a, b) => a.ts - b.ts);
  const main = inTrace[0];
  const tasks = main ? events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid) : [];
  const steps = inTrace.map((m, i) => ({
    name: m.name,
    elements: marked[i]?.name === m.name ? marked[i]!.elements : NaN,
    task: tasks.findIndex((t) => t.ts <= m.ts && m.ts <= t.ts + (t.dur ?? 0)),
  }));
  const paints = main ? events.filter((e) => e.name === 'Paint' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid) : [];
  // Whether the step's task is a frame that paints after it.
  const painting = (step: Step, ts: number) => {
    const t = tasks[step.task];
    return !!t && paints.some((p) => p.ts > ts && p.ts <= t.ts + (t.dur ?? 0));
  };
  return { page, steps: steps.map((s, i) => ({ ...s, frame: painting(s, inTrace[i]!.ts) })) };
}

describe('start-up tasks', () => {
  for (const [what, search, pane] of [
    ['a figure', '?figure=fig1', 'main'],
    ['the compare page', '?view=compare&left=source:hpmsc&right=source:humsc', 'difference'],
  ] as const) {
    it(`${what}: Cytoscape is made empty in one task and given its drawing in a later one`, async () => {
      const { page, steps } = await tracedStart(search, pane);
      expect(steps.map((s) => s.name)).toEqual(['canvas:made', 'canvas:handed']);
      const [made, handed] = steps as [Step, Step];
      // Made with nothing in it; still empty when handed out (the owner's next render gives it the elements).
      expect(made.elements).toBe(0);
      expect(handed.elements).toBe(0);
      expect(made.task).toBeGreaterThanOrEqual(0);
      expect(handed.task).toBeGreaterThan(made.task);
      expect(await page.evaluate((p) => window.mscAtlas!.cy[p]!.elements().length, pane)).toBeGreaterThan(50);
      await page.close();
    });
  }

  it("the compare page's stage is measured from a frame's layout, in a later task than the render that shows it", async () => {
    const { page, steps } = await tracedStart('?view=compare&left=source:hpmsc&right=source:humsc', 'difference', 'stage:');
    // (A later resize measures again.)
    expect(steps.slice(0, 2).map((s) => s.name)).toEqual(['stage:observed', 'stage:measured']);
    const [observed, measured] = steps as [Step, Step];
    expect(observed.task).toBeGreaterThanOrEqual(0);
    expect(measured.task).toBeGreaterThan(observed.task);
    // Taken in a frame, after its layout and before its paint; the render that showed the stage painted nothing.
    expect(measured.frame).toBe(true);
    expect(observed.frame).toBe(false);
    await page.close();
  });

  it('a drawing fitted roughly at first is fitted exactly once its looks are in', async () => {
    // (With a filter, the page's picture does not show what the address asks for: the canvas's own fit is what shows.)
    const page = await getBrowser().newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(appUrl('?view=compare&left=figure:fig2&right=figure:fig3&sign=decrease'));
    await waitForCanvas(page, 'difference');
    const { now, pane } = await page.evaluate(() => {
      const cy = window.mscAtlas!.cy.difference!;
      return { now: { zoom: cy.zoom(), pan: { ...cy.pan() } }, pane: { width: cy.width(), height: cy.height(), box: cy.elements().boundingBox(), min: cy.minZoom(), max: cy.maxZoom() } };
    });
    // The exact fit: every element measured (graph-view/fit.ts).
    const exact = fitInPane(pane.width, pane.height, pane.box, pane);
    expect(now.zoom).toBeCloseTo(exact.zoom, 6);
    expect(now.pan.x).toBeCloseTo(exact.pan.x, 3);
    expect(now.pan.y).toBeCloseTo(exact.pan.y, 3);
    await page.close();
  });
});
