import { describe, expect, it } from 'vitest';
import shapes from '../../src/generated/figure-shapes.json';
import { compareFit, COMPACT_OPTIONS, DENSE_OPTIONS, DENSE_SHAPES, fitRatios, PACKED_SHAPES, SCREENS, shapeInput, SHAPES } from '../../src/layout/figure-shape.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { drawingBox } from '../../src/layout/drawing-box.ts';
import { NODE_FONT_SIZE } from '../../src/theme/kinds.ts';
import { DEFAULT_BOX, DENSE_BOX } from '../../src/layout/measure.ts';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { layoutInput, plainInput } from '../../src/layout/layout-input.ts';
import { layoutHash, type LayoutInput } from '../../src/layout/types.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

// A source acting on six markers (partition 1), one of which another source also acts on, and on a factor that
// acts on an outcome.
const node = (id: string, partition: number, height = 30) => ({ id, width: 60, height, partition });
const input: LayoutInput = {
  key: 't',
  nodes: [node('src', 0), node('other', 0), ...['m1', 'm2', 'm3', 'm4', 'm5', 'shared'].map((id) => node(id, 1)), node('f', 2), node('out', 5)],
  edges: [
    ...['m1', 'm2', 'm3', 'm4', 'm5', 'shared', 'f'].map((t) => ({ id: `src-${t}`, source: 'src', target: t })),
    { id: 'other-shared', source: 'other', target: 'shared' },
    { id: 'f-out', source: 'f', target: 'out' },
    { id: 'm5-f', source: 'm5', target: 'f' },
  ],
};
const partitionOf = (i: LayoutInput) => Object.fromEntries(i.nodes.map((n) => [n.id, n.partition]));

describe('a figure laid out for the screen (figure-shape.ts)', () => {
  it('leavesLeft puts the markers that only a source acts on, and that act on nothing, left of the sources', () => {
    const p = partitionOf(shapeInput(input, { leavesLeft: true, compact: false }));
    for (const id of ['m1', 'm2', 'm3', 'm4']) expect(p[id], id).toBeLessThan(p.src!);
    // m5 acts on f; `shared` is acted on by two sources, both in partition 0, so it goes left too.
    expect(p.m5).toBeGreaterThan(p.src!);
    expect(p.shared).toBeLessThan(p.src!);
    // The reading order of the rest holds.
    expect(p.src).toBe(p.other);
    expect(p.src!).toBeLessThan(p.m5!);
    expect(p.m5!).toBeLessThan(p.f!);
    expect(p.f!).toBeLessThan(p.out!);
    // Without leavesLeft, no partition changes order.
    const plain = partitionOf(shapeInput(input, { leavesLeft: false, compact: false }));
    expect(plain.m1).toBe(plain.m5);
    expect(plain.src!).toBeLessThan(plain.m1!);
  });

  it('`all` also moves leaves of later columns; `true` only markers and traits', () => {
    const withLeaf: LayoutInput = { ...input, nodes: [...input.nodes, node('leaf', 2)], edges: [...input.edges, { id: 'src-leaf', source: 'src', target: 'leaf' }] };
    expect(partitionOf(shapeInput(withLeaf, { leavesLeft: true, compact: false })).leaf).toBeGreaterThan(partitionOf(shapeInput(withLeaf, { leavesLeft: true, compact: false })).src!);
    expect(partitionOf(shapeInput(withLeaf, { leavesLeft: 'all', compact: false })).leaf).toBeLessThan(partitionOf(shapeInput(withLeaf, { leavesLeft: 'all', compact: false })).src!);
  });

  it('column splits a column taller than the limit into sub-columns, what acts on nothing first', () => {
    // Six boxes of 30 px with 10 px gaps: 230 px; at most 100 px a sub-column makes three.
    const p = partitionOf(shapeInput(input, { leavesLeft: false, column: 100, compact: false }));
    const column = ['m1', 'm2', 'm3', 'm4', 'm5', 'shared'].map((id) => p[id]!);
    expect(new Set(column).size).toBe(3);
    // m5 acts on f: it is in the last sub-column, the others before it.
    expect(p.m5).toBe(Math.max(...column));
    expect(Math.min(...column)).toBeGreaterThan(p.src!);
    expect(Math.max(...column)).toBeLessThan(p.f!);
  });

  it('pack puts the widest boxes of a split column in one sub-column, what acts on something still last', () => {
    // m1 and m4 are wide; in name order they fall into two sub-columns, each then as wide as they are.
    const wide: LayoutInput = { ...input, nodes: input.nodes.map((n) => (n.id === 'm1' || n.id === 'm4' ? { ...n, width: 150 } : n)) };
    const byName = partitionOf(shapeInput(wide, { leavesLeft: false, column: 100, compact: false }));
    const packed = partitionOf(shapeInput(wide, { leavesLeft: false, column: 100, compact: false, pack: true }));
    expect(byName.m1).not.toBe(byName.m4);
    expect(packed.m1).toBe(packed.m4);
    const column = ['m1', 'm2', 'm3', 'm4', 'm5', 'shared'];
    expect(new Set(column.map((id) => packed[id]))).toEqual(new Set(column.map((id) => byName[id])));
    expect(packed.m5).toBe(Math.max(...column.map((id) => packed[id]!)));
    // Uncut, a column has nothing to pack.
    expect(shapeInput(wide, { leavesLeft: false, compact: false, pack: true })).toEqual(shapeInput(wide, { leavesLeft: false, compact: false }));
    // Packing is tried last, on every dense shape that cuts its columns.
    expect([...SHAPES, ...DENSE_SHAPES].some((s) => s.pack)).toBe(false);
    expect(PACKED_SHAPES).toEqual(DENSE_SHAPES.filter((s) => s.column).map((s) => ({ ...s, pack: true })));
    expect(PACKED_SHAPES).toHaveLength(18);
  });

  it('leavesRight moves into the next column what only its own column acts on and that acts on nothing', () => {
    // f acts on `site` (a leaf of f's own column) and on `out`; m5 acts on f from the column before.
    const withSite: LayoutInput = { ...input, nodes: [...input.nodes, node('site', 2)], edges: [...input.edges, { id: 'f-site', source: 'f', target: 'site' }] };
    const plain = partitionOf(shapeInput(withSite, { leavesLeft: false, compact: false }));
    expect(plain.site).toBe(plain.f);
    const p = partitionOf(shapeInput(withSite, { leavesLeft: false, compact: false, leavesRight: true }));
    expect(p.site!).toBeGreaterThan(p.f!);
    expect(p.site!).toBeLessThan(p.out!);
    // A leaf acted on from an earlier column (the markers, from the source) stays where it is; so does f.
    expect(p.m1).toBe(plain.m1);
    expect(p.f! - p.m5!).toBe(plain.f! - plain.m5!);
  });

  it('compact carries denser spacing in the input, and the hash tells the inputs apart', () => {
    const compact = shapeInput(input, { leavesLeft: false, compact: true });
    expect(compact.options).toMatchObject(COMPACT_OPTIONS);
    expect(shapeInput(input, { leavesLeft: false, compact: false }).options).toBeUndefined();
    expect(shapeInput(input, { leavesLeft: false, compact: true, seed: 4 }).options?.['elk.randomSeed']).toBe('4');
    expect(layoutHash(compact)).not.toBe(layoutHash({ ...compact, options: undefined }));
    // An input without options hashes as before options existed (the atlas's stored layout stays valid).
    expect(layoutHash(input)).toBe(layoutHash({ ...input }));
  });

  it('dense carries tighter spacing than compact, and splits columns by its own node gap', () => {
    const dense = shapeInput(input, { leavesLeft: false, compact: true, dense: true });
    expect(dense.options).toMatchObject(DENSE_OPTIONS);
    for (const k of ['elk.layered.spacing.nodeNodeBetweenLayers', 'elk.layered.spacing.edgeNodeBetweenLayers', 'elk.layered.spacing.edgeEdgeBetweenLayers'])
      expect(Number(DENSE_OPTIONS[k]), k).toBeLessThan(Number(COMPACT_OPTIONS[k]));
    expect(layoutHash(dense)).not.toBe(layoutHash(shapeInput(input, { leavesLeft: false, compact: true })));
    expect(DENSE_SHAPES.length).toBeGreaterThan(0);
    for (const s of DENSE_SHAPES) expect(s).toMatchObject({ compact: true, dense: true });
  });

  it('aims at the 10 px floor on the 1024×768 tablet as on the 1600×1000 laptop', () => {
    expect(SCREENS.map((s) => [s.name, s.floor])).toEqual([
      ['1600×1000', 10],
      ['1280×800', 9],
      ['1024×768', 10],
    ]);
  });

  it('every shipped figure, as stored, reaches every screen’s floor by the estimate (tests/e2e/legibility.e2e.ts measures it)', () => {
    const model = shippedModel();
    const short: string[] = [];
    for (const f of model.figures) {
      const view = figureView(model, f.id)!;
      const b = drawingBox(view, precomputedLayouts[view.key]!);
      fitRatios(b.x2 - b.x1, b.y2 - b.y1, NODE_FONT_SIZE).forEach((r, i) => {
        if (r < 1) short.push(`${f.label} on ${SCREENS[i]!.name}: ${(r * SCREENS[i]!.floor).toFixed(1)} px`);
      });
    }
    expect(short).toEqual([]);
  });

  it('scores drawings by the laptops first, then by the worst screen', () => {
    const [s1] = SCREENS;
    // A drawing exactly the first screen's room at its floor's zoom fits it with ratio 1.
    const r = fitRatios(s1.width / (s1.floor / 13), s1.height / (s1.floor / 13), 13);
    expect(r[0]).toBeCloseTo(1, 5);
    expect(compareFit([1.2, 1.1, 0.8], [0.99, 1.5, 1.5])).toBeGreaterThan(0);
    expect(compareFit([1.2, 1.1, 0.8], [1.1, 1.2, 0.9])).toBeLessThan(0);
  });

  it('the shipped figures use the shapes `npm run layouts` chose, and ELK keeps the left leaves left of the source', async () => {
    const model = shippedModel();
    const chosen = shapes as Record<string, { leavesLeft: boolean | 'all' }>;
    const key = Object.keys(chosen).find((k) => chosen[k]!.leavesLeft);
    expect(key).toBeDefined();
    const view = figureView(model, key!.replace('figure:', ''))!;
    const shaped = layoutInput(view);
    const shape = chosen[key!] as { leavesLeft: boolean | 'all'; compact: boolean; dense?: boolean };
    expect(shaped).toEqual(shapeInput(plainInput(view, shape.dense ? DENSE_BOX : DEFAULT_BOX), shape));
    expect(shaped.box).toEqual(shape.dense ? DENSE_BOX : undefined);
    const pos = await createInProcessEngine().layout(shaped, { timeoutMs: 60_000 });
    const source = view.nodes.find((n) => n.entity.kind === 'msc-source')!;
    const sourcePartition = shaped.nodes.find((n) => n.id === source.id)!.partition;
    const left = shaped.nodes.filter((n) => n.partition < sourcePartition);
    expect(left.length).toBeGreaterThan(0);
    for (const n of left) expect(pos.nodes[n.id]!.x, n.id).toBeLessThan(pos.nodes[source.id]!.x);
  });
});
