/**
 * The figure shapes' edges of the rules (layout/figure-shape.ts): the node gap each shape splits columns with, which
 * leaves move right, the options each shape carries, and how drawings are scored on the screens.
 */
import { describe, expect, it } from 'vitest';
import {
  compareFit,
  COMPACT_OPTIONS,
  DENSE_OPTIONS,
  DENSE_SHAPES,
  fitRatios,
  PACKED_SHAPES,
  SCREENS,
  SEEDS,
  shapeInput,
  SHAPES,
  type FigureShape,
} from '../../src/layout/figure-shape.ts';
import chosenShapes from '../../src/generated/figure-shapes.json';
import type { LayoutInput } from '../../src/layout/types.ts';

const node = (id: string, partition: number, height = 30) => ({ id, width: 60, height, partition });
const partitionOf = (i: LayoutInput) => Object.fromEntries(i.nodes.map((n) => [n.id, n.partition]));

describe('splitting a column by the shape’s node gap', () => {
  // Three 30 px boxes: 100 px with 5 px gaps (compact), 110 px with 10 px gaps (the default).
  const input: LayoutInput = { key: 't', nodes: [node('a', 2), node('b', 2), node('c', 2)], edges: [] };
  const subColumns = (shape: Parameters<typeof shapeInput>[1]) => new Set(Object.values(partitionOf(shapeInput(input, shape)))).size;

  it('uses 10 px for the default shape, 5 px for compact and dense ones', () => {
    expect(subColumns({ leavesLeft: false, compact: false, column: 105 })).toBe(2);
    expect(subColumns({ leavesLeft: false, compact: true, column: 105 })).toBe(1);
    expect(subColumns({ leavesLeft: false, compact: true, dense: true, column: 105 })).toBe(1);
    expect(subColumns({ leavesLeft: false, compact: true, column: 99 })).toBe(2);
  });

  it('numbers the columns 8 sub-columns apart, the left leaves first', () => {
    const chain: LayoutInput = {
      key: 't',
      nodes: [node('src', 0), node('m', 1), node('f', 2), node('o', 5)],
      edges: [
        { id: 'src-m', source: 'src', target: 'm' },
        { id: 'src-f', source: 'src', target: 'f' },
        { id: 'f-o', source: 'f', target: 'o' },
      ],
    };
    expect(partitionOf(shapeInput(chain, { leavesLeft: false, compact: false }))).toEqual({ src: 8, m: 16, f: 24, o: 48 });
    expect(partitionOf(shapeInput(chain, { leavesLeft: true, compact: false }))).toEqual({ src: 8, m: 0, f: 24, o: 48 });
  });
});

describe('leaves moved right', () => {
  // f acts on `site` and `twin` (of its own column), `o` acts on nothing and is acted on from f's column too.
  const input: LayoutInput = {
    key: 't',
    nodes: [node('src', 0), node('m', 1), node('f', 2), node('site', 2), node('lone', 2), node('mixed', 2), node('m2', 1)],
    edges: [
      { id: 'src-m', source: 'src', target: 'm' },
      { id: 'src-f', source: 'src', target: 'f' },
      { id: 'f-site', source: 'f', target: 'site' },
      { id: 'f-mixed', source: 'f', target: 'mixed' },
      { id: 'm2-mixed', source: 'm2', target: 'mixed' },
    ],
  };
  it('are only those acted on, all from their own column, acting on nothing, and not moved left already', () => {
    const p = partitionOf(shapeInput(input, { leavesLeft: false, compact: false, leavesRight: true }));
    // site: moved to the next column. lone: acted on by nothing, stays. mixed: acted on from column 1 too, stays.
    expect(p).toEqual({ src: 8, m: 16, m2: 16, f: 24, site: 32, lone: 24, mixed: 24 });
    // A node acted on only from its own column that acts on something stays: it is no leaf.
    const relay: LayoutInput = { ...input, nodes: [...input.nodes, node('relay', 2), node('o', 5)], edges: [...input.edges, { id: 'f-relay', source: 'f', target: 'relay' }, { id: 'relay-o', source: 'relay', target: 'o' }] };
    expect(partitionOf(shapeInput(relay, { leavesLeft: false, compact: false, leavesRight: true })).relay).toBe(24);
    // m is a left leaf when leavesLeft: it is not moved right as well.
    const both = partitionOf(shapeInput(input, { leavesLeft: 'all', compact: false, leavesRight: true }));
    expect(both.m).toBe(0);
  });
});

describe('the options a shape carries', () => {
  const input: LayoutInput = { key: 't', nodes: [node('a', 0)], edges: [], options: { own: 'kept' } };
  it('carries the input’s own options under the shape’s spacing, and a seed alone when that is all', () => {
    expect(shapeInput(input, { leavesLeft: false, compact: true }).options).toEqual({ own: 'kept', ...COMPACT_OPTIONS });
    expect(shapeInput(input, { leavesLeft: false, compact: false, dense: true }).options).toEqual({ own: 'kept', ...DENSE_OPTIONS });
    expect(shapeInput(input, { leavesLeft: false, compact: false, seed: 3 }).options).toEqual({ own: 'kept', 'elk.randomSeed': '3' });
    expect(shapeInput(input, { leavesLeft: false, compact: false }).options).toEqual({ own: 'kept' });
    expect(shapeInput(input, { leavesLeft: false, compact: true }).options).not.toHaveProperty('elk.randomSeed');
  });
});

describe('how a drawing fits the screens', () => {
  it('is, for each screen, its fitted zoom over the zoom its floor needs', () => {
    const [a, b, c] = fitRatios(SCREENS[0].width, 100, 13);
    expect(a).toBeCloseTo(1 / (10 / 13), 10);
    expect(b).toBeCloseTo(SCREENS[1].width / SCREENS[0].width / (9 / 13), 10);
    expect(c).toBeCloseTo(SCREENS[2].width / SCREENS[0].width / (10 / 13), 10);
    const [tall] = fitRatios(100, 2 * SCREENS[0].height, 13);
    expect(tall).toBeCloseTo(0.5 / (10 / 13), 10);
  });

  it('compares the laptops first, each counted only up to its floor, then the worst screen', () => {
    // Both laptops past their floors: equal there, the tablet decides.
    expect(compareFit([1.5, 1.2, 0.9], [1.1, 1.9, 0.8])).toBeCloseTo(0.1, 10);
    // The worse laptop decides first.
    expect(compareFit([0.9, 1.5, 1.5], [0.95, 1.0, 0.5])).toBeCloseTo(-0.05, 10);
    expect(compareFit([1.5, 0.9, 1.5], [1.0, 0.95, 0.5])).toBeCloseTo(-0.05, 10);
    expect(compareFit([1, 1, 1], [1, 1, 1])).toBe(0);
  });
});

describe('the shapes `npm run layouts` chose (src/generated/figure-shapes.json)', () => {
  it('are each one its search tries (with a seed of SEEDS), written as it writes them: it can draw each figure again', () => {
    const tried = [...SHAPES, ...DENSE_SHAPES, ...PACKED_SHAPES].map((s) => JSON.stringify(s));
    for (const [key, chosen] of Object.entries(chosenShapes as Record<string, FigureShape>)) {
      const { seed, ...shape } = chosen;
      if (seed !== undefined) expect(SEEDS, key).toContain(seed);
      expect(tried, key).toContain(JSON.stringify(shape));
    }
  });
});
