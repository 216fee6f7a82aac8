import { useAtom, useAtomValue } from 'jotai';
import { useMemo } from 'react';
import { GraphCanvas } from '../../graph-view/graph-canvas.tsx';
import { overlayStyles } from '../../graph-view/overlay-styles.ts';
import { nodeBox } from '../../layout/measure.ts';
import { sourceColour } from '../../theme/sources.ts';
import {
  currentViewAtom,
  figureOverlayAtom,
  focusAtom,
  modeAtom,
  overlayAtom,
  pathHighlightAtom,
  selectionAtom,
  sourceOrderAtom,
} from '../../state/atoms.ts';
import { Legend } from '../legend/legend.tsx';
import { usePositions } from './use-positions.ts';

/** The diagram of the current view: a region named after it, its caption, the canvas with overlays, its legend. */
export function MainGraph() {
  const view = useAtomValue(currentViewAtom);
  const mode = useAtomValue(modeAtom);
  const [selection, setSelection] = useAtom(selectionAtom);
  const overlay = useAtomValue(overlayAtom);
  const highlight = useAtomValue(pathHighlightAtom);
  const order = useAtomValue(sourceOrderAtom);
  const figureOverlay = useAtomValue(figureOverlayAtom);
  const focus = useAtomValue(focusAtom);
  const positions = usePositions(view);
  const sizes = useMemo(() => new Map(view.nodes.map((n) => [n.id, nodeBox(n.entity.label, n.entity.kind)])), [view]);
  // Source colours in the atlas always; in a figure once another source is overlaid on it.
  const showSources = mode !== 'figure' || figureOverlay.length > 0;
  const styles = useMemo(
    () => overlayStyles(view, overlay, (s) => sourceColour(order, s), sizes, highlight, showSources),
    [view, overlay, order, sizes, highlight, showSources],
  );
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
