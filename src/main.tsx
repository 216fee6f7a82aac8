import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
// The faces of the characters the app writes: two small files, all a first picture waits for (npm run start-fonts).
import './generated/start-fonts/start-fonts.css';
import './app/app.css';
import { afterFirstPaint, startPreloads } from './prerender/after-first-paint.ts';
import { catchEarlyDrops } from './features/open-file/early-drop.ts';
import { catchEarlyInput } from './app/early-input.ts';

// A file dropped before the open-file code has loaded is kept for it, not opened by the browser in place of the app.
catchEarlyDrops();
// What the reader types, chooses and clicks on the page before the app has taken over is done once it has
// (app/early-input.ts, replayed after the app's first commit in app.tsx).
catchEarlyInput();

// The page's entry script: the style sheet above (which the prerendered pages carry in themselves), and the app itself
// fetched, compiled and run only once the page's picture is on screen (prerender/after-first-paint.ts): nothing of it
// delays the first paint. All the app's first chunks are then asked for at once (the page lists them), not one
// import after another.
void afterFirstPaint().then((why) => {
  // (Marked for traces, with the reason it started.)
  performance.mark('app:start', { detail: why });
  startPreloads();
  return import('./start.tsx');
});
