import { useAtom, useAtomValue } from 'jotai';
import { GraphCanvas } from '../../graph-view/graph-canvas.tsx';
import { currentViewAtom, selectionAtom } from '../../state/atoms.ts';
import { Legend } from '../legend/legend.tsx';
import { usePositions } from './use-positions.ts';

/** The diagram of the current view: a region named after it, its caption, the canvas and its legend. */
export function MainGraph() {
  const view = useAtomValue(currentViewAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const positions = usePositions(view);
  return (
    <section className="main-graph" aria-label={view.title}>
      <header className="graph-header">
        <h2>{view.title}</h2>
        {view.caption && <p className="caption">{view.caption}</p>}
      </header>
      <div className="graph-stage">
        {positions.status === 'ready' ? (
          <GraphCanvas view={view} positions={positions.positions} selection={selection} onSelect={setSelection} name="main" />
        ) : positions.status === 'loading' ? (
          <p className="stage-message" role="status">
            Laying out {view.title}…
          </p>
        ) : (
          <div className="stage-message" role="alert">
            <p>
              Could not lay out {view.title}: {positions.message}
            </p>
            <button type="button" onClick={positions.retry}>
              Try again
            </button>
          </div>
        )}
      </div>
      <Legend />
    </section>
  );
}
