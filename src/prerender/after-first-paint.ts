/**
 * When the app's code may start: once the page's first frame is on screen. A prerendered page carries its picture
 * (scripts/prerender.ts); the app's scripts then wait for that picture to be painted before they are fetched,
 * compiled or run, so that on a machine of two cores neither the main thread nor a compiling worker thread stands
 * between the page and its first frame. (Module scripts started by the page itself run as soon as the document is
 * parsed, and their preloads are compiled on worker threads as they arrive: Chromium traces showed 21–25 ms of
 * script, and the compilation of React and Cytoscape, before the first paint of most pages.) The page lists the
 * app's chunks in an inert <template> (APP_PRELOADS_ID); startPreloads() puts them to work.
 *
 * The signal is the browser's own: the first `paint` entry of the Paint Timing API, which Chromium reports once the
 * frame has been presented. Where it cannot come, the app starts at once: a page not shown (a tab opened in the
 * background paints nothing until it is shown) or a browser without paint entries, which starts after its first
 * animation frame instead. A page whose paint entry never arrives starts after `MAX_WAIT_MS` all the same.
 *
 * This module imports nothing: the page's inline script (boot.ts) carries it, and waits with it before it even adds
 * the entry script (main.tsx), which then starts the app at once; the dev server's page, which has no picture, starts
 * it at once too.
 */

/** The id of the page's <template> of module preloads for the app's chunks (scripts/prerender.ts). */
export const APP_PRELOADS_ID = 'app-preloads';

/**
 * Puts the page's list of the app's chunks into its head, where each starts loading (fetched and compiled in
 * parallel, as the page's own module preloads would have been, only later); the number of preloads started. A page
 * without the list (the dev server's) loads each chunk when the app imports it.
 */
export function startPreloads(doc: Document = document): number {
  const list = doc.getElementById(APP_PRELOADS_ID);
  if (!(list instanceof doc.defaultView!.HTMLTemplateElement)) return 0;
  const n = list.content.querySelectorAll('link').length;
  // (Moved, not copied: the list is used once.)
  doc.head.append(list.content);
  list.remove();
  return n;
}

/** The longest the app waits for the first paint's entry: a safety net, well beyond a first paint on a loaded machine. */
export const MAX_WAIT_MS = 3000;

/** What afterFirstPaint needs of the page (the window; a fake one in the tests). */
export interface PaintWindow {
  document: Pick<Document, 'visibilityState'>;
  performance: Pick<Performance, 'getEntriesByType'>;
  PerformanceObserver?: { new (callback: (list: { getEntries(): unknown[] }) => void): { observe(o: { type: string; buffered?: boolean }): void; disconnect(): void }; supportedEntryTypes?: readonly string[] };
  requestAnimationFrame(callback: () => void): unknown;
  setTimeout(callback: () => void, ms?: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * Resolves, in a task of its own, once the page's first frame is on screen (or at once where it will not be: see
 * above); says why it started.
 */
export function afterFirstPaint(win: PaintWindow = window as unknown as PaintWindow): Promise<'painted' | 'hidden' | 'frame' | 'waited'> {
  return new Promise((resolve) => {
    if (win.document.visibilityState !== 'visible') return resolve('hidden');
    if (win.performance.getEntriesByType('paint').length > 0) return resolve('painted');
    const Observer = win.PerformanceObserver;
    if (!Observer?.supportedEntryTypes?.includes('paint')) {
      // The frame's tasks done, after the first animation frame: its picture has at least been handed to the screen.
      win.requestAnimationFrame(() => win.setTimeout(() => resolve('frame'), 0));
      return;
    }
    let done = false;
    const finish = (why: 'painted' | 'waited') => {
      if (done) return;
      done = true;
      observer.disconnect();
      win.clearTimeout(timer);
      resolve(why);
    };
    const observer = new Observer((list) => {
      if (list.getEntries().length > 0) finish('painted');
    });
    observer.observe({ type: 'paint', buffered: true });
    const timer = win.setTimeout(() => finish('waited'), MAX_WAIT_MS);
  });
}
