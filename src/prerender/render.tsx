/**
 * Build-time rendering of one page (scripts/prerender.ts): the app as it first renders at an address, with the
 * view's picture (picture.ts) where the canvas will be. The browser shows it before any script has run; the app
 * then renders the same page and its canvas takes over from the picture at the same place and size.
 */
import { renderToString } from 'react-dom/server';
import { App, createAppStore } from '../app/app.tsx';
import { createLayoutService } from '../layout/layout-service.ts';
import { portraitKey, portraitLayoutInput, type PortraitLayoutFile } from '../layout/portrait.ts';
import { layoutHash, type Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import { currentViewAtom, decorationsAtom } from '../state/atoms.ts';
import { prerenderAtom } from '../state/prerender.ts';
import { describeView, pictureSvg } from './picture.ts';

export function renderPage(model: Model, layouts: Record<string, Positions>, search: string) {
  const service = createLayoutService(layouts, () => Promise.reject(new Error('no layout engine at build time')));
  const store = createAppStore(model, service, search);
  const view = store.get(currentViewAtom);
  const positions = service.cached(view);
  // Figures only: the atlas's picture would be a third of a megabyte of SVG for a view opened from the app.
  const picture = positions && view.kind === 'figure' ? pictureSvg(view, positions, store.get(decorationsAtom)) : undefined;
  // And the portrait drawing, which a phone held upright shows instead (layout/portrait.ts, app.css).
  const portrait = layouts[portraitKey(view.key)] as PortraitLayoutFile | undefined;
  const portraitHtml =
    picture !== undefined && portrait && portrait.hash === layoutHash(portraitLayoutInput(view, portrait.shape))
      ? pictureSvg(view, portrait, store.get(decorationsAtom), '-portrait')
      : undefined;
  store.set(prerenderAtom, { key: view.key, html: picture, ...(portraitHtml ? { portraitHtml } : {}), server: true });
  const html = renderToString(<App model={model} layoutService={service} store={store} />);
  return { html, key: view.key, title: view.title, description: describeView(view), picture: picture !== undefined };
}
