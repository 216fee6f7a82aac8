/**
 * From a view to ELK's input (layout/layout-input.ts): node boxes, the reading-order partition of each kind, the
 * markers' own column only when there are many of them, and the figure's stored shape with its box style.
 */
import { describe, expect, it } from 'vitest';
import shapes from '../../src/generated/figure-shapes.json';
import { layoutInput, OWN_MARKER_COLUMN_FROM, plainInput } from '../../src/layout/layout-input.ts';
import { DEFAULT_BOX, DENSE_BOX, nodeBox } from '../../src/layout/measure.ts';
import { shapeInput, type FigureShape } from '../../src/layout/figure-shape.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView, ViewNode } from '../../src/model/view.ts';

const vnode = (id: string, kind: EntityKind, label = id): ViewNode => ({ id, entity: { id, label, kind } as ViewNode['entity'], sources: [] });

/** A view: a source, `markers` markers, a trait, a factor, a process and an outcome; the source acts on each. */
function view(markers: number, key = 'test:view'): GraphView {
  const nodes = [
    vnode('src', 'msc-source', 'hUC-MSC'),
    ...Array.from({ length: markers }, (_, i) => vnode(`m${i}`, 'marker', `CD${70 + i}`)),
    vnode('trait', 'msc-property', 'Self-renewal'),
    vnode('f', 'secreted-factor', 'Quality control of MSC production'),
    vnode('p', 'cellular-process', 'Apoptosis'),
    vnode('o', 'ovarian-outcome', 'Fertility'),
  ];
  const edges = nodes.slice(1).map((n) => ({ id: `src~upregulates~${n.id}`, source: 'src', target: n.id, relation: 'upregulates', sign: 'increase', supports: [], sources: [], refs: [] }));
  return { key, kind: 'figure', title: 't', figures: [], nodes, edges } as unknown as GraphView;
}
const partitions = (v: ReturnType<typeof plainInput>) => Object.fromEntries(v.nodes.map((n) => [n.id, n.partition]));

describe('the plain layout input', () => {
  it('sizes each node as its label and kind measure, and keeps every edge with its ends', () => {
    const v = view(2);
    const input = plainInput(v);
    expect(input.key).toBe('test:view');
    expect(input.nodes.map((n) => n.id)).toEqual(v.nodes.map((n) => n.id));
    for (const n of input.nodes) {
      const e = v.nodes.find((x) => x.id === n.id)!.entity;
      const b = nodeBox(e.label, e.kind);
      expect({ w: n.width, h: n.height }, n.id).toEqual({ w: b.width, h: b.height });
    }
    expect(input.edges).toEqual(v.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
    // The default boxes are not named in the input (its hash stays that of older layouts).
    expect('box' in input).toBe(false);
    expect(input.options).toBeUndefined();
  });

  it('gives each kind its reading-order partition; markers and traits share the factors’ column when few', () => {
    expect(OWN_MARKER_COLUMN_FROM).toBe(7);
    const few = partitions(plainInput(view(OWN_MARKER_COLUMN_FROM - 2)));
    // 5 markers and 1 trait: 6 of partition 1, under 7, so they join partition 2.
    expect(few).toMatchObject({ src: 0, m0: 2, m4: 2, trait: 2, f: 2, p: 4, o: 5 });
  });

  it('gives markers and traits their own column from seven of them on', () => {
    // 6 markers and the trait: 7.
    const many = partitions(plainInput(view(OWN_MARKER_COLUMN_FROM - 1)));
    expect(many).toMatchObject({ src: 0, m0: 1, m5: 1, trait: 1, f: 2, p: 4, o: 5 });
  });

  it('cuts the boxes as asked and names a box style that is not the default', () => {
    const v = view(1);
    const dense = plainInput(v, DENSE_BOX);
    expect(dense.box).toEqual(DENSE_BOX);
    const f = dense.nodes.find((n) => n.id === 'f')!;
    expect(f.width).toBe(nodeBox('Quality control of MSC production', 'secreted-factor', DENSE_BOX).width);
    expect(f.width).toBeLessThan(plainInput(v).nodes.find((n) => n.id === 'f')!.width);
    expect('box' in plainInput(v, DEFAULT_BOX)).toBe(false);
  });
});

describe('the layout input of a view', () => {
  const stored = shapes as Record<string, FigureShape>;
  it('is the plain input for a view with no stored shape', () => {
    const v = view(3, 'atlas');
    expect(stored[v.key]).toBeUndefined();
    expect(layoutInput(v)).toEqual(plainInput(v));
  });

  it('is laid out in the figure’s stored shape, with the default boxes unless the shape is dense', () => {
    const compact = Object.keys(stored).find((k) => !stored[k]!.dense)!;
    const v = view(3, compact);
    expect(layoutInput(v)).toEqual(shapeInput(plainInput(v), stored[compact]!));
    expect(layoutInput(v).options).toBeDefined();
    expect('box' in layoutInput(v)).toBe(false);
  });

  it('a dense shape’s figure gets the narrower boxes', () => {
    const dense = Object.keys(stored).find((k) => stored[k]!.dense)!;
    const v = view(3, dense);
    expect(layoutInput(v)).toEqual(shapeInput(plainInput(v, DENSE_BOX), stored[dense]!));
    expect(layoutInput(v).box).toEqual(DENSE_BOX);
  });
});
