/**
 * A view as a list of shapes to draw, in model coordinates: nodes with their outline, fill, label lines and
 * source bar; edges as polylines clipped to the node outlines, with arrow heads. The PNG and SVG exports paint
 * the same scene, so they agree with each other and with the screen.
 */
import { positionedBox, textWidth } from '../layout/measure.ts';
import type { Point, Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';
import { markGeometry, type Decorations } from '../theme/decorations.ts';
import { EDGE_COLOUR, KIND_STYLE, LINE_HEIGHT, NODE_FONT_SIZE, RELATION_STYLE, type ArrowShape, type NodeShape } from '../theme/kinds.ts';
import { ARROW_LENGTH } from '../theme/shapes.ts';
import { KIND_LABEL } from '../model/schema.ts';

export interface SceneNode {
  id: string;
  kind: string;
  /** What the node is, in words: label, full name and kind (SVG <title>, slide alt text). */
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: NodeShape;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  double: boolean;
  lines: string[];
  bold: boolean;
  opacity: number;
  bar: string[];
  badge: number;
  highlight: boolean;
  /**
   * An overview's label (export/overview.ts): drawn at this font size (model px), larger than the node's own, on a
   * white backing; its marks then sit where `marksAt` puts them, clear of it (layout/label-room.ts, placeMarks).
   */
  labelSize?: number;
  marksAt?: { bar?: { x1: number; y1: number; x2: number; y2: number }; badge?: { cx: number; cy: number; r: number } };
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  relation: string;
  /** The statement in words with its references, e.g. "miR-144-5p inhibits PTEN [43]". */
  title: string;
  /** From the source outline to the base of the arrow head. */
  points: Point[];
  /** Tip of the arrow head (on the target outline) and its direction. */
  tip: Point;
  dir: Point;
  colours: string[];
  width: number;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: ArrowShape;
  hollow: boolean;
  opacity: number;
}

export interface Scene {
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

const ROUND_SHAPES: ReadonlySet<NodeShape> = new Set(['ellipse']);

/** Where the ray from the node centre towards `toward` leaves the node outline. */
export function clipToNode(n: { x: number; y: number; w: number; h: number; shape: NodeShape }, toward: Point): Point {
  const dx = toward.x - n.x;
  const dy = toward.y - n.y;
  if (dx === 0 && dy === 0) return { x: n.x, y: n.y };
  const a = n.w / 2;
  const b = n.h / 2;
  let t: number;
  if (ROUND_SHAPES.has(n.shape)) t = 1 / Math.sqrt((dx * dx) / (a * a) + (dy * dy) / (b * b));
  else t = Math.min(dx === 0 ? Infinity : a / Math.abs(dx), dy === 0 ? Infinity : b / Math.abs(dy));
  return { x: n.x + dx * t, y: n.y + dy * t };
}

/**
 * @param onlyShown leave out what the overlay dims (the drawing is then fitted to what remains). Edges the screen
 * hides (dimmed edges) are never drawn.
 */
export function buildScene(view: GraphView, positions: Positions, decorations?: Decorations, onlyShown = false): Scene {
  const nodes: SceneNode[] = [];
  const byId = new Map<string, SceneNode>();
  for (const n of view.nodes) {
    const p = positions.nodes[n.id];
    if (!p) continue;
    if (onlyShown && decorations?.nodes.get(n.id)?.dim) continue;
    const box = positionedBox(positions, n.entity);
    const style = KIND_STYLE[n.entity.kind];
    const d = decorations?.nodes.get(n.id);
    const node: SceneNode = {
      id: n.id,
      kind: n.entity.kind,
      title: n.entity.name && n.entity.name !== n.entity.label ? `${n.entity.label}: ${n.entity.name} (${KIND_LABEL[n.entity.kind]})` : `${n.entity.label} (${KIND_LABEL[n.entity.kind]})`,
      x: p.x,
      y: p.y,
      w: box.width,
      h: box.height,
      shape: style.shape,
      fill: style.fill,
      stroke: d?.ownColour ?? (d?.shared ? '#000000' : style.border),
      strokeWidth: d?.shared ? 3 : style.borderWidth,
      dashed: style.borderStyle === 'dashed' && !d?.shared,
      double: style.borderStyle === 'double' && !d?.shared,
      lines: box.text.split('\n'),
      bold: style.bold,
      opacity: d?.dim ? 0.12 : d?.highlight === 'faded' ? 0.15 : 1,
      bar: d?.sourceColours ?? [],
      badge: d?.shared ? d.sourceColours.length : 0,
      highlight: d?.highlight === 'on',
    };
    nodes.push(node);
    byId.set(n.id, node);
  }
  const edges: SceneEdge[] = [];
  const labels = new Map(view.nodes.map((n) => [n.id, n.entity.label]));
  for (const e of view.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    if (decorations?.edges.get(e.id)?.dim) continue;
    // The layout's route (start on the source border, bends, end on the target border), as on screen; a route
    // without ends (none computed) runs from border to border towards the other node.
    // Stryker disable next-line ArrayDeclaration: equivalent, no route and a one-item route both mean "no route"
    const route = positions.edges[e.id] ?? [];
    const bends = route.slice(1, -1);
    const start = route.length >= 2 ? route[0]! : clipToNode(s, t);
    const end = route.length >= 2 ? route.at(-1)! : clipToNode(t, s);
    const before = bends.at(-1) ?? start;
    const len = Math.hypot(end.x - before.x, end.y - before.y) || 1;
    const dir = { x: (end.x - before.x) / len, y: (end.y - before.y) / len };
    const r = RELATION_STYLE[e.relation];
    const back = Math.min(ARROW_LENGTH[r.arrow], len * 0.5);
    const base = { x: end.x - dir.x * back, y: end.y - dir.y * back };
    const d = decorations?.edges.get(e.id);
    const refs = e.refs.length ? ` [${e.refs.join(', ')}]` : '';
    edges.push({
      id: e.id,
      source: e.source,
      target: e.target,
      relation: e.relation,
      title: `${labels.get(e.source) ?? e.source} ${e.relation.replace(/-/g, ' ')} ${labels.get(e.target) ?? e.target}${refs}`,
      points: [start, ...bends, base],
      tip: end,
      dir,
      colours: d?.colours.length ? d.colours : [EDGE_COLOUR],
      width: d?.highlight === 'on' ? 4.5 : d?.colours.length ? 2.4 : 1.6,
      line: r.line,
      arrow: r.arrow,
      hollow: r.hollow,
      opacity: d?.dim ? 0.12 : d?.highlight === 'faded' ? 0.15 : 1,
    });
  }
  const xs = nodes.flatMap((n) => [n.x - n.w / 2, n.x + n.w / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.h / 2, n.y + n.h / 2]);
  // A badge sticks out over the node's top-right corner.
  for (const n of nodes)
    if (n.badge) {
      const { cx, cy, r } = markGeometry(n.x, n.y, n.w, n.h).badge;
      xs.push(cx + r);
      ys.push(cy - r);
    }
  for (const e of edges) for (const p of e.points) {
    xs.push(p.x);
    ys.push(p.y);
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, nodes, edges };
}

type Box = { x1: number; y1: number; x2: number; y2: number };
const meets = (a: Box, b: Box) => Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1);

/** The box of a scene node's label text (its lines, centred on the node), in model coordinates. */
export function labelTextBox(n: SceneNode): Box {
  const size = n.labelSize ?? NODE_FONT_SIZE;
  const w = Math.max(...n.lines.map((l) => textWidth(l, size, n.bold ? 600 : 400)), 0);
  const h = n.lines.length * size * LINE_HEIGHT;
  return { x1: n.x - w / 2, x2: n.x + w / 2, y1: n.y - h / 2, y2: n.y + h / 2 };
}

/** Marks (source bars, count badges) that cover some node's label text: [mark, node whose text it covers]. */
export function marksOverText(scene: Scene): [string, string][] {
  const texts = scene.nodes.map((n) => ({ id: n.id, box: labelTextBox(n) }));
  const out: [string, string][] = [];
  for (const n of scene.nodes) {
    const g = markGeometry(n.x, n.y, n.w, n.h);
    // Stryker disable next-line ArrayDeclaration: equivalent, a stray item has no box (NaN bounds), so it meets nothing
    const marks: [string, Box][] = [];
    const badge = n.marksAt?.badge ?? g.badge;
    if (n.bar.length) marks.push([`bar:${n.id}`, n.marksAt?.bar ?? g.bar]);
    if (n.badge) marks.push([`badge:${n.id}`, { x1: badge.cx - badge.r, x2: badge.cx + badge.r, y1: badge.cy - badge.r, y2: badge.cy + badge.r }]);
    for (const [mark, box] of marks) for (const t of texts) if (meets(box, t.box)) out.push([mark, t.id]);
  }
  return out;
}
