import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useMemo } from 'react';
import { RELATION_VERB } from '../../model/describe.ts';
import { MAX_CHAIN_LENGTH } from '../../model/paths.ts';
import {
  currentViewAtom,
  modelAtom,
  pathChainAtom,
  pathQueryAtom,
  pathResultAtom,
  requireModel,
  selectionAtom,
  sourceOrderAtom,
} from '../../state/atoms.ts';
import { refNumbersText } from '../../model/retraction.ts';

/** Pick a source and a target (e.g. hAFMSC → AMH) and see each causal chain between them, step by step. */
export function ExplainPath() {
  const model = requireModel(useAtomValue(modelAtom));
  const view = useAtomValue(currentViewAtom);
  const order = useAtomValue(sourceOrderAtom);
  const [query, setQuery] = useAtom(pathQueryAtom);
  const [chain, setChain] = useAtom(pathChainAtom);
  const result = useAtomValue(pathResultAtom);
  const setSelection = useSetAtom(selectionAtom);
  const label = (id: string) => model.entities.get(id)?.label ?? id;
  const sources = order.filter((s) => view.nodes.some((n) => n.id === s));
  const targets = useMemo(
    () => view.nodes.filter((n) => n.entity.kind !== 'msc-source').sort((a, b) => a.entity.label.localeCompare(b.entity.label)),
    [view],
  );
  const from = query?.from ?? '';
  const to = query?.to ?? '';
  const update = (f: string, t: string) => {
    setChain(null);
    // A half-filled query is kept (the pickers show it) but explains nothing and stays out of the URL.
    setQuery(f || t ? { from: f, to: t } : null);
  };
  return (
    <section className="explain-path" aria-labelledby="path-heading">
      <h2 id="path-heading">Explain a path</h2>
      <div className="path-pickers">
        <label>
          From source{' '}
          <select value={from} onChange={(e) => update(e.target.value, to)}>
            <option value="">Choose…</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          To{' '}
          <select value={to} onChange={(e) => update(from, e.target.value)}>
            <option value="">Choose…</option>
            {targets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.entity.label}
              </option>
            ))}
          </select>
        </label>
        {query && (
          <button type="button" onClick={() => update('', '')}>
            Clear
          </button>
        )}
      </div>
      {query && from && to && result && (
        <>
          <p role="status" className="muted">
            {result.chains.length === 0
              ? `No chain from ${label(from)} to ${label(to)} in the review's statements about ${label(from)}${' '}(with the current filters).`
              : `${result.chains.length} chain${result.chains.length === 1 ? '' : 's'} from ${label(from)} to ${label(to)}, shortest first.`}
            {result.truncated && ` Chains longer than ${MAX_CHAIN_LENGTH} steps were not followed.`}
          </p>
          <ol className="chains">
            {result.chains.map((c, i) => (
              <li key={i} className={chain === i ? 'current' : undefined}>
                <button type="button" aria-pressed={chain === i} onClick={() => setChain(chain === i ? null : i)}>
                  Chain {i + 1}: {c.edges.length} step{c.edges.length === 1 ? '' : 's'}
                </button>
                <ol className="steps">
                  {c.edges.map((e) => (
                    <li key={e.id}>
                      <button type="button" className="link" onClick={() => setSelection({ type: 'edge', id: e.id })}>
                        {label(e.source)} {RELATION_VERB[e.relation]} {label(e.target)}
                      </button>{' '}
                      <span className="muted">[{refNumbersText(e.refs, model.references) || 'uncited'}]</span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
