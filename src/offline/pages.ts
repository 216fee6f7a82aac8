/**
 * Which prerendered page answers a navigation to a folder address with a query (`./?view=atlas`, `./?figure=fig2`):
 * the same rule as `vite preview` (vite.config.ts) and any host set up like it, so the service worker serves the
 * page the link names when there is no network. Pure: used by the service worker and its tests.
 */
import { comparePage } from '../state/page.ts';

/** Query parameters that change what a comparison draws (filters, twin panes): such a link starts from compare.html. */
const REDRAWS = ['panes', 'sign', 'species', 'setting', 'injury', 'cellfree'];

export function pageForSearch(search: string): string {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if (view === 'atlas') return 'atlas.html';
  if (view === 'compare') {
    const own = REDRAWS.some((k) => params.has(k)) ? undefined : comparePage(params.get('left') ?? '', params.get('right') ?? '');
    return own ?? 'compare.html';
  }
  const figure = params.get('figure');
  // Only a plain id names a page file; anything else (an imported graph, a bad value) opens the first figure's page,
  // and the app then says what it does with the link.
  if (figure && /^[\w-]{1,80}$/.test(figure)) return `${figure}.html`;
  return 'index.html';
}
