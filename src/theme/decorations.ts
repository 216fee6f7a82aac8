/**
 * What an overlay looks like, independent of any drawing library: which elements are dimmed, which source
 * colours each node and edge carries, what a path highlight covers. The canvas (graph-view/overlay-styles.ts)
 * and the exports (src/export) both draw from these.
 */
import type { Overlay } from '../model/overlay.ts';
import type { GraphView } from '../model/view.ts';
import type { Difference } from '../model/compare.ts';

export type Highlight = 'on' | 'faded' | null;

export interface NodeDecoration {
  dim: boolean;
  /** Colours of the active sources acting on this entity (a bar along the node's bottom). */
  sourceColours: string[];
  /** Two or more sources: drawn with a black border and a count badge. */
  shared: boolean;
  /** For an active MSC source node: its own colour, drawn as its border. */
  ownColour?: string;
  highlight: Highlight;
}

export interface EdgeDecoration {
  dim: boolean;
  /** Colours of the sources supporting the edge (equal stripes along it). */
  colours: string[];
  highlight: Highlight;
}

export interface Decorations {
  nodes: Map<string, NodeDecoration>;
  edges: Map<string, EdgeDecoration>;
}

export function decorate(
  view: GraphView,
  overlay: Overlay | null,
  colourOf: (source: string) => string,
  highlight: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null,
  showSources: boolean,
): Decorations {
  const nodes = new Map<string, NodeDecoration>();
  const edges = new Map<string, EdgeDecoration>();
  for (const n of view.nodes) {
    const o = overlay?.nodes.get(n.id);
    const isSource = n.entity.kind === 'msc-source';
    const colours = showSources && o && !isSource ? o.sources.map(colourOf) : [];
    nodes.set(n.id, {
      dim: Boolean(o && !o.on),
      sourceColours: colours,
      shared: colours.length >= 2,
      ...(showSources && isSource && o?.sources.includes(n.id) ? { ownColour: colourOf(n.id) } : {}),
      highlight: highlight ? (highlight.nodes.has(n.id) ? 'on' : 'faded') : null,
    });
  }
  for (const e of view.edges) {
    const o = overlay?.edges.get(e.id);
    edges.set(e.id, {
      dim: Boolean(o && !o.on),
      colours: showSources && o ? o.sources.map(colourOf) : [],
      highlight: highlight ? (highlight.edges.has(e.id) ? 'on' : 'faded') : null,
    });
  }
  return { nodes, edges };
}

/** A pane's look: entities both sides share get both colours (and a black border), the rest their side's colour. */
export function paneDecorations(pane: GraphView, other: GraphView, own: string, otherColour: string): Decorations {
  const otherNodes = new Set(other.nodes.map((n) => n.id));
  const otherEdges = new Set(other.edges.map((e) => e.id));
  const nodes: Decorations['nodes'] = new Map();
  const edges: Decorations['edges'] = new Map();
  for (const n of pane.nodes) {
    const shared = otherNodes.has(n.id);
    nodes.set(n.id, { dim: false, sourceColours: shared ? [own, otherColour] : [own], shared, highlight: null });
  }
  for (const e of pane.edges) edges.set(e.id, { dim: false, colours: otherEdges.has(e.id) ? [own, otherColour] : [own], highlight: null });
  return { nodes, edges };
}

/** Height of the source-colour bar along a node's bottom, in model pixels. */
export const SOURCE_BAR = 6;
/** Radius of a shared entity's count badge, in model pixels (the screen may draw it larger when zoomed out). */
export const BADGE_R = 8;
/** The largest badge radius that stays clear of the label text (measure.ts pads text 12 px from the sides). */
export const BADGE_R_MAX = 11;

export interface MarkGeometry {
  /** The source bar: inside the node's bottom edge, under the label's padding. */
  bar: { x1: number; y1: number; x2: number; y2: number };
  /** The count badge: centred on the node's top-right corner, so it covers border and padding, never text. */
  badge: { cx: number; cy: number; r: number };
}

/**
 * Where a node's marks go, for the screen (graph-view/source-marks.ts) and the exports (export/compose.ts) alike.
 * `minScreenR` keeps the badge at least that many screen pixels across at `zoom`, up to BADGE_R_MAX.
 */
export function markGeometry(x: number, y: number, w: number, h: number, zoom = 1, minScreenR = 0): MarkGeometry {
  const r = Math.min(Math.max(BADGE_R, minScreenR / zoom), BADGE_R_MAX);
  return {
    bar: { x1: x - w / 2, y1: y + h / 2 - SOURCE_BAR, x2: x + w / 2, y2: y + h / 2 },
    badge: { cx: x + w / 2, cy: y - h / 2, r },
  };
}

/**
 * The difference diagram's look: each entity and each arrow in the colour of the side that states it, both
 * colours (a two-part bar, a two-colour stripe) where both do. Position already says what is shared, so no
 * count badge.
 */
export function differenceDecorations(diff: Difference, left: string, right: string): Decorations {
  const colours = (p: 'left' | 'right' | 'shared') => (p === 'left' ? [left] : p === 'right' ? [right] : [left, right]);
  const nodes: Decorations['nodes'] = new Map();
  const edges: Decorations['edges'] = new Map();
  for (const n of diff.view.nodes) {
    const p = diff.nodes.get(n.id) ?? 'shared';
    nodes.set(n.id, { dim: false, sourceColours: n.entity.kind === 'msc-source' ? [] : colours(p), shared: false, ...(n.entity.kind === 'msc-source' ? { ownColour: colours(p)[0]! } : {}), highlight: null });
  }
  for (const e of diff.view.edges) edges.set(e.id, { dim: false, colours: colours(diff.edges.get(e.id) ?? 'shared'), highlight: null });
  return { nodes, edges };
}
