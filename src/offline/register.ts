/**
 * Registers the service worker (src/offline/sw.ts) once the page has loaded and the browser is idle, so precaching
 * the app for offline use never competes with drawing the first view. A browser without service workers, or one
 * that refuses them (private windows, some policies), simply keeps working online.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const go = () => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1000));
    idle(
      () => {
        navigator.serviceWorker.register('./sw.js').catch((e: unknown) => {
          console.warn(`Offline use is not available here: ${e instanceof Error ? e.message : String(e)}`);
        });
      },
      { timeout: 5000 },
    );
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}
