/**
 * Laying a figure out for the screen's shape (#9: labels of at least 10 px at 1600×1000 and 9 px at 1280×800 and
 * on a 1024×768 tablet, at the default view). A layered drawing of a figure whose cell source acts on fifty
 * entities is a tall column of them, with the source's edges running as long lines through every later column;
 * three changes to the layout input make it wider and lower, without changing what is drawn:
 *  - `leavesLeft`: what the cell is (its markers and traits, partition 1, acted on by the source only and acting on
 *    nothing) stands to the source's left, what it does to its right; the arrows to them point left.
 *  - `column`: a column of the reading order taller than this (in px, estimated from its boxes) is split into as many
 *    sub-columns as it takes, the entities that act on nothing first, those nothing in the column acts on last.
 *  - `compact`: less room between nodes and between columns (COMPACT_OPTIONS).
 *  - `leavesRight`: an entity that acts on nothing and is acted on only from its own column (the sites a vesicle
 *    reaches, beside the vesicles) joins the next column, so its column needs no second layer for it.
 *  - `dense`: on top of `compact`, narrower node boxes (labels wrap at 90 px instead of 110: measure.ts DENSE_BOX)
 *    and edges packed closer (DENSE_OPTIONS). Tried only for a figure that no other
 *    shape brings to every screen's floor: the 1024×768 tablet is as wide as a drawing can get, so a figure of ten
 *    columns must lose width in every column to reach 10 px there.
 * `npm run layouts` tries every shape in SHAPES on every figure with ELK, keeps the one whose drawing fits the
 * screens of SCREENS best without more edge crossings than dagre, and stores the choice in
 * src/generated/figure-shapes.json, which layoutInput applies (so the browser's own layout of an edited figure,
 * and the layout check, use the same input).
 */
import type { LayoutInput } from './types.ts';

export interface FigureShape {
  /** Move left the entities only the source acts on and that act on nothing: its markers and traits (true), or all. */
  leavesLeft: boolean | 'all';
  column?: number;
  compact: boolean;
  /** Move into the next column the entities acted on only from their own column that act on nothing (see above). */
  leavesRight?: boolean;
  /** Narrower boxes and tighter edges (see above); implies `compact`. */
  dense?: boolean;
  /** ELK's random seed for crossing minimisation, when the default one leaves more crossings than dagre. */
  seed?: number;
}

/**
 * Denser spacing (elk-options.ts has the defaults: 10 px between nodes, 48 px between columns, 6 and 4 px around
 * edges between columns): the arrows' bends still get room, since ELK widens a gap for the edges that bend in it.
 */
export const COMPACT_OPTIONS: Record<string, string> = {
  'elk.spacing.nodeNode': '5',
  'elk.layered.spacing.nodeNodeBetweenLayers': '20',
  'elk.layered.spacing.edgeNodeBetweenLayers': '3',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '2',
};

/**
 * A dense shape's spacing over COMPACT_OPTIONS: edges 3 px from nodes and 2 px from each other within a column,
 * and bends between columns packed closer (2 px from nodes, 1 px from each other), with 12 px between columns.
 * Measured on Fig. 3's drawing with labels wrapped at 90 px: 1378 px wide with COMPACT_OPTIONS alone, 1339 with 12 px
 * between columns; the bends packed too took another 3–5% off (the tablet needs at most 1268 px for 10 px labels).
 */
export const DENSE_OPTIONS: Record<string, string> = {
  ...COMPACT_OPTIONS,
  'elk.spacing.edgeNode': '3',
  'elk.spacing.edgeEdge': '2',
  'elk.layered.spacing.nodeNodeBetweenLayers': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '2',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '1',
};

/** Seeds tried, in order, for a shape whose drawing has more crossings than dagre's (ELK's default seed is 1). */
export const SEEDS = [2, 3, 4, 5, 6, 7, 8];

/** The shapes `npm run layouts` tries, the default first (it is kept when nothing does better). */
export const SHAPES: FigureShape[] = [
  { leavesLeft: false, compact: false },
  ...[false, true, 'all' as const].flatMap((leavesLeft) => [undefined, 700, 500].map((column) => ({ leavesLeft, compact: true, ...(column ? { column } : {}) }))),
];

/** The dense shapes, tried after SHAPES for a figure that none of those brings to every floor. */
export const DENSE_SHAPES: FigureShape[] = [false, true].flatMap((leavesRight) =>
  [false, true, 'all' as const].flatMap((leavesLeft) =>
    [undefined, 700, 600, 500].map((column) => ({ leavesLeft, compact: true, dense: true, ...(leavesRight ? { leavesRight } : {}), ...(column ? { column } : {}) })),
  ),
);

/**
 * The room a figure gets at its default view on the screens of #9 (the diagram's pane less the fit's margins and
 * the zoom toolbar, in CSS px; app.css lays the panes out) and the smallest label px each must reach there
 * (node labels are 13 px at zoom 1). The browser test tests/e2e/legibility.e2e.ts measures the real thing.
 */
export const SCREENS = [
  { name: '1600×1000', width: 1251, height: 677, floor: 10 },
  { name: '1280×800', width: 1231, height: 610, floor: 9 },
  { name: '1024×768', width: 975, height: 579, floor: 10 },
] as const;

const SPLIT_BASE = 8;

/** The layout input of a figure laid out in `shape` (see above); partitions keep their order. */
export function shapeInput(input: LayoutInput, shape: FigureShape): LayoutInput {
  const partitionOf = new Map(input.nodes.map((n) => [n.id, n.partition]));
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  const inColumn = new Set<string>();
  for (const e of input.edges) {
    outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
    inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
    if (partitionOf.get(e.source) === partitionOf.get(e.target)) inColumn.add(e.source).add(e.target);
  }
  const left = new Set<string>();
  if (shape.leavesLeft)
    for (const n of input.nodes)
      if ((shape.leavesLeft === 'all' ? n.partition > 0 : n.partition === 1) && !outDegree.get(n.id) && input.edges.every((e) => e.target !== n.id || partitionOf.get(e.source) === 0)) left.add(n.id);
  const right = new Set<string>();
  if (shape.leavesRight)
    for (const n of input.nodes) {
      const from = input.edges.filter((e) => e.target === n.id).map((e) => partitionOf.get(e.source));
      if (!left.has(n.id) && !outDegree.get(n.id) && from.length && from.every((p) => p === n.partition)) right.add(n.id);
    }
  // Column 0 is the left leaves; the reading-order columns follow, each with room for its sub-columns.
  const column = (id: string) => (left.has(id) ? 0 : partitionOf.get(id)! + 1 + (right.has(id) ? 1 : 0));
  const byColumn = new Map<number, LayoutInput['nodes']>();
  for (const n of input.nodes) byColumn.set(column(n.id), [...(byColumn.get(column(n.id)) ?? []), n]);
  const spacing = shape.dense ? DENSE_OPTIONS : shape.compact ? COMPACT_OPTIONS : {};
  const gap = Number(spacing['elk.spacing.nodeNode'] ?? 10);
  const partition = new Map<string, number>();
  for (const [c, nodes] of byColumn) {
    const height = nodes.reduce((sum, n) => sum + n.height + gap, -gap);
    const parts = shape.column ? Math.min(SPLIT_BASE, Math.ceil(height / shape.column)) : 1;
    // Entities that act on nothing first (no edge of theirs runs through the later sub-columns), those nothing in
    // the column acts on last; entities linked inside the column stay in the middle.
    const rank = (id: string) => (inColumn.has(id) ? 0 : !outDegree.get(id) ? -1 : !inDegree.get(id) ? 1 : 0);
    const sorted = parts > 1 ? [...nodes].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)) : nodes;
    const share = height / parts;
    let sub = 0;
    let filled = 0;
    for (const n of sorted) {
      if (filled > 0 && filled + n.height / 2 > share && sub < parts - 1) {
        sub++;
        filled = 0;
      }
      partition.set(n.id, c * SPLIT_BASE + sub);
      filled += n.height + gap;
    }
  }
  return {
    ...input,
    nodes: input.nodes.map((n) => ({ ...n, partition: partition.get(n.id)! })),
    ...(shape.compact || shape.dense || shape.seed ? { options: { ...input.options, ...spacing, ...(shape.seed ? { 'elk.randomSeed': String(shape.seed) } : {}) } } : {}),
  };
}

/** How well a drawing of `width` × `height` fits each screen of SCREENS: the ratio of its zoom there to the zoom its floor needs. */
export function fitRatios(width: number, height: number, fontSize: number): number[] {
  return SCREENS.map((s) => Math.min(s.width / width, s.height / height) / (s.floor / fontSize));
}

/**
 * Which of two drawings fits better (positive when `a` does): first the laptops' floors (1600×1000 and 1280×800,
 * the first two screens), then the worst screen including the tablet.
 */
export function compareFit(a: number[], b: number[]): number {
  const laptops = (r: number[]) => Math.min(1, r[0]!, r[1]!);
  return laptops(a) - laptops(b) || Math.min(...a) - Math.min(...b);
}
