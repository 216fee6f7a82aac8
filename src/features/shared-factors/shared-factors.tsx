import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useEffect } from 'react';
import { ENTITY_KINDS, KIND_LABEL, type EntityKind } from '../../model/schema.ts';
import { colourClass, sourceColour } from '../../theme/sources.ts';
import {
  activeSourcesAtom,
  currentViewAtom,
  focusAtom,
  modelAtom,
  requireModel,
  selectionAtom,
  sharedFactorsAtom,
  sharedKindsAtom,
  sourceOrderAtom,
} from '../../state/atoms.ts';
import { ATLAS, loadDataAtom } from '../../state/data.ts';
import { prerenderAtom } from '../../state/prerender.ts';

const FILTER_KINDS: EntityKind[] = ENTITY_KINDS.filter((k) => k !== 'msc-source' && k !== 'combination');

/** Entities two or more active sources act on, most shared first; a click focuses one in the graph. */
export function SharedFactors() {
  const model = requireModel(useAtomValue(modelAtom));
  const shared = useAtomValue(sharedFactorsAtom);
  const order = useAtomValue(sourceOrderAtom);
  const active = useAtomValue(activeSourcesAtom);
  const view = useAtomValue(currentViewAtom);
  const [kinds, setKinds] = useAtom(sharedKindsAtom);
  const setSelection = useSetAtom(selectionAtom);
  const setFocus = useSetAtom(focusAtom);
  const load = useSetAtom(loadDataAtom);
  // A page rendered at build time with no picture (atlas.html: the atlas's would be a third of a megabyte) is the
  // app's frame until the scripts run: the long list (30 KB of the page) waits for them too.
  const prerender = useAtomValue(prerenderAtom);
  const deferred = Boolean(prerender?.server && prerender.html === undefined);
  // A figure about several sources shares what their statements in every figure share: loaded on first use.
  const waiting = shared === null;
  useEffect(() => {
    if (waiting) void load(ATLAS);
  }, [waiting, load]);
  const kind = kinds[0] ?? '';
  return (
    <section className="shared-factors" aria-labelledby="shared-heading">
      <h2 id="shared-heading">Shared factors</h2>
      <label className="inline">
        Kind{' '}
        <select value={kind} onChange={(e) => setKinds(e.target.value ? [e.target.value as EntityKind] : [])}>
          <option value="">All kinds</option>
          {FILTER_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      {active.length < 2 ? (
        <p className="muted">Switch on two or more cell sources to see what they share.</p>
      ) : shared === null || deferred ? (
        <p className="muted" role="status">Loading what the sources share…</p>
      ) : shared.length === 0 ? (
        <p className="muted">No {kind ? KIND_LABEL[kind as EntityKind].toLowerCase() : 'entity'} is acted on by two or more of the active sources{view.kind === 'figure' ? ' in this figure' : ''}.</p>
      ) : (
        <ol className="shared-list" aria-label="Shared factors, most shared first">
          {shared.map((s) => (
            <li key={s.entity.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSelection({ type: 'node', id: s.entity.id });
                  setFocus({ id: s.entity.id, nonce: Date.now() });
                }}
              >
                {s.entity.label}
              </button>{' '}
              <span className="muted">
                {KIND_LABEL[s.entity.kind]} · {s.sources.length} sources:
              </span>{' '}
              <span className="source-chips">
                {s.sources.map((id) => (
                  <span key={id} className="chip">
                    <span className={`swatch ${colourClass(sourceColour(order, id))}`} aria-hidden="true" />
                    {model.entities.get(id)!.label}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
