import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { RELATION_VERB, evidenceRows } from '../../model/describe.ts';
import { KIND_LABEL, type Reference } from '../../model/schema.ts';
import type { Model } from '../../model/types.ts';
import type { GraphView, ViewEdge } from '../../model/view.ts';
import { isRetracted, refNumbersText, retractedAmong, retractionHref, retractionSentence } from '../../model/retraction.ts';
import { longCitation, referenceUrls, xrefLinks } from '../../model/xref.ts';
import { currentViewAtom, figureIdAtom, modeAtom, modelAtom, requireModel, selectionAtom } from '../../state/atoms.ts';

function References({ model, refs }: { model: Model; refs: readonly number[] }) {
  if (!refs.length) return <p className="muted">No reference: the review states this without a citation.</p>;
  return (
    <ol className="references">
      {refs.map((n) => {
        const ref = model.references.get(n) as Reference;
        return (
          <li key={n} value={n} className={isRetracted(ref) ? 'retracted' : undefined}>
            <span className="ref-n">[{n}]</span>{' '}
            {isRetracted(ref) && (
              <>
                <strong className="retracted-flag">Retracted</strong>{' '}
              </>
            )}
            {longCitation(ref)}
            {isRetracted(ref) && (
              <span className="retraction">
                {' '}
                <a href={retractionHref(ref)} target="_blank" rel="noreferrer">
                  {retractionSentence(ref)}
                </a>
              </span>
            )}
            {referenceUrls(ref).map((link) => (
              <span key={link.href}>
                {' '}
                <a href={link.href} target="_blank" rel="noreferrer">
                  {link.text}
                </a>
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

/** Said before a statement's references when a journal has since retracted some or all of them. */
function RetractionWarning({ model, refs }: { model: Model; refs: readonly number[] }) {
  const retracted = retractedAmong(refs, model.references);
  if (!retracted.length) return null;
  const which = retracted.map((n) => `[${n}]`).join(' and ');
  return (
    <p className="retraction-warning" role="note">
      {retracted.length === new Set(refs).size
        ? `Every reference of this statement (${which}) has been retracted since the review: the review states it, but none of the articles it cites still stands.`
        : `${retracted.length === 1 ? `Reference ${which} has` : `References ${which} have`} been retracted since the review; the statement also rests on ${refs
            .filter((n) => !retracted.includes(n))
            .map((n) => `[${n}]`)
            .join(', ')}.`}
    </p>
  );
}

function label(model: Model, id: string) {
  return model.entities.get(id)?.label ?? id;
}

function EdgeDetails({ model, edge, view }: { model: Model; edge: ViewEdge; view: GraphView }) {
  const setFigure = useSetAtom(figureIdAtom);
  const setMode = useSetAtom(modeAtom);
  const setSelection = useSetAtom(selectionAtom);
  return (
    <>
      <h3>
        {label(model, edge.source)} <span className="verb">{RELATION_VERB[edge.relation]}</span> {label(model, edge.target)}
      </h3>
      <p className="muted">
        Relation: {edge.relation} ({edge.sign === 'neutral' ? 'no sign' : edge.sign}) · Sources: {edge.sources.map((s) => label(model, s)).join(', ')}
      </p>
      {edge.supports.map((s) => {
        const fig = model.figures.find((f) => f.id === s.figure)!;
        const rows = evidenceRows(s.edge.evidence);
        const perRef = s.edge.refs
          .map((n) => ({ n, rows: evidenceRows(s.edge.evidenceByRef?.[String(n)] ?? {}) }))
          .filter((r) => r.rows.length > 0);
        const combination = s.combination ? model.entities.get(s.combination) : undefined;
        return (
          <section key={`${s.figure}/${s.edge.id}`} className="support" aria-label={`${fig.label} statement`}>
            <h4>
              {fig.label}
              {view.kind !== 'figure' && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setMode('figure');
                    setFigure(fig.id);
                    setSelection({ type: 'edge', id: edge.id });
                  }}
                >
                  Open {fig.label}
                </button>
              )}
              <span className="section-tag">{s.edge.section}</span>
            </h4>
            <p>{s.edge.note}</p>
            {combination && (
              <p className="combination-effect">
                <span className="muted">Combination effect:</span> {(combination.members ?? []).map((m) => label(model, m)).join(' + ')} given together
              </p>
            )}
            {rows.length > 0 || perRef.length > 0 ? (
              <>
                {rows.length > 0 && (
                  <dl className="evidence" role="group" aria-label={perRef.length ? 'Evidence, every reference' : 'Evidence'}>
                    {rows.map(([k, v]) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {perRef.map(({ n, rows: own }) => (
                  <dl key={n} className="evidence evidence-ref" role="group" aria-label={`Evidence, reference ${n} only`}>
                    {own.map(([k, v]) => (
                      <div key={k}>
                        <dt>
                          {k} <span className="ref-n">[{n}]</span>
                        </dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
                  </dl>
                ))}
              </>
            ) : (
              <p className="muted">The review gives no species, setting or model for this statement.</p>
            )}
            <h5>References</h5>
            <RetractionWarning model={model} refs={s.edge.refs} />
            <References model={model} refs={s.edge.refs} />
          </section>
        );
      })}
    </>
  );
}

function NodeDetails({ model, id, view }: { model: Model; id: string; view: GraphView }) {
  const setSelection = useSetAtom(selectionAtom);
  const entity = model.entities.get(id)!;
  const node = view.nodes.find((n) => n.id === id);
  const edges = view.edges.filter((e) => e.source === id || e.target === id);
  const refs = [...new Set(edges.flatMap((e) => e.refs))].sort((a, b) => a - b);
  return (
    <>
      <h3>{entity.label}</h3>
      {entity.name && entity.name !== entity.label && <p className="entity-name">{entity.name}</p>}
      <p className="muted">Kind: {KIND_LABEL[entity.kind]}</p>
      {entity.description && <p>{entity.description}</p>}
      {entity.synonyms.length > 0 && (
        <p>
          <span className="muted">Also called:</span> {entity.synonyms.join(', ')}
        </p>
      )}
      {entity.xrefs.length > 0 && (
        <ul className="xrefs" aria-label="Cross-references">
          {entity.xrefs.map((x) => {
            const links = xrefLinks(x);
            return (
              <li key={x}>
                {links ? (
                  <>
                    <a href={links.bioregistry} target="_blank" rel="noreferrer" title={`${links.curie} on Bioregistry`}>
                      {x}
                    </a>{' '}
                    <a className="muted" href={links.page.href} target="_blank" rel="noreferrer" aria-label={`${x} at ${links.page.database}`}>
                      {links.page.database}
                    </a>
                  </>
                ) : (
                  x
                )}
              </li>
            );
          })}
        </ul>
      )}
      {node && view.kind !== 'figure' && (
        <p>
          <span className="muted">Sources:</span> {node.sources.map((s) => label(model, s)).join(', ')}
        </p>
      )}
      <h4>Relations in this view ({edges.length})</h4>
      <ul className="relations">
        {edges.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => setSelection({ type: 'edge', id: e.id })}>
              {label(model, e.source)} {RELATION_VERB[e.relation]} {label(model, e.target)}
            </button>
            {/* An imported statement may cite nothing: no empty brackets then. */}
            {e.refs.length > 0 && <span className="muted"> [{refNumbersText(e.refs, model.references)}]</span>}
          </li>
        ))}
      </ul>
      <h4>References ({refs.length})</h4>
      <References model={model} refs={refs} />
    </>
  );
}

/** The details region: what the selected node or edge is, does, and which references say so. */
export function DetailsPanel() {
  const model = requireModel(useAtomValue(modelAtom));
  const view = useAtomValue(currentViewAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const edge = selection?.type === 'edge' ? view.edges.find((e) => e.id === selection.id) : undefined;
  const nodeId = selection?.type === 'node' && view.nodes.some((n) => n.id === selection.id) ? selection.id : undefined;
  return (
    <section className="details" aria-labelledby="details-heading">
      <div className="details-head">
        <h2 id="details-heading">Details</h2>
        {selection && (
          <button type="button" onClick={() => setSelection(null)}>
            Clear selection
          </button>
        )}
      </div>
      {edge ? (
        <EdgeDetails model={model} edge={edge} view={view} />
      ) : nodeId ? (
        <NodeDetails model={model} id={nodeId} view={view} />
      ) : (
        <p className="muted">Click a node or an arrow in the diagram (or a row of the text version below) to see what it is, what it does, and the review’s references for it.</p>
      )}
    </section>
  );
}
