/**
 * Start-up figures for `npm run bench` (issue: instant first view, compare in half a second, a lean start-up).
 *
 * First view: every run is a fresh browser context. A CDP screencast records every frame the compositor produces
 * with its timestamp; "stable pixels" is the first frame from which every later frame looks like the final one
 * (per-pixel tolerance for antialiasing, a small share of differing pixels allowed). Each app run alternates with a
 * run of a static page showing a PNG screenshot of the same view, measured the same way: that page is the floor.
 * Interactive: from navigation until a click on a node has shown its details, with every main-thread long task
 * (over 50 ms) in that time. Start-up JS: every script the page loaded until then, gzipped size per chunk.
 * Switching views, figures and compare pairs: bench-switch.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { TraceEvent } from './bench-switch.ts';

const VIEWPORT = { width: 1440, height: 900 };
/** Screencast frames at half size: enough to see a diagram appear, cheap enough not to slow the page measured. */
const FRAME = { width: 720, height: 450 };
/** A pixel differs when its RGB channels differ by more than this in sum (antialiasing and text hinting do less). */
const PIXEL_TOLERANCE = 60;
/** A frame looks final when at most this share of its pixels differ. */
const FRAME_TOLERANCE = 0.005;
/**
 * A frame shows the picture when at most this share differs from the final frame: the picture is there, drawn by
 * the browser from the page's SVG rather than by the canvas (text and lines rasterised a little differently).
 */
const PICTURE_TOLERANCE = 0.03;

const distDir = resolve(new URL('..', import.meta.url).pathname, 'dist');

interface Frame {
  t: number;
  png: Buffer;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)]!, min: s[0]!, max: s.at(-1)! };
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

function differing(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (d > PIXEL_TOLERANCE) n++;
  }
  return n / (a.width * a.height);
}

/** Navigation start to the first frame after which nothing changes by more than `tolerance`. */
function stableAt(frames: Frame[], timeOrigin: number, tolerance = FRAME_TOLERANCE): number {
  const decoded = frames.map((f) => PNG.sync.read(f.png));
  const last = decoded.at(-1)!;
  let i = decoded.length - 1;
  while (i > 0 && differing(decoded[i - 1]!, last) <= tolerance) i--;
  return frames[i]!.t - timeOrigin;
}

/**
 * Waits, from outside the page, until `expression` is true in it: a bare CDP Runtime.evaluate every 50 ms. Playwright's
 * waitForFunction first injects its utility script into the page (about 6 ms of the page's main thread), and did so
 * for the app's runs only, as soon as the load event had fired, which on the app's pages can come before the first
 * paint: the harness's own work then delayed the picture it timed. Both pages are now waited for the same way, at the
 * cost of a few microseconds per look. BENCH_HARNESS=playwright measures the old way, for comparison.
 */
async function whenTrue(page: Page, cdp: CDPSession, expression: string, fallback: (page: Page) => Promise<void>) {
  if (process.env.BENCH_HARNESS === 'playwright') return fallback(page);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: unknown } };
    if (r.result?.value === true) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The app's rule of appSettled (below) as an expression: every pane drawn and not busy. */
const settledExpression = (panes: string[]) =>
  `(${JSON.stringify(panes)}).every((p) => { const cy = window.mscAtlas?.cy[p]; return !!cy && cy.nodes().length > 0 && cy.nodes()[0].renderedBoundingBox().w > 0 && cy.container()?.closest('.graph-canvas')?.getAttribute('aria-busy') !== 'true'; })`;

async function record(context: BrowserContext, url: string, settled: (page: Page, cdp: CDPSession) => Promise<void>) {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const frames: Frame[] = [];
  cdp.on('Page.screencastFrame', (f: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    frames.push({ t: (f.metadata.timestamp ?? Date.now() / 1000) * 1000, png: Buffer.from(f.data, 'base64') });
    void cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => {});
  });
  await cdp.send('Page.startScreencast', { format: 'png', maxWidth: FRAME.width, maxHeight: FRAME.height, everyNthFrame: 1 });
  await page.goto(url);
  await settled(page, cdp);
  // Anything still to come (a late takeover, a font swap) shows up in this second.
  await page.waitForTimeout(1000);
  // Where the time went: the page's bytes in, the first paint, and the last font file in (its text waits for them).
  const { timeOrigin, parts } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.woff2?$/.test(e.name));
    return {
      timeOrigin: performance.timeOrigin,
      parts: {
        html: nav?.responseEnd ?? NaN,
        paint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
        fonts: fonts.length ? Math.max(...fonts.map((e) => e.responseEnd)) : NaN,
      },
    };
  });
  await cdp.send('Page.stopScreencast');
  await page.close();
  if (!frames.length) return { stable: NaN, picture: NaN, parts };
  return { stable: stableAt(frames, timeOrigin), picture: stableAt(frames, timeOrigin, PICTURE_TOLERANCE), parts };
}

/**
 * What the first paint cost the page's main thread: one fresh context traced by Chromium from navigation to its first
 * paint. Thread (CPU) time, `tdur`, does not count the time a task waited for a core, so it is comparable on a loaded
 * machine; with it the wall time of the first paint, the frames the main thread produced until then (a frame drawn
 * before the text's font was ready is followed by another) and the CPU of the parts that usually dominate.
 */
async function firstPaintCpu(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', 'cc', 'blink', 'fonts', 'v8'] });
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await whenTrue(page, cdp, "performance.getEntriesByName('first-paint').length > 0", (p) =>
    p.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0, null, { timeout: 30_000 }).then(() => {}),
  );
  const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  await context.close();
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const path = new URL(url).pathname;
  const nav = events.filter((e) => e.name === 'navigationStart' && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes(path)).at(-1);
  const paint = nav && events.find((e) => e.name === 'firstPaint' && e.pid === nav.pid && e.ts >= nav.ts);
  if (!nav || !paint) return undefined;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain')?.tid;
  const before = events.filter((e) => e.pid === nav.pid && e.tid === main && e.ph === 'X' && e.ts >= nav.ts && e.ts < paint.ts);
  const cpu = (name: string) => before.filter((e) => e.name === name).reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  return {
    paint: (paint.ts - nav.ts) / 1000,
    cpu: cpu('ThreadControllerImpl::RunTask'),
    // System fonts looked up (a family matched by name, a face's hinting at a size): each a synchronous call to the
    // browser process, wall time the main thread waits (a face of the text's family still loading is stood in for by
    // a system font at every size and weight).
    lookups: events.filter((e) => e.pid === nav.pid && e.ts >= nav.ts && e.ts < paint.ts && /^(FontDataManager::onMatchFamilyStyle|WebSandboxSupportLinux::GetWebFontRenderStyleForStrike)$/.test(e.name)).length,
    frames: before.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && (e.dur ?? 0) > 500).length,
    // The page's scripts compiled before its first paint, on the main thread or on a worker thread (a module preload
    // is compiled as it arrives, a script streamed in is parsed meanwhile): each competes with the first frame.
    scripts: new Set(
      events
        .filter((e) => e.pid === nav.pid && e.ts >= nav.ts && e.ts < paint.ts && /^(v8\.compileModule|v8\.compile|v8\.parseOnBackground)$/.test(e.name))
        .map((e) => String((e.args?.data as { url?: string } | undefined)?.url ?? (e.args as { fileName?: string } | undefined)?.fileName ?? ''))
        .filter((u) => /\.js$/.test(u)),
    ).size,
    parts: { parse: cpu('ParseHTML'), style: cpu('UpdateLayoutTree'), layout: cpu('Layout'), paint: cpu('Paint'), script: cpu('v8.evaluateModule') + cpu('FunctionCall') + cpu('EvaluateScript') },
  };
}

/** Waits for a pane of the app to be drawn and settled (same rule as the browser tests). */
async function appSettled(page: Page, panes: string[]) {
  for (const pane of panes)
    await page.waitForFunction(
      (p) => {
        const cy = window.mscAtlas?.cy[p];
        if (!cy || cy.nodes().length === 0 || cy.nodes()[0]!.renderedBoundingBox().w === 0) return false;
        return cy.container()?.closest('.graph-canvas')?.getAttribute('aria-busy') !== 'true';
      },
      pane,
      { timeout: 60_000 },
    );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** A static page with a PNG screenshot of the view, as a reader of the paper would get it. */
async function staticPage(browser: Browser, base: string, search: string, panes: string[], name: string): Promise<string> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${base}${search}`);
  await appSettled(page, panes);
  await page.waitForTimeout(500);
  const dir = resolve(distDir, 'bench-static');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, `${name}.png`), await page.screenshot());
  writeFileSync(
    resolve(dir, `${name}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body style="margin:0"><img src="${name}.png" width="${VIEWPORT.width}" height="${VIEWPORT.height}" alt="${name}"></body></html>`,
  );
  await context.close();
  return `${base}bench-static/${name}.html`;
}

/** A script that ran in a long animation frame (the Long Animation Frames API), to name what a long task did. */
interface FrameScript {
  invoker: string;
  source: string;
  duration: number;
}
interface LongFrame {
  start: number;
  duration: number;
  scripts: FrameScript[];
}

/**
 * Collects long tasks from navigation start, the long animation frames that say which scripts ran in them, and when
 * the details panel first shows a selection.
 */
const INSTRUMENT = () => {
  const w = window as unknown as { benchLong: { start: number; duration: number }[]; benchFrames: LongFrame[]; benchDetailsAt?: number };
  w.benchLong = [];
  w.benchFrames = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLong.push({ start: e.startTime, duration: e.duration }))).observe({
    type: 'longtask',
    buffered: true,
  });
  type Script = { invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration?: number };
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      const scripts = ((e as unknown as { scripts: Script[] }).scripts ?? []).map((x) => ({
        invoker: x.invoker || x.invokerType,
        // (With the style and layout the script forced, when they took a millisecond or more.)
        source:
          `${x.sourceURL.split('/').pop() ?? ''}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''}` +
          ((x.forcedStyleAndLayoutDuration ?? 0) >= 1 ? `, forced style and layout ${Math.round(x.forcedStyleAndLayoutDuration!)} ms` : ''),
        duration: x.duration,
      }));
      w.benchFrames.push({ start: e.startTime, duration: e.duration, scripts });
    }),
  ).observe({ type: 'long-animation-frame', buffered: true });
  const mo = new MutationObserver(() => {
    if (w.benchDetailsAt === undefined && document.querySelector('.details button')?.textContent === 'Clear selection') {
      w.benchDetailsAt = performance.now();
      mo.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true, characterData: true }));
};

async function interactive(browser: Browser, base: string, search: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(`${base}${search}`);
  await clickFirstNodeWhenDrawn(page);
  const result = await page.evaluate(() => {
    const w = window as unknown as { benchLong: { start: number; duration: number }[]; benchFrames: LongFrame[]; benchDetailsAt: number };
    const tasks = w.benchLong.filter((t) => t.start < w.benchDetailsAt);
    return {
      at: w.benchDetailsAt,
      long: tasks.map((t) => t.duration),
      // Each long task with the scripts of the long animation frame it ran in.
      named: tasks.map((t) => ({ ...t, scripts: w.benchFrames.find((f) => f.start <= t.start + 1 && t.start < f.start + f.duration)?.scripts ?? [] })),
    };
  });
  await context.close();
  return { ...result, scripts: [...scripts] };
}

function chunkTable(paths: string[]) {
  let total = 0;
  const rows = paths
    .map((p) => {
      const file = resolve(distDir, p.replace(/^.*?\/assets\//, 'assets/'));
      try {
        const buf = readFileSync(file);
        const gz = gzipSync(buf).length;
        total += gz;
        return `    ${p.replace(/^.*\//, '').padEnd(40)} ${(buf.length / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(7)} KB gzipped`;
      } catch {
        return `    ${p} (not in dist/)`;
      }
    })
    .sort();
  return { rows, total };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The bytes a view's first picture needs before it can be drawn: its prerendered page (the page vite preview serves
 * for its address, pages.ts), whole and gzipped, and the font files the page preloads for its text; beside them the
 * static page's PNG.
 */
function pageWeight(name: string, search: string) {
  const file = name === 'compare' ? 'compare-source-hpmsc-source-humsc.html' : `${new URLSearchParams(search).get('figure')}.html`;
  const path = resolve(distDir, file);
  if (!existsSync(path)) return console.log(`  ${name.padEnd(8)} no page ${file}`);
  const html = readFileSync(path);
  const fonts = [...html.toString().matchAll(/<link rel="preload" href="\.\/([^"]+)" as="font"/g)].map((m) => readFileSync(resolve(distDir, m[1]!)).length);
  const png = resolve(distDir, 'bench-static', `${name}.png`);
  console.log(
    `  ${name.padEnd(8)} page ${file}: ${kb(html.length)} (${kb(gzipSync(html).length)} gzipped), fonts ${fonts.length} files ${kb(fonts.reduce((a, b) => a + b, 0))}` +
      (existsSync(png) ? `; static PNG ${kb(readFileSync(png).length)}` : ''),
  );
}

/** As soon as the canvas has drawn, click the first node where it is drawn; wait until its details show. */
export async function clickFirstNodeWhenDrawn(page: Page) {
  await page.waitForFunction(() => (window.mscAtlas?.cy.main?.nodes().length ?? 0) > 0 && window.mscAtlas!.cy.main!.nodes()[0]!.renderedBoundingBox().w > 0, null, {
    polling: 'raf',
    timeout: 60_000,
  });
  const at = await page.evaluate(() => {
    const cy = window.mscAtlas!.cy.main!;
    const p = cy.nodes()[0]!.renderedPosition();
    const r = cy.container()!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  });
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => (window as unknown as { benchDetailsAt?: number }).benchDetailsAt !== undefined, null, { timeout: 10_000 });
}

export async function benchStart(browser: Browser, base: string, figures: string[], runs: number, baseline?: string) {
  console.log(`== first view: navigation start to stable pixels, app vs a static PNG page of the same view (${runs} runs each, alternated, fresh context per run)`);
  console.log(`   picture: the diagram on screen (within ${PICTURE_TOLERANCE * 100}% of the final pixels); stable: nothing changes after (within ${FRAME_TOLERANCE * 100}%)`);
  if (baseline) console.log(`   with a baseline build (BENCH_BASELINE), alternated with this one in the same run: "base" rows`);
  // BENCH_VIEWS=fig1,fig3 measures only those views' first view (the rest of the start-up figures as usual).
  const only = process.env.BENCH_VIEWS?.split(',');
  const views: { name: string; search: string; panes: string[] }[] = [
    ...figures.map((id) => ({ name: id, search: `?figure=${id}`, panes: ['main'] })),
    { name: 'compare', search: '?view=compare&left=source:hpmsc&right=source:humsc', panes: ['difference'] },
  ].filter((v) => !only || only.includes(v.name));
  const builds: [string, string][] = [['app', base], ...(baseline ? [['base', baseline] as [string, string]] : [])];
  const ratios: number[] = [];
  const pictureRatios: number[] = [];
  const versus: number[] = [];
  for (const v of views) {
    const staticUrl = await staticPage(browser, base, v.search, v.panes, v.name);
    const app = new Map(builds.map(([b]) => [b, [] as number[]]));
    const picture = new Map(builds.map(([b]) => [b, [] as number[]]));
    const parts = new Map(builds.map(([b]) => [b, [] as { html: number; paint: number; fonts: number }[]]));
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [which, url] of [...builds, ['static', staticUrl] as [string, string]]) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const t =
          which === 'static'
            ? await record(context, url, (p, cdp) => whenTrue(p, cdp, "document.readyState === 'complete'", (page) => page.waitForLoadState('load')))
            : await record(context, `${url}${v.search}`, (p, cdp) => whenTrue(p, cdp, settledExpression(v.panes), (page) => appSettled(page, v.panes)));
        await context.close();
        if (which === 'static') floor.push(t.stable);
        else {
          app.get(which)!.push(t.stable);
          picture.get(which)!.push(t.picture);
          parts.get(which)!.push(t.parts);
        }
      }
    }
    const s = stats(floor);
    for (const [which] of builds) {
      const a = stats(app.get(which)!);
      const p = stats(picture.get(which)!);
      if (which === 'app') {
        ratios.push(a.median / s.median);
        pictureRatios.push(p.median / s.median);
      }
      console.log(
        `  ${(which === 'app' ? v.name : `  ${which}`).padEnd(8)} picture ${ms(p.median)} (ratio ${(p.median / s.median).toFixed(1)}×)  stable ${ms(a.median)} (${ms(a.min)}–${ms(a.max)})  ` +
          `static PNG ${ms(s.median)} (${ms(s.min)}–${ms(s.max)})  ratio ${(a.median / s.median).toFixed(1)}×  (load ${loadavg()[0]!.toFixed(1)})`,
      );
      const part = (k: 'html' | 'paint' | 'fonts') => ms(stats(parts.get(which)!.map((p) => p[k]).filter((x) => !Number.isNaN(x))).median ?? NaN);
      console.log(`           ${which} medians: page in ${part('html')}, first paint ${part('paint')}, last font file in ${part('fonts')}`);
    }
    if (baseline) {
      const r = stats(app.get('app')!).median / stats(app.get('base')!).median;
      versus.push(r);
      console.log(`           this build ÷ baseline, stable: ${r.toFixed(2)}`);
    }
    // The same first paint traced, once each (alternated with the baseline's): main-thread CPU, which a loaded
    // machine does not inflate, and the scripts compiled before it.
    for (const [which, url] of builds) {
      const [appCpu, staticCpu] = [await firstPaintCpu(browser, `${url}${v.search}`), await firstPaintCpu(browser, staticUrl)];
      if (appCpu && staticCpu) {
        const p = appCpu.parts;
        console.log(
          `           ${which} main-thread CPU to first paint: ${appCpu.cpu.toFixed(1)} ms in ${appCpu.frames} frame(s) (parse ${p.parse.toFixed(1)}, style ${p.style.toFixed(1)}, ` +
            `layout ${p.layout.toFixed(1)}, paint ${p.paint.toFixed(1)}, script ${p.script.toFixed(1)}; first paint ${ms(appCpu.paint)}; scripts compiled before it ${appCpu.scripts}; ` +
            `system-font look-ups ${appCpu.lookups}), static PNG ${staticCpu.cpu.toFixed(1)} ms (first paint ${ms(staticCpu.paint)}; look-ups ${staticCpu.lookups})  (load ${loadavg()[0]!.toFixed(1)})`,
        );
      }
    }
  }
  if (baseline && versus.length) console.log(`  this build ÷ baseline, stable, per view: ${versus.map((r) => r.toFixed(2)).join(' ')} (median ${stats(versus).median.toFixed(2)})`);
  console.log(`  worst ratio: picture ${Math.max(...pictureRatios).toFixed(1)}×, stable ${Math.max(...ratios).toFixed(1)}×`);
  console.log('== what each first picture waits for: its page, and the font files it preloads, against the static page\'s PNG');
  for (const v of views) pageWeight(v.name, v.search);

  console.log(`== interactive: navigation to a click on a node showing its details (${runs} fresh contexts${baseline ? ', alternated with the baseline' : ''})`);
  let scripts: string[] = [];
  const tti = new Map(builds.map(([b]) => [b, [] as number[]]));
  const longest = new Map(builds.map(([b]) => [b, [] as number[]]));
  for (let i = 0; i < runs; i++) {
    for (const [which, url] of builds) {
      const r = await interactive(browser, url, '');
      tti.get(which)!.push(r.at);
      longest.get(which)!.push(Math.max(0, ...r.long));
      if (i === 0 && which === 'app') scripts = r.scripts;
      // Every long task of every run, named by the scripts that ran in its frame (longest first).
      for (const t of r.named)
        console.log(
          `  ${which === 'app' ? '' : 'baseline: '}run ${i + 1}: a ${ms(t.duration)} task at ${ms(t.start)}: ` +
            (t.scripts.length
              ? [...t.scripts]
                  .sort((a, b) => b.duration - a.duration)
                  .slice(0, 3)
                  .map((x) => `${x.invoker} (${x.source}) ${ms(x.duration)}`)
                  .join('; ')
              : 'no script (style, layout, paint or the browser)'),
        );
    }
  }
  for (const [which] of builds) {
    const t = stats(tti.get(which)!);
    const l = stats(longest.get(which)!);
    console.log(`  ${which === 'app' ? '' : 'baseline: '}time to interactive: median ${ms(t.median)} (${ms(t.min)}–${ms(t.max)}); longest main-thread task: median ${ms(l.median)}, max ${ms(l.max)}  (load ${loadavg()[0]!.toFixed(1)})`);
  }
  const { rows, total } = chunkTable(scripts);
  console.log(`  JS loaded until interactive: ${(total / 1024).toFixed(1)} KB gzipped in ${rows.length} chunks`);
  rows.forEach((r) => console.log(r));
}
