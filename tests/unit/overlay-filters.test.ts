import { describe, expect, it } from 'vitest';
import { atlasMembership, cellFreeSupports, computeOverlay, sharedFactors, NO_FILTERS, supportPasses } from '../../src/model/overlay.ts';
import type { GraphView, ViewEdge } from '../../src/model/view.ts';
import type { FigureEdge } from '../../src/model/schema.ts';
import { searchEntities } from '../../src/model/search.ts';
import type { Figure, Model } from '../../src/model/types.ts';
import type { Entity } from '../../src/model/schema.ts';

const edge = (source: string, target: string, extra: Partial<FigureEdge> = {}): FigureEdge =>
  ({ id: `${source}~activates~${target}`, source, relation: 'activates', target, refs: [], evidence: {}, note: 'n', ...extra }) as unknown as FigureEdge;

describe('filters read evidence reference by reference', () => {
  it('keep a statement when one of its studies matches, not only when all do', () => {
    const e = edge('a', 'b', { refs: [1, 2], evidence: {}, evidenceByRef: { '1': { species: ['rat'] }, '2': { species: ['mouse'] } } } as Partial<FigureEdge>);
    const support = { figure: 'f', edge: e, sources: ['s'] };
    expect(supportPasses(support, { ...NO_FILTERS, species: ['rat'] }, 'increase', new Set())).toBe(true);
    expect(supportPasses(support, { ...NO_FILTERS, species: ['mouse'] }, 'increase', new Set())).toBe(true);
    expect(supportPasses(support, { ...NO_FILTERS, species: ['human'] }, 'increase', new Set())).toBe(false);
  });

  it('keep a study that names the filtered species, setting or injury among others', () => {
    const dose = (agent: string) => ({ agent, dose: { what: 'dose', value: 1, unit: 'mg/kg' } });
    const e = edge('a', 'b', { refs: [1], evidence: {}, evidenceByRef: { '1': { species: ['rat', 'mouse'], setting: ['in-vivo', 'in-vitro'], injury: [dose('cisplatin'), dose('cyclophosphamide')] } } } as unknown as Partial<FigureEdge>);
    const support = { figure: 'f', edge: e, sources: ['s'] };
    const passes = (f: Partial<typeof NO_FILTERS>) => supportPasses(support, { ...NO_FILTERS, ...f }, 'increase', new Set());
    expect(passes({ species: ['rat'] })).toBe(true);
    expect(passes({ species: ['human'] })).toBe(false);
    expect(passes({ settings: ['in-vitro'] })).toBe(true);
    expect(passes({ settings: ['clinical'] as never })).toBe(false);
    expect(passes({ injuries: ['cisplatin'] as never })).toBe(true);
    expect(passes({ injuries: ['busulfan'] as never })).toBe(false);
    // Every filter at once, matched by the one study.
    expect(passes({ species: ['mouse'], settings: ['in-vivo'], injuries: ['cyclophosphamide'] as never })).toBe(true);
  });
});

describe('statements carried by vesicles', () => {
  it('follow a vesicle’s effects downstream through cycles, once', () => {
    const kinds: Record<string, Entity['kind']> = { s: 'msc-source', v: 'vesicle', a: 'gene-or-protein', b: 'gene-or-protein', c: 'gene-or-protein' };
    const fig = {
      id: 'f',
      file: 'f.json',
      nodes: Object.keys(kinds).map((entity) => ({ entity })),
      edges: [edge('s', 'v'), edge('v', 'a'), edge('a', 'b'), edge('b', 'a'), edge('s', 'c')],
    } as unknown as Figure;
    const model = {
      entities: new Map(Object.entries(kinds).map(([id, kind]) => [id, { id, kind, label: id, synonyms: [], xrefs: [] } as unknown as Entity])),
      references: new Map(),
      figures: [fig],
    } as unknown as Model;
    expect([...cellFreeSupports(model)].sort()).toEqual(['f/a~activates~b', 'f/b~activates~a', 'f/s~activates~v', 'f/v~activates~a']);
  });
});

describe('search among names of equal score', () => {
  it('keeps the first name that scores best', () => {
    const e = { id: 'x', label: 'zz', kind: 'gene-or-protein', synonyms: ['y1', 'y2', 'y3', 'y4', 'a-b', 'ab'], xrefs: [] } as unknown as Entity;
    expect(searchEntities([e], 'ab')[0]!.matched).toBe('a-b');
  });
});

describe('which active sources act on each atlas element', () => {
  it('lists them in palette order, whatever order the statements come in', () => {
    const supports = (...sources: string[]) => sources.map((src, i) => ({ figure: `f${i}`, edge: edge('x', 'y'), sources: [src] }));
    const viewEdge = (source: string, target: string, srcs: string[]) =>
      ({ id: `${source}~activates~${target}`, source, target, relation: 'activates', sign: 'increase', supports: supports(...srcs), sources: [...srcs].sort(), refs: [] }) as unknown as ViewEdge;
    const atlas = { key: 'atlas', kind: 'atlas', title: 'Atlas', figures: [], nodes: [], edges: [viewEdge('x', 'y', ['c', 'a', 'b']), viewEdge('y', 'z', ['b', 'd']), viewEdge('z', 'x', ['c'])] } as unknown as GraphView;
    const m = atlasMembership(atlas, ['a', 'b', 'c', 'd'], NO_FILTERS, new Set(), ['d', 'a', 'b', 'c']);
    expect(m.edges.get('x~activates~y')).toEqual(['a', 'b', 'c']);
    expect(m.edges.get('y~activates~z')).toEqual(['d', 'b']);
    expect(m.nodes.get('x')).toEqual(['a', 'b', 'c']);
    expect(m.nodes.get('y')).toEqual(['d', 'a', 'b', 'c']);
    expect(m.nodes.get('z')).toEqual(['d', 'b', 'c']);
    // Only active sources count.
    expect(atlasMembership(atlas, ['c'], NO_FILTERS, new Set(), ['d', 'a', 'b', 'c']).nodes.get('y')).toEqual(['c']);
  });
});

describe('the overlay of a figure’s own statements', () => {
  const rat = edge('x', 'y', { refs: [1], evidenceByRef: { '1': { species: ['rat'] } } } as unknown as Partial<FigureEdge>);
  const mouse = edge('x', 'y', { refs: [2], evidenceByRef: { '2': { species: ['mouse'] } } } as unknown as Partial<FigureEdge>);
  const viewOf = (supports: { sources: string[]; edge: FigureEdge }[]) =>
    ({
      key: 'f',
      kind: 'figure',
      title: 'F',
      figures: ['f'],
      nodes: [{ id: 'x' }, { id: 'z' }],
      edges: [{ id: 'x~activates~y', source: 'x', target: 'y', relation: 'activates', sign: 'increase', supports: supports.map((s) => ({ figure: 'f', ...s })), sources: [], refs: [] }],
    }) as unknown as GraphView;
  const noMembership = { edges: new Map<string, string[]>(), nodes: new Map<string, string[]>() };
  const on = (v: GraphView, own: string[], filters = NO_FILTERS, ownStatements = false) => computeOverlay(v, noMembership, filters, new Set(), own, ownStatements).edges.get('x~activates~y')!;

  it('shows an edge when one statement of the figure’s own sources passes the filters', () => {
    const v = viewOf([{ sources: ['own'], edge: rat }, { sources: ['other'], edge: mouse }]);
    expect(on(v, ['own'])).toEqual({ on: true, sources: [] });
    expect(on(v, ['own'], { ...NO_FILTERS, species: ['rat'] }).on).toBe(true);
    expect(on(v, ['own'], { ...NO_FILTERS, species: ['mouse'] }).on).toBe(false);
    // A statement about the own source and another.
    expect(on(viewOf([{ sources: ['other', 'own'], edge: rat }]), ['own']).on).toBe(true);
    expect(on(viewOf([{ sources: ['other'], edge: rat }]), ['own']).on).toBe(false);
    // Nodes: on at the ends of a shown edge, with no sources where the membership names none.
    const nodes = computeOverlay(v, noMembership, NO_FILTERS, new Set(), ['own']).nodes;
    expect(nodes.get('x')).toEqual({ on: true, sources: [] });
    expect(nodes.get('z')).toEqual({ on: false, sources: [] });
  });

  it('with every statement its own, shows an edge when any statement passes the filters', () => {
    const v = viewOf([{ sources: [], edge: rat }, { sources: [], edge: mouse }]);
    expect(on(v, [], { ...NO_FILTERS, species: ['mouse'] }, true).on).toBe(true);
    expect(on(v, [], { ...NO_FILTERS, species: ['human'] }, true).on).toBe(false);
    // Not its own: only active sources (none here) show it.
    expect(on(v, [], NO_FILTERS, false)).toEqual({ on: false, sources: [] });
  });
});

describe('shared factors', () => {
  it('leave out sources, combinations and ids the model does not know, and rank the most shared first', () => {
    const ent = (id: string, kind: Entity['kind']) => [id, { id, kind, label: id.toUpperCase(), synonyms: [], xrefs: [] } as unknown as Entity] as const;
    const model = { entities: new Map([ent('s1', 'msc-source'), ent('combo', 'combination'), ent('hgf', 'secreted-factor'), ent('vegf', 'secreted-factor'), ent('pten', 'gene-or-protein')]), references: new Map(), figures: [] } as unknown as Model;
    const nodes = new Map([
      ['s1', ['a', 'b']],
      ['combo', ['a', 'b']],
      ['ghost', ['a', 'b']],
      ['vegf', ['a', 'b']],
      ['hgf', ['a', 'b', 'c']],
      ['pten', ['a']],
    ]);
    const shared = sharedFactors(model, { edges: new Map(), nodes }, []);
    expect(shared.map((f) => [f.entity.id, f.sources])).toEqual([['hgf', ['a', 'b', 'c']], ['vegf', ['a', 'b']]]);
    expect(sharedFactors(model, { edges: new Map(), nodes }, ['gene-or-protein'])).toEqual([]);
  });
});
