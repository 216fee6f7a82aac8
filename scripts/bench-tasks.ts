/**
 * Start-up tasks for `npm run bench -- --tasks` (issue: from navigation to "a click on a node shows its details", no
 * main-thread task over 50 ms).
 *
 * The click is also read on its own: the task that showed the details (the one that ran the details stamp), and every
 * task from the click's first input event until the canvas has drawn the selection and settled (not aria-busy, two
 * frames later and a quarter second on, which takes in the address bar's update).
 *
 * Each run is a fresh browser context whose page is traced by Chromium from before navigation until a click on a
 * node has shown its details. Every main-thread task (`RunTask`) in that time is read from the trace with its wall
 * time and its thread (CPU) time, `tdur`: on a loaded machine a task's wall time also counts the time it waited for a
 * core, its thread time does not. The longest tasks are named by what ran in them (script evaluation and compilation
 * with the script's file, function calls, style, layout, paint, React's scheduler…), so a slow part can be found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { TraceEvent } from './bench-switch.ts';

const VIEWPORT = { width: 1440, height: 900 };

/** Marks the moment the details panel first shows a selection (the click's effect). */
const INSTRUMENT = () => {
  const w = window as unknown as { benchDetailsAt?: number };
  const mo = new MutationObserver(() => {
    if (w.benchDetailsAt === undefined && document.querySelector('.details button')?.textContent === 'Clear selection') {
      w.benchDetailsAt = performance.now();
      console.timeStamp('bench:details');
      mo.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true, characterData: true }));
};

/**
 * As soon as a canvas has drawn (the figure's, or the compare page's difference diagram), clicks its first node where
 * it is drawn and waits until the details show it.
 */
export async function clickFirstNodeWhenDrawn(page: Page) {
  const pane = await page.waitForFunction(
    () => {
      const panes = window.mscAtlas?.cy ?? {};
      const name = ['main', 'difference'].find((n) => (panes[n]?.nodes().length ?? 0) > 0 && panes[n]!.nodes()[0]!.renderedBoundingBox().w > 0);
      return name ?? false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const name = (await pane.jsonValue()) as string;
  const at = await page.evaluate((name) => {
    const cy = window.mscAtlas!.cy[name]!;
    const p = cy.nodes()[0]!.renderedPosition();
    const r = cy.container()!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, name);
  await page.evaluate(() => console.timeStamp('bench:click'));
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => (window as unknown as { benchDetailsAt?: number }).benchDetailsAt !== undefined, null, { timeout: 10_000 });
}

/** Waits until the canvases are settled (none aria-busy), two frames and `ms` more, and stamps the moment. */
async function settled(page: Page, ms = 250) {
  await page.waitForFunction(() => !document.querySelector('.graph-canvas[aria-busy="true"]'), null, { polling: 'raf', timeout: 10_000 });
  await page.evaluate(
    (ms) =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              console.timeStamp('bench:settled');
              done();
            }, ms),
          ),
        ),
      ),
    ms,
  );
}

/** What a child event of a task was, in a few words. */
function describe(e: TraceEvent): string {
  const d = e.args?.data;
  const file = (u?: string) => (u ? u.replace(/^.*\//, '').replace(/\?.*$/, '') : '');
  switch (e.name) {
    case 'EvaluateScript':
    case 'v8.compile':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
      return `${e.name} ${file(d?.url)}`;
    case 'FunctionCall':
      return `call ${d?.functionName || '(anonymous)'} ${file(d?.url)}`;
    case 'EventDispatch':
      return `event ${d?.type}`;
    default:
      return e.name;
  }
}

export interface StartTask {
  wall: number;
  cpu: number;
  /** Milliseconds from navigation start. */
  at: number;
  what: string;
}

/** What a page fetched before it was interactive, by kind, gzipped (level 9, as served) from the build's files. */
export interface Fetched {
  js: number;
  /** The model's data (src/data/model-parts.ts), with the files' names without their hash. */
  data: number;
  dataFiles: string[];
  fonts: number;
  other: number;
}

const gzippedSizes = new Map<string, number>();
function gzippedFile(path: string): number {
  let size = gzippedSizes.get(path);
  if (size === undefined) {
    const file = resolve(import.meta.dirname, '..', 'dist', path.replace(/^\//, ''));
    size = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
    gzippedSizes.set(path, size);
  }
  return size;
}

/** Sums up the resources a page fetched before a moment (ms from navigation start), the document itself left out. */
export function fetchedBefore(paths: readonly string[]): Fetched {
  const out: Fetched = { js: 0, data: 0, dataFiles: [], fonts: 0, other: 0 };
  for (const path of paths) {
    const size = gzippedFile(path);
    const data = /\/assets\/(model(?:-[a-z]\w*)?)-[\w-]{8}\.json$/.exec(path);
    if (data) {
      out.data += size;
      out.dataFiles.push(data[1]!);
    } else if (path.endsWith('.js')) out.js += size;
    else if (/\.woff2?$/.test(path)) out.fonts += size;
    else out.other += size;
  }
  return out;
}

/** The click's tasks: the one that showed the details, and all from its first input event until settled. */
export interface ClickTasks {
  details: StartTask;
  /** From the click's first input event to the details stamp, ms. */
  shownAfter: number;
  /** Every task from the click's first input event until settled, by thread time, longest first. */
  after: StartTask[];
}

/**
 * One traced start-up: every main-thread task until the details show, by thread time, longest first; and the click's
 * own tasks.
 */
async function tracedStart(browser: Browser, url: string): Promise<{ interactive: number; tasks: StartTask[]; click?: ClickTasks; fetched?: Fetched }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  let interactive = NaN;
  let fetched: Fetched | undefined;
  let events: TraceEvent[] = [];
  try {
    await page.goto(url);
    await clickFirstNodeWhenDrawn(page);
    interactive = await page.evaluate(() => (window as unknown as { benchDetailsAt: number }).benchDetailsAt);
    // Resources whose request started before the click showed its details.
    const paths = await page.evaluate((until) => performance.getEntriesByType('resource').filter((e) => e.startTime < until).map((e) => new URL(e.name).pathname), interactive);
    fetched = fetchedBefore(paths);
    await settled(page);
  } finally {
    const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
    await context.close();
  }
  // The page's main thread: the renderer thread named CrRendererMain that ran the details stamp.
  const stamp = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:details');
  const nav = events.find((e) => e.name === 'navigationStart' && (!stamp || e.pid === stamp.pid)) ?? events.find((e) => e.name === 'navigationStart');
  if (!stamp || !nav) return { interactive, tasks: [], fetched };
  const main = events.filter((e) => e.pid === stamp.pid && e.tid === stamp.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) > nav.ts && e.ts < stamp.ts);
  const children = main.filter((e) => e.ph === 'X' && e.name !== 'RunTask' && (e.dur ?? 0) >= 2000);
  const task = (t: TraceEvent): StartTask => {
    const inner = children
      .filter((c) => c.ts >= t.ts && c.ts + (c.dur ?? 0) <= t.ts + (t.dur ?? 0))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map((c) => `${describe(c)} ${Math.round((c.dur ?? 0) / 1000)}`);
    return { wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000, at: (t.ts - nav.ts) / 1000, what: inner.join('; ') };
  };
  const byCpu = (a: StartTask, b: StartTask) => b.cpu - a.cpu;
  // The click: its first input event (the pointer's move to the node, then its press), after the stamp made before it.
  const before = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:click' && e.pid === stamp.pid);
  const input = before && main.find((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.ts > before.ts);
  const end = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:settled' && e.pid === stamp.pid);
  const all = main.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const detailsTask = all.find((t) => t.ts <= stamp.ts && stamp.ts <= t.ts + (t.dur ?? 0));
  let click: ClickTasks | undefined;
  if (input && end && detailsTask) {
    const inputTask = all.find((t) => t.ts <= input.ts && input.ts <= t.ts + (t.dur ?? 0)) ?? input;
    click = {
      details: task(detailsTask),
      shownAfter: (stamp.ts - input.ts) / 1000,
      after: all.filter((t) => t.ts >= inputTask.ts && t.ts < end.ts).map(task).sort(byCpu),
    };
  }
  return { interactive, fetched, click, tasks: tasks.map(task).sort(byCpu) };
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Prints, per view, time to interactive and the longest start-up tasks (wall and CPU) with what ran in them. */
export async function benchTasks(browser: Browser, base: string, searches: string[], runs: number) {
  console.log(`== start-up tasks: navigation to a click on a node showing its details, traced (${runs} fresh contexts per page)`);
  for (const search of searches) {
    const longest: number[] = [];
    const longestWall: number[] = [];
    const tti: number[] = [];
    const over: number[] = [];
    const worst: StartTask[] = [];
    const clicks: ClickTasks[] = [];
    let fetched: Fetched | undefined;
    for (let i = 0; i < runs; i++) {
      const r = await tracedStart(browser, `${base}${search}`);
      fetched ??= r.fetched;
      if (r.click) clicks.push(r.click);
      tti.push(r.interactive);
      longest.push(r.tasks[0]?.cpu ?? 0);
      longestWall.push(Math.max(0, ...r.tasks.map((t) => t.wall)));
      over.push(r.tasks.filter((t) => t.cpu > 50).length);
      worst.push(...r.tasks.slice(0, 3));
    }
    // The machine's load while the page was measured (1-minute average): wall times mean little on a busy machine.
    const load = loadavg()[0]!.toFixed(1);
    console.log(
      `  ${(search || '/').padEnd(16)} load ${load}; interactive ${ms(median(tti))} (${ms(Math.min(...tti))}–${ms(Math.max(...tti))}); longest task CPU median ${ms(median(longest))}, ` +
        `max ${ms(Math.max(...longest))} (wall median ${ms(median(longestWall))}, max ${ms(Math.max(...longestWall))}); tasks over 50 ms CPU per run: ${over.join(', ')}`,
    );
    if (fetched) {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `      fetched before interactive, gzipped: JS ${kb(fetched.js)}, model data ${kb(fetched.data)} (${fetched.dataFiles.join(', ') || 'none'}), fonts ${kb(fetched.fonts)}, other ${kb(fetched.other)}; total ${kb(fetched.js + fetched.data + fetched.fonts + fetched.other)} besides the page itself`,
      );
    }
    for (const t of worst.sort((a, b) => b.cpu - a.cpu).slice(0, 6))
      console.log(`      ${ms(t.cpu).padStart(7)} CPU ${ms(t.wall).padStart(7)} wall at ${ms(t.at).padStart(8)}: ${t.what}`);
    if (clicks.length) {
      const d = clicks.map((c) => c.details);
      const after = clicks.map((c) => c.after[0]!).filter(Boolean);
      const afterWall = clicks.map((c) => Math.max(0, ...c.after.map((t) => t.wall)));
      console.log(
        `    the click: details shown ${ms(median(clicks.map((c) => c.shownAfter)))} after its first input event (median); the task that showed them CPU median ${ms(median(d.map((t) => t.cpu)))}, max ${ms(Math.max(...d.map((t) => t.cpu)))} ` +
          `(wall median ${ms(median(d.map((t) => t.wall)))}, max ${ms(Math.max(...d.map((t) => t.wall)))}); longest task from the click until settled CPU median ${ms(median(after.map((t) => t.cpu)))}, max ${ms(Math.max(...after.map((t) => t.cpu)))} ` +
          `(wall median ${ms(median(afterWall))}, max ${ms(Math.max(...afterWall))}); over 50 ms CPU per run: ${clicks.map((c) => c.after.filter((t) => t.cpu > 50).length).join(', ')}`,
      );
      for (const t of clicks.flatMap((c) => c.after.slice(0, 2)).sort((a, b) => b.cpu - a.cpu).slice(0, 4))
        console.log(`      ${ms(t.cpu).padStart(7)} CPU ${ms(t.wall).padStart(7)} wall at ${ms(t.at).padStart(8)}: ${t.what}`);
    }
  }
}
