/**
 * The force layout's parts on small graphs (layout/force-layout.ts), in milliseconds: the coarsening's levels, the
 * overlap removal to the pixel, the drawing's frame and progress. The 2,000- and 10,000-node imports are in
 * force-layout.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { forceLayout, levelSizes, removeOverlaps } from '../../src/layout/force-layout.ts';
import { overlappingNodes } from '../../src/layout/overlap.ts';
import { layoutHash, type LayoutInput } from '../../src/layout/types.ts';

const box = (id: string, width = 40, height = 20) => ({ id, width, height, partition: 0 });
const graph = (n: number, edges: [number, number][], w = 40, h = 20): LayoutInput => ({
  key: 't',
  nodes: Array.from({ length: n }, (_, i) => box(`n${i}`, w, h)),
  edges: edges.map(([s, t], i) => ({ id: `e${i}`, source: `n${s}`, target: `n${t}` })),
});
const chain = (n: number) => graph(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]));

describe('the coarsening', () => {
  it('stops at 200 nodes or fewer: a graph that small is simulated whole', () => {
    expect(levelSizes(chain(200))).toEqual([200]);
    expect(levelSizes(graph(0, []))).toEqual([0]);
  });

  it('pairs each node of a chain with its next free neighbour, its two ends joining their neighbours', () => {
    // 300 nodes: (1,2), (3,4) … (297,298) paired, 0 and 299 (leaves) with them: 149 groups, few enough to stop.
    expect(levelSizes(chain(300))).toEqual([300, 149]);
    // 402 nodes: 200 groups, then 100 (pairs of groups, the ends again joining theirs).
    expect(levelSizes(chain(402))).toEqual([402, 200]);
    expect(levelSizes(chain(404))).toEqual([404, 201, 100]);
  });

  it('merges the leaves of a star into its hub', () => {
    expect(levelSizes(graph(250, Array.from({ length: 249 }, (_, i) => [0, i + 1] as [number, number])))).toEqual([250, 1]);
  });

  it('joins two leaves linked only to each other, and stops where nothing merges', () => {
    const pairs = graph(300, Array.from({ length: 150 }, (_, i) => [2 * i, 2 * i + 1] as [number, number]));
    expect(levelSizes(pairs)).toEqual([300, 150]);
    // No links: nothing to merge, so no coarser level.
    expect(levelSizes(graph(300, []))).toEqual([300]);
    // Half the nodes linked in pairs, half alone: 225 groups of 300 (75%) still shrinks enough; 2 in 3 alone does not.
    expect(levelSizes(graph(300, Array.from({ length: 75 }, (_, i) => [2 * i, 2 * i + 1] as [number, number])))).toEqual([300, 225]);
    expect(levelSizes(graph(300, Array.from({ length: 25 }, (_, i) => [2 * i, 2 * i + 1] as [number, number])))).toEqual([300]);
  });

  it('counts a link once however often and whichever way it is given, and ignores self-links and unknown ends', () => {
    const twice = graph(300, [
      ...Array.from({ length: 299 }, (_, i) => [i, i + 1] as [number, number]),
      ...Array.from({ length: 299 }, (_, i) => [i + 1, i] as [number, number]),
      [5, 5],
    ]);
    expect(levelSizes(twice)).toEqual([300, 149]);
    const unknown: LayoutInput = { ...chain(300), edges: [...chain(300).edges, { id: 'x', source: 'n1', target: 'nowhere' }, { id: 'y', source: 'nowhere', target: 'n1' }] };
    expect(levelSizes(unknown)).toEqual([300, 149]);
  });
});

describe('removing overlaps', () => {
  it('returns at once when no two boxes, with 8 px between them, overlap', () => {
    const nodes = [
      { x: 0, y: 0, w: 40, h: 20 },
      { x: 48, y: 0, w: 40, h: 20 },
      { x: 0, y: 28, w: 40, h: 20 },
    ];
    expect(removeOverlaps(nodes)).toBe(0);
    expect(nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [48, 0],
      [0, 28],
    ]);
  });

  it('pushes two overlapping boxes apart, each by half, along the axis where they overlap less', () => {
    // Overlap of 30 across (40 + 8 − 18) and 28 down (20 + 8 − 0), relative to their sizes: 30/80 < 28/40, across.
    const across = [
      { x: 0, y: 0, w: 40, h: 20 },
      { x: 18, y: 0, w: 40, h: 20 },
    ];
    expect(removeOverlaps(across)).toBe(1);
    expect(across[0]!.x).toBeCloseTo(-15.01, 10);
    expect(across[1]!.x).toBeCloseTo(33.01, 10);
    expect(across.map((n) => n.y)).toEqual([0, 0]);
    // Overlap of 46 across (small) and 4 down: down. The box on the right is pushed the other way.
    const down = [
      { x: 2, y: 24, w: 40, h: 20 },
      { x: 0, y: 0, w: 40, h: 20 },
    ];
    expect(removeOverlaps(down)).toBe(1);
    expect(down[0]!.y).toBeCloseTo(26.01, 10);
    expect(down[1]!.y).toBeCloseTo(-2.01, 10);
    expect(down.map((n) => n.x)).toEqual([2, 0]);
  });

  it('parts boxes on the same spot in a fixed direction, the first up or left', () => {
    const wide = [
      { x: 0, y: 0, w: 40, h: 20 },
      { x: 0, y: 0, w: 40, h: 20 },
    ];
    removeOverlaps(wide);
    // Across 48/80 against down 28/40: across is cheaper.
    expect(wide[0]!.x).toBeLessThan(wide[1]!.x);
    expect(wide[1]!.x - wide[0]!.x).toBeGreaterThanOrEqual(48);
    const tall = [
      { x: 5, y: 0, w: 20, h: 40 },
      { x: 5, y: 0, w: 20, h: 40 },
    ];
    removeOverlaps(tall);
    expect(tall[0]!.y).toBeLessThan(tall[1]!.y);
    expect(tall[1]!.y - tall[0]!.y).toBeGreaterThanOrEqual(48);
  });

  it('finds the overlapping pairs in every neighbouring cell of its grid, also when the nodes are far apart', () => {
    // Boxes in a row, each overlapping the next; and the same with one box flung far away (the hashed grid).
    for (const far of [false, true]) {
      const nodes = Array.from({ length: 12 }, (_, i) => ({ x: i * 30, y: (i % 3) * 5, w: 40, h: 20 }));
      if (far) nodes.push({ x: 1e7, y: -1e7, w: 40, h: 20 });
      const rounds = removeOverlaps(nodes);
      expect(rounds, String(far)).toBeGreaterThan(0);
      expect(rounds, String(far)).toBeLessThan(400);
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i]!;
          const b = nodes[j]!;
          const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 + 8 - 1e-9 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2 + 8 - 1e-9;
          expect(apart, `${far} ${i}/${j}`).toBe(true);
        }
    }
  });

  it('clears a pile-up too, and gives up after the rounds it is allowed', () => {
    const pile = () => Array.from({ length: 30 }, (_, i) => ({ x: (i % 5) * 0.5, y: Math.floor(i / 5) * 0.5, w: 40, h: 20 }));
    const nodes = pile();
    const rounds = removeOverlaps(nodes);
    expect(rounds).toBeGreaterThan(20);
    expect(rounds).toBeLessThan(400);
    expect(removeOverlaps(nodes)).toBe(0);
    expect(removeOverlaps(pile(), 3)).toBe(3);
  });
});

describe('the force layout of a small graph', () => {
  it('draws nothing as an empty frame', () => {
    const p = forceLayout(graph(0, []));
    expect(p).toEqual({ hash: layoutHash(graph(0, [])), nodes: {}, edges: {}, width: 40, height: 40 });
  });

  it('puts a lone node 20 px from the top-left corner, in a frame 20 px around it', () => {
    const p = forceLayout(graph(1, [], 50, 30));
    expect(p.nodes).toEqual({ n0: { x: 45, y: 35 } });
    expect([p.width, p.height]).toEqual([90, 70]);
  });

  it('places every node in the frame, none overlapping, every edge straight, in steps reported up to done', () => {
    const input = graph(30, [...Array.from({ length: 29 }, (_, i) => [i, i + 1] as [number, number]), [0, 29], [3, 3]]);
    const progress: number[] = [];
    const p = forceLayout(input, { onProgress: (d) => progress.push(d) });
    expect(p.hash).toBe(layoutHash(input));
    expect(Object.keys(p.nodes)).toEqual(input.nodes.map((n) => n.id));
    expect(p.edges).toEqual(Object.fromEntries(input.edges.map((e) => [e.id, []])));
    expect(overlappingNodes(input, p)).toEqual([]);
    const xs = input.nodes.map((n) => p.nodes[n.id]!.x);
    const ys = input.nodes.map((n) => p.nodes[n.id]!.y);
    // The frame is 20 px around the boxes, on every side.
    expect(Math.min(...xs) - 20).toBeCloseTo(20, 0);
    expect(Math.min(...ys) - 10).toBeCloseTo(20, 0);
    expect(p.width - (Math.max(...xs) + 20)).toBeCloseTo(20, 0);
    expect(p.height - (Math.max(...ys) + 10)).toBeCloseTo(20, 0);
    // Progress: about ten steps, rising, ending at 1.
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.at(-2)).toBeLessThan(1);
  });

  it('draws a ring with linked nodes near each other and opposite nodes, on average, far apart', () => {
    const input = graph(24, [...Array.from({ length: 23 }, (_, i) => [i, i + 1] as [number, number]), [23, 0]]);
    const p = forceLayout(input);
    const d = (a: number, b: number) => Math.hypot(p.nodes[`n${a}`]!.x - p.nodes[`n${b}`]!.x, p.nodes[`n${a}`]!.y - p.nodes[`n${b}`]!.y);
    const linked = Array.from({ length: 24 }, (_, i) => d(i, (i + 1) % 24));
    const opposite = Array.from({ length: 12 }, (_, i) => d(i, i + 12));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(linked) * 1.5).toBeLessThan(mean(opposite));
    // About a link's length apart: the boxes' half sizes plus 40 px.
    expect(mean(linked)).toBeGreaterThan(40);
    expect(mean(linked)).toBeLessThan(130);
  });

  it('keeps separate components together, and is the same drawing every time', () => {
    const input = graph(40, Array.from({ length: 20 }, (_, i) => [2 * i, 2 * i + 1] as [number, number]));
    const p = forceLayout(input);
    // 40 boxes of 40×20 px: a drawing no bigger than a few times their area.
    expect(p.width * p.height).toBeLessThan(40 * 48 * 28 * 12);
    expect(forceLayout(input)).toEqual(p);
    // Pairs stay together.
    for (let i = 0; i < 20; i++) {
      const a = p.nodes[`n${2 * i}`]!;
      const b = p.nodes[`n${2 * i + 1}`]!;
      expect(Math.hypot(a.x - b.x, a.y - b.y), String(i)).toBeLessThan(130);
    }
  });

  it('lays a bigger graph out on its coarser levels first, with progress over all of them', () => {
    const input = chain(260);
    expect(levelSizes(input)).toEqual([260, 129]);
    const progress: number[] = [];
    const p = forceLayout(input, { onProgress: (d) => progress.push(d), ticks: 20 });
    expect(overlappingNodes(input, p)).toEqual([]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    // The chain is not folded on itself: its two halves' centres lie apart.
    const mid = (from: number) => {
      const ids = Array.from({ length: 130 }, (_, i) => p.nodes[`n${from + i}`]!);
      return { x: ids.reduce((s, q) => s + q.x, 0) / 130, y: ids.reduce((s, q) => s + q.y, 0) / 130 };
    };
    const a = mid(0);
    const b = mid(130);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(100);
  });
});
