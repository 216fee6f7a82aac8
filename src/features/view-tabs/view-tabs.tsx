import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { startTransition, useOptimistic } from 'react';
import { currentFigureAtom, modeAtom, selectionAtom, type ViewMode } from '../../state/atoms.ts';
import { ATLAS, figureNeed, navigateAtom } from '../../state/data.ts';

const TABS: { mode: ViewMode; label: string }[] = [
  { mode: 'figure', label: 'Figures' },
  { mode: 'atlas', label: 'Atlas' },
  { mode: 'compare', label: 'Compare' },
];

/** Switches between the figure view, the atlas and the compare view. */
export function ViewTabs({ available = ['figure', 'atlas', 'compare'] }: { available?: ViewMode[] }) {
  const [current, setMode] = useAtom(modeAtom);
  // The pressed tab answers at once (optimistic); the view it opens renders as a transition, in slices between
  // frames, so that opening the atlas or compare is not one long task (npm run bench -- --switch).
  const [mode, showMode] = useOptimistic(current);
  const setSelection = useSetAtom(selectionAtom);
  const figure = useAtomValue(currentFigureAtom);
  const navigate = useSetAtom(navigateAtom);
  return (
    <nav className="view-tabs" aria-label="Views">
      {TABS.filter((t) => available.includes(t.mode)).map((t) => (
        <button
          key={t.mode}
          type="button"
          aria-pressed={mode === t.mode}
          onClick={() => {
            if (mode === t.mode) return;
            // The atlas and compare read every figure: their data is loaded on first use, then the view opens.
            navigate(t.mode === 'figure' ? figureNeed(figure.id) : ATLAS, () =>
              startTransition(() => {
                showMode(t.mode);
                setMode(t.mode);
                setSelection(null);
              }),
            );
          }}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}
