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
 * panning and zooming. From a trace of the page's main thread (tasks' thread time, `tdur`, which a loaded machine
 * inflates far less than wall time): the first draw's CPU time and its longest task. While panning and zooming,
 * the frames: the time between one painted frame and the next (median, 95th percentile, longest) and how many
 * took over 50 ms (fewer than 20 frames a second), and the longest task's thread time. It asserts nothing:
 * numbers go in notes.
 */
import type { Browser, Page } from 'playwright-core';
import type { TraceEvent } from './bench-switch.ts';
import { importAlgorithm } from '../src/layout/import-layout.ts';
import { scaleGraph } from '../tests/helpers/scale-graph.ts';

const SIZES: [number, number][] = [
  [200, 400],
  [2000, 4000],
  [10_000, 10_000],
];
const TIMEOUT = Number(process.env.BENCH_SCALE_TIMEOUT_S ?? 600) * 1000;

type Marks = Record<string, number>;

/** The main thread's tasks (RunTask) from a trace, between two console.timeStamp stamps of the page. */
function tasksBetween(events: TraceEvent[], from: string, to: string) {
  const stamp = (m: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const a = stamp(from);
  const b = stamp(to);
  if (!a || !b) return null;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === a.pid && e.tid === a.tid && e.ts < b.ts && e.ts + (e.dur ?? 0) > a.ts);
  const cpu = tasks.map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
  return { cpu: cpu.reduce((x, y) => x + y, 0), longest: Math.max(0, ...cpu), over50: cpu.filter((c) => c > 50).length };
}

async function traced<T>(browser: Browser, page: Page, work: () => Promise<T>): Promise<{ out: T; events: TraceEvent[] }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const out = await work();
  const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return { out, events: Array.isArray(raw) ? raw : (raw.traceEvents ?? []) };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

export async function benchScale(browser: Browser, base: string) {
  console.log('\nscale: a generated network opened through the import (worker: parse, check, layout; page: first draw)');
  console.log('nodes   edges   algorithm  parse ms  check+match ms  layout ms  first draw ms  (CPU ms, longest task CPU, tasks >50 ms CPU)  long tasks >50 ms (>100 ms) loading / panning+zooming  frames panning+zooming: median / p95 / longest ms, over 50 ms, longest task CPU');
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
      const loaded = await traced(browser, page, async () => {
        await page.locator('input[type=file]').setInputFiles({ name: g.name, mimeType: 'application/json', buffer: Buffer.from(g.text) });
        return page
          .waitForFunction(
            (): number => {
              // Polled every frame: 0 until the imported graph is shown and drawn, then the time of that frame. (Its
              // node count can be below the file's: names of one atlas entity, such as HGF and HGNC:4893, merge.)
              // A big drawing is handed to Cytoscape in chunks and shown when cached (graph-view/big-drawing.ts): drawn
              // is when the canvas holds the import and is no longer busy.
              // The last figure's instance may still be listed for a moment after it is destroyed (its listing is
              // removed in an effect): measuring its nodes would throw, and a throw ends waitForFunction (before,
              // the 200- and 2,000-node rows said "not drawn").
              const w = window as unknown as { stampedDone?: boolean };
              if (!w.stampedDone && performance.getEntriesByName('import:done').length) {
                w.stampedDone = true;
                console.timeStamp('bench:done');
              }
              const cy = window.mscAtlas?.cy.main;
              // The cheap tests first: this runs every frame, and listing the nodes of a 10,000-node drawing takes a
              // few ms, which counted in the first draw and in its tasks.
              if (!window.location.search.includes('figure=import-') || !cy || cy.destroyed()) return 0;
              if (!document.querySelector('.main-graph .graph-canvas[data-view^="figure:import-"]:not([aria-busy="true"])')) return 0;
              if (cy.nodes().length === 0 || cy.nodes()[0]!.renderedBoundingBox().w === 0) return 0;
              console.timeStamp('bench:drawn');
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
      });
      const drawn = loaded.out;
      const drawCpu = tasksBetween(loaded.events, 'bench:done', 'bench:drawn');
      const marks: Marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.startTime])));
      const loading = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
      let panning: number[] = [];
      let frames: number[] = [];
      let panCpu: ReturnType<typeof tasksBetween> = null;
      if (Number.isFinite(drawn)) {
        const box = (await page.locator('.main-graph .cy').boundingBox())!;
        const cx = box.x + box.width / 2;
        const cy = box.y + box.height / 2;
        // Every frame's time while panning and zooming (requestAnimationFrame runs once per frame the page paints).
        await page.evaluate(() => {
          // (A property, not a named function: tsx would wrap a named one in a helper the page does not have.)
          const w = window as unknown as { frames: number[]; framing: boolean; onFrame: (t: number) => void };
          w.frames = [];
          w.framing = true;
          w.onFrame = (t) => {
            w.frames.push(t);
            if (w.framing) requestAnimationFrame(w.onFrame);
          };
          requestAnimationFrame(w.onFrame);
        });
        const moved = await traced(browser, page, async () => {
          await page.evaluate(() => console.timeStamp('bench:pan-start'));
          for (let i = 0; i < 10; i++) {
            await page.mouse.move(cx, cy);
            await page.mouse.wheel(0, i % 2 ? 240 : -240);
            await page.mouse.down();
            await page.mouse.move(cx + 120, cy + 60, { steps: 4 });
            await page.mouse.up();
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          }
          await page.waitForTimeout(300);
          return page.evaluate(() => {
            const w = window as unknown as { frames: number[]; framing: boolean };
            w.framing = false;
            console.timeStamp('bench:pan-end');
            return w.frames.slice(1).map((t, i) => t - w.frames[i]!);
          });
        });
        frames = moved.out;
        panCpu = tasksBetween(moved.events, 'bench:pan-start', 'bench:pan-end');
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
          drawCpu ? ` (${drawCpu.cpu.toFixed(0)}, ${drawCpu.longest.toFixed(0)}, ${drawCpu.over50})` : ' (—)',
          ` ${tasks(loading)} / ${Number.isFinite(drawn) ? tasks(panning) : '—'}`,
          frames.length ? ` frames ${quantile(frames, 0.5).toFixed(0)} / ${quantile(frames, 0.95).toFixed(0)} / ${Math.max(...frames).toFixed(0)} ms, ${frames.filter((f) => f > 50).length} of ${frames.length} over 50 ms, longest task CPU ${panCpu ? panCpu.longest.toFixed(0) : '—'} ms` : '',
        ].join(' '),
      );
    } finally {
      await context.close();
    }
  }
}
