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
 */
import type { Browser, Page } from 'playwright-core';

const VIEWPORT = { width: 1440, height: 900 };

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
  const t0 = await page.evaluate(() => performance.now());
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
  return page.evaluate((start) => {
    return new Promise<Timed>((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const end = performance.now();
          const w = window as unknown as { benchLong: { start: number; duration: number }[] };
          const tasks = w.benchLong.filter((t) => t.start >= start && t.start < end).map((t) => Math.round(t.duration));
          resolve({ ms: end - start, longest: Math.max(0, ...tasks), tasks });
        }),
      ),
    );
  }, t0);
}

const summary = (rs: Timed[]) => {
  const xs = rs.map((r) => r.ms).sort((a, b) => a - b);
  const long = rs.map((r) => r.longest);
  return (
    `median ${ms(xs[Math.floor((xs.length - 1) / 2)]!)}, max ${ms(xs.at(-1)!)}, over 500 ms: ${xs.filter((x) => x > 500).length}/${xs.length}; ` +
    `longest task ${ms(Math.max(...long))}, choices with a task over 50 ms: ${long.filter((l) => l > 50).length}`
  );
};

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
    if (parts.has('views')) await views(page, figures);
    await pairs(page, parts);
  } finally {
    await context.close();
  }
}

const report = (label: string, r: Timed) =>
  console.log(`  ${label.padEnd(46)} ${ms(r.ms).padStart(9)}  longest task ${ms(r.longest).padStart(7)}${r.tasks.length > 1 ? `  (tasks over 50 ms: ${r.tasks.join(', ')})` : ''}`);

/** Figures one after another, the atlas and back, source toggles and filters in the atlas, to compare and back. */
async function views(page: Page, figures: string[]) {
  const tab = (name: string) => page.getByRole('button', { name, exact: true });
  const figure = page.getByRole('combobox', { name: 'Figure' });
  for (const id of figures.slice(1)) report(`figure → ${id}`, await timed(page, () => figure.selectOption(id), ['main']));
  report(`figure → ${figures[0]}`, await timed(page, () => figure.selectOption(figures[0]!), ['main']));
  report('figure → atlas (first time)', await timed(page, () => tab('Atlas').click(), ['main']));
  report('atlas → figure', await timed(page, () => tab('Figures').click(), ['main']));
  report('figure → atlas (again)', await timed(page, () => tab('Atlas').click(), ['main']));
  const boxes = await page.getByRole('group', { name: 'Cell sources' }).getByRole('checkbox').elementHandles();
  const toggles: Timed[] = [];
  for (const b of boxes) toggles.push(await timed(page, () => b.click(), ['main'], true));
  for (const b of boxes) toggles.push(await timed(page, () => b.click(), ['main'], true));
  console.log(`  atlas: each source off, then on (${toggles.length}): ${summary(toggles)}`);
  const filters: Timed[] = [];
  for (const name of ['decrease', 'rat', 'in vivo', 'cyclophosphamide']) {
    const box = await page.getByRole('checkbox', { name, exact: true }).elementHandle();
    filters.push(await timed(page, () => box!.click(), ['main'], true));
    filters.push(await timed(page, () => box!.click(), ['main'], true));
  }
  console.log(`  atlas: four filters on and off (${filters.length}): ${summary(filters)}`);
  report('atlas → compare (first time)', await timed(page, () => tab('Compare').click(), ['difference']));
  report('compare → atlas', await timed(page, () => tab('Atlas').click(), ['main']));
  report('atlas → compare (again)', await timed(page, () => tab('Compare').click(), ['difference']));
}

/** Every pair of sources and of figures, each choice changing one side, in the difference diagram and twin panes. */
async function pairs(page: Page, parts: Set<string>) {
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
    if (display === 'twin') report('difference → twin panes', await timed(page, () => page.getByRole('radio', { name: 'Twin panes' }).check(), panes));
    for (const [what, steps] of [
      ['source pairs', sourcePairs],
      ['figure pairs', figurePairs],
    ] as const) {
      const rs: Timed[] = [];
      let failed = 0;
      let worst: { label: string; r: Timed } | undefined;
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
      console.log(
        `  compare, ${display}, ${what} (${rs.length} choices${failed ? `; ${failed} more not drawn in time` : ''}): ${rs.length ? `${summary(rs)}; slowest ${worst!.label}` : ''}`,
      );
    }
  }
}
