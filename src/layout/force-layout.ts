/**
 * A force-directed layout for large imported networks (hundreds to tens of thousands of nodes), run in the import
 * worker. ELK's stress layout, tried first, needs all-pairs shortest paths and n² work per round: 2,000 nodes did
 * not finish in 15 minutes here. d3-force (https://d3js.org/d3-force) approximates the repulsion of all nodes with
 * a Barnes–Hut quadtree, n·log n per tick.
 *
 * Multilevel, as sfdp and FM³ do (Hu, "Efficient, high-quality force-directed graph drawing", Mathematica J. 10,
 * 2005): a single simulation of 10,000 nodes needs a few hundred ticks to untangle, about 30 s of CPU here; the
 * untangling is done instead on coarse copies of the graph, where a tick is cheap, and the full graph only settles.
 * 1. coarsening: each level merges every leaf (a node with one neighbour) into its neighbour and pairs the other
 *    nodes with a neighbour (the lightest free one), until the graph has at most COARSEST nodes or stops shrinking;
 * 2. the coarsest graph starts on a spiral in breadth-first order (neighbours near each other) and is simulated
 *    fully; each finer level starts its nodes around their group's place and is simulated a few ticks only, the
 *    finest with collision circles a little smaller than the boxes;
 *    forces on every level: links pull linked nodes to about their boxes' size apart, every node repels every
 *    other (Barnes–Hut, a group by its weight), a weak pull to the centre keeps separate components together;
 * 3. boxes, not circles, are made not to overlap: overlapping pairs (found on a grid) are pushed apart along the
 *    axis where they overlap least, until none does;
 * 4. edges are drawn straight, from border to border (empty routes: the canvas draws them so).
 *
 * Deterministic: d3-force's own random source is seeded and the coarsening visits nodes in a fixed order, so the
 * same file gives the same drawing.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { layoutHash, type LayoutInput, type Point, type Positions } from './types.ts';

/** Free space kept between two node boxes, px. */
const GAP = 8;
/** Extra length of a link beyond the two boxes' half-sizes, px. */
const LINK_SLACK = 40;
/** Coarsening stops at this many nodes: a full simulation of them takes a few tens of ms. */
const COARSEST = 200;
/** …or when a level keeps more than this share of the nodes of the one below (nothing left to merge). */
const MIN_SHRINK = 0.9;
/**
 * Ticks on the coarsest level (d3's default cooling), on the levels between, and on the full graph: more for a
 * graph of up to BIG_GRAPH nodes (still well under a second there), fewer beyond, where each tick costs more.
 */
const COARSEST_TICKS = 300;
const LEVEL_TICKS = 30;
const FINEST_TICKS = 60;
const FINEST_TICKS_BIG = 30;
const BIG_GRAPH = 3000;

export interface SimNode extends SimulationNodeDatum {
  index: number;
  w: number;
  h: number;
  /** How many of the graph's nodes this one stands for (1 on the full graph). */
  weight: number;
}

export type Link = { source: number; target: number };

/** One level of the multilevel hierarchy: its nodes and links, and for each node its group on the next level up. */
export interface Level {
  nodes: SimNode[];
  links: Link[];
  /** group[i]: the node of the coarser level that node i was merged into (absent on the coarsest level). */
  group?: Int32Array;
}

export interface ForceLayoutOptions {
  /** Ticks on the full graph (default FINEST_TICKS or FINEST_TICKS_BIG; COARSEST_TICKS for a graph that has no coarser level). */
  ticks?: number;
  /** Called now and then with the share done, 0…1. */
  onProgress?: (done: number) => void;
}

export function forceLayout(input: LayoutInput, options: ForceLayoutOptions = {}): Positions {
  const finest = fullLevel(input);
  const levels = coarsen(finest);
  const coarsest = levels.at(-1)!;
  startPositions(coarsest.nodes, coarsest.links);

  // Work per level, for progress: ticks × (nodes + links + 1).
  const plan = levelPlan(levels, input.nodes.length, options.ticks);
  const work = plan.map((p) => p.ticks * (p.level.nodes.length + p.level.links.length + 1));
  const total = work.reduce((a, b) => a + b, 0);
  let done = 0;
  plan.forEach((p, k) => {
    if (k > 0) placeAroundGroups(p.level, plan[k - 1]!.level);
    simulate(p.level, p.ticks, p.coarsest, p.finest, (t) => options.onProgress?.((done + work[k]! * t) / total));
    done += work[k]!;
  });
  const nodes = finest.nodes;
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
 * The ticks on level `i` of `0…top` (0 the full graph of `nodes` nodes, `top` the coarsest): the full graph settles
 * (`ticks`, or fewer ticks beyond BIG_GRAPH nodes), the levels between settle too, the coarsest untangles; a graph
 * with no coarser level is all three at once and untangles.
 */
export function levelTicks(i: number, top: number, nodes: number, ticks?: number): number {
  if (i === 0) return ticks ?? (top === 0 ? COARSEST_TICKS : nodes > BIG_GRAPH ? FINEST_TICKS_BIG : FINEST_TICKS);
  return i === top ? COARSEST_TICKS : LEVEL_TICKS;
}

/**
 * The levels in the order they are simulated, the coarsest first, each with its ticks, whether it untangles (the
 * coarsest) and whether it is the full graph of `nodes` nodes (`levels` as coarsen gives them, the full graph first).
 */
export function levelPlan(levels: Level[], nodes: number, ticks?: number): { level: Level; ticks: number; coarsest: boolean; finest: boolean }[] {
  const top = levels.length - 1;
  return levels.map((level, i) => ({ level, ticks: levelTicks(i, top, nodes, ticks), coarsest: i === top, finest: i === 0 })).reverse();
}

/** The full graph as the simulation's nodes and links: one link per pair of nodes (a double link would pull twice). */
export function fullLevel(input: LayoutInput): Level {
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const links: Link[] = [];
  const seenLink = new Set<number>();
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    // Stryker disable next-line ArithmeticOperator: equivalent, smaller·n − larger and smaller/n + larger are one-to-one on pairs too
    const key = Math.min(s, t) * input.nodes.length + Math.max(s, t);
    if (seenLink.has(key)) continue;
    seenLink.add(key);
    links.push({ source: s, target: t });
  }
  return { nodes: input.nodes.map((n, i) => ({ index: i, w: n.width, h: n.height, weight: 1 })), links };
}

/** The node count of each level the layout works on, the full graph first (for tests). */
export function levelSizes(input: LayoutInput): number[] {
  return coarsen(fullLevel(input)).map((l) => l.nodes.length);
}

/** A node's "size" for forces: the mean of its half-width and half-height (labels are wide and low). */
const size = (n: SimNode) => (n.w + n.h) / 4;

/**
 * Runs the simulation on one level for `ticks` ticks. The coarsest level cools from alpha 1 (untangling); the
 * others from a lower alpha, since they start from their groups' places and only settle. Collision circles only
 * on the full graph: a group's circle would stand for boxes spread around it.
 */
function simulate(level: Level, ticks: number, coarsest: boolean, finest: boolean, onProgress: (share: number) => void) {
  if (level.nodes.length === 0) return;
  const sim = simulation(level, ticks, coarsest, finest);
  const every = Math.max(1, Math.round(ticks / 10));
  for (let t = 0; t < ticks; t++) {
    sim.tick();
    if (t % every === 0) onProgress(t / ticks);
  }
}

/** The simulation of one level, its forces set and not yet run (see simulate). */
export function simulation(level: Level, ticks: number, coarsest: boolean, finest: boolean) {
  const { nodes, links } = level;
  const mean = nodes.reduce((s, n) => s + size(n), 0) / nodes.length;
  const alpha = coarsest ? 1 : 0.3;
  const sim = forceSimulation<SimNode>(nodes)
    .stop()
    .alpha(alpha)
    // Cool down to d3's alphaMin (0.001) over exactly `ticks` steps.
    .alphaDecay(1 - Math.pow(0.001 / alpha, 1 / Math.max(1, ticks)))
    .force(
      'link',
      forceLink<SimNode, { source: number | SimNode; target: number | SimNode }>(links.map((l) => ({ ...l })))
        .id((n) => n.index)
        .distance((l) => size(l.source as SimNode) + size(l.target as SimNode) + LINK_SLACK),
    )
    // Repulsion about a link's length, a group's by the square root of its weight (it stands for that many nodes;
    // by the weight itself, groups of a hub and its leaves push the rest so far that 10,000 nodes fill only 8% of
    // their drawing). Barnes–Hut's theta (d3's default 0.9) is coarser on the full graph of a big network, 1.2: it
    // only settles there, and a tick of 10,000 nodes then costs about half as much.
    .force('charge', forceManyBody<SimNode>().strength((n) => -4 * mean * Math.sqrt(n.weight)).theta(finest && nodes.length > BIG_GRAPH ? 1.2 : 0.9).distanceMax(40 * mean))
    .force('x', forceX<SimNode>(0).strength(0.03))
    .force('y', forceY<SimNode>(0).strength(0.03));
  if (finest) sim.force('collide', forceCollide<SimNode>((n) => size(n) + GAP / 2).strength(0.8));
  return sim;
}

/**
 * The levels, finest first: each merges the leaves of the one below into their neighbour and pairs the other nodes
 * (the lightest free neighbour of each, in order of rising degree), as long as the graph is big and still shrinks.
 */
export function coarsen(finest: Level, coarsest = COARSEST): Level[] {
  const levels = [finest];
  for (;;) {
    const level = levels.at(-1)!;
    const n = level.nodes.length;
    if (n <= coarsest) break;
    const adjacency = adjacencyOf(n, level.links);
    const group = new Int32Array(n).fill(-1);
    let groups = 0;
    // Ties keep index order: the sort is stable.
    const order = [...Array(n).keys()].sort((a, b) => adjacency[a]!.length - adjacency[b]!.length);
    // Pairs, leaves left for later: a leaf joins whatever group its neighbour ends in.
    for (const u of order) {
      if (group[u] !== -1 || adjacency[u]!.length === 1) continue;
      let best = -1;
      for (const v of adjacency[u]!) {
        if (group[v] !== -1 || adjacency[v]!.length === 1) continue;
        // Of two as light, the lower index (v is never best: a neighbour appears once, links being one per pair).
        if (best === -1 || level.nodes[v]!.weight < level.nodes[best]!.weight || (level.nodes[v]!.weight === level.nodes[best]!.weight && Math.min(v, best) === v)) best = v;
      }
      group[u] = groups;
      // Stryker disable next-line ConditionalExpression: equivalent, group[-1] = … on a typed array stores nothing
      if (best !== -1) group[best] = groups;
      groups++;
    }
    // What is left are the leaves (every other node has a group now). A leaf joins its neighbour's group; of two
    // leaves joined to each other (a lone pair), the first starts a group and the second then joins it.
    for (const u of order) {
      if (group[u] !== -1) continue;
      const v = adjacency[u]![0]!;
      group[u] = group[v] !== -1 ? group[v]! : groups++;
    }
    if (groups > n * MIN_SHRINK) break;
    level.group = group;
    // A group's box has the area of its members' boxes with their gaps, square.
    const area = new Float64Array(groups);
    const weight = new Float64Array(groups);
    level.nodes.forEach((node, i) => {
      area[group[i]!]! += (node.w + GAP) * (node.h + GAP);
      weight[group[i]!]! += node.weight;
    });
    const nodes: SimNode[] = Array.from({ length: groups }, (_, g) => {
      const side = Math.sqrt(area[g]!) - GAP;
      return { index: g, w: side, h: side, weight: weight[g]! };
    });
    const seen = new Set<number>();
    const links: Link[] = [];
    for (const l of level.links) {
      const s = group[l.source]!;
      const t = group[l.target]!;
      // Stryker disable next-line ArithmeticOperator: equivalent, smaller·n − larger and smaller/n + larger are one-to-one on pairs too
      const key = Math.min(s, t) * groups + Math.max(s, t);
      if (s === t || seen.has(key)) continue;
      seen.add(key);
      links.push({ source: s, target: t });
    }
    levels.push({ nodes, links });
  }
  return levels;
}

function adjacencyOf(n: number, links: Link[]): number[][] {
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) {
    adjacency[l.source]!.push(l.target);
    adjacency[l.target]!.push(l.source);
  }
  return adjacency;
}

/**
 * Each node of `level` starts at its group's place on the coarser level, its group's members spread on a small
 * Fermat spiral within the group's box (so no two start on one spot, which would leave their forces no direction).
 */
export function placeAroundGroups(level: Level, coarser: Level) {
  const seen = new Int32Array(coarser.nodes.length);
  const golden = Math.PI * (3 - Math.sqrt(5));
  level.nodes.forEach((node, i) => {
    const g = coarser.nodes[level.group![i]!]!;
    const k = seen[g.index]!++;
    const r = (size(g) / Math.sqrt(g.weight + 1)) * Math.sqrt(k + 0.5);
    node.x = g.x! + r * Math.cos(k * golden);
    node.y = g.y! + r * Math.sin(k * golden);
    node.vx = 0;
    node.vy = 0;
  });
}

/**
 * Breadth-first order from the best-linked node of each component, laid on a Fermat spiral (d3's own start
 * pattern): neighbours get neighbouring places, so hubs and their leaves start together.
 */
export function startPositions(nodes: SimNode[], links: Link[]) {
  const n = nodes.length;
  const adjacency = adjacencyOf(n, links);
  // Ties keep index order: the sort is stable.
  const byDegree = [...nodes.keys()].sort((a, b) => adjacency[b]!.length - adjacency[a]!.length);
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
 * A cell's entry in removeOverlaps's hashed grid, before taking it modulo the table's size. Any mixing of the cell's
 * column and row does: cells that share an entry only add pairs that are looked at and found apart.
 */
// Stryker disable next-line ArithmeticOperator: equivalent, any mixing of column and row is a hash here (a shared entry only adds pairs looked at, none is missed)
const mix = (x: number, y: number) => ((x * 73_856_093) ^ (y * 19_349_663)) >>> 0;

/**
 * Pushes overlapping boxes apart (each by half the overlap, along the axis where they overlap less) until no two
 * boxes, widened by GAP, overlap. Pairs are found on a grid of cells the size of the largest box, so each round is
 * about linear. Returns the rounds it took (`rounds` if it gave up, which the 5% spreading makes unreachable in practice).
 */
export function removeOverlaps(nodes: { x?: number; y?: number; w: number; h: number }[], rounds = 400): number {
  const n = nodes.length;
  const cell = Math.max(1, ...nodes.map((v) => Math.max(v.w, v.h) + GAP));
  // The grid as linked lists in typed arrays (first node of each cell, next node of each node), rebuilt each round:
  // no allocation per node, so 10,000 nodes take a few ms a round.
  const next = new Int32Array(n);
  const cx = new Int32Array(n);
  const cy = new Int32Array(n);
  for (let round = 0; round < rounds; round++) {
    let minX = Infinity;
    let minY = Infinity;
    // Stryker disable next-line UnaryOperator: equivalent, an infinite width makes the grid hashed, which finds the same pairs
    let maxX = -Infinity;
    // Stryker disable next-line UnaryOperator: equivalent, an infinite height makes the grid hashed, which finds the same pairs
    let maxY = -Infinity;
    for (const v of nodes) {
      minX = Math.min(minX, v.x!);
      minY = Math.min(minY, v.y!);
      maxX = Math.max(maxX, v.x!);
      maxY = Math.max(maxY, v.y!);
    }
    // Stryker disable next-line ArithmeticOperator: equivalent for span × cell (more columns than needed: the grid is hashed and finds the same pairs)
    const cols = Math.floor((maxX - minX) / cell) + 1;
    // Stryker disable next-line ArithmeticOperator: equivalent for span × cell (more rows than needed: the grid is hashed and finds the same pairs)
    const rows = Math.floor((maxY - minY) / cell) + 1;
    // A drawing far wider than its nodes need (a few nodes flung far apart) would make a huge grid: cells are then
    // hashed into a table of about 2n entries instead, where unrelated cells may share an entry (a few more pairs
    // looked at, none missed).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, the bound only chooses which of two grids that find the same pairs
    const dense = cols * rows <= 4 * n + 64;
    const size = dense ? cols * rows : 2 * n + 1;
    const head = new Int32Array(size).fill(-1);
    const slot = (x: number, y: number) => (dense ? y * cols + x : mix(x, y) % size);
    for (let i = 0; i < n; i++) {
      const v = nodes[i]!;
      cx[i] = Math.floor((v.x! - minX) / cell);
      cy[i] = Math.floor((v.y! - minY) / cell);
      const k = slot(cx[i]!, cy[i]!);
      next[i] = head[k]!;
      head[k] = i;
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const a = nodes[i]!;
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) {
          // Stryker disable next-line ArithmeticOperator: equivalent, −dx runs over the same three columns
          const x = cx[i]! + dx;
          // Stryker disable next-line ArithmeticOperator: equivalent, −dy runs over the same three rows
          const y = cy[i]! + dy;
          if (dense && (x < 0 || y < 0 || x >= cols || y >= rows)) continue;
          for (let j = head[slot(x, y)]!; j !== -1; j = next[j]!) {
            if (j <= i) continue;
            const b = nodes[j]!;
            const ox = (a.w + b.w) / 2 + GAP - Math.abs(a.x! - b.x!);
            const oy = (a.h + b.h) / 2 + GAP - Math.abs(a.y! - b.y!);
            if (ox <= 0 || oy <= 0) continue;
            // Stryker disable next-line UpdateOperator: equivalent, only whether it is 0 is read
            moved++;
            // Along the cheaper axis; of two on the same centre the first (i < j) goes left or up, so the result is
            // deterministic.
            if (ox / (a.w + b.w) < oy / (a.h + b.h)) {
              const s = a.x! <= b.x! ? -1 : 1;
              a.x! += (s * ox) / 2 + s * 0.01;
              b.x! -= (s * ox) / 2 + s * 0.01;
            } else {
              const s = a.y! <= b.y! ? -1 : 1;
              a.y! += (s * oy) / 2 + s * 0.01;
              b.y! -= (s * oy) / 2 + s * 0.01;
            }
          }
        }
    }
    if (moved === 0) return round;
    // A pile-up that pairwise pushes do not clear (each push moves others into their neighbours): spread the whole
    // drawing by 5% from the centre the simulation pulled it to, which always makes room in the end.
    if (round % 20 === 19)
      for (const v of nodes) {
        v.x! *= 1.05;
        v.y! *= 1.05;
      }
  }
  return rounds;
}
