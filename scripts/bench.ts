/**
 * npm run bench (after npm run build): measures, in Chromium against the production build,
 *  - start-up to first drawn figure,
 *  - atlas overlay changes (every source off and on, four filters, the cell-free lens, Clear filters), paced like
 *    a person and rapid-fire: main-thread long tasks (PerformanceObserver "longtask", i.e. tasks over 50 ms),
 *    each named by the change in progress, and the time from click to the canvas redrawn,
 *  - exports of the atlas as 3840×2160 PNG and SVG,
 *  - imported networks of 200, 2,000 and 10,000 nodes: parse, layout and first-draw times, long tasks while
 *    loading and panning (bench-scale.ts),
 *  - the label table: label px (min, median) per view at its default fit (bench-labels.ts),
 * and prints the figures. It asserts nothing: numbers go in notes, not in tests.
 *  - switching views, figures, sources, filters and compare pairs: time to the new drawing and longest task
 *    (bench-switch.ts),
 * `npm run bench -- --labels` prints only the label table, `-- --switch` only the switching figures,
 * `-- --scale` only the scale table, `-- --tasks` only the start-up tasks read from a trace (bench-tasks.ts).
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { labelTable } from './bench-labels.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { benchStart } from './bench-start.ts';
import { benchSwitch, sourceToggles } from './bench-switch.ts';
import { benchScale } from './bench-scale.ts';
import { benchTasks } from './bench-tasks.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
};

const labelsOnly = process.argv.includes('--labels');
const scaleOnly = process.argv.includes('--scale');
try {
  // Figure ids in reading order, from the graph files (the bench needs no model code).
  const figures = readdirSync(new URL('../graphs/figures/', import.meta.url))
    .map((f) => JSON.parse(readFileSync(new URL(`../graphs/figures/${f}`, import.meta.url), 'utf8')) as { id: string; order: number })
    .sort((a, b) => a.order - b.order)
    .map((f) => f.id);
  if (process.argv.includes('--switch')) {
    await benchSwitch(browser, base, figures);
    throw 'done';
  }
  if (process.argv.includes('--tasks')) {
    // BENCH_TASK_PAGES=?figure=fig2,?view=atlas picks the pages (default: the start page and Table 2).
    const pages = (process.env.BENCH_TASK_PAGES ?? ',?figure=table2').split(',');
    await benchTasks(browser, base, pages, Number(process.env.BENCH_TASK_RUNS ?? 5));
    throw 'done';
  }
  if (scaleOnly) {
    await benchScale(browser, base);
    throw 'done';
  }
  if (!labelsOnly) {
    // BENCH_BASELINE=<a dist folder of another build>: its pages are measured too, alternated with this build's in
    // the same run (bench-start.ts), so both see the same load.
    const baseline = process.env.BENCH_BASELINE
      ? await preview({ root, build: { outDir: process.env.BENCH_BASELINE }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
      : undefined;
    await benchStart(browser, base, figures, Number(process.env.BENCH_START_RUNS ?? 3), baseline?.resolvedUrls!.local[0]);
    await baseline?.close();
  }
  if (!labelsOnly && !process.env.BENCH_ONLY_START) await benchSwitch(browser, base, figures);
  if (process.env.BENCH_ONLY_START) {
    await browser.close();
    await server.close();
    process.exit(0);
  }

  if (labelsOnly) {
    await labelTable(browser, base);
    throw 'done';
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const startups: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = Date.now();
    await page.goto(base);
    await page.waitForFunction(() => (window.mscAtlas?.cy.main?.nodes().length ?? 0) > 0);
    startups.push(Date.now() - t0);
  }
  console.log(`start-up to a drawn figure: ${stats(startups)}`);

  await page.goto(`${base}?view=atlas`);
  await page.waitForFunction(() => (window.mscAtlas?.cy.main?.nodes().length ?? 0) > 0);
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
    for (let i = 0; i < RUNS; i++) {
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

  for (const [format, label] of [
    ['png', 'PNG image'],
    ['svg', 'SVG image (vector)'],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: label }).check();
      if (format === 'png') await dialog.getByRole('combobox', { name: 'Size' }).selectOption('slide-4k');
      const t0 = Date.now();
      const [dl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
      await dl.path();
      times.push(Date.now() - t0);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    console.log(`atlas export ${format.toUpperCase()}${format === 'png' ? ' 3840×2160' : ''}, click to file saved: ${stats(times)}`);
  }
  await benchScale(browser, base);
  await labelTable(browser, base);
} catch (e) {
  if (e !== 'done') throw e;
} finally {
  await browser.close();
  await server.close();
}
