/**
 * The search `npm run layouts` runs for a figure's shape (scripts/figure-search.ts, bestShape; the shapes are
 * layout/figure-shape.ts's SHAPES). Every shipped figure's shape is one it tries (figure-shape-pure.test.ts); this
 * made-up figure needs one no shipped figure took: the cell source's nine markers moved left of it, but not its
 * factors that act on nothing. The search lays it out about ten times: a second or two.
 */
import { describe, expect, it } from 'vitest';
import { bestShape } from '../../scripts/figure-search.ts';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView } from '../../src/model/view.ts';

// Found by drawing random figures with many markers (ELK as of elkjs 0.12.1).
const long = new Set(['m0', 'm4', 'm5', 'm8', 'f0', 'f2', 'f3', 'p0', 'p2', 'p3', 'o0']);
const KIND: Record<string, EntityKind> = { s: 'msc-source', m: 'marker', f: 'secreted-factor', p: 'cellular-process', o: 'ovarian-outcome' };
const IDS = ['s0', 'm0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'f0', 'f1', 'f2', 'f3', 'p0', 'p1', 'p2', 'p3', 'o0'];
const EDGES = 's0-m0 s0-m1 s0-m2 s0-m3 m3-f0 s0-m4 s0-m5 s0-m6 m6-f2 s0-m7 s0-m8 s0-f0 f0-p2 f0-p3 s0-f1 s0-f2 s0-f3 p0-o0 p1-o0';

const view = {
  key: 'figure:t',
  kind: 'figure',
  title: 't',
  figures: [],
  nodes: IDS.map((id) => ({ id, entity: { id, label: `${id[0]!.toUpperCase()} ${id.slice(1)}${long.has(id) ? ' with long label' : ''}`, kind: KIND[id[0]!]! }, sources: [] })),
  edges: EDGES.split(' ').map((id) => {
    const [source, target] = id.split('-');
    return { id, source: source!, target: target! };
  }),
} as unknown as GraphView;

describe('the figure layout search', () => {
  it('moves only the source’s markers to its left when that fits the screens best', async () => {
    const best = await bestShape(view, createInProcessEngine());
    expect(best.shape).toEqual({ leavesLeft: true, compact: true });
  }, 300_000);
});
