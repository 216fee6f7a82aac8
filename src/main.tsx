// The faces of the characters the app writes: two small files, all a first picture waits for (npm run start-fonts).
import './generated/start-fonts/start-fonts.css';
import './app/app.css';
import { catchEarlyDrops } from './features/open-file/early-drop.ts';
import { catchEarlyInput } from './app/early-input.ts';

// A file dropped before the open-file code has loaded is kept for it, not opened by the browser in place of the app.
catchEarlyDrops();
// What the reader types, chooses and clicks on the page before the app has taken over is done once it has
// (app/early-input.ts, replayed after the app's first commit in app.tsx).
catchEarlyInput();

// The page's entry script: the style sheet above (which the prerendered pages carry in themselves), and the app itself
// fetched, compiled and run only once the page's picture is on screen: nothing of it delays the first paint. A built
// page's inline script (prerender/boot.ts) adds this script only once the picture is painted, so the app starts at
// once. The dev server's page has no picture to wait for (and, painting nothing, would never report a paint: it waited
// the 3 s safety net of prerender/after-first-paint.ts): it starts at once too. All the app's first chunks are then
// asked for at once (a built page's inline script has put its list of them to work), not one import after another.
void (async () => {
  // (Marked for traces, with what started it.)
  performance.mark('app:start', { detail: import.meta.env.DEV ? 'dev' : 'boot' });
  // The app's code is run in two tasks, not one: React and React DOM first, then the app (whose first import
  // evaluated every module it needs in one task, up to 50–75 ms of main thread on two busy cores in a third of the
  // runs; the first click waits for such a task).
  await import('react-dom/client');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await import('./start.tsx');
})();
