/**
 * How clean a drawing is, measured on its geometry as drawn: edge crossings, and edges that run through a node
 * box that is not one of their ends. Used by the layout build (it prints them) and by the layout tests (which
 * compare them with dagre given the same boxes and spacing).
 */
import type { LayoutInput, Point, Positions } from './types.ts';

export interface Route {
  id: string;
  source: string;
  target: string;
  points: Point[];
}

/** Each edge's polyline as drawn: the layout's route, or from centre to centre when it has none. */
export function routesOf(input: LayoutInput, positions: Positions): Route[] {
  return input.edges.map((e) => {
    const route = positions.edges[e.id] ?? [];
    const points = route.length >= 2 ? route : [positions.nodes[e.source]!, ...route, positions.nodes[e.target]!];
    return { id: e.id, source: e.source, target: e.target, points };
  });
}

const EPS = 1e-6;
const orient = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/** Segments ab and cd cross at a point inside both (touching at an end or running along each other is not a crossing). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  const scale = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y) * Math.hypot(d.x - c.x, d.y - c.y));
  const e = EPS * scale;
  return ((d1 > e && d2 < -e) || (d1 < -e && d2 > e)) && ((d3 > e && d4 < -e) || (d3 < -e && d4 > e));
}

interface Seg {
  a: Point;
  b: Point;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

const segs = (points: Point[]): Seg[] =>
  points.slice(1).map((b, i) => {
    const a = points[i]!;
    return { a, b, x1: Math.min(a.x, b.x), x2: Math.max(a.x, b.x), y1: Math.min(a.y, b.y), y2: Math.max(a.y, b.y) };
  });

/** Number of points where two different edges cross. */
export function countCrossings(routes: readonly Route[]): number {
  const all = routes.map((r) => segs(r.points));
  let n = 0;
  // Stryker disable next-line EqualityOperator: equivalent, with i = all.length the inner loop (j from i + 1) does not run
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      for (const s of all[i]!)
        for (const t of all[j]!) {
          // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent, a quick skip of segments whose boxes are apart (or only touch), where segmentsCross finds no crossing either
          if (s.x2 < t.x1 || t.x2 < s.x1 || s.y2 < t.y1 || t.y2 < s.y1) continue;
          if (segmentsCross(s.a, s.b, t.a, t.b)) n++;
        }
  return n;
}

/**
 * Does segment ab pass through the inside of the box (Liang–Barsky clipping)? The segment is the points a + t·(b − a),
 * t in [0, 1]; each border narrows that range to where the segment is on the box's side of it: t0 is where it is in
 * past every border it crosses inwards, t1 where it first leaves. It runs through the box when more than EPS of it
 * is left. A segment whose run across a border's direction is under EPS counts as parallel to it: it is on the box's
 * side or not, wholly.
 */
function segmentInBox(a: Point, b: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  /** One border: p is how fast the segment moves outwards across it, q how far inside it a is. */
  const clip = (p: number, q: number) => {
    if (p <= -EPS) t0 = Math.max(t0, q / p);
    else if (p >= EPS) t1 = Math.min(t1, q / p);
    else return q >= 0;
    return true;
  };
  return clip(-dx, a.x - box.x1) && clip(dx, box.x2 - a.x) && clip(-dy, a.y - box.y1) && clip(dy, box.y2 - a.y) && t1 - t0 > EPS;
}

/**
 * Edges that run through a node box other than their own two ends: [edge id, node id]. The boxes are shrunk by
 * `inset` so that an edge grazing a border is not counted.
 */
export function edgesThroughNodes(input: LayoutInput, positions: Positions, routes = routesOf(input, positions), inset = 1): [string, string][] {
  const boxes = input.nodes.map((n) => {
    const p = positions.nodes[n.id]!;
    return { id: n.id, x1: p.x - n.width / 2 + inset, x2: p.x + n.width / 2 - inset, y1: p.y - n.height / 2 + inset, y2: p.y + n.height / 2 - inset };
  });
  const out: [string, string][] = [];
  for (const r of routes) {
    const ss = segs(r.points);
    for (const box of boxes) {
      if (box.id === r.source || box.id === r.target) continue;
      // A quick skip of segments whose bounding box is apart from the node's.
      const apart = (s: Seg) =>
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a weaker skip leaves the segment to segmentInBox, which finds no run of it on the box's side of every border either
        s.x2 < box.x1 || box.x2 < s.x1 || s.y2 < box.y1 || box.y2 < s.y1;
      if (ss.some((s) => !apart(s) && segmentInBox(s.a, s.b, box))) out.push([r.id, box.id]);
    }
  }
  return out;
}
