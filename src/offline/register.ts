/**
 * Registers the service worker (src/offline/sw.ts) once the page has loaded and the browser is idle, so precaching
 * the app for offline use never competes with drawing the first view. A browser without service workers, or one
 * that refuses them (private windows, some policies), simply keeps working online.
 *
 * A newer build's worker takes over open pages at once (sw.ts); a page that was already running the older build
 * is told, through `onNewVersion`, so it can ask for a reload rather than later miss a file of the old build.
 */
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
    idle(
      () => {
        container.register('./sw.js').catch((e: unknown) => {
          console.warn(`Offline use is not available here: ${e instanceof Error ? e.message : String(e)}`);
        });
      },
      { timeout: 5000 },
    );
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
