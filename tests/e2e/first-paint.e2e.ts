/**
 * No script of the app before the first picture (issue #10 points 1 and 2): a page's first frame, its prerendered
 * picture, is painted before any of the app's code is compiled or run. Checked by order, not by time: Chromium traces
 * the page from navigation, and every script V8 compiles (on the main thread or on a worker thread, where a module
 * preload is compiled as soon as it arrives) is compared with the page's first paint as Chromium reports it.
 *
 * Before the first paint only the page's entry script may be compiled (main.tsx: a few hundred bytes that wait for the
 * paint, prerender/after-first-paint.ts), with its tiny imports (among them the catchers of early drops and input) and
 * the phone's portrait-picture script. React, Cytoscape and the app's own chunks come after it; and they do come: the
 * canvas then takes over.
 */
import { describe, expect, it } from 'vitest';
import { appUrl, useBrowser, waitForCanvas } from './browser.ts';
import { traced } from './trace.ts';

const getBrowser = useBrowser();

/** The page's own scripts that may run before its first paint: the entry, its static imports, the portrait picture's. */
const BEFORE_PAINT = /^(index|early-drop|early-input|preload-helper|portrait-picture)-[\w-]{8}\.js$/;

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
  return { compiled, why };
}

describe('the first picture comes before the app’s code', () => {
  for (const [what, search, pane] of [
    ['the start page', '', 'main'],
    ['a figure', '?figure=fig4', 'main'],
    ['a table', '?figure=table2', 'main'],
    ['a comparison', '?view=compare&left=source:hpmsc&right=source:humsc', 'difference'],
  ] as const) {
    it(`${what}: nothing but the tiny entry script is compiled before the first paint; the app after it`, async () => {
      const { compiled, why } = await compiledAroundFirstPaint(search, pane);
      expect(compiled.filter((c) => c.before && !BEFORE_PAINT.test(c.file)).map((c) => c.file), `the app started: ${String(why)}`).toEqual([]);
      // The app itself, React and Cytoscape were compiled, after the paint.
      for (const chunk of ['start', 'react', 'cytoscape']) expect(compiled.some((c) => !c.before && c.file.startsWith(`${chunk}-`)), chunk).toBe(true);
    });
  }
});
