/**
 * Figures laid out top to bottom for a phone held upright (#9 point 6). The left-to-right drawing of a figure is
 * about twice as wide as tall; on a 390×844 screen it would be drawn at a quarter of its size. Here the reading
 * order runs down the screen (ELK direction DOWN: cell source at the top, outcomes at the bottom), and each kind's
 * row is cut into sub-rows no wider than `row` px, so that the drawing is as narrow as a phone's pane at a readable
 * zoom and grows downwards instead.
 *
 * `npm run layouts` (scripts/build-portrait-layouts.ts) tries every shape in PORTRAIT_SHAPES on every figure,
 * keeps the one that reads best on the phones of PHONES with no more edge crossings than dagre (none where dagre
 * has none), no edge through a node and no overlapping boxes, and stores the layout with its shape in
 * src/generated/portrait-layouts/ (one file per figure, loaded by the app only on a phone held upright).
 */
import type { GraphView } from '../model/view.ts';
import { plainInput } from './layout-input.ts';
import type { LayoutFile } from './layout-files.ts';
import { bandsOf, linksOf, sourceLeaves, splitBands } from './split-bands.ts';
import type { LayoutInput } from './types.ts';

/** Key of a view's portrait layout: `figure:fig1` → `portrait:figure:fig1`. */
export const portraitKey = (key: string) => `portrait:${key}`;

/** Where the portrait layouts are stored: one file per figure, named as layout-files.ts names them. */
export const PORTRAIT_LAYOUTS_DIR = 'src/generated/portrait-layouts';

export interface PortraitShape {
  /** Widest row of one kind, in model px, before it is cut into sub-rows. */
  row: number;
  /** Put the entities only the source acts on and that act on nothing (its markers and traits) above the source. */
  leavesUp: boolean;
  /** ELK's random seed for crossing minimisation (default 1), tried when a shape crosses more than dagre. */
  seed?: number;
}

/**
 * Spacing for a phone: rows close together (the arrows still get room: ELK widens a gap for the edges that bend in
 * it), nodes in a row a little apart so that their labels never touch.
 */
export const PORTRAIT_OPTIONS: Record<string, string> = {
  'elk.direction': 'DOWN',
  // Each node on its own, as far left in its row as the order allows (ELK's SIMPLE placement), instead of lined up
  // with what it links to: straightening the cell source's many long edges (NETWORK_SIMPLEX, BRANDES_KOEPF) spread
  // every row over the width of all of them (Fig. 1: 1,074 px wide where its widest row is 420).
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-nodePlacement-strategy.html
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.spacing.nodeNode': '6',
  'elk.layered.spacing.nodeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeNodeBetweenLayers': '3',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '2',
  'elk.spacing.edgeNode': '4',
  'elk.spacing.edgeEdge': '3',
  'elk.padding': '[top=12,left=8,bottom=12,right=8]',
};

/** A stored portrait layout: the positions, the key (`portrait:figure:…`) and the shape they were computed in. */
export type PortraitLayoutFile = LayoutFile & { shape: PortraitShape };

/** Row widths `npm run layouts` tries (each with and without leavesUp), and seeds for a shape that crosses too much. */
export const PORTRAIT_ROWS = [240, 280, 320, 360, 400, 440];
export const PORTRAIT_SEEDS = [2, 3, 4, 5];

export const PORTRAIT_SHAPES: PortraitShape[] = PORTRAIT_ROWS.flatMap((row) => [false, true].map((leavesUp) => ({ row, leavesUp })));

/**
 * The widest a portrait drawing may be (model px, node boxes and edges): fitted to the width of the narrowest phone
 * of PHONES, its labels are then at least that phone's floor (312 / 440 × 13 px = 9.2 px). A drawing as narrow as
 * this opens fitted to the width, its top (the cell source) first, and the reader scrolls down through it.
 */
export const PORTRAIT_MAX_WIDTH = 440;

/**
 * The phones a portrait layout is made for: the box a figure gets at its default view (the pane less the fit's
 * margins and the zoom toolbar, in CSS px; app.css lays the phone's pane out) and the label px it must reach there
 * (node labels are 13 px at zoom 1). tests/e2e/phone.e2e.ts measures the real thing.
 */
export const PHONES = [
  { name: '390×844', width: 342, height: 608, floor: 9 },
  { name: '360×740', width: 312, height: 504, floor: 9 },
] as const;

/** Rows of one kind cut at this many sub-rows at most; partitions are spaced by it so that the order holds. */
const SPLIT_BASE = 16;

/** The layout input of a figure laid out top to bottom in `shape`; partitions (kinds) keep their order. */
export function portraitInput(input: LayoutInput, shape: PortraitShape): LayoutInput {
  const links = linksOf(input);
  // The source's markers and traits (partition 1, acted on only by sources, acting on nothing) go above it.
  const up = shape.leavesUp ? sourceLeaves(input, links) : new Set<string>();
  const group = (id: string) => (up.has(id) ? 0 : links.partitionOf.get(id)! + 1);
  const partition = splitBands(bandsOf(input, group), links, {
    along: (n) => n.width,
    gap: Number(PORTRAIT_OPTIONS['elk.spacing.nodeNode']),
    limit: shape.row,
    base: SPLIT_BASE,
  });
  return {
    key: portraitKey(input.key),
    nodes: input.nodes.map((n) => ({ ...n, partition: partition.get(n.id)! })),
    edges: input.edges,
    options: { ...input.options, ...PORTRAIT_OPTIONS, ...(shape.seed ? { 'elk.randomSeed': String(shape.seed) } : {}) },
  };
}

/** The layout input of a figure's portrait drawing in `shape`: what the stored layout's hash is checked against. */
export function portraitLayoutInput(view: GraphView, shape: PortraitShape): LayoutInput {
  return portraitInput(plainInput(view), shape);
}

/** For each phone of PHONES, the zoom at which a drawing of `width` × `height` fits, over the zoom its floor needs. */
export function phoneFitRatios(width: number, height: number, fontSize: number): number[] {
  return PHONES.map((p) => Math.min(p.width / width, p.height / height) / (p.floor / fontSize));
}
