/**
 * The picture of the first view that the server sent (prerendered at build time, scripts/prerender.ts): shown
 * until the canvas has drawn the same view, then removed.
 */
import { atom } from 'jotai';

export interface Prerendered {
  /** Key of the view it shows. */
  key: string;
  /** Its SVG markup (when rendering on the server). */
  html?: string;
  /** The SVG markup of the view's portrait drawing, for a phone held upright (server; layout/portrait.ts). */
  portraitHtml?: string;
  /** In the browser: which of the page's two pictures `node` is (the portrait one on a phone held upright). */
  orientation?: 'usual' | 'portrait';
  /** The picture already in the page (in the browser), moved into the app's first render. */
  node?: Element;
  /** Rendering the page at build time: no canvas. */
  server?: boolean;
}

export const prerenderAtom = atom<Prerendered | null>(null);
