/**
 * Layouts of the two "read it on one screen" views, both from the compact grid (compact.ts):
 * - the compare difference diagram: the left side's own entities left, the shared ones in the middle, the right
 *   side's own right; within each, kinds in reading order from top (cell sources) to bottom (ovarian outcomes);
 * - the atlas's active subgraph: what the active sources act on, in kind bands from sources (top) to outcomes
 *   (bottom); the entities they do not act on are parked below, out of the default view.
 */
import { KIND_PARTITION } from '../model/schema.ts';
import type { Difference, Presence } from '../model/compare.ts';
import type { GraphView } from '../model/view.ts';
import { compactLayout, type CompactLayout, type CompactNode } from './compact.ts';
import { OWN_MARKER_COLUMN_FROM } from './layout-input.ts';
import { nodeBox } from './measure.ts';
import { markExtents, type Extents } from './label-room.ts';
import { KIND_STYLE, NODE_FONT_SIZE } from '../theme/kinds.ts';
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
 * Width / height the difference diagram is laid out for before its stage is measured, and on the compare pages'
 * pictures (src/prerender/render.tsx): the fit box (graph-view/fit.ts) of the compare stage of a 16:10 laptop, with
 * the summary column beside it. Measured in Chromium on the production build: 1.525 at 1280×800, 1.512 at
 * 1440×900, 1.523 at 1600×1000, 1.528 at 1680×1050, 1.538 at 1920×1200; all within the 2.5% under which the canvas
 * keeps the picture's layout (compare-view.tsx). 16:9 screens and the 1024×768 tablet measure 1.73–1.75 and get a
 * layout of their own. tests/e2e/stage-shape.e2e.ts measures it again.
 */
export const DIFFERENCE_ASPECT = 1.52;
/** The atlas stage, with its side panels open, on a laptop screen, until the stage is measured. */
export const ATLAS_ASPECT = 1.5;
/**
 * Gaps of the "read it on one screen" grids (model px). Tight: the labels carry their own padding inside the node
 * boxes (measure.ts), and every pixel saved is zoom at the default view. Measured over the 45 source pairs and 5
 * figure pairs: from 12/10/22/80 to these, the smallest label at 1280×800 went from 9.3 to 10.1 px.
 */
const TIGHT = { gapX: 8, gapY: 8, bandGap: 14 };
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
  /** The zoom the layout kept label room for (see LabelRoom), when it had to. */
  roomZoom?: number;
}

/**
 * What the atlas's default view must show legibly (label-room.ts). Given, the layout keeps room for the labels of
 * `wanted` at `labelPx` on screen when the drawing, fitted to `fit`, would draw labels smaller than that; if even
 * that does not fit, room for `priority` only (the cell sources, shared factors and outcomes of the overview).
 */
export interface LabelRoom {
  /** The box the canvas fits the drawing into, CSS px (graph-view/fit.ts): stage less padding and toolbar. */
  fit: { width: number; height: number };
  /** Largest zoom the canvas fits a drawing at. */
  maxZoom: number;
  /** The level of detail's label size on screen, px. */
  labelPx: number;
  wanted: ReadonlySet<string>;
  priority: ReadonlySet<string>;
  /** Entities drawn with a source bar; `badge`: also a count badge. */
  marks: ReadonlyMap<string, { badge: boolean }>;
}

/** Most layouts tried for one set of labels while looking for the zoom the label room is kept for. */
const ROOM_ROUNDS = 8;
/**
 * When room for every entity in play cannot fit, room for the priority and then the best connected of the others
 * up to this share of what is in play (the floor of issue #9 is 90 % labelled; a few more find room of their own).
 */
const ROOM_SHARE = 0.92;
/** Gaps of the grid when label room is kept: the room already holds the space between labels. */
const ROOMY = { gapX: 2, gapY: 2, bandGap: 6 };

/**
 * The atlas with `active` entities laid out compactly and the others parked in a grid below them, a gap away,
 * so they stay findable (search, links) without taking room in the default view. With `room`, labels that must
 * be drawn have room kept free for them at the default view (see LabelRoom).
 */
export function activeLayout(view: GraphView, active: ReadonlySet<string>, aspect = ATLAS_ASPECT, room?: LabelRoom): ActiveLayout {
  const on = active.size ? active : new Set(view.nodes.map((n) => n.id));
  const plain = arrange(view, on, aspect, null);
  if (!room) return plain;
  const zoomFor = (box: ActiveLayout['box']) => Math.min(room.fit.width / Math.max(box.x2 - box.x1, 1), room.fit.height / Math.max(box.y2 - box.y1, 1), room.maxZoom);
  // Labels drawn at their own size (the level of detail stays off): they sit inside their boxes, which never overlap.
  const start = zoomFor(plain.box);
  if (start * NODE_FONT_SIZE >= room.labelPx) return plain;
  const found = searchTiers(roomTiers(room, basics(view).deg), (keep, last) =>
    searchRoomZoom(
      start,
      (zoom) => zoomFor(arrange(view, on, aspect, { keep, zoom, room }, 0).box),
      (zoom) => {
        const made = arrange(view, on, aspect, { keep, zoom, room });
        return { made, fits: zoomFor(made.box) };
      },
      last,
    ),
  );
  return found ? { ...found.made, roomZoom: found.zoom } : plain;
}

/**
 * Looks for room for each set of labels in turn (roomTiers), skipping empty ones, with `search` (searchRoomZoom):
 * gives the first layout whose room fits; else the last layout the last set's search made (more room than none);
 * else null. Only the last set is searched to the end (`last`): the others stop where they cannot fit.
 */
export function searchTiers<T>(
  tiers: readonly ReadonlySet<string>[],
  search: (keep: ReadonlySet<string>, last: boolean) => { made: T; zoom: number; fits: boolean } | null,
): { made: T; zoom: number; fits: boolean } | null {
  let fallback: { made: T; zoom: number; fits: boolean } | null = null;
  for (const [tier, keep] of tiers.entries()) {
    if (!keep.size) continue;
    const last = tier === tiers.length - 1;
    const found = search(keep, last);
    if (found?.fits) return found;
    if (found && last) fallback = found;
  }
  return fallback;
}

/**
 * The sets of labels room is looked for, in turn, until one fits: every label wanted; when the priority is smaller,
 * then the priority and the best connected others (most relations first, ties by id) up to ROOM_SHARE of the
 * wanted, when that adds some but not all of them; then the priority alone.
 */
export function roomTiers(room: Pick<LabelRoom, 'wanted' | 'priority'>, deg: ReadonlyMap<string, number>): ReadonlySet<string>[] {
  const tiers = [room.wanted];
  if (room.wanted.size > room.priority.size) {
    const others = [...room.wanted].filter((id) => !room.priority.has(id)).sort((a, b) => (deg.get(b) ?? 0) - (deg.get(a) ?? 0) || a.localeCompare(b));
    const room92 = Math.ceil(ROOM_SHARE * room.wanted.size) - room.priority.size;
    if (room92 > 0 && room92 < others.length) tiers.push(new Set([...room.priority, ...others.slice(0, room92)]));
    tiers.push(room.priority);
  }
  return tiers;
}

/**
 * The search for the largest zoom z whose layout, with room kept for z, fits the pane at z or more (to 0.1%): a root
 * of fits(z) - z, by secant steps from `start` (the plain layout's zoom) downwards, in at most ROOM_ROUNDS layouts.
 * `estimate(z)` is the zoom a quick layout with room for z fits at (the cells not ordered: a third of the work);
 * `lay(z)` makes the ordered layout and gives the zoom it fits at. The estimate is trusted until it says a zoom fits
 * and the ordered layout turns out larger; from then on, only ordered layouts are made. Stops early, unless this is
 * the `last` set of labels tried, when less zoom (more room) brings fits(z) - z no closer to 0: these labels cannot
 * all fit. Gives the layout that fits (`fits: true`), else the last one made (null when none was).
 */
export function searchRoomZoom<T>(
  start: number,
  estimate: (zoom: number) => number,
  lay: (zoom: number) => { made: T; fits: number },
  last: boolean,
): { made: T; zoom: number; fits: boolean } | null {
  let lastMade: { made: T; zoom: number; fits: boolean } | null = null;
  // The previous measure of fits(z) - z that a secant step can start from.
  let tried: { zoom: number; gap: number } | null = null;
  let zoom = start;
  let quick = true;
  for (let round = 0; round < ROOM_ROUNDS; round++) {
    let fits = quick ? estimate(zoom) : 0;
    // Whether `fits` can be compared with `tried`: both estimates, or both from ordered layouts.
    let sized = quick;
    if (!quick || fits >= zoom * 0.999) {
      const made = lay(zoom);
      fits = made.fits;
      // Room kept for `zoom` is enough at any larger zoom (label-room.ts, markExtents).
      if (fits >= zoom * 0.999) return { made: made.made, zoom, fits: true };
      lastMade = { made: made.made, zoom, fits: false };
      sized = !quick;
      quick = false;
    }
    const gap = fits - zoom;
    let next = fits * 0.97;
    if (tried && sized) {
      const slope = (gap - tried.gap) / (zoom - tried.zoom);
      // fits(z) - z must grow as z falls; if less zoom (more room) brings it no closer, these labels cannot all fit.
      // (The last tier, the priority, keeps trying: a slope measured from two nearby layouts can mislead.)
      if (!(slope < 0) && !last) break;
      if (!(slope < 0)) {
        tried = null;
        zoom = next;
        continue;
      }
      // A step of at most a fifth below the zoom it fits at: a flat slope would aim far too low.
      next = Math.max(Math.min(next, (zoom - gap / slope) * 0.99), fits * 0.8);
    }
    tried = sized ? { zoom, gap } : null;
    zoom = next;
  }
  return lastMade;
}

const boxOf = (n: { width: number; height: number }, p: { x: number; y: number }, e?: Extents, zoom = 1) => ({
  x1: p.x - Math.max(n.width / 2, (e?.left ?? 0) / zoom),
  x2: p.x + Math.max(n.width / 2, (e?.right ?? 0) / zoom),
  y1: p.y - Math.max(n.height / 2, (e?.up ?? 0) / zoom),
  y2: p.y + Math.max(n.height / 2, (e?.down ?? 0) / zoom),
});

/**
 * What every layout of a view starts from, computed once per view: the atlas asks for several layouts per toggle
 * (activeLayout's search for the zoom its label room fits), each in the task that shows the next drawing.
 */
interface ViewBasics {
  deg: Map<string, number>;
  boxes: Map<string, ReturnType<typeof nodeBox>>;
  /** No routes: edges are straight (compact.ts). */
  routes: Positions['edges'];
}
const basicsByView = new WeakMap<GraphView, ViewBasics>();
function basics(view: GraphView): ViewBasics {
  let b = basicsByView.get(view);
  if (!b) {
    const routes: Positions['edges'] = {};
    for (const e of view.edges) routes[e.id] = [];
    b = { deg: degrees(view), boxes: new Map(view.nodes.map((n) => [n.id, nodeBox(n.entity.label, n.entity.kind)])), routes };
    basicsByView.set(view, b);
  }
  return b;
}

function arrange(view: GraphView, on: ReadonlySet<string>, aspect: number, reserve: { keep: ReadonlySet<string>; zoom: number; room: LabelRoom } | null, sweeps = 4): ActiveLayout {
  const { deg, boxes, routes } = basics(view);
  const column = partitions(view, on);
  // Per node: its box and, when its label is kept room for, how far label and marks reach (screen px).
  const extents = new Map<string, Extents>();
  if (reserve)
    for (const n of view.nodes) {
      if (!on.has(n.id) || !reserve.keep.has(n.id)) continue;
      const b = boxes.get(n.id)!;
      const m = reserve.room.marks.get(n.id);
      extents.set(n.id, markExtents(b.text, KIND_STYLE[n.entity.kind].bold, reserve.room.labelPx, b.width, b.height, reserve.zoom, { bar: Boolean(m), badge: Boolean(m?.badge) }));
    }
  const zoom = reserve?.zoom ?? 1;
  // The room's box around the node, relative to the node's centre (model px).
  const reach = (id: string) => boxOf(boxes.get(id)!, { x: 0, y: 0 }, extents.get(id), zoom);
  const toNode = (n: GraphView['nodes'][number]): CompactNode => {
    const r = reach(n.id);
    return { id: n.id, width: r.x2 - r.x1, height: r.y2 - r.y1, column: 0, band: column(n.entity.kind), weight: deg.get(n.id) ?? 0 };
  };
  // Stryker disable next-line MethodExpression,LogicalOperator,ConditionalExpression: equivalent, an edge with an end outside this grid orders nothing in it (compact.ts skips neighbours it has not placed)
  const shownEdges = view.edges.filter((e) => on.has(e.source) && on.has(e.target));
  // Stryker disable next-line BooleanLiteral: equivalent, this grid's record of routes is not read (the view's own, `routes`, is returned)
  const main = compactLayout(view.nodes.filter((n) => on.has(n.id)).map(toNode), shownEdges, { aspect, ...(reserve ? ROOMY : TIGHT), sweeps, routes: false });
  const rest = view.nodes.filter((n) => !on.has(n.id));
  const nodes: Record<string, { x: number; y: number }> = {};
  // The compact grid places the room's box; the node sits where the room's box has it (a badge's room is on the right).
  for (const [id, p] of Object.entries(main.nodes)) {
    const r = reach(id);
    nodes[id] = { x: Math.round((p.x - (r.x1 + r.x2) / 2) * 10) / 10, y: Math.round((p.y - (r.y1 + r.y2) / 2) * 10) / 10 };
  }
  let height = main.height;
  if (rest.length && sweeps) {
    // Stryker disable next-line MethodExpression,LogicalOperator,ConditionalExpression: equivalent, an edge with an end outside this grid orders nothing in it (compact.ts skips neighbours it has not placed)
    const parkedEdges = view.edges.filter((e) => !on.has(e.source) && !on.has(e.target));
    // Stryker disable next-line BooleanLiteral: equivalent, this grid's record of routes is not read (the view's own, `routes`, is returned)
    const parked = compactLayout(rest.map(toNode), parkedEdges, { aspect: aspect * 2, origin: { x: 0, y: main.height + 400 }, columnGap: 40, routes: false });
    Object.assign(nodes, parked.nodes);
    height = main.height + 400 + parked.height;
  }
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const n of view.nodes) {
    if (!on.has(n.id)) continue;
    const p = nodes[n.id]!;
    const b = boxOf(boxes.get(n.id)!, p, extents.get(n.id), zoom);
    box.x1 = Math.min(box.x1, b.x1);
    box.x2 = Math.max(box.x2, b.x2);
    box.y1 = Math.min(box.y1, b.y1);
    box.y2 = Math.max(box.y2, b.y2);
  }
  return {
    positions: { hash: 'active', nodes, edges: routes, width: Math.max(main.width, 1), height },
    box,
  };
}
