/**
 * The side panel's contents (sources, filters, paths): loaded when the panel is first opened (the atlas opens it).
 * Overlaying other sources on a figure and explaining paths read every figure: opening the panel loads the atlas
 * data too (state/data.ts), and its controls appear once it is there.
 */
import { useAtomValue, useSetAtom } from 'jotai';
import { useEffect } from 'react';
import { ExplainPath } from '../features/paths/explain-path.tsx';
import { FiltersPanel } from '../features/filters/filters.tsx';
import { SourceToggles } from '../features/sources/source-toggles.tsx';
import { dataCompleteAtom } from '../state/atoms.ts';
import { ATLAS, loadDataAtom } from '../state/data.ts';

export function SidePanel() {
  const complete = useAtomValue(dataCompleteAtom);
  const load = useSetAtom(loadDataAtom);
  useEffect(() => {
    if (!complete) void load(ATLAS);
  }, [complete, load]);
  if (!complete) return <p className="muted" role="status">Loading the sources…</p>;
  return (
    <>
      <SourceToggles />
      <FiltersPanel />
      <ExplainPath />
    </>
  );
}
