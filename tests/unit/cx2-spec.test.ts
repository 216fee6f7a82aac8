// @vitest-environment node
/**
 * CX2 files for NDEx and Cytoscape Web, checked against the CX2 specification's rules and what Cytoscape Web checks
 * when it opens one (tests/helpers/cx2-rules.ts, written from those documents, not from our writer): the network of
 * every figure and table and of the whole atlas. The rules are shown to catch each kind of mistake.
 */
import { describe, expect, it } from 'vitest';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import * as cx2 from '../../src/formats/cx2.ts';
import { atlasView, figureView, type GraphView } from '../../src/model/view.ts';
import { cx2Problems } from '../helpers/cx2-rules.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const views: [string, GraphView][] = [...model.figures.map((f) => [f.id, figureView(model, f.id)!] as [string, GraphView]), ['atlas', atlasView(model)]];
const docOf = (view: GraphView) => JSON.parse(cx2.write(view, precomputedLayouts[view.key]!, model)) as Record<string, unknown[]>[];

describe('CX2 follows the specification and opens in Cytoscape Web', () => {
  it('covers every figure and table and the atlas', () => {
    expect(views).toHaveLength(model.figures.length + 1);
    expect(model.figures).toHaveLength(10);
  });

  it.each(views)('%s: no rule broken, every node and edge present', (_id, view) => {
    const doc = docOf(view);
    expect(cx2Problems(doc)).toEqual([]);
    const aspect = (name: string) => doc.find((b) => name in b)![name]!;
    expect(aspect('nodes')).toHaveLength(view.nodes.length);
    expect(aspect('edges')).toHaveLength(view.edges.length);
  });

  it('each kind of mistake is caught', () => {
    const fig1 = figureView(model, 'fig1')!;
    const broken = (change: (doc: Record<string, unknown[]>[]) => void) => {
      const doc = docOf(fig1);
      change(doc);
      return cx2Problems(doc).join('\n');
    };
    const aspect = (doc: Record<string, unknown[]>[], name: string) => doc.find((b) => name in b)![name] as Record<string, unknown>[];
    const declarations = (doc: Record<string, unknown[]>[]) => aspect(doc, 'attributeDeclarations')[0] as Record<string, Record<string, Record<string, unknown>>>;
    const style = (doc: Record<string, unknown[]>[]) => aspect(doc, 'visualProperties')[0] as Record<string, Record<string, Record<string, unknown>>>;
    const mistakes: [string, (doc: Record<string, unknown[]>[]) => void, RegExp][] = [
      ['version', (d) => ((d[0] as unknown as Record<string, unknown>).CXVersion = '1.0'), /first element must be the CX descriptor/],
      ['status not last', (d) => d.push({ nodes: [] }), /last element must be the status/],
      ['failed status', (d) => ((aspect(d, 'status')[0]!.success as unknown) = false), /report success/],
      ['block of two keys', (d) => ((d[3] as Record<string, unknown>).extra = []), /one key holding a list/],
      ['wrong count', (d) => aspect(d, 'nodes').pop(), /metaData\[\d+\]: nodes has \d+ elements/],
      ['aspect not in metaData', (d) => d.splice(-1, 0, { cyHiddenAttributes: [] }), /cyHiddenAttributes: not listed in metaData/],
      ['no metaData', (d) => d.splice(d.findIndex((b) => 'metaData' in b), 1), /metaData: missing/],
      ['unknown type', (d) => (declarations(d).nodes!.name!.d = 'text'), /attributeDeclarations\.nodes\.name: d must be one of/],
      ['default on a network attribute', (d) => (declarations(d).networkAttributes!.name!.v = 'x'), /network attributes take no alias/],
      ['undeclared attribute', (d) => ((aspect(d, 'nodes')[0]!.v as Record<string, unknown>).colour = 'red'), /nodes\[0\]\.v\.colour: not declared/],
      ['refs as strings', (d) => ((aspect(d, 'edges')[0]!.v as Record<string, unknown>).refs = ['30']), /edges\[0\]\.v\.refs: value is not a list_of_integer/],
      ['duplicate node id', (d) => (aspect(d, 'nodes')[1]!.id = aspect(d, 'nodes')[0]!.id), /duplicate node id/],
      ['dangling edge', (d) => (aspect(d, 'edges')[0]!.t = 99999), /edges\[0\]\.t: no node 99999/],
      ['half a position', (d) => delete aspect(d, 'nodes')[0]!.y, /x and y come together/],
      ['some unpositioned', (d) => {
        delete aspect(d, 'nodes')[0]!.x;
        delete aspect(d, 'nodes')[0]!.y;
      }, /all or none/],
      ['unknown node shape', (d) => (style(d).default!.node!.NODE_SHAPE = 'tag'), /NODE_SHAPE: value "tag"/],
      ['colour not #RRGGBB', (d) => (style(d).default!.edge!.EDGE_LINE_COLOR = 'grey'), /EDGE_LINE_COLOR: value "grey"/],
      ['unknown arrow in a mapping', (d) => (((style(d).edgeMapping!.EDGE_TARGET_ARROW_SHAPE!.definition as Record<string, unknown>).map as { vp: string }[])[0]!.vp = 'vee'), /EDGE_TARGET_ARROW_SHAPE\.definition\.map\[0\]\.vp/],
      ['mapping on an undeclared attribute', (d) => ((style(d).nodeMapping!.NODE_SHAPE!.definition as Record<string, unknown>).attribute = 'type'), /type is not a declared nodes attribute/],
      ['unknown mapping type', (d) => (style(d).nodeMapping!.NODE_SHAPE!.type = 'LOOKUP'), /a mapping is \{type/],
      ['bypass of no node', (d) => d.splice(-1, 0, { nodeBypasses: [{ id: 99999, v: {} }] }), /nodeBypasses\[0\]: must name an existing element/],
    ];
    for (const [name, change, want] of mistakes) expect(broken(change), name).toMatch(want);
  });
});
