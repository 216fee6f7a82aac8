/**
 * Which prerendered page (scripts/prerender.ts) shows a state's picture before any script runs: a static host
 * sends the same file for every query string, so the address names the page as well as the state, e.g.
 * `fig2.html?figure=fig2`, `atlas.html?view=atlas&sources=…`. The query stays the whole truth; the page only
 * decides which picture comes first.
 */
import type { Model } from '../model/types.ts';
import type { UrlState } from './url.ts';

export function pageFor(state: UrlState, model: Model): string {
  if (state.mode === 'atlas') return 'atlas.html';
  if (state.mode === 'compare') return 'compare.html';
  // Only the review's figures have pages: a user's imported graph (or a figure not in the model yet) is opened by
  // the first page, which reads the query; `import-….html` exists on no host, nor in the offline cache.
  const figure = model.figures.find((f) => f.id === state.figure);
  return !figure || figure.imported || figure === model.figures[0] ? '' : `${state.figure}.html`;
}

/** The path of `page` next to the current one (pages are siblings, wherever the app is served from). */
export function pagePath(pathname: string, page: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) + page;
}
