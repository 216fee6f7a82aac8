/**
 * A presentation figure: title (and caption), the drawing fitted into the frame (never cropped), a legend and a
 * source line naming the review and the references the view cites. Painted by either backend (painter.ts).
 */
import { wrapLabel } from '../layout/measure.ts';
import type { Point } from '../layout/types.ts';
import { EDGE_COLOUR, LINE_HEIGHT, NODE_FONT_SIZE } from '../theme/kinds.ts';
import { markGeometry } from '../theme/decorations.ts';
import type { LegendItems } from '../theme/legend-items.ts';
import { arrowPath, shapePath } from '../theme/shapes.ts';
import type { Painter } from './painter.ts';
import { labelTextBox, type Scene, type SceneEdge, type SceneNode } from './scene.ts';

export interface ExportPane {
  label?: string;
  scene: Scene;
}

export interface ExportContent {
  title: string;
  caption?: string;
  panes: ExportPane[];
  legend: LegendItems;
  /** Source colours in use (overlays, compare sides), for the legend; `second` draws a two-colour swatch. */
  sources: { label: string; colour: string; second?: string }[];
  /** "Source: …" line(s) at the bottom. */
  sourceLine: string;
}

export interface Frame {
  width: number;
  height: number;
}

interface Layout {
  u: number;
  margin: number;
  title: string[];
  caption: string[];
  source: string[];
  legendBox: { x: number; y: number; w: number; h: number };
  legendColumns: number;
  graph: { x: number; y: number; w: number; h: number };
}

/** The halo of an entity on the explained path (Okabe–Ito yellow, as on screen). */
const HIGHLIGHT = '#F0E442';
const TITLE = 26;
const CAPTION = 14;
const SOURCE = 12;
const LEGEND = 13;
const LEGEND_ROW = 21;
const LEGEND_COL = 240;

/**
 * Marks the drawing uses beyond kinds, relations and source colours, so the legend names every colour drawn:
 * the black border and count badge of an entity two or more sources act on, and the path highlight.
 */
function markEntries(c: ExportContent) {
  const nodes = c.panes.flatMap((p) => p.scene.nodes);
  return { shared: nodes.some((n) => n.badge > 0), highlight: nodes.some((n) => n.highlight) };
}

function legendRows(c: ExportContent) {
  const marks = markEntries(c);
  const markRows = (marks.shared ? 1 : 0) + (marks.highlight ? 1 : 0);
  const heads = 2 + (c.sources.length || markRows ? 1 : 0);
  return c.legend.kinds.length + c.legend.relations.length + c.sources.length + markRows + heads;
}

function layout(c: ExportContent, frame: Frame): Layout {
  // One design unit: 1 px on a 1920×1080 slide, scaled with the frame's area for other sizes.
  const u = Math.sqrt((frame.width * frame.height) / (1920 * 1080));
  const margin = 28 * u;
  const inner = frame.width - 2 * margin;
  const title = wrapLabel(c.title, inner / u, TITLE, 600).slice(0, 2);
  const caption = c.caption ? clampLines(wrapLabel(c.caption, inner / u, CAPTION), 2) : [];
  const source = clampLines(wrapLabel(c.sourceLine, inner / u, SOURCE), 3);
  const top = margin + (title.length * TITLE * 1.25 + caption.length * CAPTION * LINE_HEIGHT + 14) * u;
  const bottom = frame.height - margin - source.length * SOURCE * LINE_HEIGHT * u - 10 * u;
  const rows = legendRows(c);
  const available = bottom - top;
  const columns = Math.max(1, Math.ceil((rows * LEGEND_ROW * u) / Math.max(available, 1)));
  const legendW = columns * LEGEND_COL * u;
  const legendBox = { x: frame.width - margin - legendW, y: top, w: legendW, h: available };
  return {
    u,
    margin,
    title,
    caption,
    source,
    legendBox,
    legendColumns: columns,
    graph: { x: margin, y: top, w: legendBox.x - margin - 20 * u, h: available },
  };
}

function clampLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/[\s,;.]*$/, '')}…`;
  return kept;
}

export interface PanePlacement {
  /** The free box the pane's drawing is fitted into (frame px), below its label if any. */
  box: { x: number; y: number; w: number; h: number };
  /** Scene px → frame px. */
  scale: number;
  /** Where the pane's label goes (its vertical middle), if it has one. */
  label?: { x: number; y: number };
}

/**
 * Room kept around a scene's box (scene px) when fitting it: the scene's box runs through node outlines and edge
 * routes, and half of each border, the line caps and arrow heads stick out of it; a path highlight's halo more.
 */
export function scenePad(scene: Scene): number {
  return scene.nodes.some((n) => n.highlight) ? 10 : 4;
}

/** Where each pane's drawing goes in the frame and at what scale: fitted into its free box, never cropped. */
function placePanes(c: ExportContent, L: Layout): PanePlacement[] {
  const u = L.u;
  const gap = 40 * u;
  const labelH = c.panes.some((pane) => pane.label) ? 28 * u : 0;
  const paneW = (L.graph.w - gap * (c.panes.length - 1)) / c.panes.length;
  return c.panes.map((pane, i) => {
    const x0 = L.graph.x + i * (paneW + gap);
    const box = { x: x0, y: L.graph.y + labelH, w: paneW, h: L.graph.h - labelH };
    const pad = 2 * scenePad(pane.scene);
    const scale = Math.min(box.w / Math.max(pane.scene.width + pad, 1), box.h / Math.max(pane.scene.height + pad, 1));
    return { box, scale, ...(pane.label ? { label: { x: x0, y: L.graph.y + labelH / 2 } } : {}) };
  });
}

/** Each pane's free box and scale in a frame of this size (what compose() will draw). */
export function panePlacements(c: ExportContent, frame: Frame): PanePlacement[] {
  return placePanes(c, layout(c, frame));
}

/**
 * The smallest node label the figure shows in this frame, in design px (1 px of a 1920 × 1080 slide, the unit
 * the composition scales with the frame's area).
 */
export function labelPx(c: ExportContent, frame: Frame): number {
  const u = Math.sqrt((frame.width * frame.height) / (1920 * 1080));
  // The smallest label drawn: an overview draws some labels larger than the others, and some not at all.
  const font = (scene: Scene) => {
    const sizes = scene.nodes.filter((n) => n.lines.length).map((n) => n.labelSize ?? NODE_FONT_SIZE);
    return sizes.length ? Math.min(...sizes) : NODE_FONT_SIZE;
  };
  return Math.min(...panePlacements(c, frame).map((p, i) => (font(c.panes[i]!.scene) * p.scale) / u));
}

/** The frame a drawing would get at scale 1: its natural size plus title, legend and source line. */
export function naturalFrame(c: ExportContent): Frame {
  const gap = 40;
  const panesW = c.panes.reduce((w, p) => w + p.scene.width, 0) + gap * (c.panes.length - 1);
  const panesH = Math.max(...c.panes.map((p) => p.scene.height)) + (c.panes.some((p) => p.label) ? 28 : 0);
  const width = Math.ceil(panesW + 2 * 28 + 20 + LEGEND_COL);
  const height = Math.ceil(Math.max(panesH, legendRows(c) * LEGEND_ROW) + 2 * 28 + TITLE * 2.5 + CAPTION * 3 + SOURCE * 4 + 30);
  return { width, height };
}

/** Split a polyline into `n` consecutive pieces of equal length (for multi-coloured edges). */
export function splitPolyline(points: Point[], n: number): Point[][] {
  // Stryker disable next-line EqualityOperator: equivalent, one piece through the loop below is the whole line too
  if (n <= 1) return [points];
  const seg = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = seg.reduce((a, b) => a + b, 0);
  const pieces: Point[][] = [];
  let i = 0;
  let at = 0; // distance along the polyline where segment i starts
  let current: Point[] = [points[0]!];
  for (let k = 1; k <= n; k++) {
    const goal = (total * k) / n;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the last segment seg[i] is undefined and the sum NaN, which ends the loop as well; a sum exactly at goal − 1e-9 cuts within 1e-9 of the same point
    while (i < seg.length && at + seg[i]! < goal - 1e-9) {
      at += seg[i]!;
      i++;
      current.push(points[i]!);
    }
    // A guard: the last goal is the whole length, which the loop above never passes.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, i stays on a segment (see above)
    if (i >= seg.length) break;
    const t = seg[i]! === 0 ? 0 : (goal - at) / seg[i]!;
    const a = points[i]!;
    const b = points[i + 1]!;
    const cut = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    current.push(cut);
    pieces.push(current);
    current = [cut];
  }
  return pieces;
}

const polyD = (pts: Point[]) => `M${pts.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join('L')}`;
const dashFor = (line: SceneEdge['line'], w: number) => (line === 'dashed' ? [6, 4] : line === 'dotted' ? [Math.max(w, 1.5), 3.5] : undefined);

function drawEdge(p: Painter, e: SceneEdge) {
  const pieces = splitPolyline(e.points, e.colours.length);
  pieces.forEach((pts, i) => p.path(polyD(pts), { stroke: e.colours[i] ?? EDGE_COLOUR, width: e.width, dash: dashFor(e.line, e.width), opacity: e.opacity }));
  const head = arrowPath(e.arrow, e.tip.x, e.tip.y, e.dir.x, e.dir.y, 6 + e.width);
  const colour = e.colours.at(-1) ?? EDGE_COLOUR;
  p.path(head.d, {
    fill: head.strokeOnly ? undefined : e.hollow ? '#ffffff' : colour,
    stroke: colour,
    width: head.strokeOnly ? e.width + 1 : 1.2,
    opacity: e.opacity,
  });
}

function drawNode(p: Painter, n: SceneNode) {
  const d = shapePath(n.shape, n.x, n.y, n.w, n.h);
  if (n.highlight) p.path(shapePath(n.shape, n.x, n.y, n.w + 12, n.h + 12), { fill: HIGHLIGHT, opacity: 0.9 });
  p.path(d, { fill: n.fill, opacity: n.opacity });
  // Bar and badge where the screen draws them (theme/decorations.ts), clear of the label text.
  const marks = markGeometry(n.x, n.y, n.w, n.h);
  if (n.bar.length) {
    // A bar moved under an overview's label lies outside the node: drawn whole, not clipped to it.
    const bar = n.marksAt?.bar ?? marks.bar;
    if (!n.marksAt?.bar) p.clip(d);
    const seg = (bar.x2 - bar.x1) / n.bar.length;
    const bh = bar.y2 - bar.y1;
    n.bar.forEach((c, i) => {
      const x = bar.x1 + i * seg;
      p.path(`M${x},${bar.y1}h${seg + 0.5}v${bh}h${-(seg + 0.5)}Z`, { fill: c, opacity: n.opacity });
    });
    if (!n.marksAt?.bar) p.unclip();
  }
  p.path(d, { stroke: n.stroke, width: n.strokeWidth, dash: n.dashed ? [4, 3] : undefined, opacity: n.opacity });
  if (n.double) p.path(shapePath(n.shape, n.x, n.y, n.w - 6, n.h - 6), { stroke: n.stroke, width: 1, opacity: n.opacity });
  const size = n.labelSize ?? NODE_FONT_SIZE;
  const lh = size * LINE_HEIGHT;
  if (n.labelSize && n.lines.length) {
    // An overview's label, larger than its node: on a white backing, over the node's outline (as on screen).
    // Its backing within the room kept for it (label-room.ts, lodLabelBox: 2 px each side, 1 px above and below at
    // the page's 14 px, here in the label's own units).
    const b = labelTextBox(n);
    const [px, py] = [1.5 * (size / NODE_FONT_SIZE), 0.9 * (size / NODE_FONT_SIZE)];
    p.path(`M${b.x1 - px},${b.y1 - py}H${b.x2 + px}V${b.y2 + py}H${b.x1 - px}Z`, { fill: '#ffffff', opacity: 0.85 * n.opacity });
  }
  n.lines.forEach((line, i) => {
    const y = n.y + (i - (n.lines.length - 1) / 2) * lh;
    p.text(line, n.x, y, { size, weight: n.bold ? 600 : 400, align: 'center', opacity: n.opacity });
  });
  if (n.badge) {
    const { cx, cy, r } = n.marksAt?.badge ?? marks.badge;
    p.path(`M${cx - r},${cy}a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0Z`, { fill: '#000000', opacity: n.opacity });
    p.text(String(n.badge), cx, cy, { size: 11 * (r / marks.badge.r), weight: 600, colour: '#ffffff', align: 'center', opacity: n.opacity });
  }
}

export function drawScene(p: Painter, scene: Scene) {
  for (const e of scene.edges) {
    p.begin?.({ type: 'edge', edge: e });
    drawEdge(p, e);
    p.end?.();
  }
  for (const n of scene.nodes) {
    p.begin?.({ type: 'node', node: n });
    drawNode(p, n);
    p.end?.();
  }
}

function drawLegend(p: Painter, c: ExportContent, box: Layout['legendBox'], columns: number, u: number) {
  p.push(box.x, box.y, u);
  const rowsPerColumn = Math.ceil(legendRows(c) / columns);
  let row = 0;
  const at = () => {
    const col = Math.floor(row / rowsPerColumn);
    const r = row % rowsPerColumn;
    row++;
    return { x: col * LEGEND_COL, y: r * LEGEND_ROW + LEGEND_ROW / 2 };
  };
  const heading = (s: string) => {
    const { x, y } = at();
    p.text(s, x, y, { size: LEGEND, weight: 600 });
  };
  heading('Entities');
  for (const k of c.legend.kinds) {
    const { x, y } = at();
    const s = k.style;
    p.path(shapePath(s.shape, x + 16, y, 30, 15), { fill: s.fill, stroke: s.border, width: Math.min(s.borderWidth, 2), dash: s.borderStyle === 'dashed' ? [3, 2] : undefined });
    p.text(k.label, x + 40, y, { size: LEGEND });
  }
  heading('Relations');
  for (const r of c.legend.relations) {
    const { x, y } = at();
    const dash = r.style.line === 'dashed' ? [5, 3] : r.style.line === 'dotted' ? [1.5, 2.5] : undefined;
    p.path(`M${x + 1},${y}L${x + 26},${y}`, { stroke: EDGE_COLOUR, width: 1.6, dash });
    const head = arrowPath(r.style.arrow, x + 34, y, 1, 0, 6);
    p.path(head.d, { fill: head.strokeOnly ? undefined : r.style.hollow ? '#ffffff' : EDGE_COLOUR, stroke: EDGE_COLOUR, width: head.strokeOnly ? 2.2 : 1.2 });
    // Long group names are shortened to their first clause to fit the column.
    const label = r.group.replace(/ \(.*\)$/, '');
    p.text(label, x + 40, y, { size: LEGEND });
  }
  const marks = markEntries(c);
  if (c.sources.length || marks.shared || marks.highlight) {
    heading(c.sources.some((s) => s.second) ? 'Compared sides' : c.sources.length ? 'Cell sources' : 'Marks');
    for (const s of c.sources) {
      const { x, y } = at();
      p.path(`M${x + 4},${y - 6}h24v12h-24Z`, { fill: s.colour });
      if (s.second) p.path(`M${x + 16},${y - 6}h12v12h-12Z`, { fill: s.second });
      p.text(s.label, x + 40, y, { size: LEGEND });
    }
    if (marks.shared) {
      // The black border and count badge (decorations.ts) of an entity two or more active sources act on.
      const { x, y } = at();
      p.path(shapePath('round-rectangle', x + 16, y, 26, 14), { fill: '#ffffff', stroke: '#000000', width: 2 });
      p.path(`M${x + 23},${y - 7}a5,5 0 1 0 10,0a5,5 0 1 0 -10,0Z`, { fill: '#000000' });
      p.text('Acted on by 2+ sources (count)', x + 40, y, { size: LEGEND });
    }
    if (marks.highlight) {
      const { x, y } = at();
      p.path(shapePath('round-rectangle', x + 16, y, 30, 16), { fill: HIGHLIGHT });
      p.text('On the explained path', x + 40, y, { size: LEGEND });
    }
  }
  p.pop();
}

/** Paint the whole figure into a frame of the given size (in output pixels). */
export function compose(p: Painter, c: ExportContent, frame: Frame) {
  const L = layout(c, frame);
  const u = L.u;
  let y = L.margin;
  for (const line of L.title) {
    p.text(line, L.margin, y + (TITLE * 1.25 * u) / 2, { size: TITLE * u, weight: 600 });
    y += TITLE * 1.25 * u;
  }
  for (const line of L.caption) {
    p.text(line, L.margin, y + (CAPTION * LINE_HEIGHT * u) / 2, { size: CAPTION * u, colour: '#444444' });
    y += CAPTION * LINE_HEIGHT * u;
  }

  placePanes(c, L).forEach((place, i) => {
    const pane = c.panes[i]!;
    if (place.label) p.text(pane.label!, place.label.x, place.label.y, { size: 16 * u, weight: 600 });
    const { box, scale: s } = place;
    const tx = box.x + (box.w - pane.scene.width * s) / 2 - pane.scene.x * s;
    const ty = box.y + (box.h - pane.scene.height * s) / 2 - pane.scene.y * s;
    p.pane?.(i);
    p.group?.('pane', box);
    p.push(tx, ty, s);
    drawScene(p, pane.scene);
    p.pop();
    p.ungroup?.();
  });

  p.group?.('legend', L.legendBox);
  drawLegend(p, c, L.legendBox, L.legendColumns, u);
  p.ungroup?.();

  let sy = frame.height - L.margin - L.source.length * SOURCE * LINE_HEIGHT * u;
  for (const line of L.source) {
    p.text(line, L.margin, sy + (SOURCE * LINE_HEIGHT * u) / 2, { size: SOURCE * u, colour: '#333333' });
    sy += SOURCE * LINE_HEIGHT * u;
  }
}

/** "30, 32–45, 49": reference numbers as compact ranges. */
export function numberRanges(ns: readonly number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    // Past the end sorted[j + 1] is undefined, which is no next number.
    while (sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : j === i ? `${sorted[i]}` : `${sorted[i]}, ${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

