/**
 * Laying a figure out for the screen's shape (#9: labels of at least 10 px at 1600×1000 and 9 px at 1280×800 and
 * on a 1024×768 tablet, at the default view). A layered drawing of a figure whose cell source acts on fifty
 * entities is a tall column of them, with the source's edges running as long lines through every later column;
 * three changes to the layout input make it wider and lower, without changing what is drawn:
 *  - `leavesLeft`: what the cell is (its markers and traits, partition 1, acted on by the source only and acting on
 *    nothing) stands to the source's left, what it does to its right; the arrows to them point left.
 *  - `column`: a column of the reading order taller than this (in px, estimated from its boxes) is split into as many
 *    sub-columns as it takes, the entities that act on nothing first, those nothing in the column acts on last
 *    (split-bands.ts).
 *  - `pack`: in a split column, the widest boxes first, so that they share a sub-column: a column is as wide as its
 *    widest box, and a few single long words ("Immunomodulation", "microenvironment") spread over every sub-column
 *    made each of them that wide. Tried only for a figure that no dense shape brings to every floor: Table 2, whose
 *    packed columns make it 1216×673 px instead of 1321×744, from 9.6 to 10.4 px labels on the 1024×768 tablet.
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
import { bandsOf, linksOf, sourceLeaves, splitBands } from './split-bands.ts';
import type { LayoutInput, LayoutNode } from './types.ts';

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
  /** In a split column, widest boxes first (within each rank), so that wide boxes share a sub-column. */
  pack?: boolean;
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
  // Stryker disable next-line BooleanLiteral: equivalent, `npm run layouts` lays the default shape out from plainInput and reads none of its fields but `dense` (scripts/figure-search.ts, isDefault), nor writes it (a figure in it has no entry in figure-shapes.json)
  { leavesLeft: false, compact: false },
  ...[false, true, 'all' as const].flatMap((leavesLeft) => [undefined, 700, 500].map((column) => ({ leavesLeft, compact: true, ...(column ? { column } : {}) }))),
];

/** The dense shapes, tried after SHAPES for a figure that none of those brings to every floor. */
export const DENSE_SHAPES: FigureShape[] = [false, true].flatMap((leavesRight) =>
  [
    // Stryker disable next-line BooleanLiteral: search space of `npm run layouts`, whose output CI checks (`-- --check`): no shipped figure is in a dense shape without leaves on the left (`false`), and the search run with `true` here wrote all 10 figures' layouts and shapes byte for byte the same (checked on 2026-11-28); a made-up figure to tell them apart would have to be too large for every compact shape (none of 22 random ones of 29 to 66 entities was), and the search takes tens of seconds on such a figure
    false,
    true,
    'all' as const,
  ].flatMap((leavesLeft) =>
    [undefined, 700, 600, 500].map((column) => ({ leavesLeft, compact: true, dense: true, ...(leavesRight ? { leavesRight } : {}), ...(column ? { column } : {}) })),
  ),
);

/**
 * The dense shapes with split columns, packed (`pack`): tried last, for a figure that no dense shape brings to every
 * floor (Table 2), so that the others keep their drawings (packed, Fig. 5 would have gained 0.3 px on the tablet
 * and lost 0.9 px at 1280×800).
 */
export const PACKED_SHAPES: FigureShape[] = DENSE_SHAPES.filter((s) => s.column).map((s) => ({ ...s, pack: true }));

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
  const links = linksOf(input);
  const left = shape.leavesLeft ? sourceLeaves(input, links, shape.leavesLeft === 'all') : new Set<string>();
  const right = new Set<string>();
  if (shape.leavesRight)
    for (const n of input.nodes) {
      const from = input.edges.filter((e) => e.target === n.id).map((e) => links.partitionOf.get(e.source));
      if (!left.has(n.id) && !links.outDegree.get(n.id) && from.length && from.every((p) => p === n.partition)) right.add(n.id);
    }
  // Column 0 is the left leaves; the reading-order columns follow, each with room for its sub-columns.
  const column = (id: string) => (left.has(id) ? 0 : links.partitionOf.get(id)! + 1 + (right.has(id) ? 1 : 0));
  const spacing = shape.dense ? DENSE_OPTIONS : shape.compact ? COMPACT_OPTIONS : {};
  const partition = splitBands(bandsOf(input, column), links, {
    along: (n) => n.height,
    gap: Number(spacing['elk.spacing.nodeNode'] ?? 10),
    ...(shape.column ? { limit: shape.column } : {}),
    base: SPLIT_BASE,
    ...(shape.pack ? { across: (n: LayoutNode) => n.width } : {}),
  });
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
