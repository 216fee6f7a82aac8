import { beforeEach, describe, expect, it } from 'vitest';
import { compareRows, differenceOf, sortRows, type CompareRow, type SortKey } from '../../src/model/compare.ts';
import type { Model } from '../../src/model/types.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { figureView, sideView, unionView, type GraphView } from '../../src/model/view.ts';
import { entities, figure, files } from '../helpers/fixtures.ts';

/**
 * Two figures. f1 (source A): A → secretes X ⊣ Y → reduces Z. f2 (source B): B → secretes X ⊣ Y (a second
 * statement of the same edge, other references), B → promotes Z, B → expresses W, and last W → activates Y.
 */
function model() {
  const ents = entities();
  ents.entities.push({ id: 'marker', label: 'Marker W', kind: 'gene-or-protein', synonyms: [], xrefs: [] });
  const f2 = figure({
    id: 'f2',
    order: 2,
    label: 'Fig. 2',
    sources: ['src-b'],
    nodes: [{ entity: 'src-b' }, { entity: 'factor' }, { entity: 'gene' }, { entity: 'outcome' }, { entity: 'marker' }],
    edges: [
      { id: 'b1', source: 'src-b', target: 'factor', relation: 'secretes', refs: [20], section: 'effects', evidence: {}, note: 'n' },
      { id: 'b2', source: 'factor', target: 'gene', relation: 'inhibits', refs: [21, 2], section: 'effects', evidence: {}, note: 'n' },
      { id: 'b3', source: 'src-b', target: 'outcome', relation: 'promotes', refs: [22], section: 'effects', evidence: {}, note: 'n' },
      { id: 'b4', source: 'src-b', target: 'marker', relation: 'expresses', refs: [23], section: 'effects', evidence: {}, note: 'n' },
      { id: 'b5', source: 'marker', target: 'gene', relation: 'activates', refs: [24], section: 'effects', evidence: {}, note: 'n' },
    ],
  });
  const r = validateGraphs(files({ entities: ents, figures: { 'figures/f1.json': figure(), 'figures/f2.json': f2 } }));
  if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

let m: Model, left: GraphView, right: GraphView, union: GraphView;
// Built in each test rather than at import, so mutation testing knows which tests run which code.
beforeEach(() => {
  m = model();
  left = sideView(m, { type: 'source', id: 'src-a' })!;
  right = sideView(m, { type: 'source', id: 'src-b' })!;
  union = unionView(left, right);
});
const byId = (view: GraphView) => new Map(view.edges.map((e) => [e.id, e]));

describe('unionView', () => {
  it('holds every edge and node of both sides, each once', () => {
    const ids = union.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...new Set([...left.edges, ...right.edges].map((e) => e.id))].sort());
    // The right side's last edge is there too.
    expect(ids).toContain(right.edges.at(-1)!.id);
    expect(ids).toContain('marker~activates~gene');
    expect(union.nodes.map((n) => n.id).sort()).toEqual(['factor', 'gene', 'marker', 'outcome', 'src-a', 'src-b']);
    expect(union.kind).toBe('pair');
    expect(union.key).toBe(`pair:${left.key}|${right.key}`);
    expect(union.title).toBe(`${left.title} / ${right.title}`);
    expect(union.figures).toEqual(['f1', 'f2']);
  });

  it('merges an edge both sides state: both sides’ statements, sources and references', () => {
    const shared = byId(union).get('factor~inhibits~gene')!;
    expect(shared.supports.map((s) => `${s.figure}/${s.edge.id}`)).toEqual(['f1/e2', 'f2/b2']);
    expect(shared.sources).toEqual(['src-a', 'src-b']);
    expect(shared.refs).toEqual([2, 3, 21]);
    expect(shared.sign).toBe('decrease');
    // An edge of one side keeps exactly what that side says.
    expect(byId(union).get('src-b~promotes~outcome')).toEqual(byId(right).get('src-b~promotes~outcome'));
    expect(byId(union).get('gene~reduces~outcome')).toEqual(byId(left).get('gene~reduces~outcome'));
    // A node both sides have gets the sources of both.
    expect(union.nodes.find((n) => n.id === 'gene')!.sources).toEqual(['src-a', 'src-b']);
    expect(union.nodes.find((n) => n.id === 'marker')!.sources).toEqual(['src-b']);
  });

  it('counts a statement once when both sides contain it', () => {
    const f1 = figureView(m, 'f1')!;
    const u = unionView(f1, left);
    const e = byId(u).get('factor~inhibits~gene')!;
    expect(e.supports.map((s) => `${s.figure}/${s.edge.id}`)).toEqual(['f1/e2']);
    expect(e.refs).toEqual([2, 3]);
  });
});

describe('compareRows', () => {
  let rows: CompareRow[];
  beforeEach(() => {
    rows = compareRows(left, right, union);
  });
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('has one row per entity of the union, with its label and kind', () => {
    expect(rows.map((r) => r.id)).toEqual(union.nodes.map((n) => n.id));
    expect(row('marker')).toMatchObject({ label: 'Marker W', kind: 'gene-or-protein' });
  });

  it('says on which side each entity is, with each side’s references for it', () => {
    expect(row('factor')).toEqual({ id: 'factor', label: 'Factor X', kind: 'secreted-factor', presence: 'shared', leftRefs: [1, 2, 3], rightRefs: [2, 20, 21] });
    expect(row('gene')).toMatchObject({ presence: 'shared', leftRefs: [2, 3], rightRefs: [2, 21, 24] });
    expect(row('src-a')).toMatchObject({ presence: 'left', leftRefs: [1], rightRefs: [] });
    expect(row('marker')).toMatchObject({ presence: 'right', leftRefs: [], rightRefs: [23, 24] });
    expect(row('src-b')).toMatchObject({ presence: 'right', leftRefs: [], rightRefs: [20, 22, 23] });
    expect(row('outcome')).toMatchObject({ presence: 'shared', leftRefs: [3], rightRefs: [22] });
  });
});

describe('sortRows', () => {
  const r = (label: string, presence: CompareRow['presence'], leftRefs: number[], rightRefs: number[], kind: CompareRow['kind'] = 'gene-or-protein'): CompareRow => ({
    id: label.toLowerCase(),
    label,
    kind,
    presence,
    leftRefs,
    rightRefs,
  });
  const rows = [
    r('Beta', 'right', [], [1, 2, 3], 'hormone'),
    r('alpha', 'shared', [1, 2], [4]),
    r('Delta', 'left', [7], [], 'cytokine'),
    r('Gamma', 'shared', [1, 2], [5, 6]),
  ];
  const labels = (key: SortKey, dir: 'ascending' | 'descending') => sortRows(rows, key, dir).map((x) => x.label);

  it('sorts by each column both ways, ties by label', () => {
    expect(labels('label', 'ascending')).toEqual(['alpha', 'Beta', 'Delta', 'Gamma']);
    expect(labels('label', 'descending')).toEqual(['Gamma', 'Delta', 'Beta', 'alpha']);
    expect(labels('kind', 'ascending')).toEqual(['Delta', 'alpha', 'Gamma', 'Beta']);
    expect(labels('kind', 'descending')).toEqual(['Beta', 'alpha', 'Gamma', 'Delta']);
    // shared, then left only, then right only.
    expect(labels('presence', 'ascending')).toEqual(['alpha', 'Gamma', 'Delta', 'Beta']);
    expect(labels('presence', 'descending')).toEqual(['Beta', 'Delta', 'alpha', 'Gamma']);
    // By how many references each side gives.
    expect(labels('leftRefs', 'ascending')).toEqual(['Beta', 'Delta', 'alpha', 'Gamma']);
    expect(labels('leftRefs', 'descending')).toEqual(['alpha', 'Gamma', 'Delta', 'Beta']);
    expect(labels('rightRefs', 'ascending')).toEqual(['Delta', 'alpha', 'Gamma', 'Beta']);
    expect(labels('rightRefs', 'descending')).toEqual(['Beta', 'Gamma', 'alpha', 'Delta']);
  });

  it('returns a new array and leaves the rows as they were', () => {
    const before = rows.map((x) => x.label);
    const sorted = sortRows(rows, 'label', 'descending');
    expect(sorted).not.toBe(rows);
    expect(rows.map((x) => x.label)).toEqual(before);
  });
});

describe('differenceOf', () => {
  it('tags each entity and relation of the union with the side that states it, and counts the entities', () => {
    const d = differenceOf(left, right, union);
    expect(Object.fromEntries(d.nodes)).toEqual({ 'src-a': 'left', factor: 'shared', gene: 'shared', outcome: 'shared', 'src-b': 'right', marker: 'right' });
    expect(d.counts).toEqual({ shared: 3, left: 1, right: 2 });
    expect(d.edges.get('factor~inhibits~gene')).toBe('shared');
    expect(d.edges.get('src-a~secretes~factor')).toBe('left');
    expect(d.edges.get('marker~activates~gene')).toBe('right');
    expect(d.edges.size).toBe(union.edges.length);
    expect(d.view.nodes).toBe(union.nodes);
    expect(d.view.edges).toBe(union.edges);
    expect(d.view.key).toBe(`difference:${left.key}|${right.key}`);
    expect(d.view.title).toBe(`${left.title} / ${right.title}: what differs`);
  });
});

describe('sortRows with counts of ten or more', () => {
  it('orders reference counts as numbers, not as text', () => {
    const row = (label: string, n: number): CompareRow => ({ id: label, label, kind: 'gene-or-protein', presence: 'shared', leftRefs: Array.from({ length: n }, (_, i) => i + 1), rightRefs: [] });
    const rows = [row('ten', 10), row('nine', 9), row('eleven', 11)];
    expect(sortRows(rows, 'leftRefs', 'ascending').map((r) => r.label)).toEqual(['nine', 'ten', 'eleven']);
    expect(sortRows(rows, 'leftRefs', 'descending').map((r) => r.label)).toEqual(['eleven', 'ten', 'nine']);
  });
});
