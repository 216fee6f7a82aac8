/**
 * A force-directed layout for large imported networks (hundreds to tens of thousands of nodes), run in the import
 * worker. ELK's stress layout, tried first, needs all-pairs shortest paths and n² work per round: 2,000 nodes did
 * not finish in 15 minutes here. d3-force (https://d3js.org/d3-force) approximates the repulsion of all nodes with
 * a Barnes–Hut quadtree, n·log n per tick, and places 2,000 nodes in about a second and 10,000 in a few.
 *
 * Steps:
 * 1. start positions: nodes in breadth-first order (from the best-linked node of each component) on a spiral, so
 *    neighbours start near each other and the simulation untangles less;
 * 2. the simulation: links pull linked nodes to about their boxes' size apart, every node repels every other
 *    (Barnes–Hut), a weak pull to the centre keeps separate components together, and circles a little smaller
 *    than the boxes push overlapping nodes apart;
 * 3. boxes, not circles, are made not to overlap: overlapping pairs (found on a grid) are pushed apart along the
 *    axis where they overlap least, until none does;
 * 4. edges are drawn straight, from border to border (empty routes: the canvas draws them so).
 *
 * Deterministic: d3-force's own random source is seeded, so the same file gives the same drawing.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { layoutHash, type LayoutInput, type Point, type Positions } from './types.ts';

/** Free space kept between two node boxes, px. */
const GAP = 8;
/** Extra length of a link beyond the two boxes' half-sizes, px. */
const LINK_SLACK = 40;

interface SimNode extends SimulationNodeDatum {
  index: number;
  w: number;
  h: number;
}

export interface ForceLayoutOptions {
  /** Simulation ticks (default: 300 up to 3,000 nodes, fewer beyond, so 10,000 nodes stay within seconds). */
  ticks?: number;
  /** Called now and then with the share done, 0…1. */
  onProgress?: (done: number) => void;
}

export function defaultTicks(nodes: number): number {
  return nodes <= 3000 ? 300 : Math.max(120, Math.round(300 * Math.sqrt(3000 / nodes)));
}

export function forceLayout(input: LayoutInput, options: ForceLayoutOptions = {}): Positions {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const links = input.edges
    .map((e) => ({ source: index.get(e.source), target: index.get(e.target) }))
    .filter((l): l is { source: number; target: number } => l.source !== undefined && l.target !== undefined && l.source !== l.target);
  const nodes: SimNode[] = input.nodes.map((n, i) => ({ index: i, w: n.width, h: n.height }));
  startPositions(nodes, links);

  // A node's "size" for forces: the mean of its half-width and half-height (labels are wide and low).
  const size = (n: SimNode) => (n.w + n.h) / 4;
  const mean = nodes.reduce((s, n) => s + size(n), 0) / Math.max(1, nodes.length);
  const ticks = options.ticks ?? defaultTicks(nodes.length);
  const sim = forceSimulation<SimNode>(nodes)
    .stop()
    // Cool down over exactly `ticks` steps (d3's default is 300).
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force(
      'link',
      forceLink<SimNode, { source: number | SimNode; target: number | SimNode }>(links)
        .id((n) => n.index)
        .distance((l) => size(l.source as SimNode) + size(l.target as SimNode) + LINK_SLACK),
    )
    // Repulsion about a link's length; theta 0.9 is coarser than the default 0.9²-ish accuracy needs at this size.
    .force('charge', forceManyBody<SimNode>().strength(-4 * mean).theta(0.9).distanceMax(40 * mean))
    .force('collide', forceCollide<SimNode>((n) => size(n) + GAP / 2).strength(0.8))
    .force('x', forceX<SimNode>(0).strength(0.03))
    .force('y', forceY<SimNode>(0).strength(0.03));
  const every = Math.max(1, Math.round(ticks / 20));
  for (let t = 0; t < ticks; t++) {
    sim.tick();
    if (options.onProgress && t % every === 0) options.onProgress(t / ticks);
  }
  removeOverlaps(nodes);
  options.onProgress?.(1);

  // Shift to a drawing whose top-left is (PAD, PAD).
  const PAD = 20;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    x1 = Math.min(x1, n.x! - n.w / 2);
    y1 = Math.min(y1, n.y! - n.h / 2);
    x2 = Math.max(x2, n.x! + n.w / 2);
    y2 = Math.max(y2, n.y! + n.h / 2);
  }
  if (!nodes.length) x1 = y1 = x2 = y2 = 0;
  const round = (v: number) => Math.round(v * 10) / 10;
  const positions: Record<string, Point> = {};
  input.nodes.forEach((n, i) => (positions[n.id] = { x: round(nodes[i]!.x! - x1 + PAD), y: round(nodes[i]!.y! - y1 + PAD) }));
  return {
    hash: layoutHash(input),
    nodes: positions,
    edges: Object.fromEntries(input.edges.map((e) => [e.id, []])),
    width: round(x2 - x1 + 2 * PAD),
    height: round(y2 - y1 + 2 * PAD),
  };
}

/**
 * Breadth-first order from the best-linked node of each component, laid on a Fermat spiral (d3's own start
 * pattern): neighbours get neighbouring places, so hubs and their leaves start together.
 */
function startPositions(nodes: SimNode[], links: { source: number; target: number }[]) {
  const n = nodes.length;
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) {
    adjacency[l.source]!.push(l.target);
    adjacency[l.target]!.push(l.source);
  }
  const byDegree = [...nodes.keys()].sort((a, b) => adjacency[b]!.length - adjacency[a]!.length || a - b);
  const seen = new Uint8Array(n);
  const order: number[] = [];
  for (const root of byDegree) {
    if (seen[root]) continue;
    seen[root] = 1;
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      for (const next of adjacency[order[head]!]!) {
        if (!seen[next]) {
          seen[next] = 1;
          order.push(next);
        }
      }
    }
  }
  const mean = nodes.reduce((s, v) => s + (v.w + v.h) / 2, 0) / Math.max(1, n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((v, i) => {
    const r = mean * 0.8 * Math.sqrt(i + 0.5);
    nodes[v]!.x = r * Math.cos(i * golden);
    nodes[v]!.y = r * Math.sin(i * golden);
  });
}

/**
 * Pushes overlapping boxes apart (each by half the overlap, along the axis where they overlap less) until no two
 * boxes, widened by GAP, overlap. Pairs are found on a grid of cells the size of the largest box, so each round is
 * about linear. Returns the rounds it took (`rounds` if it gave up, which the 5% spreading makes unreachable in practice).
 */
export function removeOverlaps(nodes: { x?: number; y?: number; w: number; h: number }[], rounds = 400): number {
  const cell = Math.max(1, ...nodes.map((n) => Math.max(n.w, n.h) + GAP));
  for (let round = 0; round < rounds; round++) {
    const grid = new Map<string, number[]>();
    nodes.forEach((n, i) => {
      const key = `${Math.floor(n.x! / cell)},${Math.floor(n.y! / cell)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
    let moved = 0;
    nodes.forEach((a, i) => {
      const cx = Math.floor(a.x! / cell);
      const cy = Math.floor(a.y! / cell);
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (j <= i) continue;
            const b = nodes[j]!;
            const ox = (a.w + b.w) / 2 + GAP - Math.abs(a.x! - b.x!);
            const oy = (a.h + b.h) / 2 + GAP - Math.abs(a.y! - b.y!);
            if (ox <= 0 || oy <= 0) continue;
            moved++;
            // Along the cheaper axis; same centres get a fixed direction by index, so the result is deterministic.
            if (ox / (a.w + b.w) < oy / (a.h + b.h)) {
              const s = a.x! < b.x! || (a.x === b.x && i < j) ? -1 : 1;
              a.x! += (s * ox) / 2 + s * 0.01;
              b.x! -= (s * ox) / 2 + s * 0.01;
            } else {
              const s = a.y! < b.y! || (a.y === b.y && i < j) ? -1 : 1;
              a.y! += (s * oy) / 2 + s * 0.01;
              b.y! -= (s * oy) / 2 + s * 0.01;
            }
          }
        }
    });
    if (moved === 0) return round;
    // A pile-up that pairwise pushes do not clear (each push moves others into their neighbours): spread the whole
    // drawing by 5% from the centre the simulation pulled it to, which always makes room in the end.
    if (round % 20 === 19)
      for (const n of nodes) {
        n.x! *= 1.05;
        n.y! *= 1.05;
      }
  }
  return rounds;
}
