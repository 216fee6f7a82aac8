import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { figureIdAtom, modelAtom, requireModel, selectionAtom, currentFigureAtom } from '../../state/atoms.ts';

/** The figure chooser: a native select, so keyboard and screen readers get a real combobox. */
export function FigurePicker() {
  const model = requireModel(useAtomValue(modelAtom));
  const current = useAtomValue(currentFigureAtom);
  const [, setFigure] = useAtom(figureIdAtom);
  const setSelection = useSetAtom(selectionAtom);
  return (
    <label className="picker">
      <span>Figure</span>
      <select
        value={current.id}
        onChange={(e) => {
          setFigure(e.target.value);
          setSelection(null);
        }}
      >
        {model.figures.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}: {f.title}
          </option>
        ))}
      </select>
    </label>
  );
}
