/**
 * Build-time rendering of one page (scripts/prerender.ts): the app as it first renders at an address, with the
 * view's picture (picture.ts) where the canvas will be. The browser shows it before any script has run; the app
 * then renders the same page and its canvas takes over from the picture at the same place and size.
 */
import { createHash } from 'node:crypto';
import { renderToString } from 'react-dom/server';
import { App, createAppStore, preloadCompare } from '../app/app.tsx';
import { createLayoutService } from '../layout/layout-service.ts';
import { portraitKey, portraitLayoutInput, type PortraitLayoutFile } from '../layout/portrait.ts';
import { DIFFERENCE_ASPECT } from '../layout/difference-layout.ts';
import { layoutHash, type Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import { compareViewsAtom, currentViewAtom, decorationsAtom, differenceLayoutAtom, modeAtom, sourceOrderAtom, stageAspectAtom, urlStateAtom } from '../state/atoms.ts';
import { pictureState, prerenderAtom } from '../state/prerender.ts';
import { differenceDecorations } from '../theme/decorations.ts';
import { pairColours } from '../theme/sources.ts';
import { describeView, pictureSvg } from './picture.ts';

/**
 * The stage shape (width / height of the box the canvas fits into, fit.ts) the compare pages' difference diagrams are
 * laid out for: a 16:10 laptop's (layout/difference-layout.ts). The canvas keeps that layout under the picture on a
 * stage of about that shape; elsewhere it lays the pair out for its own stage and replaces the picture.
 */
const COMPARE_PICTURE_ASPECT = DIFFERENCE_ASPECT;

export async function renderPage(model: Model, layouts: Record<string, Positions>, search: string) {
  const service = createLayoutService(layouts, () => Promise.reject(new Error('no layout engine at build time')));
  const store = createAppStore(model, service, search);
  const view = store.get(currentViewAtom);
  let picture: string | undefined;
  let portrait: { file: string; svg: string } | undefined;
  let aspect: number | undefined;
  if (store.get(modeAtom) === 'compare') {
    // The difference diagram, laid out for a laptop's stage shape (the canvas keeps that shape under the picture:
    // compare-view.tsx), in the pair's colours. Twin panes have no picture. The compare view's code is loaded, so the
    // page has the whole view, not its loading message.
    await preloadCompare();
    store.set(stageAspectAtom, COMPARE_PICTURE_ASPECT);
    aspect = COMPARE_PICTURE_ASPECT;
    const compare = store.get(compareViewsAtom);
    const layout = store.get(differenceLayoutAtom);
    if (compare && layout && compare.pair.display !== 'twin') {
      const [left, right] = pairColours(store.get(sourceOrderAtom), model.figures, compare.pair.left, compare.pair.right);
      picture = pictureSvg(compare.difference.view, layout, differenceDecorations(compare.difference, left, right));
    }
  } else {
    const positions = service.cached(view);
    // Figures only: the atlas's picture would be a third of a megabyte of SVG for a view opened from the app.
    if (positions && view.kind === 'figure') picture = pictureSvg(view, positions, store.get(decorationsAtom));
    // And the portrait drawing, which a phone held upright shows instead (layout/portrait.ts, app.css): a file of its
    // own, named by its content, which only such a phone fetches (prerender/portrait-picture.ts).
    const layout = layouts[portraitKey(view.key)] as PortraitLayoutFile | undefined;
    if (picture !== undefined && layout && layout.hash === layoutHash(portraitLayoutInput(view, layout.shape))) {
      const svg = pictureSvg(view, layout, store.get(decorationsAtom), '-portrait');
      const hash = createHash('sha256').update(svg).digest('hex').slice(0, 8);
      portrait = { file: `assets/portrait-${view.key.replace(/[^\w-]+/g, '-')}-${hash}.svg`, svg };
    }
  }
  const state = pictureState(store.get(urlStateAtom), model);
  store.set(prerenderAtom, { key: view.key, html: picture, ...(portrait ? { portraitSrc: `./${portrait.file}` } : {}), server: true, state, ...(aspect && picture ? { aspect } : {}) });
  const html = renderToString(<App model={model} layoutService={service} store={store} />);
  return { html, key: view.key, title: view.title, description: describeView(view), picture: picture !== undefined, portrait };
}
