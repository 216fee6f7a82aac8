import { useAtomValue, useSetAtom } from 'jotai';
import { useEffect, useId, useMemo, useState } from 'react';
import { KIND_LABEL } from '../../model/schema.ts';
import { searchEntities, type SearchHit } from '../../model/search.ts';
import { currentViewAtom, focusAtom, loadedAtlasViewAtom, modeAtom, modelAtom, requireModel, selectionAtom } from '../../state/atoms.ts';
import { ATLAS, loadDataAtom } from '../../state/data.ts';

/**
 * Search over labels, full names and synonyms ("bFGF" finds FGF2, "E2" finds estradiol). Choosing a result
 * selects and focuses it; something not in the current figure opens in the atlas.
 */
export function Search() {
  const model = requireModel(useAtomValue(modelAtom));
  const view = useAtomValue(currentViewAtom);
  // Search looks across every figure: the atlas data is loaded when the box is first used.
  const atlas = useAtomValue(loadedAtlasViewAtom);
  const load = useSetAtom(loadDataAtom);
  const setMode = useSetAtom(modeAtom);
  const setSelection = useSetAtom(selectionAtom);
  const setFocus = useSetAtom(focusAtom);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const drawn = useMemo(() => new Set(atlas?.nodes.map((n) => n.id)), [atlas]);
  const inView = useMemo(() => new Set(view.nodes.map((n) => n.id)), [view]);
  const hits = useMemo(
    () => searchEntities([...model.entities.values()].filter((e) => drawn.has(e.id)), query, 8),
    [model, drawn, query],
  );

  const choose = (hit: SearchHit) => {
    if (!inView.has(hit.entity.id)) setMode('atlas');
    setSelection({ type: 'node', id: hit.entity.id });
    setFocus({ id: hit.entity.id, nonce: Date.now() });
    setQuery('');
  };
  // Enter pressed before the atlas data has arrived chooses the suggestion once it has.
  const [enterWaiting, setEnterWaiting] = useState(false);
  useEffect(() => {
    if (!enterWaiting || !atlas) return;
    setEnterWaiting(false);
    if (hits[active]) choose(hits[active]);
  });

  return (
    <div className="search" role="search">
      <input
        type="search"
        aria-label="Search entities"
        placeholder="Search: HGF, bFGF, E2, miR-21…"
        value={query}
        aria-controls={listId}
        aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        onFocus={() => void load(ATLAS)}
        onChange={(e) => {
          void load(ATLAS);
          setEnterWaiting(false);
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && !atlas && query) setEnterWaiting(true);
          else if (e.key === 'Enter' && hits[active]) choose(hits[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {query && (
        <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions">
          {!atlas && <li className="muted">Loading…</li>}
          {atlas && hits.length === 0 && <li className="muted">No entity matches “{query}”.</li>}
          {hits.map((h, i) => (
            <li
              key={h.entity.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(h);
              }}
            >
              <strong>{h.entity.label}</strong>
              {h.matched !== h.entity.label && <span className="muted"> ({h.matched})</span>}
              <span className="muted">
                {' '}
                · {KIND_LABEL[h.entity.kind]}
                {!inView.has(h.entity.id) && ' · opens in the atlas'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
