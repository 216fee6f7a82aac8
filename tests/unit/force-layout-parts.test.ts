/**
 * The force layout's parts one by one, on graphs small enough to work out by hand (layout/force-layout.ts): the
 * ticks per level, the full graph's links, the coarsening's groups and coarser boxes, the start spiral, the members
 * placed around their group, the simulation's forces, the overlap removal's edge cases, progress in proportion to the
 * work, and the drawing's frame (the tests that run the whole layout come last).
 * The whole layout on small graphs is in force-layout-small.test.ts, big imports in force-layout.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ForceCollide, ForceLink, ForceManyBody, ForceX, ForceY } from 'd3-force';
import { coarsen, forceLayout, fullLevel, levelPlan, levelTicks, placeAroundGroups, removeOverlaps, simulation, startPositions, type Level, type SimNode } from '../../src/layout/force-layout.ts';
import type { LayoutInput } from '../../src/layout/types.ts';

const golden = Math.PI * (3 - Math.sqrt(5));

/** A level of nodes with the given sizes and weights, and links as pairs of indices. */
function level(nodes: { w?: number; h?: number; weight?: number }[], links: [number, number][]): Level {
  return {
    nodes: nodes.map((n, index) => ({ index, w: n.w ?? 40, h: n.h ?? 20, weight: n.weight ?? 1 })),
    links: links.map(([source, target]) => ({ source, target })),
  };
}
const plain = (n: number, links: [number, number][]) => level(Array.from({ length: n }, () => ({})), links);

const input = (n: number, edges: [number, number][], size = (_: number) => ({ width: 40, height: 20 })): LayoutInput => ({
  key: 't',
  nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, ...size(i), partition: 0 })),
  edges: edges.map(([s, t], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}` })),
});

describe('the ticks of each level', () => {
  it('untangles on the coarsest level (300 ticks), settles on those between (30) and on the full graph (60, or 30 beyond 3,000 nodes)', () => {
    // Three levels: 0 the full graph, 2 the coarsest.
    expect([0, 1, 2].map((i) => levelTicks(i, 2, 3000))).toEqual([60, 30, 300]);
    expect([0, 1, 2].map((i) => levelTicks(i, 2, 3001))).toEqual([30, 30, 300]);
    expect([0, 1].map((i) => levelTicks(i, 1, 500))).toEqual([60, 300]);
  });

  it('runs a graph with no coarser level as the coarsest (300 ticks), and takes the ticks asked for on the full graph only', () => {
    expect(levelTicks(0, 0, 100)).toBe(300);
    expect(levelTicks(0, 0, 5000)).toBe(300);
    expect(levelTicks(0, 0, 100, 7)).toBe(7);
    expect([0, 1, 2].map((i) => levelTicks(i, 2, 5000, 12))).toEqual([12, 30, 300]);
  });
});

describe('the plan', () => {
  it('runs the coarsest level first, untangling, and the full graph last, with the collision circles', () => {
    const levels = coarsen(plain(8, Array.from({ length: 7 }, (_, i) => [i, i + 1] as [number, number])), 0);
    expect(levels.map((l) => l.nodes.length)).toEqual([8, 3, 1]);
    const plan = levelPlan(levels, 8, 5);
    expect(plan.map((p) => p.level)).toEqual([levels[2], levels[1], levels[0]]);
    expect(plan.map((p) => [p.ticks, p.coarsest, p.finest])).toEqual([
      [300, true, false],
      [30, false, false],
      [5, false, true],
    ]);
    const one = plain(3, []);
    expect(levelPlan([one], 3)).toEqual([{ level: one, ticks: 300, coarsest: true, finest: true }]);
  });
});

describe('the full graph', () => {
  it('has a node per box, weight 1, and one link per linked pair: no repeats either way, no self-links, no unknown ends', () => {
    const graph = input(
      4,
      [
        [1, 2],
        [0, 1],
        [2, 1],
        [0, 2],
        [2, 0],
        [3, 3],
        [1, 3],
      ],
      (i) => ({ width: 10 + i, height: 20 + i }),
    );
    graph.edges.push({ id: 'x', source: 'n0', target: 'nowhere' }, { id: 'y', source: 'nowhere', target: 'n3' });
    const full = fullLevel(graph);
    expect(full.nodes).toEqual([0, 1, 2, 3].map((i) => ({ index: i, w: 10 + i, h: 20 + i, weight: 1 })));
    // (0, 2) and (1, 2) share their larger end, (0, 1) and (0, 2) their smaller: each is kept.
    expect(full.links).toEqual([
      { source: 1, target: 2 },
      { source: 0, target: 1 },
      { source: 0, target: 2 },
      { source: 1, target: 3 },
    ]);
  });
});

describe('the coarsening, step by step', () => {
  it('pairs a node with its free neighbour of the lowest index when weights are equal, leaves joining their neighbour, a lone pair of leaves making one group', () => {
    // A square 0-1-2-3 (links given so that 1 meets 2 before 0), 4 a leaf of 0, 5 alone, 6-7 a lone pair.
    const square = plain(8, [
      [1, 2],
      [0, 1],
      [2, 3],
      [3, 0],
      [0, 4],
      [6, 7],
    ]);
    const levels = coarsen(square, 0);
    // Rising degree: 5; then the leaves 4, 6, 7 (left for later); then 1, 2, 3; then 0. 5 stays alone (group 0);
    // 1 takes 0 (2 comes first among its neighbours, 0 has the lower index); 2 takes 3; 4 joins 0's group; 6 and 7 pair.
    expect([...levels[0]!.group!]).toEqual([1, 1, 2, 2, 1, 0, 3, 3]);
    const side = (members: number) => Math.sqrt(members * 48 * 28) - 8;
    expect(levels[1]!.nodes).toEqual([
      { index: 0, w: side(1), h: side(1), weight: 1 },
      { index: 1, w: side(3), h: side(3), weight: 3 },
      { index: 2, w: side(2), h: side(2), weight: 2 },
      { index: 3, w: side(2), h: side(2), weight: 2 },
    ]);
    // Links inside a group are gone, and the two between groups 1 and 2 are one, the way it was first met.
    expect(levels[1]!.links).toEqual([{ source: 1, target: 2 }]);
    // Again: 0 and 3 alone, 1 and 2 (now leaves of each other) together: 3 of 4 still shrinks; then 3 alone do not.
    expect([...levels[1]!.group!]).toEqual([0, 2, 2, 1]);
    expect(levels.map((l) => l.nodes.length)).toEqual([8, 4, 3]);
    expect(levels[2]!.group).toBeUndefined();
    expect(levels[2]!.links).toEqual([]);
    expect(levels[2]!.nodes.map((n) => n.weight)).toEqual([1, 2, 5]);
  });

  it('pairs a node with its lightest free neighbour, then the one of lower index, never with a leaf', () => {
    // All of degree 3, so in index order: 0 meets 1 (weight 3), 3 and 2 (weight 2 both): it takes 2.
    const weighted = level(
      [{}, { weight: 3 }, { weight: 2 }, { weight: 2 }, {}, {}],
      [
        [0, 1],
        [0, 3],
        [0, 2],
        [1, 4],
        [1, 5],
        [2, 4],
        [2, 5],
        [3, 4],
        [3, 5],
      ],
    );
    const [, coarser] = coarsen(weighted, 0);
    expect([...weighted.group!]).toEqual([0, 1, 0, 2, 1, 2]);
    expect(coarser!.nodes.map((n) => n.weight)).toEqual([3, 4, 3]);
    // Between the groups: 0-1 (from 0-1), 0-2 (from 0-3), 1-2 (from 1-5); the others are inside a group or repeats.
    expect(coarser!.links).toEqual([
      { source: 0, target: 1 },
      { source: 0, target: 2 },
      { source: 1, target: 2 },
    ]);
    // 0 meets 3 (weight 1) before 1 (weight 5, lower index): it takes the lighter 3.
    const lighter = level([{}, { weight: 5 }, {}, {}], [
      [0, 3],
      [0, 1],
      [1, 2],
      [3, 2],
    ]);
    coarsen(lighter, 0);
    expect([...lighter.group!]).toEqual([0, 1, 1, 0]);
    // A triangle: 0 takes 1, 2 stays alone.
    const triangle = plain(3, [
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    coarsen(triangle, 0);
    expect([...triangle.group!]).toEqual([0, 0, 1]);
    // A path 0-1-2-3: 1 passes over the leaf 0 and takes 2; then both leaves join them.
    const path = plain(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    coarsen(path, 0);
    expect([...path.group!]).toEqual([0, 0, 0, 0]);
  });

  it('makes each group a square of its members’ boxes and gaps', () => {
    const boxes = level([{ w: 100, h: 20 }, { w: 30, h: 50, weight: 2 }, { w: 12, h: 12 }], [[0, 1]]);
    const [, coarser] = coarsen(boxes, 0);
    // 2 (no links) comes first and stays alone; the leaves 0 and 1 then make one group.
    expect([...boxes.group!]).toEqual([1, 1, 0]);
    const side = Math.sqrt(108 * 28 + 38 * 58) - 8;
    expect(coarser!.nodes).toEqual([
      { index: 0, w: 12, h: 12, weight: 1 },
      { index: 1, w: side, h: side, weight: 3 },
    ]);
  });

  it('stops when a level keeps more than 90% of the nodes below it, and coarsens at 90% exactly', () => {
    // 10 nodes, one linked pair: 9 groups, 90%.
    expect(coarsen(plain(10, [[3, 8]]), 0).map((l) => l.nodes.length)).toEqual([10, 9]);
    // 11 nodes, one pair: 10 groups, 91%.
    const eleven = plain(11, [[3, 8]]);
    expect(coarsen(eleven, 0)).toEqual([eleven]);
    expect(eleven.group).toBeUndefined();
    // No coarsening at or below the limit.
    expect(coarsen(plain(10, [[3, 8]]), 10)).toHaveLength(1);
    expect(coarsen(plain(10, [[3, 8]]), 9)).toHaveLength(2);
  });
});

describe('the start positions', () => {
  it('lay the nodes on a spiral in breadth-first order from the best-linked node of each piece', () => {
    // A hub 2 with 0, 3 and 1 (links in that order), 4 hanging from 3; a separate pair 5-6 given as 6-5.
    const sizes = [
      { w: 40, h: 20 },
      { w: 60, h: 20 },
      { w: 100, h: 40 },
      { w: 30, h: 30 },
      { w: 50, h: 10 },
      { w: 20, h: 20 },
      { w: 80, h: 20 },
    ];
    const graph = level(sizes, [
      [2, 0],
      [2, 3],
      [1, 2],
      [3, 4],
      [6, 5],
    ]);
    startPositions(graph.nodes, graph.links);
    const mean = sizes.reduce((s, b) => s + (b.w + b.h) / 2, 0) / sizes.length;
    const order = [2, 0, 3, 1, 4, 5, 6];
    order.forEach((v, i) => {
      const r = mean * 0.8 * Math.sqrt(i + 0.5);
      expect(graph.nodes[v]!.x, `node ${v}`).toBeCloseTo(r * Math.cos(i * golden), 9);
      expect(graph.nodes[v]!.y, `node ${v}`).toBeCloseTo(r * Math.sin(i * golden), 9);
    });
  });

  it('start the linked nodes first, then those with no link in index order', () => {
    // 0 alone, 1-2 a pair, 3 alone: the pair's first node leads (degree 1), then its partner, then 0 and 3.
    const graph = plain(4, [[2, 1]]);
    startPositions(graph.nodes, graph.links);
    const at = (i: number) => ({ x: 24 * Math.sqrt(i + 0.5) * Math.cos(i * golden), y: 24 * Math.sqrt(i + 0.5) * Math.sin(i * golden) });
    [1, 2, 0, 3].forEach((v, i) => {
      expect(graph.nodes[v]!.x).toBeCloseTo(at(i).x, 9);
      expect(graph.nodes[v]!.y).toBeCloseTo(at(i).y, 9);
    });
  });
});

describe('the members of a group', () => {
  it('start on a small spiral around their group’s place, at rest', () => {
    const coarser = level([{ w: 30, h: 30, weight: 2 }, { w: 20, h: 10 }], []);
    coarser.nodes[0]!.x = 100;
    coarser.nodes[0]!.y = 50;
    coarser.nodes[1]!.x = -10;
    coarser.nodes[1]!.y = 0;
    const fine: Level = { ...plain(3, []), group: Int32Array.from([0, 1, 0]) };
    for (const n of fine.nodes) Object.assign(n, { x: 7, y: 7, vx: 3, vy: -3 });
    placeAroundGroups(fine, coarser);
    // The group's size (the mean of its half-sides) over √(weight + 1), times √(k + ½) for its k-th member.
    const r0 = (15 / Math.sqrt(3)) * Math.sqrt(0.5);
    const r2 = (15 / Math.sqrt(3)) * Math.sqrt(1.5);
    const r1 = (7.5 / Math.sqrt(2)) * Math.sqrt(0.5);
    const at = (n: SimNode) => [n.x!, n.y!, n.vx, n.vy];
    const close = (actual: (number | undefined)[], expected: number[]) => expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 9));
    close(at(fine.nodes[0]!), [100 + r0, 50, 0, 0]);
    close(at(fine.nodes[1]!), [-10 + r1, 0, 0, 0]);
    close(at(fine.nodes[2]!), [100 + r2 * Math.cos(golden), 50 + r2 * Math.sin(golden), 0, 0]);
  });
});

describe('the simulation of a level', () => {
  const pair = () =>
    level(
      [
        { w: 40, h: 20 },
        { w: 60, h: 40, weight: 4 },
      ],
      [[0, 1]],
    );

  it('pulls linked nodes to their sizes plus 40 px apart, and repels by the mean size, a group by the root of its weight', () => {
    const l = pair();
    const sim = simulation(l, 50, true, false);
    // Sizes: (40 + 20) / 4 = 15 and (60 + 40) / 4 = 25, their mean 20.
    const link = sim.force('link') as ForceLink<SimNode, { source: SimNode; target: SimNode }>;
    expect(link.links().map((k) => [k.source, k.target])).toEqual([[l.nodes[0], l.nodes[1]]]);
    expect(link.links().map((k, i) => (link.distance() as (k: unknown, i: number, all: unknown) => number)(k, i, link.links()))).toEqual([80]);
    // The level's own links are left as they were (indices).
    expect(l.links).toEqual([{ source: 0, target: 1 }]);
    const charge = sim.force('charge') as ForceManyBody<SimNode>;
    expect(l.nodes.map((n, i) => (charge.strength() as (n: SimNode, i: number, all: SimNode[]) => number)(n, i, l.nodes))).toEqual([-80, -160]);
    expect(charge.distanceMax()).toBeCloseTo(800, 9);
    expect(charge.theta()).toBeCloseTo(0.9, 12);
    for (const axis of ['x', 'y'] as const) {
      const pull = sim.force(axis) as ForceX<SimNode> & ForceY<SimNode>;
      expect(l.nodes.map((n, i) => (pull.strength() as (n: SimNode, i: number, all: SimNode[]) => number)(n, i, l.nodes))).toEqual([0.03, 0.03]);
      const target = (axis === 'x' ? pull.x() : pull.y()) as (n: SimNode, i: number, all: SimNode[]) => number;
      expect(target(l.nodes[1]!, 1, l.nodes)).toBe(0);
    }
  });

  it('keeps boxes apart with circles on the full graph only, a little smaller than the boxes', () => {
    const l = pair();
    expect(simulation(l, 50, true, false).force('collide')).toBeUndefined();
    const collide = simulation(l, 50, false, true).force('collide') as ForceCollide<SimNode>;
    expect(l.nodes.map((n, i) => (collide.radius() as (n: SimNode, i: number, all: SimNode[]) => number)(n, i, l.nodes))).toEqual([19, 29]);
    expect(collide.strength()).toBe(0.8);
  });

  it('approximates more coarsely (theta 1.2) only on the full graph of more than 3,000 nodes', () => {
    const theta = (n: number, finest: boolean) => (simulation(plain(n, []), 10, false, finest).force('charge') as ForceManyBody<SimNode>).theta();
    expect(theta(3000, true)).toBeCloseTo(0.9, 12);
    expect(theta(3001, true)).toBeCloseTo(1.2, 12);
    expect(theta(3001, false)).toBeCloseTo(0.9, 12);
  });

  it('cools from 1 on the coarsest level and from 0.3 on the others, down to 0.001 in exactly its ticks', () => {
    for (const [coarsest, ticks, from] of [
      [true, 40, 1],
      [false, 7, 0.3],
      [false, 1, 0.3],
    ] as const) {
      const sim = simulation(pair(), ticks, coarsest, !coarsest);
      expect(sim.alpha()).toBe(from);
      for (let t = 1; t < ticks; t++) sim.tick();
      expect(sim.alpha(), `${ticks} ticks`).toBeGreaterThan(0.001 * 1.0001);
      sim.tick();
      expect(sim.alpha(), `${ticks} ticks`).toBeCloseTo(0.001, 12);
    }
    // Asked for no ticks, it cools as if for one.
    expect(simulation(pair(), 0, true, false).alphaDecay()).toBeCloseTo(0.999, 12);
  });
});

describe('removing overlaps, at the edges of its rules', () => {
  it('finds two boxes nearly a cell apart: its cells are as big as the largest side plus the gap', () => {
    // Cells of 108 px (100 + 8): B and C, 107 apart, overlap by 1 px across and sit in neighbouring columns (A,
    // below, only fixes where the grid begins). Cells any smaller would put them two columns apart.
    const nodes = [
      { x: 0, y: 200, w: 100, h: 20 },
      { x: 91, y: 0, w: 100, h: 20 },
      { x: 198, y: 0, w: 100, h: 20 },
    ];
    expect(removeOverlaps(nodes)).toBe(1);
    expect(nodes[1]!.x).toBeCloseTo(90.49, 10);
    expect(nodes[2]!.x).toBeCloseTo(198.51, 10);
    // The same left and up of the origin: the grid starts at the leftmost and topmost centres.
    const shifted = [
      { x: -500, y: -200, w: 100, h: 20 },
      { x: -409, y: -400, w: 100, h: 20 },
      { x: -302, y: -400, w: 100, h: 20 },
    ];
    expect(removeOverlaps(shifted)).toBe(1);
    expect(shifted.map((n) => n.x)).toEqual([-500, expect.closeTo(-409.51, 10), expect.closeTo(-301.49, 10)]);
  });

  it('pushes each box away from the other, also when the first listed is the one on the right', () => {
    // Across: 18 of 80 px (0.225); down: 28 of 40 px (0.7). The first box, on the right, goes right by half the
    // overlap; the second goes left.
    const nodes = [
      { x: 30, y: 0, w: 40, h: 20 },
      { x: 0, y: 0, w: 40, h: 20 },
    ];
    expect(removeOverlaps(nodes)).toBe(1);
    expect(nodes[0]!.x).toBeCloseTo(39.01, 10);
    expect(nodes[1]!.x).toBeCloseTo(-9.01, 10);
    expect(nodes.map((n) => n.y)).toEqual([0, 0]);
  });

  it('pushes down, not across, when both ways cost the same share of the boxes’ sizes', () => {
    // Across: 48 of 80 px; down: 24 of 40 px, both 0.6.
    const nodes = [
      { x: 0, y: 0, w: 40, h: 20 },
      { x: 0, y: 4, w: 40, h: 20 },
    ];
    expect(removeOverlaps(nodes)).toBe(1);
    expect(nodes.map((n) => n.x)).toEqual([0, 0]);
    expect(nodes[0]!.y).toBeCloseTo(-12.01, 10);
    expect(nodes[1]!.y).toBeCloseTo(16.01, 10);
  });

  it('spreads the drawing by 5% from its centre after every 20 rounds that still found an overlap', () => {
    // A pile 20 rounds of pairwise pushes do not clear: after the 20th round every box is 5% further from (0, 0).
    const pile = () => Array.from({ length: 30 }, (_, i) => ({ x: (i % 5) * 0.5, y: Math.floor(i / 5) * 0.5, w: 40, h: 20 }));
    const before = pile();
    const after = pile();
    expect(removeOverlaps(before, 19)).toBe(19);
    expect(removeOverlaps(after, 20)).toBe(20);
    // Round 20 itself pushes too: compare with a copy taken after 19 rounds, pushed once more without the spread.
    const once = before.map((n) => ({ ...n }));
    removeOverlaps(once, 1);
    once.forEach((n, i) => {
      expect(after[i]!.x, String(i)).toBeCloseTo(n.x * 1.05, 9);
      expect(after[i]!.y, String(i)).toBeCloseTo(n.y * 1.05, 9);
    });
  });
});

describe('an empty graph', () => {
  it('has nothing to simulate: progress goes straight to done', () => {
    const progress: number[] = [];
    forceLayout(input(0, []), { onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([1]);
  });
});

describe('progress', () => {
  it('is reported about ten times a level, each level counting in proportion to its ticks × (nodes + links + 1), then done', () => {
    // One level of 30 nodes: 300 ticks, reported every 30.
    const ring = input(30, [...Array.from({ length: 29 }, (_, i) => [i, i + 1] as [number, number]), [0, 29]]);
    const progress: number[] = [];
    forceLayout(ring, { onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((p) => expect.closeTo(p, 12)));
    // 4 ticks: each one reported.
    const few: number[] = [];
    forceLayout(ring, { onProgress: (d) => few.push(d), ticks: 4 });
    expect(few).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // 25 ticks: every 3rd (25 / 10 rounded).
    const some: number[] = [];
    forceLayout(ring, { onProgress: (d) => some.push(d), ticks: 25 });
    expect(some).toEqual([...[0, 3, 6, 9, 12, 15, 18, 21, 24].map((t) => expect.closeTo(t / 25, 12)), 1]);
  });

  it('runs over the coarser levels first, the coarsest with its 300 ticks, then the full graph', () => {
    // A chain of 260: 260 nodes and 259 links, then 129 groups.
    const chain = input(
      260,
      Array.from({ length: 259 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const [full, coarse] = coarsen(fullLevel(chain));
    expect([full!.nodes.length, full!.links.length, coarse!.nodes.length]).toEqual([260, 259, 129]);
    const coarseWork = 300 * (129 + coarse!.links.length + 1);
    const fullWork = 20 * (260 + 259 + 1);
    const total = coarseWork + fullWork;
    const progress: number[] = [];
    forceLayout(chain, { onProgress: (d) => progress.push(d), ticks: 20 });
    const expected = [
      ...Array.from({ length: 10 }, (_, k) => (coarseWork * (k * 30)) / 300 / total),
      ...Array.from({ length: 10 }, (_, k) => (coarseWork + (fullWork * (k * 2)) / 20) / total),
      1,
    ];
    expect(progress).toEqual(expected.map((p) => expect.closeTo(p, 12)));
  });
});

describe('the drawing', () => {
  it('is framed 20 px around the boxes, every coordinate and size rounded to a tenth of a pixel', () => {
    const graph = input(12, [[0, 1], [1, 2], [2, 3], [4, 5], [6, 7], [7, 8], [8, 6], [9, 10]], (i) => ({ width: 30 + 7 * i, height: 16 + (i % 3) * 5 }));
    const p = forceLayout(graph);
    const values = [...Object.values(p.nodes).flatMap((c) => [c.x, c.y]), p.width, p.height];
    for (const v of values) expect(Math.abs(v * 10 - Math.round(v * 10)), String(v)).toBeLessThan(1e-6);
    // Not all whole pixels (which rounding to whole pixels would give).
    expect(values.some((v) => !Number.isInteger(v))).toBe(true);
    const left = Math.min(...graph.nodes.map((n) => p.nodes[n.id]!.x - n.width / 2));
    const top = Math.min(...graph.nodes.map((n) => p.nodes[n.id]!.y - n.height / 2));
    const right = Math.max(...graph.nodes.map((n) => p.nodes[n.id]!.x + n.width / 2));
    const bottom = Math.max(...graph.nodes.map((n) => p.nodes[n.id]!.y + n.height / 2));
    expect(Math.abs(left - 20)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(top - 20)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(p.width - right - 20)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(Math.abs(p.height - bottom - 20)).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
