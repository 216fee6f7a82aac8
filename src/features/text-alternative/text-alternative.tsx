import { useAtomValue, useSetAtom } from 'jotai';
import { useState } from 'react';
import { RELATION_VERB } from '../../model/describe.ts';
import { KIND_LABEL } from '../../model/schema.ts';
import { currentViewAtom, modelAtom, requireModel, selectionAtom } from '../../state/atoms.ts';
import { refNumbersText } from '../../model/retraction.ts';

/**
 * The diagram as tables, for screen readers and keyboard users (the canvas alone is invisible to them):
 * every entity and every relation of the current view, each with a button that selects it.
 * The tables are built when the reader opens them: closed, they are hidden from everyone anyway, and on the atlas
 * they are three quarters of the page's elements (several hundred rows), rebuilt on every change of view.
 */
export function TextAlternative() {
  const model = requireModel(useAtomValue(modelAtom));
  const view = useAtomValue(currentViewAtom);
  const setSelection = useSetAtom(selectionAtom);
  const [open, setOpen] = useState(false);
  const label = (id: string) => model.entities.get(id)?.label ?? id;
  return (
    <details className="text-alternative" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Text version of this diagram: {view.nodes.length} entities, {view.edges.length} relations
      </summary>
      {open && (
        <>
          <table>
            <caption>Entities in {view.title}</caption>
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">Kind</th>
                <th scope="col">Full name</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {view.nodes.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => setSelection({ type: 'node', id: n.id })}>
                      {n.entity.label}
                    </button>
                  </th>
                  <td>{KIND_LABEL[n.entity.kind]}</td>
                  <td>{n.entity.name ?? ''}</td>
                  <td>{n.sources.map(label).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>Relations in {view.title}</caption>
            <thead>
              <tr>
                <th scope="col">Relation</th>
                <th scope="col">Sign</th>
                <th scope="col">References</th>
              </tr>
            </thead>
            <tbody>
              {view.edges.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => setSelection({ type: 'edge', id: e.id })}>
                      {label(e.source)} {RELATION_VERB[e.relation]} {label(e.target)}
                    </button>
                  </th>
                  <td>{e.sign}</td>
                  <td>{refNumbersText(e.refs, model.references) || 'uncited'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
