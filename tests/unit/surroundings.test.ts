import { describe, expect, it } from 'vitest';
import { surroundings } from '../../src/model/surroundings.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { entities, figure, files } from '../helpers/fixtures.ts';

/**
 * Fig. 1 is about sources A and B. Fig. 2, about B and C together, says B raises Y; Fig. 3, about C alone, says C
 * makes X. Both touch Fig. 1's entities.
 */
function model() {
  const ents = entities();
  ents.entities.push({ id: 'src-c', label: 'Source C', tissue: 'tissue C', kind: 'msc-source', synonyms: [], xrefs: [] });
  const f1 = figure({ sources: ['src-a', 'src-b'], nodes: [{ entity: 'src-a' }, { entity: 'src-b' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }] });
  f1.edges.push({ id: 'e4', source: 'src-b', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'B raises Z.' });
  const f2 = figure({
    id: 'f2',
    order: 2,
    label: 'Fig. 2',
    sources: ['src-b', 'src-c'],
    nodes: [{ entity: 'src-b' }, { entity: 'src-c' }, { entity: 'gene' }],
    edges: [
      { id: 'b1', source: 'src-b', target: 'gene', relation: 'upregulates', refs: [5], section: 'effects', evidence: { species: ['rat'] }, note: 'B raises Y.' },
      { id: 'b2', source: 'src-c', target: 'src-b', relation: 'combines-with', refs: [5], section: 'effects', evidence: {}, note: 'C goes with B.' },
      {
        id: 'b3',
        source: 'src-b',
        target: 'gene',
        relation: 'secretes',
        refs: [5, 6],
        section: 'effects',
        evidence: {},
        evidenceByRef: { '5': { species: ['mouse'], route: ['intravenous'] }, '6': { route: ['tail-vein'] } },
        note: 'B makes Y, in mice by vein (5) and by tail vein (6).',
      },
    ],
  });
  const f3 = figure({
    id: 'f3',
    order: 3,
    label: 'Fig. 3',
    sources: ['src-c'],
    nodes: [{ entity: 'src-c' }, { entity: 'factor' }],
    edges: [{ id: 'c1', source: 'src-c', target: 'factor', relation: 'secretes', refs: [6], section: 'effects', evidence: {}, note: 'C makes X.' }],
  });
  const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': f1, 'figures/f2.json': f2, 'figures/f3.json': f3 } }));
  if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

describe('what the atlas says around a figure', () => {
  it('keeps a statement of a figure about several sources when one of them is the figure\'s own', () => {
    const around = surroundings(model(), 'f1');
    // B's statement in Fig. 2 (about B and C) is kept, with its filter facts; C's alone in Fig. 3 is not.
    const b1 = around.edges.find((e) => e.supports.some((s) => s.edge.id === 'b1'));
    expect(b1).toMatchObject({ source: 'src-b', target: 'gene', supports: [{ figure: 'f2', sources: ['src-b', 'src-c'], edge: { id: 'b1', evidence: { species: ['rat'] }, note: '' } }] });
    expect(around.edges.some((e) => e.supports.some((s) => s.figure === 'f3'))).toBe(false);
  });

  it('keeps of the details per reference only what the filters read, and drops a reference left with none', () => {
    const around = surroundings(model(), 'f1');
    const b3 = around.edges.flatMap((e) => e.supports).find((s) => s.edge.id === 'b3');
    // Reference 5's species stays, its route goes; reference 6 had only a route, so it goes as a whole.
    expect(b3?.edge.evidenceByRef).toEqual({ '5': { species: ['mouse'] } });
    expect(b3?.edge.evidence).toEqual({});
  });

  it('names a figure that does not exist', () => {
    expect(() => surroundings(model(), 'f9')).toThrow('no figure f9');
  });
});
