import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useState } from 'react';
import { figureIdAtom, importsAtom, modelAtom, requireModel, selectionAtom, currentFigureAtom, setImportsAtom, noticeAtom, baseModelAtom } from '../../state/atoms.ts';

const storage = () => import('../../storage/graphs.ts');

/**
 * The figure chooser: a native select, so keyboard and screen readers get a real combobox. The review's figures
 * come first; the user's imported graphs follow under "Your graphs", and the one shown can be renamed or removed.
 */
export function FigurePicker() {
  const model = requireModel(useAtomValue(modelAtom));
  const current = useAtomValue(currentFigureAtom);
  const [, setFigure] = useAtom(figureIdAtom);
  const setSelection = useSetAtom(selectionAtom);
  const imports = useAtomValue(importsAtom);
  const setImports = useSetAtom(setImportsAtom);
  const setNotice = useSetAtom(noticeAtom);
  const base = useAtomValue(baseModelAtom) ?? model;
  const [editing, setEditing] = useState<'rename' | 'remove' | null>(null);
  const [name, setName] = useState('');
  const review = model.figures.filter((f) => !f.imported);
  const mine = model.figures.filter((f) => f.imported);
  const currentImport = imports.find((g) => g.key === current.id);

  const rename = async () => {
    const clean = name.replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!currentImport || !clean) return;
    try {
      await (await storage()).renameGraph(currentImport.key, clean);
    } catch {
      setNotice('This browser would not keep the new name; it holds until the page is reloaded.');
    }
    setImports(imports.map((g) => (g.key === currentImport.key ? { ...g, name: clean } : g)));
    setEditing(null);
  };
  const remove = async () => {
    if (!currentImport) return;
    try {
      await (await storage()).removeGraph(currentImport.key);
    } catch {
      setNotice('This browser would not forget the graph; it will be back after a reload.');
    }
    // Leave for the first figure before the graph goes, so nothing points at it.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    setImports(imports.filter((g) => g.key !== currentImport.key));
    setFigure(base.figures[0]!.id);
    setEditing(null);
    setNotice(`Removed ${currentImport.name} from this browser.`);
  };

  return (
    <div className="your-graph-actions">
      <label className="picker">
        <span>Figure</span>
        <select
          value={current.id}
          onChange={(e) => {
            setFigure(e.target.value);
            setSelection(null);
            setEditing(null);
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
      {currentImport && editing === null && (
        <>
          <button
            type="button"
            onClick={() => {
              setName(currentImport.name);
              setEditing('rename');
            }}
          >
            Rename
          </button>
          <button type="button" onClick={() => setEditing('remove')}>
            Remove
          </button>
        </>
      )}
      {currentImport && editing === 'rename' && (
        <form
          className="your-graph-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <input aria-label="New name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {currentImport && editing === 'remove' && (
        <span className="your-graph-actions" role="group" aria-label="Remove this graph?">
          Remove from this browser?
          <button type="button" onClick={() => void remove()}>
            Remove
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Keep
          </button>
        </span>
      )}
    </div>
  );
}
