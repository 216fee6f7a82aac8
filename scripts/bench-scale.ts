/**
 * The scale part of `npm run bench` (`npm run bench -- --scale` alone): a generated network of 200, 2,000 and
 * 10,000 nodes (tests/helpers/scale-graph.ts; 2 edges per node, 10,000 for the largest, which is the import's
 * 20,000-element limit) opened through the app's own import in Chromium, timed by the stage marks the page sets
 * (open-file.tsx):
 *  - parse: reading the file, telling its format and reading it (worker),
 *  - check and match: limits, the contract, matching to the atlas (worker),
 *  - layout: ELK in the worker, with the algorithm the import picks for the size,
 *  - first draw: from the finished graph to every node drawn on the canvas (main thread),
 * then the main-thread long tasks (over 50 ms, and how many over 100 ms) while it loaded and during 20 steps of
 * panning and zooming. It asserts nothing: numbers go in notes.
 */
import type { Browser } from 'playwright-core';
import { importAlgorithm } from '../src/layout/import-layout.ts';
import { scaleGraph } from '../tests/helpers/scale-graph.ts';

const SIZES: [number, number][] = [
  [200, 400],
  [2000, 4000],
  [10_000, 10_000],
];
const TIMEOUT = Number(process.env.BENCH_SCALE_TIMEOUT_S ?? 600) * 1000;

type Marks = Record<string, number>;

export async function benchScale(browser: Browser, base: string) {
  console.log('\nscale: a generated network opened through the import (worker: parse, check, layout; page: first draw)');
  console.log('nodes   edges   algorithm  parse ms  check+match ms  layout ms  first draw ms  long tasks >50 ms (>100 ms) loading / panning+zooming');
  // BENCH_SCALE_SIZES=200,2000 measures only those sizes.
  const only = process.env.BENCH_SCALE_SIZES?.split(',').map(Number);
  for (const [n, e] of SIZES.filter(([size]) => !only || only.includes(size))) {
    const g = scaleGraph(n, e);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${base}?figure=fig1`);
      await page.waitForFunction(() => (window.mscAtlas?.cy.main?.nodes().length ?? 0) > 0);
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((t) => w.longTasks.push(t.duration))).observe({ type: 'longtask', buffered: false });
      });
      await page.locator('input[type=file]').setInputFiles({ name: g.name, mimeType: 'application/json', buffer: Buffer.from(g.text) });
      const drawn = await page
        .waitForFunction(
          (): number => {
            // Polled every frame: 0 until the imported graph is shown and drawn, then the time of that frame. (Its
            // node count can be below the file's: names of one atlas entity, such as HGF and HGNC:4893, merge.)
            // A big drawing is handed to Cytoscape in chunks and shown when cached (graph-view/big-drawing.ts): drawn
            // is when the canvas holds the import and is no longer busy.
            // The last figure's instance may still be listed for a moment after it is destroyed (its listing is
            // removed in an effect): measuring its nodes would throw, and a throw ends waitForFunction (before,
            // the 200- and 2,000-node rows said "not drawn").
            const cy = window.mscAtlas?.cy.main;
            if (!window.location.search.includes('figure=import-') || !cy || cy.destroyed() || cy.nodes().length === 0 || cy.nodes()[0]!.renderedBoundingBox().w === 0) return 0;
            if (!document.querySelector('.main-graph .graph-canvas[data-view^="figure:import-"]:not([aria-busy="true"])')) return 0;
            return performance.now();
          },
          undefined,
          { timeout: TIMEOUT, polling: 'raf' },
        )
        .then((h) => h.jsonValue() as Promise<number>)
        .catch((e: unknown) => {
          console.log(`  ${n} nodes: not drawn (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
          return NaN;
        });
      const marks: Marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.startTime])));
      const loading = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
      let panning: number[] = [];
      if (Number.isFinite(drawn)) {
        const box = (await page.locator('.main-graph .cy').boundingBox())!;
        const cx = box.x + box.width / 2;
        const cy = box.y + box.height / 2;
        for (let i = 0; i < 10; i++) {
          await page.mouse.move(cx, cy);
          await page.mouse.wheel(0, i % 2 ? 240 : -240);
          await page.mouse.down();
          await page.mouse.move(cx + 120, cy + 60, { steps: 4 });
          await page.mouse.up();
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        }
        await page.waitForTimeout(300);
        panning = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
      }
      const span = (a: string, b: string) => (marks[a] !== undefined && marks[b] !== undefined ? (marks[b]! - marks[a]!).toFixed(0) : '—');
      const algorithm = importAlgorithm({ nodes: { length: n } as never });
      const tasks = (xs: number[]) => `${xs.length} (${xs.filter((d) => d > 100).length}${xs.length ? `, longest ${Math.max(...xs).toFixed(0)} ms` : ''})`;
      console.log(
        [
          String(n).padEnd(7),
          String(g.edges).padEnd(7),
          algorithm.padEnd(10),
          span('import:reading', 'import:checking').padStart(8),
          span('import:checking', 'import:laying out').padStart(15),
          (marks['import:laying out'] !== undefined ? span('import:laying out', 'import:done') : 'not reached').padStart(10),
          (Number.isFinite(drawn) && marks['import:done'] !== undefined ? (drawn - marks['import:done']!).toFixed(0) : `not drawn in ${TIMEOUT / 1000} s`).padStart(14),
          ` ${tasks(loading)} / ${Number.isFinite(drawn) ? tasks(panning) : '—'}`,
        ].join(' '),
      );
    } finally {
      await context.close();
    }
  }
}
