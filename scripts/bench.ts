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
 * `-- --overlay` only the atlas overlay changes (bench-overlay.ts), `-- --scale` only the scale table, `-- --tasks` only the start-up tasks read from a trace (bench-tasks.ts).
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { labelTable } from './bench-labels.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { benchStart } from './bench-start.ts';
import { benchSwitch } from './bench-switch.ts';
import { benchScale } from './bench-scale.ts';
import { benchTasks } from './bench-tasks.ts';
import { benchOverlay, stats } from './bench-overlay.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});


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
  if (process.argv.includes('--overlay')) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}?view=atlas`);
    await page.waitForFunction(() => (window.mscAtlas?.cy.main?.nodes().length ?? 0) > 0);
    await benchOverlay(page, RUNS);
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
  await benchOverlay(page, RUNS);

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
