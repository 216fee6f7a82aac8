/** Rename or remove the user's imported graph that is shown (a part of the figure chooser, loaded on demand). */
import { useAtom, useAtomValue, useSetAtom } from 'jotai';
import { useState } from 'react';
import type { ImportedGraph } from '../../model/imported.ts';
import { baseModelAtom, figureIdAtom, importsAtom, modelAtom, noticeAtom, requireModel, setImportsAtom } from '../../state/atoms.ts';
import { removeGraph, renameGraph } from '../../storage/graphs.ts';

export function YourGraphActions({ graph: currentImport }: { graph: ImportedGraph }) {
  const model = requireModel(useAtomValue(modelAtom));
  const base = useAtomValue(baseModelAtom) ?? model;
  const imports = useAtomValue(importsAtom);
  const setImports = useSetAtom(setImportsAtom);
  const setNotice = useSetAtom(noticeAtom);
  const [, setFigure] = useAtom(figureIdAtom);
  const [editing, setEditing] = useState<'rename' | 'remove' | null>(null);
  const [name, setName] = useState('');
  const rename = async () => {
    const clean = name.replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!currentImport || !clean) return;
    try {
      await renameGraph(currentImport.key, clean);
    } catch {
      setNotice('This browser would not keep the new name; it holds until the page is reloaded.');
    }
    setImports(imports.map((g) => (g.key === currentImport.key ? { ...g, name: clean } : g)));
    setEditing(null);
  };
  const remove = async () => {
    if (!currentImport) return;
    try {
      await removeGraph(currentImport.key);
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
    <>
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
    </>
  );
}
