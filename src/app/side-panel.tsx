/** The side panel's contents (sources, filters, paths): loaded when the panel is first opened (the atlas opens it). */
import { ExplainPath } from '../features/paths/explain-path.tsx';
import { FiltersPanel } from '../features/filters/filters.tsx';
import { SourceToggles } from '../features/sources/source-toggles.tsx';

export function SidePanel() {
  return (
    <>
      <SourceToggles />
      <FiltersPanel />
      <ExplainPath />
    </>
  );
}
