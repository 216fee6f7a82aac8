/**
 * Switch figures for `npm run bench` (issue: compare in half a second; no main-thread task over 50 ms when
 * switching views and figures, toggling sources and filters).
 *
 * One page, warmed up once, then each action (a click, a choice in a list) is timed from just before it to the
 * canvas showing the new drawing: its `.graph-canvas` names the new view (data-view), no restyle is pending
 * (aria-busy), and two animation frames have passed (the one that draws it). Every main-thread long task (over
 * 50 ms, PerformanceObserver "longtask") that starts in that time is kept; the longest is printed per action.
 * Compare pairs: every pair of the cell sources (45) and of the figures, each choice changing one side, in the
 * difference diagram and in the twin panes.
 *
 * A long task's wall time counts the time the main thread waited for a core as well: on a loaded machine (other
 * processes on the same cores) a 20 ms task can last 90 ms. So the main thread is also traced (Chromium's trace,
 * its tasks' thread time, `tdur`), and each action's longest task is printed both ways: "longest task" (wall) and
 * "CPU" (the time the task ran on a core). On an idle machine the two agree.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';

const VIEWPORT = { width: 1440, height: 900 };

/** The machine's load average over the last minute (other processes on the same cores inflate wall times). */
const load = () => loadavg()[0]!.toFixed(1);

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

/** Long tasks from the page's start, as {start, duration}. */
const INSTRUMENT = () => {
  const w = window as unknown as { benchLong: { start: number; duration: number }[] };
  w.benchLong = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLong.push({ start: e.startTime, duration: e.duration }))).observe({
    type: 'longtask',
    buffered: true,
  });
};

export interface Timed {
  ms: number;
  longest: number;
  tasks: number[];
  /** Mark of the action in the trace (console.timeStamp `bench:N:start` / `bench:N:end`). */
  mark: number;
  /** Longest main-thread task by thread (CPU) time, ms: filled in once the trace is read (see traced). */
  cpu?: number;
}

let marks = 0;

/** A Chromium trace's events, as much of them as the switch and start-up task benches use. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string; url?: string; functionName?: string; type?: string; frame?: string } };
}

/**
 * Runs `work` with the page's main thread traced, then gives each action timed meanwhile (its mark) the thread time
 * of its longest task: the tasks that start between its `bench:N:start` and `bench:N:end` stamps.
 */
export async function traced<T>(browser: Browser, page: Page, work: () => Promise<T>, results: () => Timed[]): Promise<T> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let out: T;
  try {
    out = await work();
  } finally {
    const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
    const stamps = new Map<string, TraceEvent>();
    for (const e of events) if (e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('bench:')) stamps.set(e.args.data.message, e);
    const anyStamp = stamps.values().next().value;
    // The page's main thread: the one its stamps come from.
    const tasks = anyStamp ? events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === anyStamp.pid && e.tid === anyStamp.tid) : [];
    for (const r of results()) {
      const start = stamps.get(`bench:${r.mark}:start`);
      const end = stamps.get(`bench:${r.mark}:end`);
      if (!start || !end) continue;
      // Tasks that overlap the action (the one that stamped its start included).
      const inside = tasks.filter((t) => t.ts < end.ts && t.ts + (t.dur ?? 0) > start.ts);
      r.cpu = Math.round(Math.max(0, ...inside.map((t) => (t.tdur ?? t.dur ?? 0) / 1000)));
    }
  }
  return out!;
}

/** The view keys the given panes show now (undefined for a pane not drawn). */
const shown = (page: Page, panes: string[]) =>
  page.evaluate(
    (ps) => ps.map((p) => window.mscAtlas?.cy[p]?.container()?.closest('.graph-canvas')?.getAttribute('data-view') ?? null),
    panes,
  );

/**
 * Time from `action` to every pane in `panes` drawn and settled, the first of them (`changed`, by default all)
 * with a view other than the one it showed before; with `same`, none need show a new view (a restyle of the same
 * view). Twin compare panes: a new right side changes the right pane's view, the left pane is redrawn in the same
 * frame. The long tasks in between are kept.
 */
export async function timed(page: Page, action: () => Promise<unknown>, panes: string[], same = false, changed = panes): Promise<Timed> {
  const before = same ? panes.map(() => null) : (await shown(page, panes)).map((v, i) => (changed.includes(panes[i]!) ? v : undefined));
  const mark = ++marks;
  const t0 = await page.evaluate((m) => {
    console.timeStamp(`bench:${m}:start`);
    return performance.now();
  }, mark);
  await action();
  await page.waitForFunction(
    ({ ps, was, same }) =>
      ps.every((p, i) => {
        const cy = window.mscAtlas?.cy[p];
        const canvas = cy?.container()?.closest('.graph-canvas');
        if (!cy || !canvas || cy.nodes().length === 0) return false;
        if (!same && was[i] !== undefined && canvas.getAttribute('data-view') === was[i]) return false;
        return canvas.getAttribute('aria-busy') !== 'true' && cy.nodes()[0]!.renderedBoundingBox().w > 0;
      }),
    { ps: panes, was: before, same },
    { polling: 'raf', timeout: Number(process.env.BENCH_SWITCH_TIMEOUT ?? 60_000) },
  );
  return page.evaluate(
    ({ start, mark }) => {
      return new Promise<Timed>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const end = performance.now();
            console.timeStamp(`bench:${mark}:end`);
            const w = window as unknown as { benchLong: { start: number; duration: number }[] };
            const tasks = w.benchLong.filter((t) => t.start >= start && t.start < end).map((t) => Math.round(t.duration));
            resolve({ ms: end - start, longest: Math.max(0, ...tasks), tasks, mark });
          }),
        ),
      );
    },
    { start: t0, mark },
  );
}

const summary = (rs: Timed[]) => {
  const xs = rs.map((r) => r.ms).sort((a, b) => a - b);
  const long = rs.map((r) => r.longest);
  const cpu = rs.map((r) => r.cpu ?? 0);
  return (
    `median ${ms(xs[Math.floor((xs.length - 1) / 2)]!)}, max ${ms(xs.at(-1)!)}, over 500 ms: ${xs.filter((x) => x > 500).length}/${xs.length}; ` +
    `longest task ${ms(Math.max(...long))} (CPU ${ms(Math.max(...cpu))}), choices with a task over 50 ms: ${long.filter((l) => l > 50).length} ` +
    `(CPU: ${cpu.filter((l) => l > 50).length})`
  );
};

/**
 * The atlas's cell-source checkboxes, as element handles (resolved before measuring: Playwright's role queries run in
 * the page and would be counted as the app's tasks). elementHandles() does not wait: taken before the side panel was
 * drawn, it found none, and the overlay changes ran without a source toggle. So wait for them, and refuse to measure
 * without them.
 */
export async function sourceToggles(page: Page) {
  const boxes = page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox');
  await boxes.first().waitFor();
  const handles = await boxes.elementHandles();
  if (handles.length < 2) throw new Error(`bench: the atlas shows ${handles.length} cell-source toggles; expected every source`);
  return handles;
}

export async function benchSwitch(browser: Browser, base: string, figures: string[]) {
  // BENCH_SWITCH=views,difference,twin (the default: all three) picks the parts to run.
  const parts = new Set((process.env.BENCH_SWITCH ?? 'views,difference,twin').split(','));
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  try {
    console.log('== switching (one page): action to the new drawing on screen, longest main-thread task in between');
    await page.goto(parts.has('views') ? base : `${base}?view=compare`);
    await page.waitForFunction(() => Object.values(window.mscAtlas?.cy ?? {}).some((cy) => cy.nodes().length > 0), null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    if (parts.has('views')) {
      const done: Timed[] = [];
      const lines = await traced(browser, page, () => views(page, figures, done), () => done);
      for (const l of lines) console.log(l());
    }
    await pairs(browser, page, parts);
  } finally {
    await context.close();
  }
}

const line = (label: string, r: Timed) =>
  `  ${label.padEnd(46)} ${ms(r.ms).padStart(9)}  longest task ${ms(r.longest).padStart(7)} (CPU ${ms(r.cpu ?? 0).padStart(6)})` +
  `${r.tasks.length > 1 ? `  (tasks over 50 ms: ${r.tasks.join(', ')})` : ''}`;

/**
 * Figures one after another, the atlas and back, source toggles and filters in the atlas, to compare and back.
 * Returns the lines to print once the trace is read (the CPU figures come from it); `done` collects the results.
 */
async function views(page: Page, figures: string[], done: Timed[]): Promise<(() => string)[]> {
  const out: (() => string)[] = [];
  const keep = (r: Timed) => (done.push(r), r);
  const report = (label: string, r: Timed) => {
    keep(r);
    out.push(() => line(label, r));
  };
  const tab = (name: string) => page.getByRole('button', { name, exact: true });
  const figure = page.getByRole('combobox', { name: 'Figure' });
  for (const id of figures.slice(1)) report(`figure → ${id}`, await timed(page, () => figure.selectOption(id), ['main']));
  report(`figure → ${figures[0]}`, await timed(page, () => figure.selectOption(figures[0]!), ['main']));
  report('figure → atlas (first time)', await timed(page, () => tab('Atlas').click(), ['main']));
  report('atlas → figure', await timed(page, () => tab('Figures').click(), ['main']));
  report('figure → atlas (again)', await timed(page, () => tab('Atlas').click(), ['main']));
  const boxes = await sourceToggles(page);
  const toggles: Timed[] = [];
  for (const b of boxes) toggles.push(keep(await timed(page, () => b.click(), ['main'], true)));
  for (const b of boxes) toggles.push(keep(await timed(page, () => b.click(), ['main'], true)));
  out.push(() => `  atlas: each source off, then on (${toggles.length}): ${summary(toggles)}`);
  const filters: Timed[] = [];
  for (const name of ['decrease', 'rat', 'in vivo', 'cyclophosphamide']) {
    const box = await page.getByRole('checkbox', { name, exact: true }).elementHandle();
    filters.push(keep(await timed(page, () => box!.click(), ['main'], true)));
    filters.push(keep(await timed(page, () => box!.click(), ['main'], true)));
  }
  out.push(() => `  atlas: four filters on and off (${filters.length}): ${summary(filters)}`);
  report('atlas → compare (first time)', await timed(page, () => tab('Compare').click(), ['difference']));
  report('compare → atlas', await timed(page, () => tab('Atlas').click(), ['main']));
  report('atlas → compare (again)', await timed(page, () => tab('Compare').click(), ['difference']));
  return out;
}

/** Median and 90th percentile of some milliseconds. */
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(s[Math.floor((s.length - 1) / 2)]!)}, p90 ${ms(s[Math.min(s.length - 1, Math.floor(0.9 * s.length))]!)}`;
};

/** Every pair of sources and of figures, each choice changing one side, in the difference diagram and twin panes. */
async function pairs(browser: Browser, page: Page, parts: Set<string>) {
  const pickers = page.locator('.compare-controls select');
  // Consecutive pairs differ in one side: left a, then right b for every b after a.
  const walk = (ids: string[]) => {
    const steps: [number, string][] = [];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        if (j === i + 1) steps.push([0, ids[i]!]);
        steps.push([1, ids[j]!]);
      }
    return steps;
  };
  const choices = await pickers.nth(0).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const sourcePairs = walk(choices.filter((c) => c.startsWith('source:')));
  const figurePairs = walk(choices.filter((c) => c.startsWith('figure:')));
  for (const display of (['difference', 'twin'] as const).filter((d) => parts.has(d))) {
    const panes = display === 'difference' ? ['difference'] : ['left', 'right'];
    if (display === 'twin') {
      const switched: Timed[] = [];
      await traced(browser, page, async () => void switched.push(await timed(page, () => page.getByRole('radio', { name: 'Twin panes' }).check(), panes)), () => switched);
      console.log(`${line('difference → twin panes', switched[0]!)}  (load ${load()})`);
    }
    for (const [what, steps] of [
      ['source pairs', sourcePairs],
      ['figure pairs', figurePairs],
    ] as const) {
      const rs: Timed[] = [];
      let failed = 0;
      let worst: { label: string; r: Timed } | undefined;
      await traced(browser, page, async () => {
        for (const [side, value] of steps) {
          // A choice that leaves the pair as it is (the other side already shows it) draws nothing new: skip it.
          const current = await pickers.nth(side).inputValue();
          const other = await pickers.nth(1 - side).inputValue();
          if (current === value || other === value) continue;
          let r: Timed;
          try {
            r = await timed(page, () => pickers.nth(side).selectOption(value), panes, false, display === 'twin' ? [panes[side]!] : panes);
          } catch {
            // Not drawn in time (BENCH_SWITCH_TIMEOUT, default 60 s): counted, and the walk goes on.
            failed++;
            continue;
          }
          rs.push(r);
          if (!worst || r.ms > worst.r.ms) worst = { label: side ? `${other} | ${value}` : `${value} | ${other}`, r };
        }
      }, () => rs);
      console.log(
        `  compare, ${display}, ${what} (${rs.length} choices${failed ? `; ${failed} more not drawn in time` : ''}): ${rs.length ? `${summary(rs)}; slowest ${worst!.label}` : ''}` +
          `${rs.length ? `; longest task CPU per choice: ${spread(rs.map((r) => r.cpu ?? 0))}` : ''} (load ${load()})`,
      );
    }
  }
}
