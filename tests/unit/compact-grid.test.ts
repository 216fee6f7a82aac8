/**
 * The compact grid (layout/compact.ts) on hand-made inputs, to the tenth of a pixel: shelf packing, gaps, columns
 * and bands, the search for the drawing's shape, the first ordering by weight and the barycentre sweeps.
 */
import { describe, expect, it } from 'vitest';
import { compactLayout, type CompactNode } from '../../src/layout/compact.ts';

const n = (id: string, column: number, band: number, width = 10, height = 10, weight?: number): CompactNode => ({ id, column, band, width, height, ...(weight === undefined ? {} : { weight }) });
const abc = [n('a', 0, 0), n('b', 0, 0), n('c', 0, 0)];

describe('the compact grid', () => {
  it('packs a cell in one row for a wide box, with the gap between nodes, the row centred in the width found', () => {
    const l = compactLayout(abc, [], { aspect: 100, sweeps: 0 });
    // Three 10 px nodes and two 12 px gaps: 54 px, in a column the search made 55.5 px wide (to 4 px).
    expect(l.nodes).toEqual({ a: { x: 5.8, y: 5 }, b: { x: 27.8, y: 5 }, c: { x: 49.8, y: 5 } });
    expect(l.width).toBe(55.5);
    expect(l.height).toBe(10);
    expect(l.hash).toBe('compact');
  });

  it('stacks a cell in one column for a tall box, with the gap between rows', () => {
    const l = compactLayout(abc, [], { aspect: 0.01, sweeps: 0 });
    expect(l.nodes).toEqual({ a: { x: 5, y: 5 }, b: { x: 5, y: 25 }, c: { x: 5, y: 45 } });
    expect([l.width, l.height]).toEqual([10, 50]);
  });

  it('takes the gaps asked for', () => {
    const l = compactLayout(abc, [], { aspect: 0.01, sweeps: 0, gapY: 2 });
    expect(l.nodes).toEqual({ a: { x: 5, y: 5 }, b: { x: 5, y: 17 }, c: { x: 5, y: 29 } });
    const wide = compactLayout(abc, [], { aspect: 100, sweeps: 0, gapX: 0 });
    expect(wide.nodes.b!.x - wide.nodes.a!.x).toBe(10);
    expect(wide.nodes.c!.x - wide.nodes.b!.x).toBe(10);
  });

  it('places columns left to right and bands top to bottom, empty ones taking no room, short columns centred', () => {
    const l = compactLayout([n('a', 0, 0), n('b', 3, 0), n('c', 3, 2, 30, 20)], [], { aspect: 1, sweeps: 0 });
    // Column 3 starts 60 px after column 0 (10 px wide); it is as wide as its widest node, 30 px.
    expect(l.nodes).toEqual({ a: { x: 5, y: 26 }, b: { x: 85, y: 5 }, c: { x: 85, y: 42 } });
    expect([l.width, l.height]).toEqual([100, 52]);
    expect([...l.columns]).toEqual([
      [0, { x1: 0, x2: 10 }],
      [3, { x1: 70, x2: 100 }],
    ]);
    const gaps = compactLayout([n('a', 0, 0), n('b', 3, 0), n('c', 3, 2, 30, 20)], [], { aspect: 1, sweeps: 0, columnGap: 10, bandGap: 4 });
    expect(gaps.nodes).toEqual({ a: { x: 5, y: 17 }, b: { x: 35, y: 5 }, c: { x: 35, y: 24 } });
  });

  it('starts the drawing at its origin, and draws every edge straight', () => {
    const l = compactLayout(abc, [{ id: 'ab', source: 'a', target: 'b' }, { id: 'bc', source: 'b', target: 'c' }], { aspect: 0.01, sweeps: 0, origin: { x: 100, y: -50 } });
    expect(l.nodes).toEqual({ a: { x: 105, y: -45 }, b: { x: 105, y: -25 }, c: { x: 105, y: -5 } });
    expect(l.edges).toEqual({ ab: [], bc: [] });
    expect([...l.columns]).toEqual([[0, { x1: 100, x2: 110 }]]);
  });

  it('orders a cell heaviest first, then by id', () => {
    const l = compactLayout([n('a', 0, 0, 10, 10, 1), n('b', 0, 0, 10, 10, 3), n('c', 0, 0, 10, 10), n('d', 0, 0, 10, 10, 1)], [], { aspect: 0.01, sweeps: 0 });
    const byY = Object.entries(l.nodes).sort(([, p], [, q]) => p.y - q.y).map(([id]) => id);
    expect(byY).toEqual(['b', 'a', 'd', 'c']);
  });

  it('fills rows up to the width and starts a new one when the next node would not fit', () => {
    // Nodes of 30, 30, 50 px in a column no wider than its widest (50 px, a tall box): the two 30s do not fit
    // together (30 + 12 + 30 = 72), so each gets its row.
    const l = compactLayout([n('a', 0, 0, 30, 10, 3), n('b', 0, 0, 30, 10, 2), n('c', 0, 0, 50, 10, 1)], [], { aspect: 0.01, sweeps: 0 });
    expect(l.nodes).toEqual({ a: { x: 25, y: 5 }, b: { x: 25, y: 25 }, c: { x: 25, y: 45 } });
    // Rows as tall as their tallest node.
    const tall = compactLayout([n('a', 0, 0, 10, 40, 2), n('b', 0, 0, 10, 10, 1), n('c', 0, 0, 30, 10)], [], { aspect: 0.01, sweeps: 0, gapX: 0 });
    expect(tall.nodes).toEqual({ a: { x: 10, y: 20 }, b: { x: 20, y: 20 }, c: { x: 15, y: 55 } });
    expect(tall.height).toBe(60);
  });

  it('finds the shape closest to the asked aspect', () => {
    const many = Array.from({ length: 36 }, (_, i) => n(`n${String(i).padStart(2, '0')}`, 0, 0, 20, 20));
    for (const aspect of [0.5, 1, 2, 4]) {
      const l = compactLayout(many, [], { aspect, sweeps: 0 });
      expect(l.width / l.height, String(aspect)).toBeGreaterThan(aspect / 1.6);
      expect(l.width / l.height, String(aspect)).toBeLessThan(aspect * 1.6);
    }
  });

  it('orders each cell by where its neighbours stand: the barycentre sweeps', () => {
    // Column 0: a, b, c, each a cell of its own (bands 0, 1, 2), so they stay; column 1: x, y, z in one cell, each
    // linked to one of a, b, c in reverse order of their first ordering.
    const nodes = [n('a', 0, 0), n('b', 0, 1), n('c', 0, 2), n('x', 1, 0, 10, 10, 3), n('y', 1, 0, 10, 10, 2), n('z', 1, 0, 10, 10, 1)];
    const edges = [
      { id: 'az', source: 'a', target: 'z' },
      { id: 'by', source: 'b', target: 'y' },
      { id: 'xc', source: 'x', target: 'c' },
    ];
    const order = (l: ReturnType<typeof compactLayout>, ids: string[]) => [...ids].sort((p, q) => l.nodes[p]!.y - l.nodes[q]!.y);
    const unordered = compactLayout(nodes, edges, { aspect: 0.01, sweeps: 0 });
    expect(order(unordered, ['x', 'y', 'z'])).toEqual(['x', 'y', 'z']);
    const swept = compactLayout(nodes, edges, { aspect: 0.01 });
    // Each of x, y, z in its neighbour's order: no crossing left (links count both ways).
    expect(order(swept, ['x', 'y', 'z'])).toEqual(['z', 'y', 'x']);
    expect(compactLayout(nodes, edges, { aspect: 0.01, sweeps: 1 }).nodes).toEqual(swept.nodes);
    // Self-links and links to nodes not in the drawing do not move anything.
    const loops = compactLayout(nodes, [...edges, { id: 'zz', source: 'z', target: 'z' }, { id: 'x?', source: 'x', target: 'missing' }], { aspect: 0.01 });
    expect(loops.nodes).toEqual(swept.nodes);
    // Nodes with no links keep their order among themselves, by id where their neighbours tie.
    const lone = compactLayout([n('a', 0, 0), n('q', 1, 0, 10, 10), n('p', 1, 0, 10, 10)], [], { aspect: 0.01 });
    expect(order(lone, ['p', 'q'])).toEqual(['p', 'q']);
  });

  it('orders a row left to right by the neighbours’ mean x', () => {
    // p and q side by side in the middle column's one row; l alone in the left column, r alone in the right one;
    // q is linked to l, p to r: swept, q goes left of p.
    const nodes = [n('l', 0, 0), n('p', 1, 0, 10, 10, 2), n('q', 1, 0, 10, 10, 1), n('r', 2, 0)];
    const unordered = compactLayout(nodes, [], { aspect: 100, sweeps: 0 });
    expect(unordered.nodes.p!.x).toBeLessThan(unordered.nodes.q!.x);
    expect(unordered.nodes.p!.y).toBe(unordered.nodes.q!.y);
    const swept = compactLayout(nodes, [{ id: 'ql', source: 'q', target: 'l' }, { id: 'pr', source: 'p', target: 'r' }], { aspect: 100 });
    expect(swept.nodes.q!.x).toBeLessThan(swept.nodes.p!.x);
    expect(swept.nodes.q!.y).toBe(swept.nodes.p!.y);
  });

  it('lists every edge with an empty route, unless the caller makes its own (routes: false); the nodes go to the same places', () => {
    const edges = [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'bc', source: 'b', target: 'c' },
    ];
    const listed = compactLayout(abc, edges, { aspect: 1 });
    expect(listed.edges).toEqual({ ab: [], bc: [] });
    const bare = compactLayout(abc, edges, { aspect: 1, routes: false });
    expect(bare.edges).toEqual({});
    expect(bare.nodes).toEqual(listed.nodes);
    expect(compactLayout(abc, edges, { aspect: 1, routes: true }).edges).toEqual({ ab: [], bc: [] });
  });

  it('breaks ties between equal nodes by id in the order localeCompare gives (not by code units)', () => {
    const ids = ['b', 'B', 'ac', 'a-d', 'A'];
    const l = compactLayout(ids.map((id) => n(id, 0, 0)), [], { aspect: 0.01 });
    const byY = [...ids].sort((p, q) => l.nodes[p]!.y - l.nodes[q]!.y);
    expect(byY).toEqual([...ids].sort((p, q) => p.localeCompare(q)));
    // Code-unit order would differ: capitals first.
    expect(byY).not.toEqual([...ids].sort());
  });
});

describe('the compact grid’s order of groups and means', () => {
  it('places columns and bands in their numbers’ order, whatever order the nodes come in', () => {
    const l = compactLayout([n('c', 2, 1), n('a', 0, 0), n('b', 1, 2), n('d', 0, 2), n('e', 0, 1)], [], { aspect: 1, sweeps: 0 });
    expect(l.nodes.a!.x).toBeLessThan(l.nodes.b!.x);
    expect(l.nodes.b!.x).toBeLessThan(l.nodes.c!.x);
    expect(l.nodes.a!.y).toBeLessThan(l.nodes.e!.y);
    expect(l.nodes.e!.y).toBeLessThan(l.nodes.d!.y);
  });

  it('orders a cell by the mean height of each node’s neighbours, not their sum', () => {
    // x is linked to a and b (mean height 21), y to c (53): x stays above y.
    const nodes = [n('a', 0, 0), n('b', 0, 1), n('c', 0, 2), n('x', 1, 0), n('y', 1, 0)];
    const edges = [
      { id: 'xa', source: 'x', target: 'a' },
      { id: 'xb', source: 'x', target: 'b' },
      { id: 'yc', source: 'y', target: 'c' },
    ];
    const l = compactLayout(nodes, edges, { aspect: 0.01 });
    expect(l.nodes.x!.y).toBeLessThan(l.nodes.y!.y);
    const flipped = compactLayout(nodes, [...edges.slice(0, 2).map((e) => ({ ...e, source: 'y' })), { id: 'xc', source: 'x', target: 'c' }], { aspect: 0.01 });
    expect(flipped.nodes.y!.y).toBeLessThan(flipped.nodes.x!.y);
  });
});

describe('the compact grid’s edge cases', () => {
  it('fits a row that exactly fills the width (the size search counts it as one row, as packing does)', () => {
    // A 30 px node over an 8 and a 10 px one: 8 + 12 + 10 = 30, so the column needs be no wider than 30 px for two rows.
    const l = compactLayout([n('a', 0, 0, 30, 10, 3), n('b', 0, 0, 8, 10, 2), n('c', 0, 0, 10, 10, 1)], [], { aspect: 0.01, sweeps: 0 });
    expect(l.nodes).toEqual({ a: { x: 15, y: 5 }, b: { x: 4, y: 25 }, c: { x: 25, y: 25 } });
    expect([l.width, l.height]).toEqual([30, 30]);
  });

  it('ignores a self-link in a single sweep too (it would pull a node towards where it already is)', () => {
    const nodes = [n('a', 0, 0), n('b', 0, 1), n('c', 0, 2), n('x', 1, 0, 10, 10, 3), n('y', 1, 0, 10, 10, 2), n('z', 1, 0, 10, 10, 1)];
    const edges = [
      { id: 'az', source: 'a', target: 'z' },
      { id: 'by', source: 'b', target: 'y' },
      { id: 'xc', source: 'x', target: 'c' },
    ];
    const once = compactLayout(nodes, edges, { aspect: 0.01, sweeps: 1 });
    // One sweep is enough here: z (linked to a, at the top) goes first.
    expect(['x', 'y', 'z'].sort((p, q) => once.nodes[p]!.y - once.nodes[q]!.y)).toEqual(['z', 'y', 'x']);
    expect(compactLayout(nodes, [...edges, { id: 'zz', source: 'z', target: 'z' }], { aspect: 0.01, sweeps: 1 }).nodes).toEqual(once.nodes);
  });

  it('orders a row by the mean x of each node’s neighbours, not their sum', () => {
    // p is linked to the three 40 px nodes of the left column's one row, q to m below it in its own column: by the
    // mean of its neighbours' x p goes left of q; by their sum times their number it would go right.
    const nodes = [n('l1', 0, 0, 40), n('l2', 0, 0, 40), n('l3', 0, 0, 40), n('p', 1, 0, 10, 10, 1), n('q', 1, 0, 10, 10, 2), n('m', 1, 1)];
    const edges = [
      { id: 'pl1', source: 'p', target: 'l1' },
      { id: 'pl2', source: 'p', target: 'l2' },
      { id: 'pl3', source: 'p', target: 'l3' },
      { id: 'qm', source: 'q', target: 'm' },
    ];
    const l = compactLayout(nodes, edges, { aspect: 100 });
    const xs = ['l1', 'l2', 'l3'].map((id) => l.nodes[id]!.x);
    expect(l.nodes.p!.y).toBe(l.nodes.q!.y);
    expect((xs[0]! + xs[1]! + xs[2]!) / 3).toBeLessThan(l.nodes.m!.x);
    expect((xs[0]! + xs[1]! + xs[2]!) * 3).toBeGreaterThan(l.nodes.m!.x);
    expect(l.nodes.p!.x).toBeLessThan(l.nodes.q!.x);
  });
});

describe('the compact grid’s search for column widths', () => {
  it('stops when its bounds are 4 px apart, at the wider (which fits)', () => {
    // One row of 4 + 6 + 16 = 26 px: the search goes from 16 (the widest node) and 32 (every node and its gap) to
    // 24 (two rows) and 28 (one row), then stops: the row is centred in 28 px.
    const l = compactLayout([n('a', 0, 0, 4), n('b', 0, 0, 16)], [], { aspect: 100, sweeps: 0, gapX: 6 });
    expect(l.nodes).toEqual({ a: { x: 3, y: 5 }, b: { x: 19, y: 5 } });
    expect(l.width).toBe(28);
  });

  it('searches each column’s width between bounds of its own nodes (not the whole drawing’s)', () => {
    const l = compactLayout([n('a', 0, 0, 16), n('b', 1, 0, 12), n('c', 0, 0, 4), n('d', 1, 0, 4), n('e', 1, 0, 4)], [], { aspect: 100, sweeps: 0, gapX: 2 });
    // Column 0 (a, c: 22 px in a row) is searched from 16 to 24 px: 24 px wide, the row centred.
    expect([l.nodes.a, l.nodes.c]).toEqual([
      { x: 9, y: 5 },
      { x: 21, y: 5 },
    ]);
    expect(l.nodes).toEqual({ a: { x: 9, y: 5 }, c: { x: 21, y: 5 }, b: { x: 91, y: 5 }, d: { x: 101, y: 5 }, e: { x: 107, y: 5 } });
  });
});

/**
 * The size search at its edges, on a column of three 100 px wide nodes with no gaps, in id order: A 100 px tall and
 * two short ones. Its shapes, by the width the search finds for a target height: all in one row (300 wide), A and B in
 * a row with C below (200 wide), one node a row (100 wide, the tallest). The target heights tried are the lowest (A's
 * height) plus 1/60 to 60/60 of the way to the tallest.
 */
describe('the compact grid’s size search, at its edges', () => {
  const column = (b: number, c: number) => [n('A', 0, 0, 100, 100), n('B', 0, 0, 100, b), n('C', 0, 0, 100, c)];
  const gapless = { sweeps: 0, gapX: 0, gapY: 0 };

  it('finds a shape whose height only one target height reaches, exactly: the width for it is the narrowest at most that tall', () => {
    // B 1 px, C 59 px: one row is 100 tall, A+B over C 159, one a row 160. Heights are tried at 101, 102… 160, so only
    // 159 itself asks for the 200 px shape, and at aspect 1.5 it is the best (scores 200, 159, 160).
    const l = compactLayout(column(1, 59), [], { ...gapless, aspect: 1.5 });
    expect([l.width, l.height]).toEqual([200, 159]);
    // (Each node centred in its row's height, each row centred in the width.)
    expect(l.nodes).toEqual({ A: { x: 50, y: 50 }, B: { x: 150, y: 50 }, C: { x: 100, y: 129.5 } });
  });

  it('keeps the first of two shapes whose scores tie: the lower one, found first', () => {
    // B 1 px, C 50 px: 300×100 (score 300/2 = 150) and 200×150 (score 150) tie at aspect 2; 100×151 scores 151.
    const l = compactLayout(column(1, 50), [], { ...gapless, aspect: 2 });
    expect([l.width, l.height]).toEqual([300, 100]);
    expect(l.nodes).toEqual({ A: { x: 50, y: 50 }, B: { x: 150, y: 50 }, C: { x: 250, y: 50 } });
  });
});
