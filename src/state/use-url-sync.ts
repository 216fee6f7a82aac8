/**
 * Keeps the address bar and the atoms in step: read once at start (and on back/forward), written on every
 * change. A change of view, figure or compare pair is a new history entry; anything else replaces the current one.
 */
import { useAtom, useAtomValue, useSetAtom, useStore } from 'jotai';
import { useEffect, useRef } from 'react';
import { focusAtom, importsAtom, importsReadyAtom, modelAtom, noticeAtom, requireModel, urlStateAtom } from './atoms.ts';
import { linkNeed, loadDataAtom } from './data.ts';
import { isEmbedded, withEmbed } from './embed.ts';
import type { UrlState } from './choices.ts';
import { parseUrl, toSearch as plainSearch } from './url.ts';
import { pageFor, pagePath } from './page.ts';
import type { Model } from '../model/types.ts';

const place = (s: UrlState) => `${s.mode}|${s.mode === 'figure' ? s.figure : ''}|${s.compare ? `${s.compare.left.id}|${s.compare.right.id}` : ''}`;

/** In the built app, the address also names the prerendered page of the view (page.ts); elsewhere it keeps its path. */
const pathOf = (state: UrlState, model: Model) =>
  import.meta.env.PROD ? pagePath(window.location.pathname, pageFor(state, model)) : window.location.pathname;

export function useUrlSync() {
  const model = requireModel(useAtomValue(modelAtom));
  // An embedded view keeps embed=1 on every address it writes, so reloading the frame stays embedded.
  const embedded = useRef(typeof window !== 'undefined' && isEmbedded(window.location.search)).current;
  const toSearch = (s: UrlState, m: typeof model) => (embedded ? withEmbed(plainSearch(s, m), true) : plainSearch(s, m));
  const [state, setState] = useAtom(urlStateAtom);
  const setNotice = useSetAtom(noticeAtom);
  const setFocus = useSetAtom(focusAtom);
  // A link to one of the user's imported graphs is applied once the stored graphs are read.
  const waitForImports = !useAtomValue(importsReadyAtom) && typeof window !== 'undefined' && /import-/.test(window.location.search);
  const ready = useRef(false);
  const lastPlace = useRef('');
  // The address just read: nothing is written back until the atoms show it (else the first render, still at the
  // defaults, would overwrite the link before it is applied).
  const expected = useRef<string | null>(null);

  const store = useStore();
  const load = useSetAtom(loadDataAtom);
  // The user's graphs change the model and its figures: the address is read again then (a new import's address is
  // written before it is added). Shipped data loaded later (data.ts) changes nothing the address says.
  const imports = useAtomValue(importsAtom)
    .map((g) => g.key)
    .join('\n');

  useEffect(() => {
    if (waitForImports) return;
    const apply = () => {
      const model = requireModel(store.get(modelAtom));
      const read = window.location.search;
      // Back or forward to a view whose data is not loaded yet: load it, then read the address again (if it is still
      // the same).
      const loading = load(linkNeed(read, model.figures.filter((f) => !f.imported).map((f) => f.id)));
      if (loading) {
        void loading.then((loaded) => loaded && window.location.search === read && apply());
        return;
      }
      const { state: parsed, problems } = parseUrl(read, model);
      setState(parsed);
      // A link that selects something (?select=node:igf1) brings it into view, as a click in a list does.
      if (parsed.selection) setFocus({ id: parsed.selection.id, nonce: Date.now() });
      // Only ever set here, never cleared: the bad link is rewritten below, and reading the rewritten address again
      // (StrictMode, back/forward) must not hide the message before the user has seen it.
      if (problems.length) setNotice(problems.join(' '));
      lastPlace.current = place(parsed);
      // Rewrite a bad link to what is shown, so copying the address shares the right view.
      const search = toSearch(parsed, model);
      expected.current = search;
      const path = pathOf(parsed, model);
      if (search !== window.location.search || path !== window.location.pathname)
        window.history.replaceState(null, '', `${path}${search}${window.location.hash}`);
    };
    apply();
    ready.current = true;
    window.addEventListener('popstate', apply);
    return () => window.removeEventListener('popstate', apply);
  }, [imports, store, load, setState, setNotice, setFocus, waitForImports]);

  /** The state the address was last written from (or read into), to tell a new selection alone from other changes. */
  const shown = useRef<UrlState | null>(null);
  useEffect(() => {
    if (!ready.current) return;
    const write = () => {
      const search = toSearch(state, model);
      if (expected.current !== null) {
        if (search !== expected.current) return;
        expected.current = null;
      }
      const path = pathOf(state, model);
      if (search === window.location.search && path === window.location.pathname) return;
      const url = `${path}${search}${window.location.hash}`;
      const p = place(state);
      if (p !== lastPlace.current) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      lastPlace.current = p;
    };
    const before = shown.current;
    shown.current = state;
    // A new selection alone (a click on the diagram, a row, a search result) is written after the frame that shows
    // its details, in a task of its own: writing the address took a third of the click's task (issue #10 point 3).
    // Anything else is written at once (a new view is a new history entry, taken before anything else can change).
    if (before && expected.current === null && selectionOnly(before, state)) return afterNextFrame(write);
    write();
  }, [state, model]);
}

/** Whether `next` differs from `prev` by its selection only (the other choices the same values). */
export function selectionOnly(prev: UrlState, next: UrlState): boolean {
  if (prev.selection === next.selection) return false;
  for (const key of Object.keys(next) as (keyof UrlState)[]) if (key !== 'selection' && prev[key] !== next[key]) return false;
  return true;
}

/** Runs `fn` in a task after the next frame (that frame paints what the current task changed); returns a cancel. */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
