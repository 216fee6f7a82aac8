// @vitest-environment node
/**
 * The readers the import builds on: other tools' files read as they mean them, and bad files answered with a
 * place and a reason, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, loadReader, NETWORK_FORMATS } from '../../src/formats/catalog.ts';
import * as cx2 from '../../src/formats/cx2.ts';
import * as cyjs from '../../src/formats/cyjs.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as graphml from '../../src/formats/graphml.ts';
import * as sbgnml from '../../src/formats/sbgnml.ts';
import * as sif from '../../src/formats/sif.ts';
import { locateValues, MAX_LOCATED_DEPTH } from '../../src/model/json-locate.ts';
import type { Problem, ReadGraph, ReadResult } from '../../src/formats/types.ts';

/** Counted independently (Python's ElementTree) in libsbgn's file: top-level glyphs other than compartments, and arcs. */
const TOP_LEVEL_GLYPHS = 29;
const ARCS = 9;

const graph = (r: ReadResult): ReadGraph => {
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r.graph;
};
const problems = (r: ReadResult): Problem[] => {
  if (!('problems' in r)) throw new Error('expected problems, got a graph');
  return r.problems;
};

describe('reading other tools’ files', () => {
  it('reads a cytoscape.js elements array and Cytoscape desktop JSON with numeric ids', () => {
    const g = graph(
      cyjs.read(
        JSON.stringify([
          { group: 'nodes', data: { id: 'a', name: 'HGF', xrefs: ['HGNC:4893'] }, position: { x: 1, y: 2 } },
          { group: 'nodes', data: { id: 'b' }, position: { x: 3, y: 4 } },
          { group: 'edges', data: { source: 'a', target: 'b', interaction: 'activates', refs: [30] } },
        ]),
      ),
    );
    expect(g.nodes.map((n) => [n.id, n.label, n.position])).toEqual([
      ['a', 'HGF', { x: 1, y: 2 }],
      ['b', 'b', { x: 3, y: 4 }],
    ]);
    expect(g.nodes[0]!.xrefs).toEqual(['HGNC:4893']);
    expect(g.edges[0]).toMatchObject({ id: 'e0', source: 'a', target: 'b', relation: 'activates', refs: [30] });
    expect(g.hasPositions).toBe(true);
    const desktop = graph(cyjs.read('{"data":{"name":"net"},"elements":{"nodes":[{"data":{"id":"1","SUID":1,"shared_name":"TP53"}}],"edges":[]}}'));
    expect(desktop).toMatchObject({ title: 'net', hasPositions: false });
    expect(desktop.nodes[0]!.label).toBe('TP53');
  });

  it('reads CX2 aliases, declared defaults and CX2 ids', () => {
    const g = graph(
      cx2.read(
        JSON.stringify([
          { CXVersion: '2.0', hasFragments: false },
          { attributeDeclarations: [{ nodes: { name: { d: 'string', a: 'n' }, kind: { d: 'string', v: 'cytokine' } }, edges: { interaction: { d: 'string', a: 'i' } } }] },
          { networkAttributes: [{ name: 'NDEx net' }] },
          { nodes: [{ id: 7, v: { n: 'IL-6' } }, { id: 9, v: { n: 'IL-10', kind: 'gene-or-protein' } }] },
          { edges: [{ id: 0, s: 7, t: 9, v: { i: 'negative influence' } }] },
          { status: [{ error: '', success: true }] },
        ]),
      ),
    );
    expect(g.title).toBe('NDEx net');
    expect(g.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
      ['7', 'IL-6', 'cytokine'],
      ['9', 'IL-10', 'gene-or-protein'],
    ]);
    expect(g.edges[0]).toMatchObject({ source: '7', target: '9', interaction: 'negative influence', relation: 'inhibits' });
  });

  it('reads yEd GraphML: labels and positions from its node graphics', () => {
    const g = graph(
      graphml.read(`<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" yfiles.type="nodegraphics"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0"><y:ShapeNode><y:Geometry x="10" y="20" width="40" height="20"/><y:NodeLabel>VEGF</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d0"><y:ShapeNode><y:Geometry x="100" y="20" width="40" height="20"/><y:NodeLabel>Angiogenesis</y:NodeLabel></y:ShapeNode></data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>`),
    );
    expect(g.nodes.map((n) => [n.label, n.position])).toEqual([
      ['VEGF', { x: 30, y: 30 }],
      ['Angiogenesis', { x: 120, y: 30 }],
    ]);
    expect(g.edges[0]!.attributes.weight).toBe(1.5);
  });

  it('reads space-separated SIF with several targets and lone nodes', () => {
    const g = graph(sif.read('# comment\nA pp B C\nD\n'));
    expect(g.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(g.edges.map((e) => e.id)).toEqual(['A (pp) B', 'A (pp) C']);
  });

  it('reads SBGN-ML written by other tools: libsbgn’s activity-flow reference card', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/sbgn/AF_Reference_Card.sbgn'), 'utf8');
    const g = graph(sbgnml.read(text));
    expect(g.nodes).toHaveLength(TOP_LEVEL_GLYPHS);
    expect(g.edges).toHaveLength(ARCS);
    expect(g.hasPositions).toBe(true);
    expect(g.nodes.some((n) => n.attributes.sbgn_class === 'compartment')).toBe(false);
    const byClass = (c: string) => g.edges.find((e) => e.interaction === c)!;
    expect(byClass('positive influence').relation).toBe('promotes');
    expect(byClass('negative influence').relation).toBe('inhibits');
    expect(byClass('unknown influence').relation).toBe('regulates');
    // An arc ending on a port is attached to the glyph that holds the port.
    expect(byClass('logic arc').target).toBe('glyph31');
  });

  it('keeps keys such as __proto__ as plain attributes', () => {
    const g = graph(cyjs.read('{"elements":{"nodes":[{"data":{"id":"__proto__","__proto__":"x","constructor":"y"}}],"edges":[]}}'));
    expect(g.nodes[0]!.id).toBe('__proto__');
    expect(Object.keys(g.nodes[0]!.attributes).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('bad files: a place and a reason', () => {
  it('JSON syntax errors point at line and column', () => {
    const [p] = problems(cyjs.read('{\n  "elements": {\n    "nodes": [1, }\n}'));
    expect(p).toMatchObject({ line: 3, reason: expect.stringMatching(/^not valid JSON/) });
    expect(p!.place).toMatch(/^3:\d+$/);
  });

  it('structure errors name the JSON path, with its line', () => {
    const text = '{"elements":{"nodes":[{"data":{"id":"a"}},{"data":{"id":"a"}}],\n"edges":[{"data":{"source":"a","target":"zz"}}]}}';
    const list = problems(cyjs.read(text));
    expect(list.map((p) => p.place)).toEqual(['$.elements.nodes[1].data.id', '$.elements.edges[0].data.target']);
    expect(list[1]).toMatchObject({ line: 2, reason: 'edge target "zz" is not a node of the file' });
    expect(list[0]!.reason).toMatch(/used twice/);
  });

  it('rejects non-finite and absurd coordinates', () => {
    const list = problems(cyjs.read('{"elements":{"nodes":[{"data":{"id":"a"},"position":{"x":1e400,"y":0}}]}}'));
    expect(list[0]).toMatchObject({ place: '$.elements.nodes[0].position.x', reason: 'x must be a finite number' });
  });

  it('tells CX version 1 from CX2, and reports a CX2 file that says it failed', () => {
    expect(problems(cx2.read('[{"numberVerification":[{"longNumber":1}]},{"nodes":[]}]'))[0]!.reason).toMatch(/CX version 1/);
    const failed = problems(cx2.read('[{"CXVersion":"2.0"},{"nodes":[{"id":0}]},{"status":[{"success":false,"error":"timeout"}]}]'));
    expect(failed[0]).toMatchObject({ place: '$[2].status[0].success', reason: 'the file says it is incomplete: timeout' });
  });

  it('XML errors point at line and column', () => {
    const [p] = problems(graphml.read('<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>'));
    expect(p!.line).toBe(4);
    expect(p!.reason).toMatch(/^not well-formed XML/);
    const [q] = problems(graphml.read('<graphml><graph>\n<node id="a"/>\n<edge source="a" target="b"/></graph></graphml>'));
    expect(q).toMatchObject({ place: '3:1', reason: 'edge target "b" is not a node of the file' });
  });

  it('refuses entity tricks and deep nesting in XML without expanding anything', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><graphml><graph><node id="&b;"/></graph></graphml>';
    expect('problems' in graphml.read(bomb)).toBe(true);
    const deep = `<graphml><graph><node id="a">${'<x>'.repeat(200)}${'</x>'.repeat(200)}</node></graph></graphml>`;
    expect(problems(graphml.read(deep))[0]!.reason).toMatch(/nested more than/);
  });

  it('stops reading XML at the first error, however deep the file goes on nesting', () => {
    // saxes resolves namespaces up its stack of open tags: reading on through 20,000 nested tags took seconds.
    // Stopping means the parser never sees what follows the first error: a second, different error later in the
    // file is not reported, and the one reported is the first.
    const deep = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>${'<g>'.repeat(50_000)}<a b="1" b="2"/></graph></graphml>`;
    const list = problems(graphml.read(deep));
    expect(list).toHaveLength(1);
    expect(list[0]!.reason).toMatch(/nested more than 64 deep/);
    const twice = problems(graphml.read('<graphml><graph><a b="1" b="2"/>\n<c d="1" d="2"/></graph></graphml>'));
    expect(twice).toHaveLength(1);
    expect(twice[0]!.line).toBe(1);
  });

  it('locates JSON problems in deeply nested files without recording every level', () => {
    // Each level's path repeats the levels above it: recording 100,000 levels (a 200 KB file) took half a minute.
    const n = 100_000;
    const text = `{"elements":{"nodes":${'['.repeat(n)}${']'.repeat(n)}},"after":{"x":1}}`;
    const index = locateValues(text);
    expect(index.size).toBeLessThan(MAX_LOCATED_DEPTH + 10);
    // Values after the deep part are still found, at their true offsets.
    expect(index.get('$.after.x')).toBe(text.indexOf('1}}'));
    expect(problems(cyjs.read(text))[0]).toMatchObject({ place: '$.elements.nodes[0]', line: 1, column: 23 });
  });

  it('an empty file or one with no nodes says so', () => {
    expect(problems(cyjs.read(''))[0]!.reason).toBe('the file is empty');
    expect(problems(sif.read('\n\n'))[0]!.reason).toMatch(/no nodes/);
    expect(problems(graphml.read('<graphml><graph/></graphml>'))[0]!.reason).toBe('the graph has no nodes');
  });

  it('stops after 20 problems', () => {
    const edges = Array.from({ length: 50 }, (_, i) => ({ data: { source: 'a', target: `x${i}` } }));
    const list = problems(cyjs.read(JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges } })));
    expect(list.length).toBe(21);
    expect(list.at(-1)!.reason).toMatch(/only the first 20/);
  });
});

describe('readers never throw', () => {
  const readers = [cyjs.read, cx2.read, graphml.read, sif.read, sbgnml.read];
  const seeds = [
    '{"elements":{"nodes":[{"data":{"id":"a"},"position":{"x":0,"y":0}}],"edges":[{"data":{"source":"a","target":"a","refs":[1]}}]}}',
    '[{"CXVersion":"2.0"},{"nodes":[{"id":0,"v":{"name":"A"},"x":0,"y":0}]},{"edges":[{"id":0,"s":0,"t":0}]},{"status":[{"success":true}]}]',
    '<graphml><key id="k" for="node" attr.name="x" attr.type="double"/><graph><node id="a"><data key="k">1</data></node><edge source="a" target="a"/></graph></graphml>',
    'A\tinhibits\tB\n',
    '<sbgn xmlns="http://sbgn.org/libsbgn/0.3"><map id="m"><glyph id="a" class="phenotype"><label text="A"/><bbox x="0" y="0" w="10" h="10"/></glyph><arc id="r" class="positive influence" source="a" target="a"/></map></sbgn>',
  ];
  it('on mutated and random files: always a graph or problems with places', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 12 }))
      .map(([s, a, b, insert]) => {
        const i = a % (s.length + 1);
        const j = Math.min(s.length, i + (b % 8));
        return s.slice(0, i) + insert + s.slice(j);
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        for (const read of readers) {
          const r = read(text);
          if ('problems' in r) {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p.place.length > 0 && p.reason.length > 0).toBe(true);
          } else expect(r.graph.nodes.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('format catalog', () => {
  it('detects formats by name and content, and loads a reader for each readable one', async () => {
    expect(detectFormat('net.cx2', '')).toBe('cx2');
    expect(detectFormat('x.json', '\uFEFF[ {"CXVersion":"2.0"}')).toBe('cx2');
    expect(detectFormat('x.json', '{"elements":{}}')).toBe('cyjs');
    expect(detectFormat('g.xml', '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">')).toBe('graphml');
    expect(detectFormat('m.xml', '<sbgn xmlns="http://sbgn.org/libsbgn/0.3">')).toBe('sbgnml');
    expect(detectFormat('net.txt', 'A\tpp\tB')).toBe('sif');
    expect(detectFormat('notes.md', '# hello')).toBeUndefined();
    for (const f of NETWORK_FORMATS) expect(typeof (await loadReader(f.id)) === 'function').toBe(f.readable);
  });
});

describe('JSON syntax places', () => {
  it('agrees with JSON.parse on what is valid, and points at the first error', async () => {
    const { findJsonError } = await import('../../src/formats/json-syntax.ts');
    expect(findJsonError('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeUndefined();
    expect(findJsonError('{"a": 1,}')).toEqual({ offset: 8, reason: 'a comma cannot come before "}"' });
    expect(findJsonError("{'a': 1}")).toMatchObject({ offset: 1 });
    expect(findJsonError('[1 2]')).toEqual({ offset: 3, reason: 'expected "," or "]", found "2"' });
    expect(findJsonError('{"a": "x\ny"}')?.offset).toBe(8);
    expect(findJsonError('[[[[')?.reason).toMatch(/ends/);
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 30 })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonError(text) === undefined).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });
});
