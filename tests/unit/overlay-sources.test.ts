import { beforeEach, describe, expect, it } from 'vitest';
import { atlasMembership, cellFreeSupports, computeOverlay, filtersActive, NO_FILTERS, sharedFactors, type Filters } from '../../src/model/overlay.ts';
import { explainPaths } from '../../src/model/paths.ts';
import { atlasView, figureView, sourceIds, type GraphView } from '../../src/model/view.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import type { Model } from '../../src/model/types.ts';
import { entities, figure, files } from '../helpers/fixtures.ts';
import { threeSources } from '../helpers/three-sources.ts';

/**
 * Three sources acting on shared factors (tests/helpers/three-sources.ts):
 *   A (f1): A → secretes X ⊣ Y → reduces Z          (X: mouse in vivo; Y→Z: rat)
 *   B (f2): B → secretes X (human, in vitro, cisplatin) ⊣ Y (rat, cyclophosphamide); B → promotes Z (patients)
 *   C (f3): C → secretes V (vesicle) → delivers X (mouse, in vivo, cyclophosphamide); C → promotes Z
 * So X is acted on by A, B, C; Y by A, B (and C only downstream); Z by A, B, C.
 */
const model = threeSources;

let m: Model, atlas: GraphView, order: string[], cellFree: Set<string>;
// Built in each test rather than at import, so mutation testing knows which tests run which code.
beforeEach(() => {
  m = model();
  atlas = atlasView(m);
  order = sourceIds(m);
  cellFree = cellFreeSupports(m);
});
const ALL = ['src-a', 'src-b', 'src-c'];
const members = (filters: Partial<Filters>, active = ALL) => atlasMembership(atlas, active, { ...NO_FILTERS, ...filters }, cellFree, order);
/** Per edge id, the sources that act through it under the filters (edges no source passes: omitted). */
const edgesOn = (filters: Partial<Filters>) =>
  Object.fromEntries([...members(filters).edges].filter(([, s]) => s.length > 0).map(([id, s]) => [id, s.join(',')]));

describe('overlay with three sources', () => {
  it('lists sources in the review’s order, whatever order they are activated in', () => {
    expect(order).toEqual(['src-a', 'src-b', 'src-c']);
    const mem = members({}, ['src-c', 'src-a', 'src-b']);
    expect(mem.nodes.get('factor')).toEqual(['src-a', 'src-b', 'src-c']);
    expect(mem.nodes.get('outcome')).toEqual(['src-a', 'src-b', 'src-c']);
    expect(mem.nodes.get('gene')).toEqual(['src-a', 'src-b']);
    expect(mem.edges.get('vesicle~delivers~factor')).toEqual(['src-c']);
    expect(members({}, ['src-c', 'src-b']).nodes.get('factor')).toEqual(['src-b', 'src-c']);
  });

  it('ranks shared factors most shared first, then by label, never listing a source itself', () => {
    const shared = sharedFactors(m, members({}));
    expect(shared.map((s) => [s.entity.id, s.sources.length])).toEqual([
      ['factor', 3],
      ['outcome', 3],
      ['gene', 2],
    ]);
    expect(shared[0]!.sources).toEqual(['src-a', 'src-b', 'src-c']);
    // With two sources active, only what both touch.
    expect(sharedFactors(m, members({}, ['src-a', 'src-c'])).map((s) => s.entity.id)).toEqual(['factor', 'outcome']);
    expect(sharedFactors(m, members({}), ['ovarian-outcome', 'gene-or-protein']).map((s) => s.entity.id)).toEqual(['outcome', 'gene']);
    expect(sharedFactors(m, members({}), ['vesicle'])).toEqual([]);
  });

  it('filters by sign', () => {
    expect(edgesOn({ signs: ['decrease'] })).toEqual({ 'factor~inhibits~gene': 'src-a,src-b', 'gene~reduces~outcome': 'src-a' });
    expect(edgesOn({ signs: ['increase'] })).toEqual({ 'src-b~promotes~outcome': 'src-b', 'src-c~promotes~outcome': 'src-c' });
    expect(Object.keys(edgesOn({ signs: ['neutral'] })).sort()).toEqual(['src-a~secretes~factor', 'src-b~secretes~factor', 'src-c~secretes~vesicle', 'vesicle~delivers~factor']);
    expect(edgesOn({ signs: ['increase', 'decrease'] })).toEqual({ ...edgesOn({ signs: ['decrease'] }), ...edgesOn({ signs: ['increase'] }) });
  });

  it('filters by species', () => {
    expect(edgesOn({ species: ['mouse'] })).toEqual({ 'factor~inhibits~gene': 'src-a', 'vesicle~delivers~factor': 'src-c', 'src-c~promotes~outcome': 'src-c' });
    expect(edgesOn({ species: ['human'] })).toEqual({ 'src-b~secretes~factor': 'src-b' });
    expect(edgesOn({ species: ['rat'] })).toEqual({ 'factor~inhibits~gene': 'src-b', 'gene~reduces~outcome': 'src-a' });
    expect(edgesOn({ species: ['human', 'rat'] })).toEqual({ 'src-b~secretes~factor': 'src-b', 'factor~inhibits~gene': 'src-b', 'gene~reduces~outcome': 'src-a' });
  });

  it('filters by setting', () => {
    expect(edgesOn({ settings: ['in-vitro'] })).toEqual({ 'src-b~secretes~factor': 'src-b' });
    expect(edgesOn({ settings: ['patients'] })).toEqual({ 'src-b~promotes~outcome': 'src-b' });
    expect(edgesOn({ settings: ['in-vivo'] })).toEqual({ 'factor~inhibits~gene': 'src-a', 'vesicle~delivers~factor': 'src-c' });
  });

  it('filters by injury model', () => {
    expect(edgesOn({ injuries: ['cyclophosphamide'] })).toEqual({ 'factor~inhibits~gene': 'src-b', 'vesicle~delivers~factor': 'src-c' });
    expect(edgesOn({ injuries: ['cisplatin'] })).toEqual({ 'src-b~secretes~factor': 'src-b' });
    expect(edgesOn({ injuries: ['natural-ageing'] })).toEqual({});
    // The injury filter also narrows which sources act on an entity, and so what is shared.
    const cyclo = members({ injuries: ['cyclophosphamide'] });
    expect(cyclo.nodes.get('factor')).toEqual(['src-b', 'src-c']);
    expect(sharedFactors(m, cyclo).map((s) => s.entity.id)).toEqual(['factor']);
  });

  it('filters to cell-free mechanisms', () => {
    expect(edgesOn({ cellFree: true })).toEqual({ 'src-c~secretes~vesicle': 'src-c', 'vesicle~delivers~factor': 'src-c' });
  });

  it('combines filters: a statement must pass every one', () => {
    expect(edgesOn({ species: ['mouse'], settings: ['in-vivo'], injuries: ['cyclophosphamide'] })).toEqual({ 'vesicle~delivers~factor': 'src-c' });
    expect(edgesOn({ species: ['rat'], signs: ['increase'] })).toEqual({});
  });

  it('knows when any filter is active', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    for (const f of [{ signs: ['increase'] }, { species: ['rat'] }, { settings: ['in-vivo'] }, { injuries: ['cisplatin'] }, { cellFree: true }] as Partial<Filters>[]) {
      expect(filtersActive({ ...NO_FILTERS, ...f }), JSON.stringify(f)).toBe(true);
    }
  });

  it('on a figure, dims its own statements that fail the filters and keeps the others’ marks', () => {
    const f2 = figureView(m, 'f2')!;
    const filters = { ...NO_FILTERS, injuries: ['cyclophosphamide'] } as Filters;
    const o = computeOverlay(f2, atlasMembership(atlas, ALL, filters, cellFree, order), filters, cellFree, ['src-b']);
    expect(o.edges.get('factor~inhibits~gene')).toEqual({ on: true, sources: ['src-b'] });
    expect(o.edges.get('src-b~secretes~factor')).toEqual({ on: false, sources: [] });
    expect(o.edges.get('src-b~promotes~outcome')!.on).toBe(false);
    expect(o.nodes.get('factor')).toEqual({ on: true, sources: ['src-b', 'src-c'] });
    expect(o.nodes.get('outcome')!.on).toBe(false);
    expect(o.nodes.get('src-b')!.on).toBe(false);
  });

  it('in the atlas, shows what the active sources act on and dims the rest', () => {
    const o = computeOverlay(atlas, members({}, ['src-c']), NO_FILTERS, cellFree);
    expect(o.nodes.get('vesicle')!.on).toBe(true);
    expect(o.nodes.get('gene')).toEqual({ on: false, sources: [] });
    expect(o.edges.get('src-c~promotes~outcome')).toEqual({ on: true, sources: ['src-c'] });
    expect(o.edges.get('gene~reduces~outcome')).toEqual({ on: false, sources: [] });
  });
});

describe('explain a path with several chains', () => {
  it('lists chains shortest first, each once', () => {
    // Source A reaches Z three ways: directly, through X, and through X ⊣ Y.
    const ents = entities();
    const f = figure({
      sources: ['src-a'],
      nodes: [{ entity: 'src-a' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }],
      edges: [
        { id: 'e1', source: 'src-a', target: 'factor', relation: 'secretes', refs: [1], section: 'effects', evidence: {}, note: 'n' },
        { id: 'e2', source: 'factor', target: 'gene', relation: 'inhibits', refs: [2], section: 'effects', evidence: {}, note: 'n' },
        { id: 'e3', source: 'gene', target: 'outcome', relation: 'reduces', refs: [3], section: 'effects', evidence: {}, note: 'n' },
        { id: 'e4', source: 'src-a', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'n' },
        { id: 'e5', source: 'factor', target: 'outcome', relation: 'promotes', refs: [5], section: 'effects', evidence: {}, note: 'n' },
      ],
    });
    const mm = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': f } })).model!;
    const r = explainPaths(atlasView(mm), { from: 'src-a', to: 'outcome' });
    expect(r.chains.map((c) => c.edges.map((e) => e.target).join('>'))).toEqual(['outcome', 'factor>outcome', 'factor>gene>outcome']);
    expect(r.truncated).toBe(false);
    const two = explainPaths(atlasView(mm), { from: 'src-a', to: 'outcome' }, () => true, { length: 7, chains: 2 });
    expect(two.chains.map((c) => c.edges.length)).toEqual([1, 2]);
    expect(two.truncated).toBe(true);
    const short = explainPaths(atlasView(mm), { from: 'src-a', to: 'outcome' }, () => true, { length: 2, chains: 40 });
    expect(short.chains.map((c) => c.edges.length)).toEqual([1, 2]);
    expect(short.truncated).toBe(true);
  });
});
