/**
 * Layouts of the two "read it on one screen" views, both from the compact grid (compact.ts):
 * - the compare difference diagram: the left side's own entities left, the shared ones in the middle, the right
 *   side's own right; within each, kinds in reading order from top (cell sources) to bottom (ovarian outcomes);
 * - the atlas's active subgraph: what the active sources act on, in kind columns from sources (left) to outcomes
 *   (right); the entities they do not act on are parked below, out of the default view.
 */
import { KIND_PARTITION } from '../model/schema.ts';
import type { Difference, Presence } from '../model/compare.ts';
import type { GraphView } from '../model/view.ts';
import { compactLayout, type CompactLayout, type CompactNode } from './compact.ts';
import { OWN_MARKER_COLUMN_FROM } from './layout-input.ts';
import { nodeBox } from './measure.ts';
import type { Positions } from './types.ts';

const COLUMN: Record<Presence, number> = { left: 0, shared: 1, right: 2 };

/** Reading-order group of a kind; markers share the released factors' group unless there are many. */
function partitions(view: GraphView, ids: ReadonlySet<string>) {
  const markers = view.nodes.filter((n) => ids.has(n.id) && KIND_PARTITION[n.entity.kind] === 1).length;
  const merge = markers < OWN_MARKER_COLUMN_FROM;
  return (kind: keyof typeof KIND_PARTITION) => {
    const p = KIND_PARTITION[kind];
    return merge && p === 1 ? 2 : p;
  };
}

function degrees(view: GraphView) {
  const d = new Map<string, number>();
  for (const e of view.edges) for (const end of [e.source, e.target]) d.set(end, (d.get(end) ?? 0) + 1);
  return d;
}

/**
 * Width / height the difference diagram aims at before its stage is measured (the compare stage of a 1600×1000
 * window, with the details and summary column beside it); on screen the stage's own shape is used.
 */
export const DIFFERENCE_ASPECT = 1.45;
/** The atlas stage, with its side panels open, on a laptop screen, until the stage is measured. */
export const ATLAS_ASPECT = 1.5;
/**
 * Gaps of the "read it on one screen" grids (model px). Tight: the labels carry their own padding inside the node
 * boxes (measure.ts), and every pixel saved is zoom at the default view. Measured over the 45 source pairs and 5
 * figure pairs: from 12/10/22/80 to these, the smallest label at 1280×800 went from 9.3 to 10.1 px.
 */
const TIGHT = { gapX: 8, gapY: 8, bandGap: 14 } as const;
const DIFFERENCE_COLUMN_GAP = 48;

export function differenceLayout(diff: Difference, aspect = DIFFERENCE_ASPECT): CompactLayout {
  const view = diff.view;
  const all = new Set(view.nodes.map((n) => n.id));
  const band = partitions(view, all);
  const deg = degrees(view);
  const nodes: CompactNode[] = view.nodes.map((n) => {
    const box = nodeBox(n.entity.label, n.entity.kind);
    return { id: n.id, width: box.width, height: box.height, column: COLUMN[diff.nodes.get(n.id) ?? 'shared'], band: band(n.entity.kind), weight: deg.get(n.id) ?? 0 };
  });
  return compactLayout(nodes, view.edges, { aspect, columnGap: DIFFERENCE_COLUMN_GAP, ...TIGHT });
}

export interface ActiveLayout {
  positions: Positions;
  /** Box of the active entities: what the default view fits. */
  box: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * The atlas with `active` entities laid out compactly and the others parked in a grid below them, a gap away,
 * so they stay findable (search, links) without taking room in the default view.
 */
export function activeLayout(view: GraphView, active: ReadonlySet<string>, aspect = ATLAS_ASPECT): ActiveLayout {
  const on = active.size ? active : new Set(view.nodes.map((n) => n.id));
  const deg = degrees(view);
  const column = partitions(view, on);
  const toNode = (n: GraphView['nodes'][number]): CompactNode => {
    const box = nodeBox(n.entity.label, n.entity.kind);
    return { id: n.id, width: box.width, height: box.height, column: 0, band: column(n.entity.kind), weight: deg.get(n.id) ?? 0 };
  };
  const shownEdges = view.edges.filter((e) => on.has(e.source) && on.has(e.target));
  const main = compactLayout(view.nodes.filter((n) => on.has(n.id)).map(toNode), shownEdges, { aspect, ...TIGHT });
  const rest = view.nodes.filter((n) => !on.has(n.id));
  const nodes = { ...main.nodes };
  let height = main.height;
  if (rest.length) {
    const parkedEdges = view.edges.filter((e) => !on.has(e.source) && !on.has(e.target));
    const parked = compactLayout(rest.map(toNode), parkedEdges, { aspect: aspect * 2, origin: { x: 0, y: main.height + 400 }, columnGap: 40 });
    Object.assign(nodes, parked.nodes);
    height = main.height + 400 + parked.height;
  }
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const n of view.nodes) {
    if (!on.has(n.id)) continue;
    const p = nodes[n.id]!;
    const b = nodeBox(n.entity.label, n.entity.kind);
    box.x1 = Math.min(box.x1, p.x - b.width / 2);
    box.x2 = Math.max(box.x2, p.x + b.width / 2);
    box.y1 = Math.min(box.y1, p.y - b.height / 2);
    box.y2 = Math.max(box.y2, p.y + b.height / 2);
  }
  return {
    positions: { hash: 'active', nodes, edges: Object.fromEntries(view.edges.map((e) => [e.id, []])), width: Math.max(main.width, 1), height },
    box,
  };
}
