/**
 * Which prerendered page (scripts/prerender.ts) shows a state's picture before any script runs: a static host
 * sends the same file for every query string, so the address names the page as well as the state, e.g.
 * `fig2.html?figure=fig2`, `atlas.html?view=atlas&sources=…`. The query stays the whole truth; the page only
 * decides which picture comes first.
 */
import type { Model } from '../model/types.ts';
import { filtersActive } from '../model/overlay.ts';
import type { UrlState } from './choices.ts';

/** A side of a comparison as the address writes it: `source:hpmsc`, `figure:fig2`. */
const SIDE = /^(source|figure):([a-z0-9][a-z0-9-]{0,60})$/;

/**
 * The page of a comparison that ships with its difference diagram drawn (scripts/prerender.ts): two cell sources or
 * two of the review's figures, e.g. `compare-source-hpmsc-source-humsc.html`; undefined for any other pair (a source
 * against a figure, an imported graph, a side compared with itself), which opens compare.html.
 */
export function comparePage(left: string, right: string): string | undefined {
  const l = SIDE.exec(left);
  const r = SIDE.exec(right);
  if (!l || !r || l[1] !== r[1] || l[2] === r[2] || l[2]!.startsWith('import-') || r[2]!.startsWith('import-')) return undefined;
  return `compare-${l[1]}-${l[2]}-${r[1]}-${r[2]}.html`;
}

export function pageFor(state: UrlState, model: Model): string {
  if (state.mode === 'atlas') return 'atlas.html';
  if (state.mode === 'compare') {
    // A shipped pair's own page shows its difference diagram; twin panes and filtered pairs start from compare.html.
    const pair = state.compare;
    const own = pair && pair.display !== 'twin' && !filtersActive(state.filters) ? comparePage(`${pair.left.type}:${pair.left.id}`, `${pair.right.type}:${pair.right.id}`) : undefined;
    const imported = pair?.left.type === 'figure' && [pair.left, pair.right].some((s) => model.figures.find((f) => f.id === s.id)?.imported);
    return own && !imported ? own : 'compare.html';
  }
  // Only the review's figures have pages: a user's imported graph (or a figure not in the model yet) is opened by
  // the first page, which reads the query; `import-….html` exists on no host, nor in the offline cache.
  const figure = model.figures.find((f) => f.id === state.figure);
  return !figure || figure.imported || figure === model.figures[0] ? '' : `${state.figure}.html`;
}

/** The path of `page` next to the current one (pages are siblings, wherever the app is served from). */
export function pagePath(pathname: string, page: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) + page;
}
