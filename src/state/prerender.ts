/**
 * The picture of the first view that the server sent (prerendered at build time, scripts/prerender.ts): shown
 * until the canvas has drawn the same view, then removed.
 */
import { atom } from 'jotai';
import type { Model } from '../model/types.ts';
import type { UrlState } from './choices.ts';
import { toSearch } from './url.ts';

export interface Prerendered {
  /** Key of the view it shows. */
  key: string;
  /** Its SVG markup (when rendering on the server). */
  html?: string;
  /**
   * Where the view's portrait picture is, for a phone held upright (server; layout/portrait.ts): a file of its own,
   * fetched only on such a phone (prerender/portrait-picture.ts).
   */
  portraitSrc?: string;
  /** In the browser: which picture `node` is (the portrait one, fetched on a phone held upright, or the usual one). */
  orientation?: 'usual' | 'portrait';
  /** The picture already in the page (in the browser), moved into the app's first render. */
  node?: Element;
  /** Rendering the page at build time: no canvas. */
  server?: boolean;
  /** What it draws, as pictureState() writes it. */
  state?: string;
  /** The stage shape its layout was made for, when that layout depends on the stage (the difference diagram). */
  aspect?: number;
}

export const prerenderAtom = atom<Prerendered | null>(null);

/**
 * Everything in a state that changes the drawing (view, figure or pair, overlay, filters, path), as a query string:
 * a page's picture is used only for an address that draws the same (a link to fig2.html with an overlay or a filter
 * starts from the canvas instead). A selection, the shared-factor kinds and linked panes change no pixel of it.
 */
export function pictureState(state: UrlState, model: Model): string {
  return toSearch({ ...state, selection: null, kinds: [], compare: state.compare && { ...state.compare, linked: true } }, model);
}
