/**
 * Registers the service worker (src/offline/sw.ts) once the page has loaded, the browser is idle and the reader has
 * paused, so precaching the app for offline use never competes with drawing the first view or with what the reader
 * is doing. The first install fetches and stores the build (137 files, 4.2 MB; the large scripts no page starts
 * with follow just after, when this page asks the active worker to: sw.ts), and Chromium compiles every script
 * stored during it. When it stored everything, that was about a second of CPU, and on a 2-core laptop a filter or a
 * source toggle clicked during it had tasks of 50–87 ms instead of 30–40 ms. So the worker is registered only after QUIET_MS with no click, key,
 * wheel or touch (every such input starts the wait again). Not at once when the page is hidden: leaving the page
 * for the app's next page hides it too, and the install would then compete with that page's start. A browser
 * without service workers, or one that refuses them (private windows, some policies), simply keeps working online.
 *
 * A newer build's worker takes over open pages at once (sw.ts); a page that was already running the older build
 * is told, through `onNewVersion`, so it can ask for a reload rather than later miss a file of the old build.
 */

/** How long the reader must have left the page alone before the worker is registered, ms. */
export const QUIET_MS = 3000;

/** Inputs that start work in the page (a hover does not). */
const INPUTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function registerServiceWorker(onNewVersion?: () => void): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // A page the first worker took over was not running an older build: only a change of an existing controller is news.
  let hadController = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (hadController) onNewVersion?.();
    hadController = true;
  });
  const go = () => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1000));
    let lastInput = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const register = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const type of INPUTS) window.removeEventListener(type, onInput, true);
      container
        .register('./sw.js')
        // Once a worker is active, it stores the large scripts it left out of its install (sw.ts).
        .then(() => container.ready)
        .then((registration) => registration.active?.postMessage({ type: 'store-later' }))
        .catch((e: unknown) => {
          console.warn(`Offline use is not available here: ${e instanceof Error ? e.message : String(e)}`);
        });
    };
    // After QUIET_MS without input, the next idle moment; an input while waiting for it starts the wait again.
    const wait = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          idle(
            () => {
              const quiet = performance.now() - lastInput;
              if (quiet >= QUIET_MS) register();
              else wait(QUIET_MS - quiet);
            },
            { timeout: 5000 },
          ),
        ms,
      );
    };
    function onInput() {
      lastInput = performance.now();
      wait(QUIET_MS);
    }
    for (const type of INPUTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    wait(QUIET_MS);
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
