import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useEffect, useMemo } from 'react';
import { GraphCanvas } from '../../graph-view/graph-canvas.tsx';
import { overlayStyles, sourceMarks } from '../../graph-view/overlay-styles.ts';
import { currentViewAtom, decorationsAtom, focusAtom, pathHighlightAtom, selectionAtom } from '../../state/atoms.ts';
import { Legend } from '../legend/legend.tsx';
import { usePositions } from './use-positions.ts';

/** The diagram of the current view: a region named after it, its caption, the canvas with overlays, its legend. */
export function MainGraph() {
  const view = useAtomValue(currentViewAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const decorations = useAtomValue(decorationsAtom);
  const focus = useAtomValue(focusAtom);
  const setFocus = useSetAtom(focusAtom);
  const highlight = useAtomValue(pathHighlightAtom);
  // An explained path is brought into view: on the atlas it would otherwise be a thread across a tiny drawing.
  useEffect(() => {
    if (highlight) setFocus({ ids: [...highlight.nodes], nonce: Date.now() });
  }, [highlight, setFocus]);
  const positions = usePositions(view);
  const styles = useMemo(() => overlayStyles(view, decorations), [view, decorations]);
  const marks = useMemo(() => sourceMarks(view, decorations), [view, decorations]);
  return (
    <section className="main-graph" aria-label={view.title}>
      <header className="graph-header">
        <h2>{view.title}</h2>
        {view.caption && <p className="caption">{view.caption}</p>}
      </header>
      <div className="graph-stage">
        {positions.status === 'ready' ? (
          <GraphCanvas
            view={view}
            positions={positions.positions}
            selection={selection}
            onSelect={setSelection}
            name="main"
            overlay={styles}
            marks={marks}
            focus={focus}
          />
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
