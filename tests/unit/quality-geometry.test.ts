/**
 * The geometry behind the layout checks (layout/quality.ts): which polyline each edge is drawn as, when two
 * segments cross, and when an edge runs through a box. The layout build and the layout tests compare our drawings
 * with dagre's by these counts, so a wrong count would let a worse drawing through or reject a good one.
 */
import { describe, expect, it } from 'vitest';
import { countCrossings, edgesThroughNodes, routesOf, segmentsCross, type Route } from '../../src/layout/quality.ts';
import type { LayoutInput, Point, Positions } from '../../src/layout/types.ts';

const p = (x: number, y: number): Point => ({ x, y });
const route = (id: string, ...points: Point[]): Route => ({ id, source: `${id}-s`, target: `${id}-t`, points });

describe('the polyline of an edge', () => {
  const input: LayoutInput = {
    key: 't',
    nodes: [
      { id: 'a', width: 10, height: 10, partition: 0 },
      { id: 'b', width: 10, height: 10, partition: 1 },
    ],
    edges: [
      { id: 'none', source: 'a', target: 'b' },
      { id: 'empty', source: 'a', target: 'b' },
      { id: 'one', source: 'a', target: 'b' },
      { id: 'two', source: 'a', target: 'b' },
      { id: 'three', source: 'b', target: 'a' },
    ],
  };
  const positions: Positions = {
    hash: '',
    nodes: { a: p(0, 0), b: p(100, 50) },
    edges: { empty: [], one: [p(50, 0)], two: [p(5, 0), p(95, 50)], three: [p(95, 50), p(50, 25), p(5, 0)] },
    width: 110,
    height: 60,
  };

  it('is the layout’s route when it has two points or more, else from centre to centre through what it has', () => {
    const routes = new Map(routesOf(input, positions).map((r) => [r.id, r]));
    expect(routes.get('none')).toEqual({ id: 'none', source: 'a', target: 'b', points: [p(0, 0), p(100, 50)] });
    expect(routes.get('empty')!.points).toEqual([p(0, 0), p(100, 50)]);
    expect(routes.get('one')!.points).toEqual([p(0, 0), p(50, 0), p(100, 50)]);
    expect(routes.get('two')!.points).toEqual([p(5, 0), p(95, 50)]);
    expect(routes.get('three')).toEqual({ id: 'three', source: 'b', target: 'a', points: [p(95, 50), p(50, 25), p(5, 0)] });
  });
});

describe('two segments crossing', () => {
  // An X whose arms cross at (5, 5): every way of naming its four ends is the same crossing.
  const a = p(0, 0);
  const b = p(10, 10);
  const c = p(0, 10);
  const d = p(10, 0);
  it('is found whichever end each segment is named from, and whichever segment comes first', () => {
    for (const [s1, s2, t1, t2] of [
      [a, b, c, d],
      [b, a, c, d],
      [a, b, d, c],
      [b, a, d, c],
      [c, d, a, b],
      [d, c, b, a],
    ])
      expect(segmentsCross(s1!, s2!, t1!, t2!)).toBe(true);
  });

  it('is not found for segments apart, side by side, or where one ends on the other (a T)', () => {
    expect(segmentsCross(p(0, 0), p(10, 0), p(0, 5), p(10, 5))).toBe(false);
    expect(segmentsCross(p(0, 0), p(4, 4), p(6, 4), p(10, 0))).toBe(false);
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 0), p(5, 10))).toBe(false);
    expect(segmentsCross(p(5, 0), p(5, 10), p(0, 0), p(10, 0))).toBe(false);
    expect(segmentsCross(p(5, 10), p(5, 0), p(10, 0), p(0, 0))).toBe(false);
    // One segment stops short of the other's line.
    expect(segmentsCross(p(0, 0), p(10, 0), p(5, 1), p(5, 10))).toBe(false);
    expect(segmentsCross(p(5, 1), p(5, 10), p(0, 0), p(10, 0))).toBe(false);
  });

  it('forgives an end a hair off the other segment, in proportion to the segments’ lengths', () => {
    // 1000 px segments whose end lies 0.0001 px past the other: a T drawn with rounding, not a crossing.
    expect(segmentsCross(p(0, 0), p(1000, 0), p(500, -0.0001), p(500, 1000))).toBe(false);
    // The same end 2 px past it is a real crossing.
    expect(segmentsCross(p(0, 0), p(1000, 0), p(500, -2), p(500, 1000))).toBe(true);
    // Short segments (under 1 px² together) are held to the fixed tolerance, not a smaller one.
    expect(segmentsCross(p(0, 0), p(0.5, 0), p(0.25, -0.000001), p(0.25, 0.5))).toBe(false);
    expect(segmentsCross(p(0, 0), p(0.5, 0), p(0.25, -0.1), p(0.25, 0.5))).toBe(true);
  });
});

describe('two segments crossing, at the tolerance', () => {
  // The eight ways of naming one pair: either end first in each segment, either segment first.
  const namings = (a: Point, b: Point, c: Point, d: Point) =>
    [
      [a, b, c, d],
      [b, a, c, d],
      [a, b, d, c],
      [b, a, d, c],
      [c, d, a, b],
      [d, c, a, b],
      [c, d, b, a],
      [d, c, b, a],
    ].map(([w, x, y, z]) => segmentsCross(w!, x!, y!, z!));
  const all = (value: boolean) => Array<boolean>(8).fill(value);
  const bar = [p(0, 0), p(1000, 0)] as const;

  it('takes a T whose stem ends a hair past the bar, from above or below, as no crossing however it is named; 2 px past, as one', () => {
    expect(namings(...bar, p(500, 1000), p(500, -0.0001))).toEqual(all(false));
    expect(namings(...bar, p(500, -1000), p(500, 0.0001))).toEqual(all(false));
    expect(namings(...bar, p(500, 1000), p(500, -2))).toEqual(all(true));
    expect(namings(...bar, p(500, -1000), p(500, 2))).toEqual(all(true));
  });

  it('finds no crossing where one segment lies wholly on one side of the other’s line, though that line crosses the other', () => {
    // The stem crosses the bar's line (y = 0) beyond the bar's ends, on either side.
    expect(namings(...bar, p(1200, -50), p(1200, 50))).toEqual(all(false));
    expect(namings(...bar, p(-200, 50), p(-200, -50))).toEqual(all(false));
  });

  it('takes an end exactly at the tolerance from the other’s line as no crossing, and one just past it as one', () => {
    // Short segments (lengths' product under 1 px²): the tolerance is 1e-6 px² of cross product, here an end 2e-6 px
    // from a 0.5 px bar (0.5 × 2e-6 is exactly 1e-6 in floating point).
    const short = [p(0, 0), p(0.5, 0)] as const;
    expect(namings(...short, p(0.25, 0.5), p(0.25, -2e-6))).toEqual(all(false));
    expect(namings(...short, p(0.25, -0.5), p(0.25, 2e-6))).toEqual(all(false));
    expect(namings(...short, p(0.25, 0.5), p(0.25, -4e-6))).toEqual(all(true));
    expect(namings(...short, p(0.25, -0.5), p(0.25, 4e-6))).toEqual(all(true));
  });

  it('holds the tolerance in proportion to the segments’ lengths, wherever they lie', () => {
    // The T of 1000 px segments, 100,000 px from the origin: 0.01 px past the bar is a crossing (the tolerance for
    // these lengths is 0.001 px), 0.0001 px is not.
    const o = 100_000;
    expect(segmentsCross(p(o, o), p(o + 1000, o), p(o + 500, o - 0.01), p(o + 500, o + 1000))).toBe(true);
    expect(segmentsCross(p(o + 500, o - 0.01), p(o + 500, o + 1000), p(o, o), p(o + 1000, o))).toBe(true);
    expect(segmentsCross(p(o, o), p(o + 1000, o), p(o + 500, o - 0.0001), p(o + 500, o + 1000))).toBe(false);
  });
});

describe('counting crossings', () => {
  it('counts each crossing point of two different edges once, over every segment of each', () => {
    // A zigzag crossed by a horizontal line three times.
    const zig = route('zig', p(0, 0), p(10, 10), p(20, 0), p(30, 10));
    const line = route('line', p(-5, 5), p(35, 5));
    expect(countCrossings([zig, line])).toBe(3);
    expect(countCrossings([line, zig])).toBe(3);
    // A third edge crossing both the line and the zigzag's first segment.
    const down = route('down', p(2, -5), p(2, 20));
    expect(countCrossings([zig, line, down])).toBe(5);
    expect(countCrossings([down, zig, line])).toBe(5);
  });

  it('does not count an edge crossing itself, nor edges that only share an end', () => {
    const loop = route('loop', p(0, 0), p(10, 10), p(10, 0), p(0, 10));
    expect(countCrossings([loop])).toBe(0);
    expect(countCrossings([route('x', p(0, 0), p(10, 10)), route('y', p(10, 10), p(20, 0))])).toBe(0);
    expect(countCrossings([])).toBe(0);
  });

  it('finds crossings whatever the direction of each segment', () => {
    const up = route('up', p(0, 10), p(10, 0));
    const down = route('down', p(10, 10), p(0, 0));
    const left = route('left', p(10, 5), p(0, 5));
    expect(countCrossings([up, down])).toBe(1);
    expect(countCrossings([up, left])).toBe(1);
    expect(countCrossings([down, left])).toBe(1);
    expect(countCrossings([up, down, left])).toBe(3);
  });
});

describe('edges through a node', () => {
  // A 20×20 box at (50, 50); edges from s to t around it.
  const input = (edges: { id: string; source: string; target: string }[]): LayoutInput => ({
    key: 't',
    nodes: [
      { id: 's', width: 10, height: 10, partition: 0 },
      { id: 'm', width: 20, height: 20, partition: 1 },
      { id: 't', width: 10, height: 10, partition: 2 },
    ],
    edges,
  });
  const at = (edges: Record<string, Point[]>): Positions => ({ hash: '', nodes: { s: p(0, 50), m: p(50, 50), t: p(100, 50) }, edges, width: 110, height: 70 });
  const e = { id: 'e', source: 's', target: 't' };

  it('finds an edge straight through a box, in either direction, and along a route through it', () => {
    expect(edgesThroughNodes(input([e]), at({}))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([{ id: 'r', source: 't', target: 's' }]), at({}))).toEqual([['r', 'm']]);
    // Vertical and diagonal segments through the box.
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(50, 0), p(50, 100), p(95, 50)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(30, 30), p(70, 70), p(95, 50)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(30, 70), p(70, 30), p(95, 50)] }))).toEqual([['e', 'm']]);
  });

  it('does not count an edge’s own ends, nor an edge around the box', () => {
    const around = { e: [p(5, 50), p(5, 0), p(95, 0), p(95, 50)] };
    expect(edgesThroughNodes(input([e]), at(around))).toEqual([]);
    // A segment that passes beside the box's corner without entering it.
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(30, 20), p(95, 50)] }))).toEqual([]);
    // An edge from s to m ends inside m: that is its end, not a crossing.
    expect(edgesThroughNodes(input([{ id: 'sm', source: 's', target: 'm' }]), at({}))).toEqual([]);
    expect(edgesThroughNodes(input([{ id: 'ms', source: 'm', target: 's' }]), at({}))).toEqual([]);
  });

  it('does not count an edge that stops at the border or runs along it, within the inset', () => {
    // Stops 0.5 px inside the box's left border (x = 40): grazing, under the 1 px inset.
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(40.5, 50)] }))).toEqual([]);
    // 3 px inside: counted.
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 50), p(43, 50)] }))).toEqual([['e', 'm']]);
    // Runs along the top border (y = 40), and 0.5 px inside it.
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 40), p(95, 40)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 40.5), p(95, 40.5)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 59.5), p(95, 59.5)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(39.5, 0), p(39.5, 100)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(60.5, 0), p(60.5, 100)] }))).toEqual([]);
    // Along the inset border itself (1 px inside): counted, as inside the shrunk box.
    expect(edgesThroughNodes(input([e]), at({ e: [p(41, 0), p(41, 100)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(59, 0), p(59, 100)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 41), p(95, 41)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(5, 59), p(95, 59)] }))).toEqual([['e', 'm']]);
    // With no inset, the 0.5 px inside the border counts.
    const pos = at({ e: [p(5, 40.5), p(95, 40.5)] });
    expect(edgesThroughNodes(input([e]), pos, routesOf(input([e]), pos), 0)).toEqual([['e', 'm']]);
  });

  it('does not count an edge that only touches the box: ending on its border from outside, or leaving from it', () => {
    // The shrunk box (1 px inset) runs from 41 to 59 each way.
    for (const [from, to] of [
      [p(0, 50), p(41, 50)],
      [p(100, 50), p(59, 50)],
      [p(50, 0), p(50, 41)],
      [p(50, 100), p(50, 59)],
    ]) {
      expect(edgesThroughNodes(input([e]), at({ e: [from!, to!] })), `${from!.x},${from!.y} → ${to!.x},${to!.y}`).toEqual([]);
      expect(edgesThroughNodes(input([e]), at({ e: [to!, from!] })), `${to!.x},${to!.y} → ${from!.x},${from!.y}`).toEqual([]);
    }
  });

  it('does not count an edge slanting past a corner of the box, in either direction', () => {
    // Each passes 2 px outside one corner of the shrunk box (41–59), through the squares beside it.
    for (const [from, to] of [
      [p(30, 50), p(50, 70)],
      [p(50, 30), p(70, 50)],
      [p(30, 50), p(50, 30)],
      [p(50, 70), p(70, 50)],
    ]) {
      expect(edgesThroughNodes(input([e]), at({ e: [from!, to!] })), `${from!.x},${from!.y} → ${to!.x},${to!.y}`).toEqual([]);
      expect(edgesThroughNodes(input([e]), at({ e: [to!, from!] })), `${to!.x},${to!.y} → ${from!.x},${from!.y}`).toEqual([]);
    }
    // Moved 4 px towards the box, each cuts its corner.
    expect(edgesThroughNodes(input([e]), at({ e: [p(34, 50), p(54, 70)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(66, 50), p(46, 70)] }))).toEqual([['e', 'm']]);
  });

  it('counts a segment wholly inside a box, and one that ends inside it from any side', () => {
    expect(edgesThroughNodes(input([e]), at({ e: [p(45, 45), p(55, 55)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(50, 0), p(50, 50)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(50, 100), p(50, 50)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(100, 50), p(50, 50)] }))).toEqual([['e', 'm']]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(0, 50), p(50, 50)] }))).toEqual([['e', 'm']]);
    // Ending just short of it, from each side.
    expect(edgesThroughNodes(input([e]), at({ e: [p(50, 0), p(50, 38)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(50, 100), p(50, 62)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(100, 50), p(62, 50)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(0, 50), p(38, 50)] }))).toEqual([]);
    // A segment that would cross the box if it went on, but stops before: in the box's band both ways.
    expect(edgesThroughNodes(input([e]), at({ e: [p(0, 0), p(38, 38)] }))).toEqual([]);
    expect(edgesThroughNodes(input([e]), at({ e: [p(100, 100), p(62, 62)] }))).toEqual([]);
  });

  it('lists each edge once per box it runs through', () => {
    const two: LayoutInput = { ...input([e]), nodes: [...input([e]).nodes, { id: 'n', width: 10, height: 10, partition: 1 }] };
    const pos: Positions = { ...at({}), nodes: { ...at({}).nodes, n: p(80, 50) } };
    expect(edgesThroughNodes(two, pos)).toEqual([
      ['e', 'm'],
      ['e', 'n'],
    ]);
  });
});

describe('edges through a node, at the tolerance', () => {
  // One 20×20 node, measured without the inset: with its centre at x = -10 its box runs from -20 to 0, at x = 10 from
  // 0 to 20; y from -10 to 10.
  const through = (centre: number, a: Point, b: Point) =>
    edgesThroughNodes(
      { key: 't', nodes: [{ id: 'm', width: 20, height: 20, partition: 0 }], edges: [] },
      { hash: '', nodes: { m: p(centre, 0) }, edges: {}, width: 40, height: 40 },
      [route('e', a, b)],
      0,
    ).length === 1;

  it('does not count a segment whose run inside the box is exactly 1e-6 of its length, and counts one with twice that', () => {
    // From 1e-6 px inside the right border (x = 0) to 1 px away: 1e-6 of the segment, in floating point exactly.
    expect(through(-10, p(-1e-6, 0), p(-1e-6 + 1, 0))).toBe(false);
    expect(through(-10, p(-2e-6, 0), p(-2e-6 + 1, 0))).toBe(true);
  });

  it('takes a segment running under 1e-6 px across a border as parallel to it: on its inner side or not, wholly', () => {
    // From the right border (x = 0), 0.5e-6 px outwards over its 200 px: along the border, inside the box.
    expect(through(-10, p(0, -100), p(0.5e-6, 100))).toBe(true);
    // From 0.25e-6 px outside the left border (x = 0) to as far inside it: outside, as where it starts.
    expect(through(10, p(-0.25e-6, -100), p(0.25e-6, 100))).toBe(false);
    expect(through(10, p(0.25e-6, -100), p(-0.25e-6, 100))).toBe(true);
  });

  it('takes a segment running 1e-6 px or more across a border as crossing it where it does', () => {
    // From the right border, 1e-6 px outwards: it leaves the box at once.
    expect(through(-10, p(0, -100), p(1e-6, 100))).toBe(false);
    // From 1e-7 px outside the left border, 1e-6 px inwards: it enters a tenth of the way along, where it is still
    // above the box, and runs through it.
    expect(through(10, p(-1e-7, -100), p(-1e-7 + 1e-6, 100))).toBe(true);
  });
});
