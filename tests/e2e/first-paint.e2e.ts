/**
 * No script of the app before the first picture (issue #10 points 1 and 2): a page's first frame, its prerendered
 * picture, is painted before any of the app's code is fetched, compiled or run. Checked by order, not by time:
 * Chromium traces the page from navigation, and every script V8 compiles (on the main thread or on a worker thread,
 * where a module preload is compiled as soon as it arrives) is compared with the page's first paint as Chromium
 * reports it; and every file the page asked for, by when it was asked (Resource Timing), with the paint's time.
 *
 * Before the first paint the page runs only its own inline script (prerender/boot.ts, a few hundred bytes, not a
 * file): it asks for nothing there, not even the entry script (main.tsx) or the view's data. On a phone held upright
 * it adds the portrait picture's script (phone.e2e.ts). React, Cytoscape and the app's own chunks come after the
 * paint; and they do come: the canvas then takes over.
 */
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';
import { traced } from './trace.ts';

const getBrowser = useBrowser();


/**
 * Opens `search` traced until `pane` is drawn; the page's first paint and every script of the app compiled, by file
 * name, in order, each with whether it came before that paint.
 */
async function compiledAroundFirstPaint(search: string, pane: string) {
  const browser = getBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const events = await traced(browser, page, ['blink.user_timing', 'loading', 'v8', 'devtools.timeline'], async () => {
    await page.goto(appUrl(search));
    await waitForCanvas(page, pane);
  });
  // Why the app started (afterFirstPaint): the paint's report, as a rule.
  const why = await page.evaluate(() => (performance.getEntriesByName('app:start')[0] as PerformanceMark | undefined)?.detail as unknown);
  // Every file the page asked for (a data: URL is no request), with whether it was asked for before the first paint.
  const requested = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-paint')[0]!.startTime;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => !e.name.startsWith('data:'))
      .map((e) => ({ file: e.name.replace(/^.*\//, ''), before: e.startTime < paint }));
  });
  await context.close();
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === appUrl(search)).at(-1);
  expect(nav, `${search}: the trace has the page's navigation`).toBeDefined();
  const paint = events.find((e) => e.name === 'firstPaint' && e.pid === nav!.pid && e.ts >= nav!.ts);
  expect(paint, `${search}: the trace has the page's first paint`).toBeDefined();
  // Compiled on the main thread (v8.compileModule) or streamed on a worker (v8.parseOnBackground): an app chunk's
  // file name from the event's URL.
  const compiled = events
    .filter((e) => e.pid === nav!.pid && e.ts >= nav!.ts && /^(v8\.compileModule|v8\.compile|v8\.parseOnBackground)$/.test(e.name))
    .map((e) => ({ file: String(e.args?.data?.url ?? e.args?.fileName ?? '').replace(/^.*\//, ''), before: e.ts < paint!.ts }))
    .filter((c) => /\.js$/.test(c.file));
  return { compiled, why, requested };
}

describe('the first picture comes before the app’s code', () => {
  for (const [what, search, pane] of [
    ['the start page', '', 'main'],
    ['a figure', '?figure=fig4', 'main'],
    ['a table', '?figure=table2', 'main'],
    ['a comparison', '?view=compare&left=source:hpmsc&right=source:humsc', 'difference'],
  ] as const) {
    it(`${what}: no file of the app is asked for or compiled before the first paint; the app after it`, async () => {
      const { compiled, why, requested } = await compiledAroundFirstPaint(search, pane);
      expect(compiled.filter((c) => c.before).map((c) => c.file), `the app started: ${String(why)}`).toEqual([]);
      expect(requested.filter((r) => r.before).map((r) => r.file)).toEqual([]);
      // The entry script, the view's data and the canvas's code were asked for, after the paint.
      for (const file of [/^index-[\w-]{8}\.js$/, /^model-[\w-]+-[\w-]{8}\.json$/, /^cytoscape-[\w-]{8}\.js$/])
        expect(requested.some((r) => !r.before && file.test(r.file)), String(file)).toBe(true);
      // The app itself, React and Cytoscape were compiled, after the paint.
      for (const chunk of ['start', 'react', 'cytoscape']) expect(compiled.some((c) => !c.before && c.file.startsWith(`${chunk}-`)), chunk).toBe(true);
    });
  }
});
