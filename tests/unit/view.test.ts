import { describe, expect, it } from 'vitest';
import { atlasView, edgeKey, figureView } from '../../src/model/view.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { figure, files } from '../helpers/fixtures.ts';

const two = () => {
  const f2 = figure({
    id: 'f2',
    order: 2,
    sources: ['src-b'],
    nodes: [{ entity: 'src-b' }, { entity: 'factor' }, { entity: 'gene' }],
    edges: [
      { id: 'b1', source: 'src-b', target: 'factor', relation: 'secretes', refs: [9], section: 'effects', evidence: {}, note: 'B makes X.' },
      { id: 'b2', source: 'factor', target: 'gene', relation: 'inhibits', refs: [2, 10], section: 'effects', evidence: {}, note: 'X stops Y.' },
    ],
  });
  return validateGraphs(files({ figures: { 'figures/f1.json': figure(), 'figures/f2.json': f2 } })).model!;
};

describe('views', () => {
  it('a figure view keys edges by source~relation~target and knows their sources', () => {
    const v = figureView(two(), 'f1')!;
    expect(v.edges.map((e) => e.id)).toEqual([edgeKey('src-a', 'secretes', 'factor'), 'factor~inhibits~gene', 'gene~reduces~outcome']);
    expect(v.edges[1]!.sign).toBe('decrease');
    expect(v.nodes.find((n) => n.id === 'factor')!.sources).toEqual(['src-a']);
  });

  it('the atlas merges the same statement from two figures, keeping both sources and all references', () => {
    const v = atlasView(two());
    expect(v.nodes.map((n) => n.id).sort()).toEqual(['factor', 'gene', 'outcome', 'src-a', 'src-b']);
    const merged = v.edges.find((e) => e.id === 'factor~inhibits~gene')!;
    expect(merged.supports.map((s) => s.figure)).toEqual(['f1', 'f2']);
    expect(merged.sources).toEqual(['src-a', 'src-b']);
    expect(merged.refs).toEqual([2, 3, 10]);
    expect(v.nodes.find((n) => n.id === 'gene')!.sources).toEqual(['src-a', 'src-b']);
    expect(v.nodes.find((n) => n.id === 'outcome')!.sources).toEqual(['src-a']);
  });

  it('attributes edges of a figure about several sources to the sources upstream of them', () => {
    const f = figure({
      sources: ['src-a', 'src-b'],
      nodes: [{ entity: 'src-a' }, { entity: 'src-b' }, { entity: 'factor' }, { entity: 'outcome' }],
      edges: [
        { id: 'a', source: 'src-a', target: 'factor', relation: 'secretes', refs: [1], section: 'effects', evidence: {}, note: 'n' },
        { id: 'b', source: 'src-b', target: 'outcome', relation: 'promotes', refs: [1], section: 'effects', evidence: {}, note: 'n' },
        { id: 'c', source: 'factor', target: 'outcome', relation: 'promotes', refs: [1], section: 'effects', evidence: {}, note: 'n', sources: ['src-b'] },
      ],
    });
    const model = validateGraphs(files({ figures: { 'figures/f1.json': f } })).model!;
    const v = figureView(model, 'f1')!;
    expect(v.edges.map((e) => e.sources)).toEqual([['src-a'], ['src-b'], ['src-b']]);
  });
});
