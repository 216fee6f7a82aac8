import { describe, expect, it } from 'vitest';
import type { Entity, FigureEdge } from '../../src/model/schema.ts';
import type { Figure, Model } from '../../src/model/types.ts';
import { atlasView, edgeSources, figureView, sideLabel, sideView, sourceIds, unionView } from '../../src/model/view.ts';

/**
 * Views built on a model written out by hand (the validator would refuse some of these shapes, e.g. a
 * combination whose members are not sources): which sources each statement is about, what each side of a
 * comparison holds and is called, and what the atlas is called.
 */
const entity = (id: string, kind: Entity['kind'], extra: Partial<Entity> = {}): Entity => ({ id, label: id.toUpperCase(), kind, synonyms: [], xrefs: [], ...extra });
const edge = (source: string, relation: FigureEdge['relation'], target: string, refs: number[], extra: Partial<FigureEdge> = {}): FigureEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  relation,
  refs,
  section: 'effects',
  evidence: {},
  note: 'n',
  ...extra,
});
const fig = (id: string, order: number, sources: string[], edges: FigureEdge[], extra: Partial<Figure> = {}): Figure => ({
  id,
  order,
  label: `Fig. ${order}`,
  title: `Title ${order}`,
  caption: `Caption ${order}`,
  section: 's',
  sources,
  nodes: [...new Set(edges.flatMap((e) => [e.source, e.target]))].map((entity) => ({ entity })),
  edges,
  file: `figures/${id}.json`,
  ...extra,
});

function model(figures: Figure[], more: Entity[] = []): Model {
  const entities = [
    entity('sa', 'msc-source'),
    entity('sb', 'msc-source'),
    entity('sc', 'msc-source'),
    entity('drug', 'intervention'),
    entity('x', 'secreted-factor'),
    entity('y', 'gene-or-protein'),
    entity('z', 'ovarian-outcome'),
    ...more,
  ];
  return {
    entities: new Map(entities.map((e) => [e.id, e])),
    references: new Map(),
    review: { citation: 'c', doi: '10.1/x', licence: 'CC BY 4.0' },
    figures,
  };
}

describe('which sources a statement is about', () => {
  it('its own sources come first, sorted', () => {
    const f = fig('f', 1, ['sa'], [edge('sa', 'secretes', 'x', [1], { sources: ['sc', 'sa'] })]);
    expect(edgeSources(f, f.edges[0]!)).toEqual(['sa', 'sc']);
    // The figure's own list is not reordered in place.
    expect(f.edges[0]!.sources).toEqual(['sc', 'sa']);
  });

  it('a combination’s statements belong to its member sources, sorted, not to its other members', () => {
    const combo = entity('combo', 'combination', { members: ['sc', 'drug', 'sa'] });
    const m = model([], [combo]);
    const f = fig('f', 1, ['sb'], [edge('combo', 'promotes', 'z', [1])]);
    expect(edgeSources(f, f.edges[0]!, m.entities)).toEqual(['sa', 'sc']);
    // Without the entities, the combination is not known as one: the figure's source.
    expect(edgeSources(f, f.edges[0]!)).toEqual(['sb']);
  });

  it('a combination with no source among its members falls back to the figure’s sources', () => {
    const combo = entity('combo', 'combination', { members: ['drug', 'x'] });
    const m = model([], [combo]);
    const f = fig('f', 1, ['sb'], [edge('combo', 'promotes', 'z', [1])]);
    expect(edgeSources(f, f.edges[0]!, m.entities)).toEqual(['sb']);
    const noMembers = entity('combo', 'combination');
    expect(edgeSources(f, f.edges[0]!, model([], [noMembers]).entities)).toEqual(['sb']);
  });

  it('in a figure about several sources, an edge belongs to every source that reaches it, once, in order', () => {
    // sb → x, sa → x, x → y → z, sc → y, and a cycle z → y: each source counts once however often the walk loops.
    const f = fig('f', 1, ['sb', 'sa', 'sc'], [
      edge('sb', 'secretes', 'x', [1]),
      edge('sa', 'secretes', 'x', [1]),
      edge('x', 'inhibits', 'y', [1]),
      edge('y', 'reduces', 'z', [1]),
      edge('z', 'promotes', 'y', [1]),
      edge('sc', 'expresses', 'y', [1]),
    ]);
    const m = model([f]);
    expect(edgeSources(f, f.edges[2]!, m.entities)).toEqual(['sa', 'sb']);
    expect(edgeSources(f, f.edges[3]!, m.entities)).toEqual(['sa', 'sb', 'sc']);
    expect(edgeSources(f, f.edges[0]!, m.entities)).toEqual(['sb']);
    const v = figureView(m, 'f')!;
    expect(v.edges.find((e) => e.id === 'x~inhibits~y')!.supports[0]!.sources).toEqual(['sa', 'sb']);
    expect(v.edges.find((e) => e.id === 'y~reduces~z')!.supports[0]!.sources).toEqual(['sa', 'sb', 'sc']);
    // Asked again (the answer is kept per figure), the same.
    expect(edgeSources(f, f.edges[3]!, m.entities)).toEqual(['sa', 'sb', 'sc']);
  });

  it('an edge no source of the figure reaches belongs to all of them, sorted', () => {
    const f = fig('f', 1, ['sb', 'sa'], [edge('sb', 'secretes', 'x', [1]), edge('sa', 'secretes', 'x', [1]), edge('drug', 'reduces', 'z', [1])]);
    expect(edgeSources(f, f.edges[2]!)).toEqual(['sa', 'sb']);
    expect(f.sources).toEqual(['sb', 'sa']);
  });
});

describe('views of a figure and the atlas', () => {
  it('a statement from a combination says so; one from a plain node does not', () => {
    const combo = entity('combo', 'combination', { members: ['sa', 'drug'] });
    const m = model([fig('f', 1, ['sa'], [edge('combo', 'promotes', 'z', [1]), edge('sa', 'secretes', 'x', [2])])], [combo]);
    const v = figureView(m, 'f')!;
    expect(v.edges[0]!.supports[0]!.combination).toBe('combo');
    expect('combination' in v.edges[1]!.supports[0]!).toBe(false);
  });

  it('lists each node once, in the figure’s order, each with the sources of its edges; a node without edges is left out', () => {
    const f = fig('f', 1, ['sa'], [edge('sa', 'secretes', 'x', [1]), edge('x', 'inhibits', 'y', [2], { sources: ['sb'] })]);
    f.nodes = [{ entity: 'sa' }, { entity: 'x' }, { entity: 'x' }, { entity: 'z' }, { entity: 'y' }];
    const v = figureView(model([f]), 'f')!;
    expect(v.nodes.map((n) => n.id)).toEqual(['sa', 'x', 'y']);
    expect(v.nodes.map((n) => n.sources)).toEqual([['sa'], ['sa', 'sb'], ['sb']]);
    expect(v.nodes[1]!.entity.kind).toBe('secreted-factor');
  });

  it('a figure view is titled with the figure’s label and title; an imported graph with its title alone', () => {
    const m = model([fig('f', 1, ['sa'], [edge('sa', 'secretes', 'x', [1])]), fig('import-g', 1000, ['sa'], [edge('sa', 'secretes', 'x', [1])], { imported: true, label: 'My grap…', title: 'My graph' })]);
    const v = figureView(m, 'f')!;
    expect(v).toMatchObject({ key: 'figure:f', kind: 'figure', title: 'Fig. 1 Title 1', caption: 'Caption 1', figures: ['f'] });
    expect(figureView(m, 'import-g')!.title).toBe('My graph');
    expect(figureView(m, 'nope')).toBeUndefined();
  });

  it('the atlas merges the review’s figures, not the user’s imported graphs, and says what it is', () => {
    const m = model([
      fig('f1', 1, ['sa'], [edge('sa', 'secretes', 'x', [3])]),
      fig('f2', 2, ['sb'], [edge('sb', 'secretes', 'x', [1]), edge('x', 'inhibits', 'y', [2])]),
      fig('import-g', 1000, ['sc'], [edge('sc', 'secretes', 'x', [9])], { imported: true }),
    ]);
    const a = atlasView(m);
    expect(a.key).toBe('atlas');
    expect(a.kind).toBe('atlas');
    expect(a.title).toBe('Atlas: all MSC sources of the review');
    expect(a.caption).toBe('Every figure and table of the review merged: one node per entity, each edge keeping the sources and references that support it.');
    expect(a.figures).toEqual(['f1', 'f2']);
    expect(a.nodes.map((n) => n.id)).toEqual(['sa', 'x', 'sb', 'y']);
    expect(a.edges.map((e) => e.id)).toEqual(['sa~secretes~x', 'sb~secretes~x', 'x~inhibits~y']);
  });
});

describe('the sources, and the sides of a comparison', () => {
  const m = () =>
    model([
      fig('f1', 1, ['sb'], [edge('sb', 'secretes', 'x', [4, 2]), edge('x', 'inhibits', 'y', [2])]),
      fig('f2', 2, ['sa', 'sb'], [edge('sa', 'secretes', 'x', [1]), edge('sb', 'secretes', 'x', [3]), edge('x', 'inhibits', 'y', [5], { sources: ['sa', 'sc'] })]),
      fig('f3', 3, ['sa'], [edge('drug', 'reduces', 'z', [6], { sources: ['drug', 'sa'] })]),
      fig('import-g', 1000, ['sc'], [edge('sc', 'secretes', 'z', [9])], { imported: true }),
    ]);

  it('lists the review’s sources in the order its figures name them, then those named only on statements', () => {
    expect(sourceIds(m())).toEqual(['sb', 'sa', 'sc', 'drug']);
  });

  it('the atlas gives each edge the sources and references of all its statements, sorted', () => {
    const a = atlasView(m());
    const secretes = a.edges.find((e) => e.id === 'sb~secretes~x')!;
    expect(secretes.refs).toEqual([2, 3, 4]);
    const inhibits = a.edges.find((e) => e.id === 'x~inhibits~y')!;
    expect(inhibits.sources).toEqual(['sa', 'sb', 'sc']);
    expect(a.nodes.find((n) => n.id === 'x')!.sources).toEqual(['sa', 'sb', 'sc']);
  });

  it('names a side by its source’s label or its figure’s label, else by its id', () => {
    const model = m();
    expect(sideLabel(model, { type: 'source', id: 'sa' })).toBe('SA');
    expect(sideLabel(model, { type: 'source', id: 'gone' })).toBe('gone');
    expect(sideLabel(model, { type: 'figure', id: 'f2' })).toBe('Fig. 2');
    expect(sideLabel(model, { type: 'figure', id: 'gone' })).toBe('gone');
  });

  it('a source side holds every statement about that source across the review’s figures, merged', () => {
    const v = sideView(m(), { type: 'source', id: 'sa' })!;
    expect(v).toMatchObject({ key: 'source:sa', kind: 'source', title: 'SA: all statements' });
    expect(v.figures).toEqual(['f1', 'f2', 'f3']);
    expect(v.edges.map((e) => e.id)).toEqual(['sa~secretes~x', 'x~inhibits~y', 'drug~reduces~z']);
    const inhibits = v.edges[1]!;
    expect(inhibits.supports.map((s) => `${s.figure}/${s.edge.id}`)).toEqual(['f2/x-y']);
    expect(inhibits.refs).toEqual([5]);
  });

  it('a source side narrowed by the filters keeps only the statements passing them', () => {
    const v = sideView(m(), { type: 'source', id: 'sb' }, (s) => s.edge.refs.includes(3))!;
    expect(v.edges.map((e) => `${e.id} ${e.refs.join(',')}`)).toEqual(['sb~secretes~x 3']);
    expect(sideView(m(), { type: 'source', id: 'sb' }, () => false)).toBeUndefined();
  });

  it('a side that is no source, or holds nothing, is no side', () => {
    expect(sideView(m(), { type: 'source', id: 'x' })).toBeUndefined();
    // Named as a source on a statement, but no MSC source: no side of its own.
    expect(sideView(m(), { type: 'source', id: 'drug' })).toBeUndefined();
    expect(sideView(m(), { type: 'source', id: 'gone' })).toBeUndefined();
    expect(sideView(m(), { type: 'figure', id: 'gone' })).toBeUndefined();
    expect(sideView(m(), { type: 'figure', id: 'f1' }, () => false)).toBeUndefined();
    // A source only the user's import is about: the review says nothing of it.
    expect(sideView(m(), { type: 'source', id: 'sc' })?.edges.map((e) => e.id)).toEqual(['x~inhibits~y']);
  });

  it('a figure side is the figure’s view, filtered', () => {
    const v = sideView(m(), { type: 'figure', id: 'f1' }, (s) => s.edge.id === 'x-y')!;
    expect(v.key).toBe('figure:f1');
    expect(v.edges.map((e) => e.id)).toEqual(['x~inhibits~y']);
  });

  it('the union of two sides keeps each statement once, and every source, reference and figure of both', () => {
    const model = m();
    const a = sideView(model, { type: 'figure', id: 'f1' })!;
    const b = sideView(model, { type: 'source', id: 'sb' })!;
    const u = unionView(a, b);
    const secretes = u.edges.find((e) => e.id === 'sb~secretes~x')!;
    // f1's statement is in both sides: kept once. f2's is added.
    expect(secretes.supports.map((s) => `${s.figure}/${s.edge.id}`)).toEqual(['f1/sb-x', 'f2/sb-x']);
    expect(secretes.refs).toEqual([2, 3, 4]);
    const inhibits = u.edges.find((e) => e.id === 'x~inhibits~y')!;
    expect(inhibits.supports.map((s) => `${s.figure}/${s.edge.id}`)).toEqual(['f1/x-y']);
    expect(u.figures).toEqual(['f1', 'f2', 'f3']);
    expect(u.nodes.map((n) => `${n.id}:${n.sources.join('+')}`)).toEqual(['sb:sb', 'x:sb', 'y:sb']);
    const c = sideView(model, { type: 'source', id: 'sa' })!;
    const u2 = unionView(a, c);
    expect(u2.edges.find((e) => e.id === 'x~inhibits~y')!.sources).toEqual(['sa', 'sb', 'sc']);
    expect(u2.edges.find((e) => e.id === 'x~inhibits~y')!.refs).toEqual([2, 5]);
    expect(u2.nodes.find((n) => n.id === 'x')!.sources).toEqual(['sa', 'sb', 'sc']);
    expect(u2.nodes.map((n) => n.id)).toEqual(['sb', 'x', 'y', 'sa', 'drug', 'z']);
  });

  it('keeps each statement of an edge once, telling apart two statements of one figure about different sources', () => {
    // One figure says "x inhibits y" twice: once of sa (ref 1), once of sb (ref 2).
    const f1 = fig('f1', 1, ['sa', 'sb'], [edge('x', 'inhibits', 'y', [1], { id: 'x-y-a', sources: ['sa'] }), edge('x', 'inhibits', 'y', [2], { id: 'x-y-b', sources: ['sb'] })]);
    const model2 = model([f1]);
    const supports = (v: ReturnType<typeof unionView>) => v.edges.find((e) => e.id === 'x~inhibits~y')!.supports.map((s) => `${s.figure}/${s.edge.id}`);
    const sa = sideView(model2, { type: 'source', id: 'sa' })!;
    const sb = sideView(model2, { type: 'source', id: 'sb' })!;
    expect(supports(unionView(sa, sb))).toEqual(['f1/x-y-a', 'f1/x-y-b']);
    // The figure (both statements) against sb (the second): the second is not added again.
    const whole = sideView(model2, { type: 'figure', id: 'f1' })!;
    expect(supports(unionView(whole, sb))).toEqual(['f1/x-y-a', 'f1/x-y-b']);
    expect(supports(unionView(sb, whole))).toEqual(['f1/x-y-b', 'f1/x-y-a']);
  });
});
