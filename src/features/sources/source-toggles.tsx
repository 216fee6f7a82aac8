import { useAtom, useAtomValue } from 'jotai';
import { startTransition, useOptimistic } from 'react';
import { colourClass, sourceColour } from '../../theme/sources.ts';
import {
  activeSourcesAtom,
  atlasSourcesAtom,
  figureOverlayAtom,
  modeAtom,
  modelAtom,
  ownSourcesAtom,
  requireModel,
  sourceOrderAtom,
} from '../../state/atoms.ts';

/**
 * A checkbox per MSC source. In the atlas they choose which sources are shown; in a figure they overlay other
 * sources on it, marking which of the figure's factors they also act on.
 */
export function SourceToggles() {
  const model = requireModel(useAtomValue(modelAtom));
  const mode = useAtomValue(modeAtom);
  const order = useAtomValue(sourceOrderAtom);
  // The boxes answer at once (optimistic); the overlay they cause renders as a transition.
  const [active, showActive] = useOptimistic(useAtomValue(activeSourcesAtom));
  const own = useAtomValue(ownSourcesAtom);
  const [, setAtlas] = useAtom(atlasSourcesAtom);
  const [, setOverlay] = useAtom(figureOverlayAtom);
  const inFigure = mode === 'figure';

  // Transitions: React renders the panels and the overlay that follow from a toggle in slices, between frames,
  // so a toggle never blocks the main thread for long (npm run bench counts the long tasks).
  const toggle = (id: string, on: boolean) =>
    startTransition(() => {
      const next = on ? order.filter((s) => s === id || active.includes(s)) : active.filter((s) => s !== id);
      showActive(next);
      if (inFigure) setOverlay(next.filter((s) => !own.includes(s)));
      else setAtlas(next.length === order.length ? null : next);
    });
  const all = () =>
    startTransition(() => {
      showActive(order);
      if (inFigure) setOverlay(order.filter((s) => !own.includes(s)));
      else setAtlas(null);
    });
  const none = () =>
    startTransition(() => {
      showActive(order.filter((s) => inFigure && own.includes(s)));
      if (inFigure) setOverlay([]);
      else setAtlas([]);
    });

  return (
    <fieldset className="source-toggles">
      <legend>{inFigure ? 'Overlay other cell sources' : 'Cell sources'}</legend>
      <div className="row-buttons">
        <button type="button" onClick={all}>
          All
        </button>
        <button type="button" onClick={none}>
          None
        </button>
      </div>
      {order.map((id) => {
        const e = model.entities.get(id)!;
        const isOwn = own.includes(id);
        return (
          <label key={id} className="source-toggle">
            <input type="checkbox" checked={active.includes(id)} disabled={isOwn} onChange={(ev) => toggle(id, ev.target.checked)} />
            <span className={`swatch ${colourClass(sourceColour(order, id))}`} aria-hidden="true" />
            {e.label} — {e.tissue}
            {isOwn && <span className="muted"> (this figure)</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
