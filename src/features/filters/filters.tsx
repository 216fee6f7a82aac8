import { useAtom } from 'jotai';
import { startTransition, useOptimistic } from 'react';
import { injuryLabel, settingLabel } from '../../model/describe.ts';
import { filtersActive, NO_FILTERS, type Filters } from '../../model/overlay.ts';
import { INJURY_MODELS, SETTINGS, SPECIES } from '../../model/schema.ts';
import { filtersAtom } from '../../state/atoms.ts';

type ListKey = 'signs' | 'species' | 'settings' | 'injuries';

const GROUPS: { key: ListKey; legend: string; options: readonly string[]; label: (v: string) => string }[] = [
  { key: 'signs', legend: 'Sign', options: ['increase', 'decrease', 'neutral'], label: (v) => (v === 'neutral' ? 'no sign' : v) },
  { key: 'species', legend: 'Species', options: SPECIES.filter((s) => s !== 'other'), label: (v) => v },
  { key: 'settings', legend: 'Setting', options: SETTINGS, label: settingLabel },
  { key: 'injuries', legend: 'Injury model', options: INJURY_MODELS.filter((s) => s !== 'other'), label: injuryLabel },
];

/**
 * Filters on the statements behind each edge: an edge stays when one of its statements passes every filter in
 * use (within a group, any ticked value). Unticked groups do not filter.
 */
export function FiltersPanel() {
  const [stored, setStored] = useAtom(filtersAtom);
  // The boxes answer at once (optimistic); what the filters change renders as a transition (see source-toggles.tsx).
  const [filters, showFilters] = useOptimistic(stored);
  const setFilters = (f: Filters) =>
    startTransition(() => {
      showFilters(f);
      setStored(f);
    });
  const toggle = (key: ListKey, value: string, on: boolean) => {
    const current = filters[key] as string[];
    const next = on ? [...current, value] : current.filter((v) => v !== value);
    setFilters({ ...filters, [key]: next } as Filters);
  };
  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      <label className="lens">
        <input type="checkbox" checked={filters.cellFree} onChange={(e) => setFilters({ ...filters, cellFree: e.target.checked })} />
        Cell-free lens: only mechanisms carried by exosomes, microvesicles or conditioned medium
      </label>
      {GROUPS.map((g) => (
        <fieldset key={g.key} className="filter-group">
          <legend>{g.legend}</legend>
          {g.options.map((o) => (
            <label key={o}>
              <input type="checkbox" checked={(filters[g.key] as string[]).includes(o)} onChange={(e) => toggle(g.key, o, e.target.checked)} />
              {g.label(o)}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="button" disabled={!filtersActive(filters)} onClick={() => setFilters(NO_FILTERS)}>
        Clear filters
      </button>
    </fieldset>
  );
}
