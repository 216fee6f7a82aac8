// @vitest-environment node
/**
 * Network formats, each checked by an independent reader over real views (Fig. 1 and the whole atlas):
 * cytoscape.js (cyjs), the CX2 specification's rules (CX2), networkx (GraphML), xmllint against the SBGN-ML 0.3
 * schema and libsbgn.js (SBGN-ML), and line counts (SIF). Then our own readers on the same files (round trip).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { exportFiles } from '../../src/formats/catalog.ts';
import * as cx2 from '../../src/formats/cx2.ts';
import * as cyjs from '../../src/formats/cyjs.ts';
import * as graphml from '../../src/formats/graphml.ts';
import * as sbgnml from '../../src/formats/sbgnml.ts';
import * as sif from '../../src/formats/sif.ts';
import type { ReadGraph, ReadResult } from '../../src/formats/types.ts';
import { ENTITY_KINDS, RELATION_SIGN, RELATIONS } from '../../src/model/schema.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const VIEWS: [string, GraphView][] = [
  ['Fig. 1', figureView(model, 'fig1')!],
  ['the atlas', atlasView(model)],
];
const positionsOf = (view: GraphView) => precomputedLayouts[view.key]!;
const dir = mkdtempSync(join(tmpdir(), 'msc-formats-'));
const fixtures = resolve(import.meta.dirname, '../fixtures');

function tool(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} is needed for this test (.ci/run installs it): ${r.error.message}`);
  return r;
}

function graphOf(result: ReadResult): ReadGraph {
  if ('problems' in result) throw new Error(`read failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.graph;
}

/** Every reader must give back the view: same nodes, edges, relations, references and (if any) positions. */
function expectRoundTrip(graph: ReadGraph, view: GraphView, opts: { positions: boolean; ids: boolean }) {
  const positions = positionsOf(view);
  expect(graph.nodes).toHaveLength(view.nodes.length);
  expect(graph.edges).toHaveLength(view.edges.length);
  const key = (id: string) => (opts.ids ? id : model.entities.get(id)!.label);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of view.nodes) {
    const read = nodes.get(key(n.id));
    expect(read?.label).toBe(n.entity.label);
    if (opts.positions) expect(read?.position).toEqual({ x: expect.closeTo(positions.nodes[n.id]!.x, 1), y: expect.closeTo(positions.nodes[n.id]!.y, 1) });
    if (opts.ids) {
      expect(read?.kind).toBe(n.entity.kind);
      for (const x of n.entity.xrefs) expect(read?.xrefs).toContain(x);
    }
  }
  const edges = new Set(graph.edges.map((e) => `${e.source}|${e.relation}|${e.target}|${opts.ids ? e.refs.join(',') : ''}`));
  for (const e of view.edges) expect(edges).toContain(`${key(e.source)}|${e.relation}|${key(e.target)}|${opts.ids ? e.refs.join(',') : ''}`);
  expect(graph.hasPositions).toBe(opts.positions);
}

describe.each(VIEWS)('network formats of %s', (_name, view) => {
  const positions = positionsOf(view);

  it('cyjs loads in headless cytoscape.js with every element, position, integer list and its own style', () => {
    const file = cyjs.toCyjs(model, view, positions);
    const text = cyjs.write(view, positions, model);
    const parsed = JSON.parse(text) as typeof file;
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: parsed.elements as never, style: parsed.style as never, layout: { name: 'preset' } });
    expect(cy.nodes()).toHaveLength(view.nodes.length);
    expect(cy.edges()).toHaveLength(view.edges.length);
    for (const n of view.nodes) expect(cy.getElementById(n.id).position()).toEqual({ x: expect.closeTo(positions.nodes[n.id]!.x, 1), y: expect.closeTo(positions.nodes[n.id]!.y, 1) });
    for (const e of view.edges) {
      const refs = cy.getElementById(e.id).data('refs') as unknown;
      expect(refs).toEqual([...e.refs]);
      expect((refs as number[]).every(Number.isInteger)).toBe(true);
    }
    // Its style is applied: shapes and colours by kind, arrow heads by relation.
    const mirna = view.nodes.find((n) => n.entity.kind === 'mirna');
    if (mirna) expect(cy.getElementById(mirna.id).style('shape')).toBe('hexagon');
    const inhibit = view.edges.find((e) => e.sign === 'decrease')!;
    expect(cy.getElementById(inhibit.id).style('target-arrow-shape')).toBe('tee');
    // Edges follow the layout's route: one segment point per bend.
    const bent = view.edges.filter((e) => (positions.edges[e.id]?.length ?? 0) > 2);
    expect(bent.length).toBeGreaterThan(0);
    for (const e of bent) {
      const edge = cy.getElementById(e.id);
      expect(edge.style('curve-style')).toBe('segments');
      expect(edge.data('bend_weights')).toHaveLength(positions.edges[e.id]!.length - 2);
    }
    // Cytoscape desktop keeps what columnTypes declares: every data field is declared, with the type of its values.
    for (const [group, elements] of [['node', parsed.elements.nodes], ['edge', parsed.elements.edges]] as const) {
      const declared = new Map(parsed.columnTypes[group].map((c) => [c.columnName, c]));
      for (const el of elements) {
        for (const [field, value] of Object.entries(el.data)) {
          if (['id', 'source', 'target'].includes(field)) continue;
          const c = declared.get(field);
          expect(c, `${group} column ${field} is declared`).toBeDefined();
          if (Array.isArray(value)) {
            expect(c!.type).toBe('List');
            for (const v of value) expect(c!.listType === 'Integer' ? Number.isInteger(v) : c!.listType === 'Double' ? Number.isFinite(v) : typeof v === 'string').toBe(true);
          } else expect(c!.type === 'Integer' ? Number.isInteger(value) : c!.type === 'Boolean' ? typeof value === 'boolean' : typeof value === 'string').toBe(true);
        }
      }
    }
    expect(parsed.columnTypes.edge.find((c) => c.columnName === 'refs')).toEqual({ columnName: 'refs', type: 'List', listType: 'Integer' });
    expectRoundTrip(graphOf(cyjs.read(text)), view, { positions: true, ids: true });
  });

  it('CX2 follows the specification: descriptor first, status last, declared types, positions on all nodes, portable style', () => {
    const text = cx2.write(view, positions, model);
    const doc = JSON.parse(text) as Record<string, unknown>[];
    expect(doc[0]).toEqual({ CXVersion: '2.0', hasFragments: false });
    expect(doc.at(-1)).toEqual({ status: [{ error: '', success: true }] });
    // Every other element is one aspect: a single key holding a list; core aspects appear once.
    const aspects = new Map<string, unknown[]>();
    for (const block of doc.slice(1, -1)) {
      expect(Object.keys(block)).toHaveLength(1);
      const [name, value] = Object.entries(block)[0]!;
      expect(Array.isArray(value)).toBe(true);
      expect(aspects.has(name)).toBe(false);
      aspects.set(name, value as unknown[]);
    }
    for (const meta of aspects.get('metaData') as { name: string; elementCount: number }[]) expect(aspects.get(meta.name)?.length).toBe(meta.elementCount);
    const decl = (aspects.get('attributeDeclarations') as Record<string, Record<string, { d: string }>>[])[0]!;
    const typeOk = (d: string, v: unknown): boolean =>
      d.startsWith('list_of_') ? Array.isArray(v) && v.every((x) => typeOk(d.slice(8), x)) : d === 'string' ? typeof v === 'string' : d === 'integer' || d === 'long' ? Number.isInteger(v) : d === 'double' ? typeof v === 'number' : d === 'boolean' ? typeof v === 'boolean' : false;
    const nodes = aspects.get('nodes') as { id: number; v: Record<string, unknown>; x?: number; y?: number }[];
    const edges = aspects.get('edges') as { id: number; s: number; t: number; v: Record<string, unknown> }[];
    expect(nodes).toHaveLength(view.nodes.length);
    expect(edges).toHaveLength(view.edges.length);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const ids = new Set(nodes.map((n) => n.id));
    for (const n of nodes) {
      expect(Number.isInteger(n.id)).toBe(true);
      expect(typeof n.x === 'number' && typeof n.y === 'number').toBe(true); // all nodes have x and y, or none
      expect('id' in n.v).toBe(false);
      for (const [k, v] of Object.entries(n.v)) expect(typeOk(decl.nodes![k]!.d, v), `node ${k}`).toBe(true);
    }
    for (const e of edges) {
      expect(ids.has(e.s) && ids.has(e.t)).toBe(true);
      for (const [k, v] of Object.entries(e.v)) expect(typeOk(decl.edges![k]!.d, v), `edge ${k}`).toBe(true);
    }
    expect(decl.edges!.refs).toEqual({ d: 'list_of_integer' });
    const pten = nodes.find((n) => n.v.atlas_id === view.nodes[0]!.id)!;
    expect(pten.v.name).toBe(view.nodes[0]!.entity.label);
    const vp = (aspects.get('visualProperties') as Record<string, Record<string, Record<string, unknown>>>[])[0]!;
    expect(Object.keys(vp.default!).sort()).toEqual(['edge', 'network', 'node']);
    const shape = vp.nodeMapping!.NODE_SHAPE as { type: string; definition: { attribute: string; map: { v: string; vp: string }[] } };
    expect(shape.type).toBe('DISCRETE');
    expect(shape.definition.map.map((m) => m.v).sort()).toEqual([...ENTITY_KINDS].sort());
    for (const m of Object.values({ ...vp.nodeMapping, ...vp.edgeMapping }) as { definition: { attribute: string } }[]) {
      expect(Object.keys({ ...decl.nodes, ...decl.edges })).toContain(m.definition.attribute);
    }
    const arrows = (vp.edgeMapping!.EDGE_TARGET_ARROW_SHAPE as { definition: { map: { v: string; vp: string }[] } }).definition.map;
    expect(arrows.find((m) => m.v === 'inhibits')?.vp).toBe('tee');
    for (const m of arrows) expect(['triangle', 'tee', 'diamond', 'circle', 'square']).toContain(m.vp);
    expectRoundTrip(graphOf(cx2.read(text)), view, { positions: true, ids: true });
  });

  it('GraphML reads in networkx with every node, edge, typed attribute and position; yEd graphics included', () => {
    const text = graphml.write(view, positions, model);
    const path = join(dir, 'view.graphml');
    writeFileSync(path, text);
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(),
  "nodes": {n: {k: d.get(k) for k in ("label", "kind", "x", "y", "xrefs")} for n, d in g.nodes(data=True)},
  "edges": [[u, v, d.get("interaction"), d.get("refs"), d.get("ref_count")] for u, v, d in g.edges(data=True)],
  "name": g.graph.get("name"),
}))`;
    const r = tool('python3', ['-c', script, path]);
    expect(r.stderr).toBe('');
    const g = JSON.parse(r.stdout) as {
      directed: boolean;
      nodes: Record<string, { label: string; kind: string; x: number; y: number; xrefs: string | null }>;
      edges: [string, string, string, string, number][];
      name: string;
    };
    expect(g.directed).toBe(true);
    expect(g.name).toBe(view.title);
    expect(Object.keys(g.nodes)).toHaveLength(view.nodes.length);
    expect(g.edges).toHaveLength(view.edges.length);
    for (const n of view.nodes) {
      const d = g.nodes[n.id]!;
      expect(d.label).toBe(n.entity.label);
      expect(d.kind).toBe(n.entity.kind);
      expect(d.x).toBeCloseTo(positions.nodes[n.id]!.x, 1);
      expect(d.y).toBeCloseTo(positions.nodes[n.id]!.y, 1);
      if (n.entity.xrefs.length) expect(d.xrefs!.split('; ')).toEqual(n.entity.xrefs);
    }
    const byKey = new Map(g.edges.map(([u, v, rel, refs, count]) => [`${u}~${rel}~${v}`, { refs, count }]));
    for (const e of view.edges) {
      expect(byKey.get(e.id)).toEqual({ refs: e.refs.join('; '), count: e.refs.length });
    }
    expect(text).toContain('yfiles.type="nodegraphics"');
    expect(text.match(/<y:ShapeNode>/g)).toHaveLength(view.nodes.length);
    expectRoundTrip(graphOf(graphml.read(text)), view, { positions: true, ids: true });
  });

  it('SBGN-ML is valid against the SBGN-ML 0.3 schema (xmllint) and reads in libsbgn.js as activity flow', () => {
    const text = sbgnml.write(view, positions, model);
    const path = join(dir, 'view.sbgn');
    writeFileSync(path, text);
    const lint = tool('xmllint', ['--noout', '--schema', join(fixtures, 'sbgn/SBGN.xsd'), path]);
    expect(lint.stderr.trim()).toBe(`${path} validates`);
    expect(lint.status).toBe(0);

    const libsbgn = createRequire(import.meta.url)('libsbgn.js') as {
      Sbgn: { fromXML(xml: string): { maps: { language: string; version: string; glyphs: LibGlyph[]; arcs: LibArc[] }[] } };
    };
    interface LibGlyph { id: string; class_: string; label?: { text: string }; bbox: { x: number; y: number; w: number; h: number }; glyphMembers: LibGlyph[]; entity?: { name: string } }
    interface LibArc { class_: string; source: string; target: string }
    const map = libsbgn.Sbgn.fromXML(text).maps[0]!;
    expect(map.language).toBe('activity flow');
    expect(map.version).toBe(sbgnml.AF_VERSION);
    expect(map.glyphs).toHaveLength(view.nodes.length);
    expect(map.arcs).toHaveLength(view.edges.length);
    const glyphs = new Map(map.glyphs.map((g) => [g.label?.text, g]));
    for (const n of view.nodes) {
      const g = glyphs.get(n.entity.label)!;
      expect(g.class_).toBe(sbgnml.afClass(n.entity.kind));
      expect(g.bbox.x + g.bbox.w / 2).toBeCloseTo(positions.nodes[n.id]!.x, 1);
      // AF: a biological activity carries exactly one unit of information naming its entity type.
      if (g.class_ === 'biological activity') {
        expect(g.glyphMembers).toHaveLength(1);
        expect(g.glyphMembers[0]!.class_).toBe('unit of information');
        expect(g.glyphMembers[0]!.entity?.name).toBe(sbgnml.afEntity({ kind: n.entity.kind, xrefs: [...n.entity.xrefs] }));
      }
    }
    const idToLabel = new Map(map.glyphs.map((g) => [g.id, g.label?.text]));
    const arcs = new Set(map.arcs.map((a) => `${idToLabel.get(a.source)}|${a.class_}|${idToLabel.get(a.target)}`));
    for (const e of view.edges) {
      expect(arcs).toContain(`${model.entities.get(e.source)!.label}|${sbgnml.ARC_CLASS[e.sign]}|${model.entities.get(e.target)!.label}`);
    }
    // Arcs follow the layout's route: its ends on the node borders, its bends in between.
    interface LibArcGeometry { start: { x: number; y: number }; end: { x: number; y: number }; nexts: unknown[] }
    view.edges.forEach((e, i) => {
      const route = positions.edges[e.id] ?? [];
      if (route.length < 2) return;
      const arc = map.arcs[i] as unknown as LibArcGeometry;
      expect(arc.start).toMatchObject({ x: expect.closeTo(route[0]!.x, 1), y: expect.closeTo(route[0]!.y, 1) });
      expect(arc.end).toMatchObject({ x: expect.closeTo(route.at(-1)!.x, 1), y: expect.closeTo(route.at(-1)!.y, 1) });
      expect(arc.nexts).toHaveLength(route.length - 2);
    });
    // Our own reader gives the same network back.
    const back = graphOf(sbgnml.read(text));
    expect(back.nodes.map((n) => n.label).sort()).toEqual(view.nodes.map((n) => n.entity.label).sort());
    const label = new Map(back.nodes.map((n) => [n.id, n.label]));
    expect(back.edges.map((e) => `${label.get(e.source)}|${e.interaction}|${label.get(e.target)}`).sort()).toEqual(map.arcs.map((a) => `${idToLabel.get(a.source)}|${a.class_}|${idToLabel.get(a.target)}`).sort());
    expect(back.hasPositions).toBe(true);
    // miRNAs are nucleic acid features, inhibition a negative influence.
    if (view.nodes.some((n) => n.entity.kind === 'mirna')) expect(text).toContain('<entity name="nucleic acid feature"/>');
    expect(text).toContain('class="negative influence"');
  });

  it('SIF has one line per source and relation, every edge once, and reads back', () => {
    const text = sif.write(view, positions, model);
    const lines = text.trimEnd().split('\n');
    const triples: string[] = [];
    for (const line of lines) {
      const [s, rel, ...targets] = line.split('\t');
      expect(RELATIONS).toContain(rel);
      for (const t of targets) triples.push(`${s}|${rel}|${t}`);
    }
    expect(triples.sort()).toEqual(view.edges.map((e) => `${model.entities.get(e.source)!.label}|${e.relation}|${model.entities.get(e.target)!.label}`).sort());
    expectRoundTrip(graphOf(sif.read(text)), view, { positions: false, ids: false });
  });
});

describe('retracted references (57 and 59, cited by Fig. 2) travel in every network format that carries references', () => {
  const view = figureView(model, 'fig2')!;
  const positions = positionsOf(view);
  const RETRACTED = [57, 59];
  // What each edge must say, worked out here from the edges' own references, not from the writers' records.
  const expected = new Map(
    view.edges.map((e) => {
      const retracted = [...new Set(e.refs)].filter((n) => RETRACTED.includes(n)).sort((a, b) => a - b);
      return [e.id, { retracted, only: e.refs.length > 0 && e.refs.every((n) => RETRACTED.includes(n)) }];
    }),
  );
  const flagged = [...expected.values()].filter((x) => x.retracted.length).length;
  const alone = [...expected.values()].filter((x) => x.only).length;

  it('the view has statements citing them, some resting on them alone (so the checks below can fail)', () => {
    expect(RETRACTED.every((n) => model.references.get(n)?.retracted)).toBe(true);
    expect(flagged).toBeGreaterThanOrEqual(10);
    expect(alone).toBeGreaterThanOrEqual(5);
    expect(flagged).toBeLessThan(view.edges.length);
  });

  it('cyjs: headless cytoscape.js reads retracted_refs as an integer list and retracted_only as a boolean per edge', () => {
    const text = cyjs.write(view, positions, model);
    const parsed = JSON.parse(text) as cyjs.CyjsFile;
    const cy = cytoscape({ headless: true, elements: parsed.elements as never });
    for (const e of view.edges) {
      const edge = cy.getElementById(e.id);
      expect(edge.data('retracted_refs'), e.id).toEqual(expected.get(e.id)!.retracted);
      expect(edge.data('retracted_only'), e.id).toBe(expected.get(e.id)!.only);
    }
    expect(cy.edges('[?retracted_only]')).toHaveLength(alone);
    expect(cy.data('retractions')).toBeUndefined(); // the network's data is the file's root `data`, checked next
    expect(parsed.data.retractions).toMatch(/Reference 57 \(doi:10\.1186\/s13287-017-0745-5\): retracted by the journal on 13 October 2022/);
    expect(parsed.data.retractions).toMatch(/Reference 59 .*14 September 2022.*retraction notice doi:10\.1186\/s13287-022-03173-8/);
    expect(parsed.columnTypes.edge).toContainEqual({ columnName: 'retracted_refs', type: 'List', listType: 'Integer' });
    expect(parsed.columnTypes.edge).toContainEqual({ columnName: 'retracted_only', type: 'Boolean' });
    // Our own reader keeps them as attributes.
    const back = graphOf(cyjs.read(text));
    expect(back.edges.filter((e) => e.attributes.retracted_only === true)).toHaveLength(alone);
  });

  it('CX2: declared list_of_integer and boolean edge attributes, and a network attribute naming each retraction', () => {
    const doc = JSON.parse(cx2.write(view, positions, model)) as Record<string, unknown[]>[];
    const aspect = <T>(name: string) => doc.find((a) => name in a)![name] as T[];
    const decl = aspect<{ edges: Record<string, { d: string }>; networkAttributes: Record<string, { d: string }> }>('attributeDeclarations')[0]!;
    expect(decl.edges.retracted_refs).toEqual({ d: 'list_of_integer' });
    expect(decl.edges.retracted_only).toEqual({ d: 'boolean' });
    expect(decl.networkAttributes.retractions).toEqual({ d: 'string' });
    const edges = aspect<{ v: { atlas_id: string; retracted_refs: number[]; retracted_only: boolean } }>('edges');
    expect(edges).toHaveLength(view.edges.length);
    for (const e of edges) {
      expect(e.v.retracted_refs, e.v.atlas_id).toEqual(expected.get(e.v.atlas_id)!.retracted);
      expect(e.v.retracted_only, e.v.atlas_id).toBe(expected.get(e.v.atlas_id)!.only);
    }
    const net = aspect<{ retractions: string }>('networkAttributes')[0]!;
    expect(net.retractions).toContain('Reference 57');
    expect(net.retractions).toContain('Reference 59');
  });

  it('GraphML: networkx reads retracted_refs and a boolean retracted_only per edge, and the graph\'s retractions', () => {
    const path = join(dir, 'fig2.graphml');
    writeFileSync(path, graphml.write(view, positions, model));
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "edges": [[u, v, d.get("interaction"), d.get("retracted_refs"), d.get("retracted_only")] for u, v, d in g.edges(data=True)],
  "types": sorted({type(d.get("retracted_only")).__name__ for u, v, d in g.edges(data=True)}),
  "retractions": g.graph.get("retractions"),
}))`;
    const r = tool('python3', ['-c', script, path]);
    expect(r.stderr).toBe('');
    const g = JSON.parse(r.stdout) as { edges: [string, string, string, string | null, boolean][]; types: string[]; retractions: string };
    expect(g.types).toEqual(['bool']);
    const byKey = new Map(g.edges.map(([u, v, rel, refs, only]) => [`${u}~${rel}~${v}`, { refs, only }]));
    for (const e of view.edges) {
      const x = expected.get(e.id)!;
      expect(byKey.get(e.id), e.id).toEqual({ refs: x.retracted.length ? x.retracted.join('; ') : null, only: x.only });
    }
    expect(g.retractions).toMatch(/Reference 57 .*Reference 59/);
  });

  it('SBGN-ML: still valid against the schema, and libsbgn.js reads each arc\'s notes marking its retracted references', () => {
    const text = sbgnml.write(view, positions, model);
    const path = join(dir, 'fig2.sbgn');
    writeFileSync(path, text);
    const lint = tool('xmllint', ['--noout', '--schema', join(fixtures, 'sbgn/SBGN.xsd'), path]);
    expect(lint.stderr.trim()).toBe(`${path} validates`);
    const libsbgn = createRequire(import.meta.url)('libsbgn.js') as {
      Sbgn: { fromXML(xml: string): { maps: { notes?: { content: string }; arcs: { notes?: { content: string } }[] }[] } };
    };
    const map = libsbgn.Sbgn.fromXML(text).maps[0]!;
    expect(map.arcs).toHaveLength(view.edges.length);
    view.edges.forEach((e, i) => {
      const note = map.arcs[i]!.notes?.content ?? '';
      const x = expected.get(e.id)!;
      for (const n of e.refs) {
        const marked = new RegExp(`\\b${n} \\(retracted\\)`).test(note);
        expect(marked, `${e.id} ref ${n}`).toBe(x.retracted.includes(n));
      }
      expect(note.includes('every reference of this statement has been retracted'), e.id).toBe(x.only);
    });
    expect(map.notes?.content).toMatch(/Reference 57 .*retracted by the journal on 13 October 2022.*Reference 59/);
  });

  it('a view citing no retracted reference says nothing of retraction (Fig. 1)', () => {
    const fig1 = figureView(model, 'fig1')!;
    const p = positionsOf(fig1);
    expect(fig1.edges.some((e) => e.refs.some((n) => RETRACTED.includes(n)))).toBe(false);
    const parsed = cyjs.toCyjs(model, fig1, p);
    expect(parsed.data.retractions).toBeUndefined();
    expect(parsed.elements.edges.every((e) => e.data.retracted_only === false && (e.data.retracted_refs as number[]).length === 0)).toBe(true);
    expect(graphml.write(fig1, p, model)).not.toContain('g_retractions">');
    expect(sbgnml.write(fig1, p, model)).not.toMatch(/retracted/);
  });
});

describe('export files', () => {
  it('names the Cytoscape.js file .cyjs and adds a Cytoscape desktop style whose mappings cover every kind and relation', async () => {
    const view = VIEWS[0]![1];
    const files = await exportFiles('cyjs', view, positionsOf(view), model);
    expect(files.map((f) => f.suffix)).toEqual(['.cyjs', '.style.xml']);
    const path = join(dir, 'style.xml');
    writeFileSync(path, files[1]!.text);
    expect(tool('xmllint', ['--noout', path]).status).toBe(0);
    const count = (xpath: string) => Number(tool('xmllint', ['--xpath', `count(${xpath})`, path]).stdout);
    expect(count('/vizmap/visualStyle')).toBe(1);
    expect(count('//node/visualProperty[@name="NODE_SHAPE"]/discreteMapping[@attributeName="kind"]/discreteMappingEntry')).toBe(ENTITY_KINDS.length);
    expect(count('//node/visualProperty[@name="NODE_FILL_COLOR"]/discreteMapping/discreteMappingEntry')).toBe(ENTITY_KINDS.length);
    expect(count('//edge/visualProperty[@name="EDGE_TARGET_ARROW_SHAPE"]/discreteMapping[@attributeName="interaction"]/discreteMappingEntry')).toBe(RELATIONS.length);
    expect(count('//node/visualProperty[@name="NODE_LABEL"]/passthroughMapping[@attributeName="name"]')).toBe(1);
    // Arrow heads follow the legend: decreases are tees (T), increases deltas.
    for (const r of RELATIONS) {
      const head = tool('xmllint', ['--xpath', `string(//edge/visualProperty[@name="EDGE_TARGET_ARROW_SHAPE"]//discreteMappingEntry[@attributeValue="${r}"]/@value)`, path]).stdout.trim();
      if (RELATION_SIGN[r] === 'decrease') expect(head).toBe('T');
      if (RELATION_SIGN[r] === 'increase') expect(head).toBe('DELTA');
    }
  });
});
