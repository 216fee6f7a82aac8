import { useAtomValue, useSetAtom } from 'jotai';
import { lazy, Suspense } from 'react';
import { figureIdAtom, importsAtom, modelAtom, requireModel, selectionAtom, currentFigureAtom } from '../../state/atoms.ts';
import { figureNeed, navigateAtom } from '../../state/data.ts';

// Rename and remove: only for the user's own graphs, loaded when one is shown.
const YourGraphActions = lazy(() => import('./your-graph-actions.tsx').then((m) => ({ default: m.YourGraphActions })));

/**
 * The figure chooser: a native select, so keyboard and screen readers get a real combobox. The review's figures
 * come first; the user's imported graphs follow under "Your graphs", and the one shown can be renamed or removed.
 */
export function FigurePicker() {
  const model = requireModel(useAtomValue(modelAtom));
  const current = useAtomValue(currentFigureAtom);
  const navigate = useSetAtom(navigateAtom);
  const imports = useAtomValue(importsAtom);
  const review = model.figures.filter((f) => !f.imported);
  const mine = model.figures.filter((f) => f.imported);
  const currentImport = imports.find((g) => g.key === current.id);

  return (
    <div className="your-graph-actions">
      <label className="picker">
        <span>Figure</span>
        <select
          value={current.id}
          onChange={(e) => {
            const id = e.target.value;
            // A figure's data is loaded when it is first opened; the figure on screen stays until then.
            navigate(figureNeed(id), (set) => {
              set(figureIdAtom, id);
              set(selectionAtom, null);
            });
          }}
        >
          <optgroup label="The review">
            {review.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}: {f.title}
              </option>
            ))}
          </optgroup>
          {mine.length > 0 && (
            <optgroup label="Your graphs">
              {mine.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {currentImport && (
        <Suspense fallback={null}>
          <YourGraphActions key={currentImport.key} graph={currentImport} />
        </Suspense>
      )}
    </div>
  );
}
