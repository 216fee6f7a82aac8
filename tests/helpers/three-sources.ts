/**
 * Three sources acting on shared factors (the fixture of overlay-sources.test.ts):
 *   A (f1): A → secretes X ⊣ Y → reduces Z          (X: mouse in vivo; Y→Z: rat)
 *   B (f2): B → secretes X (human, in vitro, cisplatin) ⊣ Y (rat, cyclophosphamide); B → promotes Z (patients)
 *   C (f3): C → secretes V (vesicle) → delivers X (mouse, in vivo, cyclophosphamide); C → promotes Z
 */
import { validateGraphs } from '../../src/model/validate.ts';
import type { Model } from '../../src/model/types.ts';
import { entities, figure, files } from './fixtures.ts';

export function threeSources(): Model {
  const ents = entities();
  ents.entities.push({ id: 'src-c', label: 'Source C', tissue: 'tissue C', kind: 'msc-source', synonyms: [], xrefs: [] });
  ents.entities.push({ id: 'vesicle', label: 'Vesicle V', kind: 'vesicle', synonyms: [], xrefs: [] });
  const f2 = figure({
    id: 'f2',
    order: 2,
    label: 'Fig. 2',
    sources: ['src-b'],
    nodes: [{ entity: 'src-b' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }],
    edges: [
      { id: 'b1', source: 'src-b', target: 'factor', relation: 'secretes', refs: [5], section: 'effects', evidence: { species: ['human'], setting: ['in-vitro'], injury: [{ agent: 'cisplatin' }] }, note: 'n' },
      { id: 'b2', source: 'factor', target: 'gene', relation: 'inhibits', refs: [6], section: 'effects', evidence: { species: ['rat'], injury: [{ agent: 'cyclophosphamide' }] }, note: 'n' },
      { id: 'b3', source: 'src-b', target: 'outcome', relation: 'promotes', refs: [7], section: 'effects', evidence: { setting: ['patients'] }, note: 'n' },
    ],
  });
  const f3 = figure({
    id: 'f3',
    order: 3,
    label: 'Fig. 3',
    sources: ['src-c'],
    nodes: [{ entity: 'src-c' }, { entity: 'vesicle' }, { entity: 'factor' }, { entity: 'outcome' }],
    edges: [
      { id: 'c1', source: 'src-c', target: 'vesicle', relation: 'secretes', refs: [8], section: 'effects', evidence: {}, note: 'n' },
      { id: 'c2', source: 'vesicle', target: 'factor', relation: 'delivers', refs: [9], section: 'effects', evidence: { species: ['mouse'], setting: ['in-vivo'], injury: [{ agent: 'cyclophosphamide' }] }, note: 'n' },
      { id: 'c3', source: 'src-c', target: 'outcome', relation: 'promotes', refs: [10], section: 'effects', evidence: { species: ['mouse'] }, note: 'n' },
    ],
  });
  const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': figure(), 'figures/f2.json': f2, 'figures/f3.json': f3 } }));
  if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

