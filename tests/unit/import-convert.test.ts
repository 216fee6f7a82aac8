import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitProblems, toImported } from '../../src/model/import-convert.ts';
import { clean, cut, fnv, isImportId, LIMITS, slug, withImports, type GenericGraph, type ImportedGraph } from '../../src/model/imported.ts';
import { idSchema, type Entity } from '../../src/model/schema.ts';
import type { Model } from '../../src/model/types.ts';
import { entities } from '../helpers/fixtures.ts';

const atlas = () => entities().entities as Entity[];
const refs = new Set([1, 2, 3, 5]);

function graph(over: Partial<GenericGraph> = {}): GenericGraph {
  return {
    format: 'SIF',
    nodes: [
      { id: 'FX', label: 'FX' }, // a synonym of the atlas's Factor X
      { id: 'p53', label: 'TP53 protein', kind: 'gene-or-protein', synonyms: [' p53 ', 'p53', ''], xrefs: ['HGNC:11998', 'not a curie', 'HGNC:11998'] },
      { id: 'lonely', label: 'Lonely', kind: 'no-such-kind' },
    ],
    edges: [
      { id: 'e 1', source: 'FX', target: 'p53', relation: 'inhibits', refs: [5, 99, 1, 5] },
      { id: 'e2', source: 'p53', target: 'FX', interaction: 'binds', refs: [] },
    ],
    hasPositions: false,
    ...over,
  };
}

function imported(g: GenericGraph, file = 'my net.sif'): ImportedGraph {
  const out = toImported(g, file, atlas(), refs);
  if (!('graph' in out)) throw new Error(JSON.stringify(out.problems));
  return out.graph;
}

describe('an imported graph', () => {
  it('matches atlas entities, keeps the others as its own entities, and turns edges into statements', () => {
    const g = imported(graph());
    expect(g.key).toMatch(/^import-my-net-[0-9a-f]{8}$/);
    expect(g.figure.id).toBe(g.key);
    expect(g.name).toBe('my net.sif');
    expect(g.format).toBe('SIF');
    expect(g.matches).toEqual({ FX: { entity: 'factor', basis: 'label' } });
    expect(g.stats).toEqual({ nodes: 3, edges: 2, matched: 1, isolated: 1 });
    const p53 = g.entities.find((e) => e.label === 'TP53 protein')!;
    expect(p53).toEqual({ id: `${g.key}-p53`, label: 'TP53 protein', kind: 'gene-or-protein', synonyms: ['p53'], xrefs: ['HGNC:11998'] });
    expect(g.entities.find((e) => e.label === 'Lonely')!.kind).toBe('gene-or-protein');
    expect(g.figure.nodes).toEqual([{ entity: 'factor' }, { entity: p53.id }, { entity: `${g.key}-lonely` }]);
    expect(g.figure.edges).toEqual([
      { id: 'e-1', source: 'factor', target: p53.id, relation: 'inhibits', refs: [1, 5], section: 'effects', evidence: {}, note: 'inhibits (as the file my net.sif states it)' },
      { id: 'e2', source: p53.id, target: 'factor', relation: 'regulates', refs: [], section: 'effects', evidence: {}, note: 'binds (as the file my net.sif states it)' },
    ]);
    expect(g.figure.caption).toBe('Imported from my net.sif (SIF): 3 nodes, 2 edges; 1 node matched to the atlas. 1 node without edges is not drawn.');
    expect(g.figure.section).toBe('Your graphs');
    expect(g.figure.label).toBe('my net.sif');
    expect(g.figure.order).toBe(1000);
    expect(g.figure.sources).toEqual([]);
    expect(g.references).toEqual([]);
    expect(g.positions).toBeUndefined();
    expect(Number.isNaN(Date.parse(g.importedAt))).toBe(false);
  });

  it('says "nodes" and "are" for more than one, and nothing about isolated nodes when there are none', () => {
    const g = imported(graph({
      nodes: [{ id: 'factor', label: 'whatever' }, { id: 'x', label: 'Source A' }, { id: 'y', label: 'Y' }],
      edges: [{ id: 'a', source: 'factor', target: 'x', refs: [] }, { id: 'b', source: 'x', target: 'y', refs: [] }],
    }));
    expect(g.matches).toEqual({ factor: { entity: 'factor', basis: 'id' }, x: { entity: 'src-a', basis: 'label' } });
    expect(g.figure.caption).toBe('Imported from my net.sif (SIF): 3 nodes, 2 edges; 2 nodes matched to the atlas.');
    const two = imported(graph({ nodes: [...graph().nodes, { id: 'b', label: 'B' }] }));
    expect(two.figure.caption).toMatch(/ 2 nodes without edges are not drawn\.$/);
    expect(two.stats.isolated).toBe(2);
  });

  it('keys depend on the file name and content, and are the same for the same file', () => {
    const a = imported(graph());
    expect(imported(graph()).key).toBe(a.key);
    expect(imported(graph(), 'other.sif').key).not.toBe(a.key);
    expect(imported(graph({ edges: graph().edges.slice(0, 1) })).key).not.toBe(a.key);
    expect(imported(graph(), 'A very long file name that goes on and on.graphml').key).toMatch(/^import-a-very-long-file-name-th-[0-9a-f]{8}$/);
    expect(imported(graph(), 'a-very-long-file-name-t-x.sif').key).toMatch(/^import-a-very-long-file-name-t-[0-9a-f]{8}$/);
    expect(imported(graph(), '---.sif').key).toMatch(/^import-graph-[0-9a-f]{8}$/);
  });

  it('gives two unmatched nodes with one slug different ids, and merges edges of nodes that matched one entity', () => {
    const g = imported(graph({
      nodes: [{ id: 'A b', label: 'P' }, { id: 'a-B', label: 'Q' }, { id: 'fx', label: 'Factor X' }, { id: 'x2', label: 'FX' }],
      edges: [
        { id: 'e', source: 'A b', target: 'fx', relation: 'promotes', refs: [] },
        { id: 'e', source: 'a-B', target: 'x2', relation: 'promotes', refs: [] },
        { id: 'e', source: 'A b', target: 'x2', relation: 'promotes', refs: [2] },
        { id: 'e', source: 'A b', target: 'gone', relation: 'promotes', refs: [] },
        { id: '!!', source: 'a-B', target: 'A b', refs: [] },
      ],
    }));
    expect(g.entities.map((e) => e.id)).toEqual([`${g.key}-a-b`, `${g.key}-a-b-2`]);
    expect(g.figure.nodes).toEqual([{ entity: `${g.key}-a-b` }, { entity: `${g.key}-a-b-2` }, { entity: 'factor' }]);
    expect(g.figure.edges.map((e) => [e.id, e.source, e.target, e.refs])).toEqual([
      ['e', `${g.key}-a-b`, 'factor', []],
      ['e-2', `${g.key}-a-b-2`, 'factor', []],
      ['edge', `${g.key}-a-b-2`, `${g.key}-a-b`, []],
    ]);
    expect(g.stats.matched).toBe(2);
  });

  it('keeps an entity and statement the app itself wrote, and the bundle\'s caption, section and sources', () => {
    const own: Entity = { id: 'mine', label: 'Mine', name: 'My own factor', kind: 'secreted-factor', synonyms: [], xrefs: [] };
    const g = imported(graph({
      format: 'bundle',
      title: 'My\tfigure',
      nodes: [{ id: 'mine', label: 'Mine', entity: own }, { id: 'src-b', label: 'Source B' }],
      edges: [{
        id: 'x', source: 'src-b', target: 'mine', refs: [3],
        statement: { id: 'x', source: 'src-b', target: 'mine', relation: 'secretes', refs: [3], section: 'characteristics', sources: ['mine'], evidence: { species: ['rat'] }, note: 'Kept note.' },
      }],
      figure: { caption: 'Their caption.', section: 'Theirs', sources: ['src-b', 'mine', 'absent'] },
      references: [{ n: 3, authors: 'A', title: 'T', journal: 'J', year: 2020 }],
    }));
    expect(g.name).toBe('My figure');
    const mine = g.entities[0]!;
    expect(mine).toMatchObject({ label: 'Mine', name: 'My own factor', kind: 'secreted-factor' });
    expect(mine.id).toBe(`${g.key}-mine`);
    expect(g.figure.edges[0]).toMatchObject({ relation: 'regulates', section: 'characteristics', sources: [mine.id], evidence: { species: ['rat'] }, note: 'Kept note.', refs: [3] });
    expect(g.figure.caption).toBe('Their caption. (Imported from my net.sif; 1 of 2 nodes matched to the atlas.)');
    expect(g.figure.section).toBe('Theirs');
    expect(g.figure.sources).toEqual(['src-b', mine.id]);
    expect(g.references).toHaveLength(1);
  });

  it('writes long labels short and keeps them whole as the name', () => {
    const long = 'A label far longer than forty characters, to be cut short';
    const g = imported(graph({ nodes: [{ id: 'a', label: long }, { id: 'b', label: 'b', name: ' named\nb ' }], edges: [{ id: 'e', source: 'a', target: 'b', refs: [] }] }));
    expect(g.entities[0]!.label).toBe(cut(long, 40));
    expect(g.entities[0]!.label).toHaveLength(40);
    expect(g.entities[0]!.name).toBe(long);
    expect(g.entities[1]).toMatchObject({ label: 'b', name: 'named b' });
    expect(imported(graph({ nodes: [{ id: 'a', label: '' }, { id: ' ', label: ' ' }], edges: [{ id: 'e', source: 'a', target: ' ', refs: [] }] })).entities.map((e) => e.label)).toEqual(['a', 'unnamed']);
  });

  it('keeps positions only when every drawn node has finite ones, with the extent of the drawing', () => {
    const at = (x: number, y: number) => ({ position: { x, y } });
    const nodes = [{ id: 'a', label: 'a', ...at(10, 5) }, { id: 'b', label: 'b', ...at(-20, 45) }, { id: 'c', label: 'c', ...at(30, 0) }];
    const edges = [{ id: 'e', source: 'a', target: 'b', refs: [] }, { id: 'f', source: 'b', target: 'c', refs: [] }];
    const g = imported(graph({ nodes, edges, hasPositions: true }));
    expect(g.positions).toEqual({ hash: '', edges: {}, width: 50, height: 45, nodes: { [`${g.key}-a`]: { x: 10, y: 5 }, [`${g.key}-b`]: { x: -20, y: 45 }, [`${g.key}-c`]: { x: 30, y: 0 } } });
    expect(imported(graph({ nodes, edges, hasPositions: false })).positions).toBeUndefined();
    const broken = nodes.map((n, i) => (i === 1 ? { ...n, position: { x: NaN, y: 1 } } : n));
    expect(imported(graph({ nodes: broken, edges, hasPositions: true })).positions).toBeUndefined();
    const broken2 = nodes.map((n, i) => (i === 2 ? { ...n, position: { x: 1, y: Infinity } } : n));
    expect(imported(graph({ nodes: broken2, edges, hasPositions: true })).positions).toBeUndefined();
  });

  it('refuses empty graphs and graphs over the limits, with one message per limit', () => {
    const empty = toImported(graph({ nodes: [] }), 'f', atlas(), refs);
    expect(empty).toEqual({ problems: [{ place: '$', reason: 'the file has no nodes' }] });
    const noEdges = toImported(graph({ edges: [] }), 'f', atlas(), refs);
    expect('problems' in noEdges && noEdges.problems[0]!.reason).toMatch(/^the file has no edges/);
    const n = LIMITS.elements / 2;
    const big: GenericGraph = graph({
      nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, label: `n${i}` })),
      edges: Array.from({ length: n + 1 }, (_, i) => ({ id: `e${i}`, source: 'n0', target: 'n1', refs: [] })),
    });
    expect(limitProblems(big)).toEqual([{ place: '$', reason: 'the graph has 10,000 nodes and 10,001 edges (20,001 elements); at most 20,000 open here' }]);
    expect(limitProblems({ ...big, edges: big.edges.slice(1) })).toEqual([]);
    const longLabel = 'x'.repeat(LIMITS.labelChars + 1);
    const labels = graph({ nodes: [{ id: 'a\u0001b', label: longLabel, name: longLabel }, { id: 'ok', label: 'x'.repeat(LIMITS.labelChars) }] });
    expect(limitProblems(labels)).toEqual([
      { place: 'nodes[0] (id "a b")', reason: 'its label is 1,001 characters long; at most 1000 are accepted' },
      { place: 'nodes[0] (id "a b")', reason: 'its name is 1,001 characters long; at most 1000 are accepted' },
    ]);
    const many = graph({ nodes: Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, label: longLabel })) });
    expect(limitProblems(many)).toHaveLength(20);
    expect(toImported(many, 'f', atlas(), refs)).toEqual({ problems: limitProblems(many) });
  });
});

describe('an imported graph at the edges of its rules', () => {
  it('a node matches by its name too; a valid kind is kept, and the extension goes whatever its case', () => {
    const g = imported(graph({
      nodes: [{ id: 'q', label: 'Q1', name: 'Factor X' }, { id: 'c', label: 'IL-6', kind: 'cytokine' }],
      edges: [{ id: 'e', source: 'q', target: 'c', refs: [] }],
    }), 'My.GRAPHML');
    expect(g.matches).toEqual({ q: { entity: 'factor', basis: 'name' } });
    expect(g.entities.map((e) => e.kind)).toEqual(['cytokine']);
    expect(g.key).toMatch(/^import-my-[0-9a-f]{8}$/);
  });

  it('keeps a label of 40 characters whole with no name; longer ones are cut and kept whole as the name, up to 120', () => {
    const forty = 'x'.repeat(40);
    const long = 'y'.repeat(150);
    const g = imported(graph({ nodes: [{ id: 'a', label: forty }, { id: 'b', label: long }], edges: [{ id: 'e', source: 'a', target: 'b', refs: [] }] }));
    expect(g.entities[0]).not.toHaveProperty('name');
    expect(g.entities[0]!.label).toBe(forty);
    expect(g.entities[1]!.label).toBe(`${'y'.repeat(39)}…`);
    expect(g.entities[1]!.name).toBe(`${'y'.repeat(119)}…`);
  });

  it('keeps at most 50 distinct synonyms of at most 120 characters', () => {
    const synonyms = [...Array.from({ length: 60 }, (_, i) => `syn ${i}`), 's'.repeat(120), 't'.repeat(121)];
    const g = imported(graph({ nodes: [{ id: 'a', label: 'A', synonyms: ['s'.repeat(120), 't'.repeat(121), ...synonyms] }, { id: 'b', label: 'B' }], edges: [{ id: 'e', source: 'a', target: 'b', refs: [] }] }));
    expect(g.entities[0]!.synonyms).toHaveLength(50);
    expect(g.entities[0]!.synonyms.slice(0, 2)).toEqual(['s'.repeat(120), 'syn 0']);
  });

  it('cuts long names, titles, captions, notes and file names to their limits', () => {
    const file = `${'f'.repeat(700)}.sif`;
    const g = imported(graph({ title: 'T'.repeat(200), edges: [{ id: 'e', source: 'FX', target: 'p53', interaction: 'i'.repeat(300), refs: [] }] }), file);
    expect(g.name).toBe(`${'T'.repeat(79)}…`);
    expect(g.figure.label).toBe(`${'T'.repeat(29)}…`);
    expect(g.figure.title).toBe(g.name);
    expect(g.file).toBe(`${'f'.repeat(199)}…`);
    expect(g.figure.caption).toHaveLength(600);
    expect(g.figure.caption.endsWith('…')).toBe(true);
    expect(g.figure.edges[0]!.note).toBe(`${'i'.repeat(239)}…`);
    const short = imported(graph({ edges: [{ id: 'e', source: 'FX', target: 'p53', interaction: 'binds', refs: [] }] }), `${'g'.repeat(70)}.sif`);
    expect(short.figure.edges[0]!.note).toBe(`binds (as the file ${'g'.repeat(59)}… states it)`);
  });

  it('names a graph with neither title nor file name "Imported graph"', () => {
    const g = imported(graph({ title: ' ' }), '');
    expect(g.name).toBe('Imported graph');
    expect(g.key).toMatch(/^import-graph-[0-9a-f]{8}$/);
  });

  it('a statement the app wrote keeps no empty list of sources', () => {
    const st = { id: 'x', source: 'FX', target: 'p53', relation: 'promotes' as const, refs: [], section: 'effects' as const, sources: [], evidence: {}, note: 'N.' };
    const g = imported(graph({ edges: [{ id: 'x', source: 'FX', target: 'p53', relation: 'promotes', refs: [], statement: st }] }));
    expect(g.figure.edges[0]).not.toHaveProperty('sources');
    expect(g.figure.edges[0]!.note).toBe('N.');
  });

  it('an edge id is a valid id, numbers and all, and stays unique', () => {
    const g = imported(graph({
      edges: [
        { id: '12', source: 'FX', target: 'p53', relation: 'promotes', refs: [] },
        { id: '12', source: 'p53', target: 'FX', relation: 'promotes', refs: [] },
        { id: '', source: 'p53', target: 'lonely', relation: 'promotes', refs: [] },
      ],
    }));
    expect(g.figure.edges.map((e) => e.id)).toEqual(['12', '12-2', 'edge']);
    for (const e of g.figure.edges) expect(idSchema.safeParse(e.id).success).toBe(true);
  });
});

describe('text helpers for imported graphs', () => {
  it('slugs are lower-case kebab-case, at most 40 characters, never empty', () => {
    expect(slug('  Héllo, World!  ')).toBe('hello-world');
    expect(slug('***')).toBe('x');
    expect(slug('***', 'edge')).toBe('edge');
    expect(slug(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
    expect(slug('a'.repeat(50))).toHaveLength(40);
  });
  it('a slug is always a valid id, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => idSchema.safeParse(slug(text)).success));
    for (const text of ['İstanbul', 'ß', 'ﬁ', '½', '-a-', 'A\u0301', '１２']) expect(idSchema.safeParse(slug(text)).success).toBe(true);
  });
  it('fnv is FNV-1a as 8 hex digits', () => {
    expect(fnv('')).toBe('811c9dc5');
    expect(fnv('a')).toBe('e40c292c');
    expect(fnv('foobar')).toBe('bf9cf968');
  });
  it('cut keeps short text and ends long text with an ellipsis, without trailing space', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('ab…');
    expect(cut('a   bcd', 5)).toBe('a…');
  });
  it('clean removes control characters and collapses spaces', () => {
    expect(clean(' a\u0000\u001fb\u007f\u009fc\u2028d\u2029e \n\t f ')).toBe('a b c d e f');
    expect(clean('\u0085x')).toBe('x');
  });
  it('imported graphs come after the review\'s figures, with their own entities, replacing earlier imports', () => {
    const model = { entities: new Map([['a', { id: 'a' }]]), figures: [{ id: 'f1', order: 1 }, { id: 'old', imported: true }] } as unknown as Model;
    expect(withImports(model, [])).toBe(model);
    const g = imported(graph());
    const out = withImports(model, [{ ...g, name: 'A name longer than thirty characters in all' }, { ...g, key: 'k2' }]);
    expect(out.figures.map((f) => [f.id, f.order, f.imported ?? false])).toEqual([['f1', 1, false], [g.key, 1000, true], [g.key, 1001, true]]);
    expect(out.figures[1]).toMatchObject({ label: 'A name longer than thirty cha…', title: 'A name longer than thirty characters in all', file: g.file });
    expect(out.entities.get(`${g.key}-p53`)?.label).toBe('TP53 protein');
    expect(out.entities.get('a')).toEqual({ id: 'a' });
    expect(model.entities.has(`${g.key}-p53`)).toBe(false);
  });
});

describe('an imported graph: keys, ids and defaults', () => {
  it('says why a graph without edges is refused', () => {
    const out = toImported(graph({ edges: [] }), 'x.sif', atlas(), refs);
    expect(out).toEqual({ problems: [{ place: '$', reason: 'the file has no edges: the atlas draws relations between things, so a graph needs at least one' }] });
  });

  it('keys a graph by its edges’ ends: the same nodes with an edge turned round get another key', () => {
    const a = imported(graph());
    const b = imported(graph({ edges: [{ id: 'e 1', source: 'p53', target: 'FX', relation: 'inhibits', refs: [] }, { id: 'e2', source: 'p53', target: 'lonely', refs: [] }] }));
    expect(a.key).not.toBe(b.key);
  });

  it('drops only the last extension from the file name in the key', () => {
    expect(imported(graph(), 'my.net.sif').key).toMatch(/^import-my-net-[0-9a-f]{8}$/);
  });

  it('numbers entities and edges whose ids slug alike 2, 3, …', () => {
    const g = imported(
      graph({
        nodes: [
          { id: 'a b', label: 'Alpha one' },
          { id: 'a-b', label: 'Alpha two' },
          { id: 'a_b', label: 'Alpha three' },
        ],
        edges: [
          { id: 'e x', source: 'a b', target: 'a-b', refs: [] },
          { id: 'e-x', source: 'a-b', target: 'a_b', refs: [] },
          { id: 'e_x', source: 'a_b', target: 'a b', refs: [] },
        ],
      }),
    );
    expect(g.entities.map((e) => e.id.slice(g.key.length + 1))).toEqual(['a-b', 'a-b-2', 'a-b-3']);
    expect(g.figure.edges.map((e) => e.id)).toEqual(['e-x', 'e-x-2', 'e-x-3']);
  });

  it('names edges whose ids slug to nothing "edge", "edge-2", …', () => {
    const g = imported(graph({ edges: [{ id: '!!', source: 'FX', target: 'p53', refs: [] }, { id: '??', source: 'p53', target: 'lonely', refs: [] }] }));
    expect(g.figure.edges.map((e) => e.id)).toEqual(['edge', 'edge-2']);
  });

  it('hashes into the key the file name, the number of nodes and each edge’s ends, one per line', () => {
    expect(imported(graph()).key).toBe(`import-my-net-${fnv('my net.sif\n3\nFX>p53\np53>FX')}`);
  });

  it('gives an entity of its own no synonyms or cross-references when the file has none', () => {
    const own = imported(graph()).entities.find((e) => e.label === 'Lonely')!;
    expect(own.synonyms).toEqual([]);
    expect(own.xrefs).toEqual([]);
  });

  it('measures the positions a file gives from its leftmost to rightmost and top to bottom node', () => {
    const g = imported(
      graph({
        hasPositions: true,
        nodes: [
          { id: 'FX', label: 'FX', position: { x: 10, y: 20 } },
          { id: 'p53', label: 'TP53 protein', position: { x: 110, y: 60 } },
          { id: 'lonely', label: 'Lonely', position: { x: 30, y: 50 } },
        ],
      }),
    );
    expect(g.positions).toMatchObject({ width: 100, height: 40 });
  });

  it('tells an imported id by its prefix at the start only', () => {
    expect(isImportId('import-my-net')).toBe(true);
    expect(isImportId('my-net-import-')).toBe(false);
  });
});
