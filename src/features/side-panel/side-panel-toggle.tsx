import { useAtomValue, useSetAtom } from 'jotai';
import { filtersActive } from '../../model/overlay.ts';
import { figureOverlayAtom, filtersAtom, modeAtom, pathQueryAtom, sidePanelAtom, sidePanelOpenAtom } from '../../state/atoms.ts';

/** Shows or hides the sources-and-filters panel; says when something in it is in use while it is hidden. */
export function SidePanelToggle({ controls }: { controls: string }) {
  const open = useAtomValue(sidePanelOpenAtom);
  const set = useSetAtom(sidePanelAtom);
  const mode = useAtomValue(modeAtom);
  const filters = useAtomValue(filtersAtom);
  const overlay = useAtomValue(figureOverlayAtom);
  const path = useAtomValue(pathQueryAtom);
  const inUse = [
    mode === 'figure' && overlay.length ? `${overlay.length} overlaid` : '',
    filtersActive(filters) ? 'filters on' : '',
    path?.from && path.to ? 'path shown' : '',
  ].filter(Boolean);
  return (
    <button type="button" className="side-toggle" aria-expanded={open} aria-controls={controls} onClick={() => set(open ? 'closed' : 'open')}>
      {/* A drawn triangle, not ◂ ▸: Inter has no such character (app.css, .tri). */}
      <span className={`tri ${open ? 'left' : 'right'}`} aria-hidden="true" />
      {open ? 'Hide sources & filters' : 'Sources, filters & paths'}
      {!open && inUse.length > 0 && <span className="in-use"> ({inUse.join(', ')})</span>}
    </button>
  );
}
