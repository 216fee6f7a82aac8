import { beforeEach, describe, expect, it } from 'vitest';
import { atlasMembership, cellFreeSupports, computeOverlay, NO_FILTERS, sharedFactors } from '../../src/model/overlay.ts';
import { explainPaths } from '../../src/model/paths.ts';
import { searchEntities } from '../../src/model/search.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import type { Model } from '../../src/model/types.ts';
import { atlasView, figureView, sourceIds, type GraphView } from '../../src/model/view.ts';
import { entities, figure, files } from '../helpers/fixtures.ts';

/**
 * Two sources. A: A → secretes X ⊣ Y ⊣ Z (mouse, rat). B: B → releases vesicle V → delivers X ⊣ Y; B → Z.
 * X and Y are shared by A and B; V's chain is cell-free.
 */
function model() {
  const ents = entities();
  ents.entities.push({ id: 'vesicle', label: 'Vesicle V', kind: 'vesicle', synonyms: ['exo-V'], xrefs: [] });
  const f2 = figure({
    id: 'f2',
    order: 2,
    sources: ['src-b'],
    nodes: [{ entity: 'src-b' }, { entity: 'vesicle' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }],
    edges: [
      { id: 'b1', source: 'src-b', target: 'vesicle', relation: 'secretes', refs: [9], section: 'effects', evidence: {}, note: 'n' },
      { id: 'b2', source: 'vesicle', target: 'factor', relation: 'delivers', refs: [9], section: 'effects', evidence: { setting: ['in-vitro'] }, note: 'n' },
      { id: 'b3', source: 'factor', target: 'gene', relation: 'inhibits', refs: [10], section: 'effects', evidence: { species: ['human'], setting: ['in-vitro'] }, note: 'n' },
      { id: 'b4', source: 'src-b', target: 'outcome', relation: 'promotes', refs: [11], section: 'effects', evidence: { species: ['mouse'] }, note: 'n' },
    ],
  });
  const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': figure(), 'figures/f2.json': f2 } }));
  return r.model!;
}

describe('overlay over the atlas', () => {
  let m: Model, atlas: GraphView, order: string[], cellFree: Set<string>;
  beforeEach(() => {
    m = model();
    atlas = atlasView(m);
    order = sourceIds(m);
    cellFree = cellFreeSupports(m);
  });

  it('counts which active sources act on each entity and lists the shared ones, most shared first', () => {
    const both = atlasMembership(atlas, ['src-a', 'src-b'], NO_FILTERS, cellFree, order);
    expect(both.nodes.get('factor')).toEqual(['src-a', 'src-b']);
    expect(both.nodes.get('gene')).toEqual(['src-a', 'src-b']);
    expect(both.nodes.get('vesicle')).toEqual(['src-b']);
    expect(both.edges.get('factor~inhibits~gene')).toEqual(['src-a', 'src-b']);
    expect(sharedFactors(m, both).map((s) => [s.entity.id, s.sources.length])).toEqual([
      ['factor', 2],
      ['gene', 2],
      ['outcome', 2],
    ]);
    expect(sharedFactors(m, both, ['gene-or-protein']).map((s) => s.entity.id)).toEqual(['gene']);
    const onlyA = atlasMembership(atlas, ['src-a'], NO_FILTERS, cellFree, order);
    expect(sharedFactors(m, onlyA)).toEqual([]);
  });

  it('hides (dims) what no active source touches, without removing anything', () => {
    const onlyA = atlasMembership(atlas, ['src-a'], NO_FILTERS, cellFree, order);
    const o = computeOverlay(atlas, onlyA, NO_FILTERS, cellFree);
    expect(o.nodes.size).toBe(atlas.nodes.length);
    expect(o.nodes.get('vesicle')!.on).toBe(false);
    expect(o.nodes.get('factor')!.on).toBe(true);
    expect(o.edges.get('src-b~promotes~outcome')!.on).toBe(false);
  });

  it('filters by sign, species, setting and the cell-free lens', () => {
    const all = ['src-a', 'src-b'];
    const dec = atlasMembership(atlas, all, { ...NO_FILTERS, signs: ['decrease'] }, cellFree, order);
    expect(dec.edges.get('src-a~secretes~factor')).toEqual([]);
    expect(dec.edges.get('factor~inhibits~gene')).toEqual(['src-a', 'src-b']);
    const human = atlasMembership(atlas, all, { ...NO_FILTERS, species: ['human'] }, cellFree, order);
    expect(human.edges.get('factor~inhibits~gene')).toEqual(['src-b']);
    const vitro = atlasMembership(atlas, all, { ...NO_FILTERS, settings: ['in-vitro'] }, cellFree, order);
    expect(vitro.edges.get('gene~reduces~outcome')).toEqual([]);
    const lens = atlasMembership(atlas, all, { ...NO_FILTERS, cellFree: true }, cellFree, order);
    expect(lens.edges.get('src-b~secretes~vesicle')).toEqual(['src-b']);
    expect(lens.edges.get('vesicle~delivers~factor')).toEqual(['src-b']);
    expect(lens.edges.get('factor~inhibits~gene')).toEqual(['src-b']);
    expect(lens.edges.get('src-b~promotes~outcome')).toEqual([]);
    expect(lens.edges.get('src-a~secretes~factor')).toEqual([]);
  });

  it('on a figure, keeps its own statements on and marks what overlaid sources also act on', () => {
    const fig = figureView(m, 'f1')!;
    const mem = atlasMembership(atlas, ['src-a', 'src-b'], NO_FILTERS, cellFree, order);
    const o = computeOverlay(fig, mem, NO_FILTERS, cellFree, ['src-a']);
    expect([...o.nodes.values()].every((n) => n.on)).toBe(true);
    expect(o.nodes.get('factor')!.sources).toEqual(['src-a', 'src-b']);
    expect(o.nodes.get('src-a')!.sources).toEqual(['src-a']);
  });

  it('on a figure with no source of its own (an imported network), keeps all its statements on, filtered by themselves', () => {
    const fig = figureView(m, 'f2')!;
    const none = atlasMembership(atlas, [], NO_FILTERS, cellFree, order);
    // Without the flag nothing is on: no active source acts on anything (the atlas with every source off).
    expect([...computeOverlay(fig, none, NO_FILTERS, cellFree).nodes.values()].some((n) => n.on)).toBe(false);
    const o = computeOverlay(fig, none, NO_FILTERS, cellFree, [], true);
    expect([...o.nodes.values()].every((n) => n.on)).toBe(true);
    expect([...o.edges.values()].every((e) => e.on)).toBe(true);
    // Overlaid sources only mark what they act on; the rest stays on.
    const withA = computeOverlay(fig, atlasMembership(atlas, ['src-a'], NO_FILTERS, cellFree, order), NO_FILTERS, cellFree, [], true);
    expect([...withA.edges.values()].every((e) => e.on)).toBe(true);
    expect(withA.nodes.get('factor')!.sources).toEqual(['src-a']);
    // Filters still apply, statement by statement: only the mouse statement is left for "mouse".
    const mouse = computeOverlay(fig, none, { ...NO_FILTERS, species: ['mouse'] }, cellFree, [], true);
    expect([...mouse.edges].filter(([, e]) => e.on).map(([id]) => id)).toEqual(['src-b~promotes~outcome']);
  });
});

describe('explain a path', () => {
  let atlas: GraphView;
  beforeEach(() => {
    atlas = atlasView(model());
  });

  it('lists each chain from a source to a target, shortest first, walking only that source’s statements', () => {
    const b = explainPaths(atlas, { from: 'src-b', to: 'gene' });
    expect(b.chains.map((c) => c.edges.map((e) => e.target))).toEqual([['vesicle', 'factor', 'gene']]);
    const z = explainPaths(atlas, { from: 'src-b', to: 'outcome' });
    expect(z.chains.map((c) => c.edges.length)).toEqual([1]);
    // gene ⊣ outcome is A's statement only: B's chain does not borrow it.
    const a = explainPaths(atlas, { from: 'src-a', to: 'outcome' });
    expect(a.chains.map((c) => c.edges.map((e) => e.id))).toEqual([['src-a~secretes~factor', 'factor~inhibits~gene', 'gene~reduces~outcome']]);
    expect(explainPaths(atlas, { from: 'src-a', to: 'vesicle' }).chains).toEqual([]);
  });

  it('respects the allowed edges and reports truncation at its limits', () => {
    expect(explainPaths(atlas, { from: 'src-a', to: 'outcome' }, (e) => e.relation !== 'inhibits').chains).toEqual([]);
    const short = explainPaths(atlas, { from: 'src-a', to: 'outcome' }, () => true, { length: 2, chains: 10 });
    expect(short).toEqual({ chains: [], truncated: true });
  });
});

describe('search', () => {
  let m: Model;
  beforeEach(() => {
    m = model();
  });
  it('finds entities by label, name or synonym, ignoring case, Greek and punctuation', () => {
    expect(searchEntities(m.entities.values(), 'fx')[0]!.entity.id).toBe('factor');
    expect(searchEntities(m.entities.values(), 'FACTOR x')[0]).toMatchObject({ entity: { id: 'factor' }, matched: 'Factor X' });
    expect(searchEntities(m.entities.values(), 'exo v')[0]).toMatchObject({ entity: { id: 'vesicle' }, matched: 'exo-V' });
    expect(searchEntities(m.entities.values(), '   ')).toEqual([]);
    expect(searchEntities(m.entities.values(), 'zzz')).toEqual([]);
  });
});
