/**
 * Keeps the address bar and the atoms in step: read once at start (and on back/forward), written on every
 * change. A change of view, figure or compare pair is a new history entry; anything else replaces the current one.
 */
import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useEffect, useRef } from 'react';
import { modelAtom, noticeAtom, requireModel, urlStateAtom } from './atoms.ts';
import { parseUrl, toSearch, type UrlState } from './url.ts';

const place = (s: UrlState) => `${s.mode}|${s.mode === 'figure' ? s.figure : ''}|${s.compare ? `${s.compare.left.id}|${s.compare.right.id}` : ''}`;

export function useUrlSync() {
  const model = requireModel(useAtomValue(modelAtom));
  const [state, setState] = useAtom(urlStateAtom);
  const setNotice = useSetAtom(noticeAtom);
  const ready = useRef(false);
  const lastPlace = useRef('');

  useEffect(() => {
    const apply = () => {
      const { state: parsed, problems } = parseUrl(window.location.search, model);
      setState(parsed);
      setNotice(problems.length ? problems.join(' ') : null);
      lastPlace.current = place(parsed);
      // Rewrite a bad link to what is shown, so copying the address shares the right view.
      const search = toSearch(parsed, model);
      if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    };
    apply();
    ready.current = true;
    window.addEventListener('popstate', apply);
    return () => window.removeEventListener('popstate', apply);
  }, [model, setState, setNotice]);

  useEffect(() => {
    if (!ready.current) return;
    const search = toSearch(state, model);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const p = place(state);
    if (p !== lastPlace.current) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    lastPlace.current = p;
  }, [state, model]);
}
