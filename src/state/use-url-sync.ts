/**
 * Keeps the address bar and the atoms in step: read once at start (and on back/forward), written on every
 * change. A change of view or figure is a new history entry; a change of selection replaces the current one.
 */
import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useEffect, useRef } from 'react';
import { figureIdAtom, modeAtom, modelAtom, noticeAtom, requireModel, selectionAtom } from './atoms.ts';
import { parseUrl, toSearch } from './url.ts';

export function useUrlSync() {
  const model = requireModel(useAtomValue(modelAtom));
  const [mode, setMode] = useAtom(modeAtom);
  const [figure, setFigure] = useAtom(figureIdAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const setNotice = useSetAtom(noticeAtom);
  const ready = useRef(false);
  const last = useRef({ mode, figure });

  useEffect(() => {
    const apply = () => {
      const { state, problems } = parseUrl(window.location.search, model);
      setMode(state.mode);
      setFigure(state.figure);
      setSelection(state.selection);
      setNotice(problems.length ? problems.join(' ') : null);
      last.current = { mode: state.mode, figure: state.figure };
      // Rewrite a bad link to what is shown, so copying the address shares the right view.
      const search = toSearch(state, model);
      if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    };
    apply();
    ready.current = true;
    window.addEventListener('popstate', apply);
    return () => window.removeEventListener('popstate', apply);
  }, [model, setMode, setFigure, setSelection, setNotice]);

  useEffect(() => {
    if (!ready.current) return;
    const search = toSearch({ mode, figure, selection }, model);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const navigated = last.current.mode !== mode || last.current.figure !== figure;
    last.current = { mode, figure };
    if (navigated) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [mode, figure, selection, model]);
}
