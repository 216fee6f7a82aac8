/**
 * The atlas overlay changes for `npm run bench` (issue: no main-thread task over 50 ms when toggling sources and
 * filters): every cell source off and on, four filters, the cell-free lens and Clear filters, `runs` times, paced like
 * a person (one change every 300 ms, each timed until the canvas has settled) and rapid-fire (the next change as soon
 * as the last one painted). Every main-thread long task (over 50 ms) is printed with the change in progress when it
 * ended. The page is the atlas, drawn.
 */
import type { Page } from 'playwright-core';
import { sourceToggles } from './bench-switch.ts';

/** Median, 90th percentile and maximum of some milliseconds, as text. */
export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

export async function benchOverlay(page: Page, runs: number) {
  const size = await page.evaluate(() => ({ nodes: window.mscAtlas!.cy.main!.nodes().length, edges: window.mscAtlas!.cy.main!.edges().length }));
  console.log(`atlas: ${size.nodes} nodes, ${size.edges} edges`);
  // Element handles, resolved before measuring: Playwright's role queries run in the page and would otherwise
  // be counted as the app's long tasks.
  const sources = await sourceToggles(page);
  const filters = await Promise.all(['decrease', 'rat', 'in vivo', 'cyclophosphamide'].map((name) => page.getByRole('checkbox', { name, exact: true }).elementHandle()));
  const lens = await page.getByRole('checkbox', { name: /^Cell-free lens/ }).elementHandle();
  const clear = await page.getByRole('button', { name: 'Clear filters' }).elementHandle();
  // Long tasks are labelled with the change in progress when they ended.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: [string, number][]; change: string };
    w.longTasks = [];
    w.change = '';
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push([w.change, e.duration]))).observe({ type: 'longtask', buffered: false });
  });
  const changes: [string, () => Promise<void>][] = [
    ...sources.map((box, i) => [`source ${i + 1} off`, () => box.click()] as [string, () => Promise<void>]),
    ...sources.map((box, i) => [`source ${i + 1} on`, () => box.click()] as [string, () => Promise<void>]),
    ...filters.map((box, i) => [`filter ${i + 1}`, () => box!.click()] as [string, () => Promise<void>]),
    ['cell-free lens', () => lens!.click()],
    ['clear filters', () => clear!.click()],
  ];
  // Paced: a person clicking, one change every 300 ms. Rapid: the next change as soon as the last one painted,
  // so one change's redraw can share a frame with the next one's panel update.
  for (const [mode, pause] of [
    ['paced', 300],
    ['rapid', 0],
  ] as const) {
    await page.evaluate(() => ((window as unknown as { longTasks: unknown[] }).longTasks = []));
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [label, click] of changes) {
        // Paced: time until the canvas has settled (its aria-busy flag cleared) and drawn the next frame.
        // Rapid: only until the next paint, then straight on to the next change.
        const t = await page.evaluate(
          ([l, paced]) => {
            const w = window as unknown as { change: string; settled?: Promise<number> };
            w.change = l;
            const canvas = document.querySelector('.main-graph .graph-canvas');
            w.settled = undefined;
            if (paced && canvas)
              w.settled = new Promise<number>((resolve) => {
                const stop = setTimeout(() => resolve(NaN), 3000);
                const mo = new MutationObserver(() => {
                  if (canvas.getAttribute('aria-busy') === 'true') return;
                  mo.disconnect();
                  clearTimeout(stop);
                  requestAnimationFrame(() => resolve(performance.now()));
                });
                mo.observe(canvas, { attributes: true, attributeFilter: ['aria-busy'] });
              });
            return performance.now();
          },
          [label, pause > 0] as const,
        );
        await click();
        const done = await page.evaluate(() =>
          (window as unknown as { settled?: Promise<number> }).settled ??
          new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
        );
        if (Number.isFinite(done)) timings.push(done - t);
        if (pause) await page.waitForTimeout(pause);
      }
    }
    // Let the last change paint, then read what the observer saw.
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: [string, number][] }).longTasks);
    const what = pause > 0 ? 'click to canvas redrawn' : 'click to next paint';
    console.log(`${mode}: overlay change, ${what} (includes Playwright round trip): ${stats(timings)}`);
    console.log(
      `${mode}: main-thread long tasks (>50 ms) during ${timings.length} overlay changes: ${longTasks.length}` +
        (longTasks.length ? ` (${longTasks.map(([l, d]) => `${d.toFixed(0)} ms during "${l}"`).join(', ')})` : ''),
    );
  }

}
