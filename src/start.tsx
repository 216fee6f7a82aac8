/**
 * The app's start, once the page's first picture is on screen (main.tsx): the view the address asks for, with its data,
 * layout and fonts, then React's first render over the prerendered picture.
 */
// Inter's other faces (Inter Extra, vite.config.ts): every character the app's own text has not, for a user's graph
// in another script. They come with the app, not in the page's own style sheet: no prerendered page draws a character
// of theirs, and their fourteen @font-face rules cost each page's first layout 4–6 ms of main thread (traced).
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppStore, InvalidData, preloadCompare } from './app/app.tsx';
import { loadPrecomputedLayout } from './data/layouts.ts';
import { loadShippedModel, shippedFigureIds, shippedLoader } from './data/shipped.ts';
import { linkNeed } from './state/data.ts';
import { createLayoutService } from './layout/layout-service.ts';
import { compareViewsAtom, currentViewAtom, modeAtom, noticeAtom, PHONE_PORTRAIT_QUERY, phonePortraitAtom, stageAspectAtom, urlStateAtom } from './state/atoms.ts';
import { pictureState, prerenderAtom } from './state/prerender.ts';
import { preloadGraphCanvas } from './graph-view/lazy-graph-canvas.tsx';
import { insertPortraitPicture } from './prerender/portrait-picture.ts';

// The canvas and Cytoscape: fetched with the page (preloaded), compiled and run in a task of their own.
void preloadGraphCanvas();
const root = createRoot(document.getElementById('root')!);
// A page opened without a query (`fig2.html`, `atlas.html` alone) is given its own address (scripts/prerender.ts), so
// the app shows what the page is, not the default view over it.
const pageState = document.getElementById('root')?.getAttribute('data-state') ?? document.querySelector('#root .prerender-picture')?.getAttribute('data-state');
if (!window.location.search && pageState) window.history.replaceState(null, '', `${window.location.pathname}${pageState}${window.location.hash}`);
// The data the address's view needs (a figure's own, or everything for the atlas and compare; the page preloads it):
// the rest loads when it is first needed (state/data.ts).
const need = linkNeed(window.location.search, shippedFigureIds);
const shipped = await loadShippedModel(need.figure);

if ('model' in shipped) {
  const service = createLayoutService(loadPrecomputedLayout);
  const store = createAppStore(shipped.model, service, window.location.search, shippedLoader);
  // A phone held upright draws figures from their portrait layouts (layout/portrait.ts).
  const portrait = window.matchMedia(PHONE_PORTRAIT_QUERY).matches;
  store.set(phonePortraitAtom, portrait);
  // The view the address opens, with its layout loaded, and the font its labels are measured in: then the first
  // render draws it at once. The atlas and the compare difference diagram are laid out on the spot (compact.ts):
  // nothing to load for them, and no ELK worker to start for a layout nobody draws.
  const mode = store.get(modeAtom);
  const drawnFromLayout = mode === 'figure' || (mode === 'compare' && store.get(compareViewsAtom)?.pair.display === 'twin');
  await Promise.all([
    // The canvas's code (asked for above): the first render waits for it rather than render without it. A render that
    // finds it missing shows the picture as its fallback, and React reveals what was waited for at most every 300 ms:
    // when Cytoscape's chunk came after the render (a third of the runs on two busy cores), the canvas was made 300 ms
    // later than its code, and the first click answered at 850-930 ms instead of 450-600.
    preloadGraphCanvas().catch(() => undefined),
    drawnFromLayout ? service.positions(store.get(currentViewAtom), portrait ? 'portrait' : undefined).catch(() => undefined) : undefined,
    // A page opening on a comparison renders the compare view at once, not its loading message over the picture.
    mode === 'compare' ? preloadCompare().catch(() => undefined) : undefined,
    // A phone held upright: the figure's portrait picture, fetched (preloaded by the page) and put in by its own tiny
    // script, if it has not done so yet (prerender/portrait-picture.ts).
    portrait ? insertPortraitPicture() : undefined,
    Promise.race([
      Promise.all([document.fonts.load('400 13px Inter'), document.fonts.load('600 13px Inter')]),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]),
  ]);
  // The picture the page was sent with, if it shows this view: the app's first render keeps it until the reader acts
  // (main-graph.tsx, compare-view.tsx).
  const key = store.get(currentViewAtom).key;
  // (On a phone held upright, the portrait one, fetched above. Only if it draws what the address asks for: a link with
  // an overlay or a filter starts from the canvas.)
  const picture = document.querySelector(`#root .${portrait ? 'prerender-portrait' : 'prerender-picture'}[data-view="${CSS.escape(key)}"]`);
  if (picture && picture.getAttribute('data-state') === pictureState(store.get(urlStateAtom), shipped.model)) {
    // A difference diagram is laid out for the stage shape its picture was made for (compare-view.tsx decides whether
    // to keep it once the stage is measured).
    const aspect = Number(picture.getAttribute('data-aspect'));
    if (aspect > 0) store.set(stageAspectAtom, aspect);
    store.set(prerenderAtom, { key, node: picture, orientation: portrait ? 'portrait' : 'usual', ...(aspect > 0 ? { aspect } : {}) });
  }
  // The first render as a transition: React renders it in slices of a few milliseconds and lets the browser breathe
  // in between, instead of one long task (the page shows its prerendered picture meanwhile; input still gets through).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App model={shipped.model} layoutService={service} store={store} />
      </StrictMode>,
    ),
  );
  // Offline use: a small module registers the service worker, which precaches the whole app, once the page has
  // loaded and the browser is idle (src/offline/register.ts). Build only: the dev server serves live sources.
  if (import.meta.env.PROD) {
    void import('./offline/register.ts').then((m) =>
      m.registerServiceWorker(() => store.set(noticeAtom, 'A new version of MSC–POF Atlas has been installed: reload the page to use it.')),
    );
  }
} else {
  root.render(<InvalidData errors={shipped.errors} />);
}

