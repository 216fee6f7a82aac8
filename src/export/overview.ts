/**
 * An overview on a page (issue #9, points 2 and 5): a drawing too big for every label to be read at the page's floor
 * keeps them all in place and labels the entities that matter (the atlas with every source on: cell sources, shared
 * factors, ovarian outcomes) at the floor, larger than their nodes, as the screen's level of detail does. The layout
 * keeps room for those labels and their marks (layout/label-room.ts), for the scale the page draws it at; the rest
 * stay unlabelled. Pure.
 */
import { badgeScreenR, lodLabelBox, placeMarks, type ScreenBox } from '../layout/label-room.ts';
import { markGeometry } from '../theme/decorations.ts';
import type { Scene } from './scene.ts';

/** The scene with its box grown to `box` (model px): the room the layout kept for labels is part of the drawing. */
export function withRoom(scene: Scene, box: ScreenBox): Scene {
  const x1 = Math.min(scene.x, box.x1);
  const y1 = Math.min(scene.y, box.y1);
  const x2 = Math.max(scene.x + scene.width, box.x2);
  const y2 = Math.max(scene.y + scene.height, box.y2);
  return { ...scene, x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Labels `wanted` at `labelPx` design px on a page that draws the scene at `zoom` (design px per model px), and leaves
 * the other nodes unlabelled; marks move clear of the larger labels as on screen. Labels whose own size is already
 * at least `labelPx` keep it.
 */
export function labelOverview(scene: Scene, wanted: ReadonlySet<string>, zoom: number, labelPx: number): Scene {
  const own = 13 * zoom >= labelPx;
  const nodes = scene.nodes.map((n) => {
    if (!wanted.has(n.id)) return { ...n, lines: [] };
    if (own) return n;
    const text = n.lines.join('\n');
    const label = lodLabelBox(text, n.bold, labelPx, n.x * zoom, n.y * zoom);
    const node = {
      x1: (n.x - n.w / 2) * zoom,
      x2: (n.x + n.w / 2) * zoom,
      y1: (n.y - n.h / 2) * zoom,
      // Stryker disable next-line ArithmeticOperator: equivalent, placeMarks reads no node bottom (the bar has its own box)
      y2: (n.y + n.h / 2) * zoom,
    };
    const g = markGeometry(n.x, n.y, n.w, n.h);
    const toScreen = (b: ScreenBox): ScreenBox => ({ x1: b.x1 * zoom, x2: b.x2 * zoom, y1: b.y1 * zoom, y2: b.y2 * zoom });
    const put = placeMarks(label, node, n.bar.length ? toScreen(g.bar) : null, n.badge ? badgeScreenR(zoom) : null);
    const marksAt: NonNullable<Scene['nodes'][number]['marksAt']> = {};
    if (put.bar && put.barMoved) marksAt.bar = { x1: put.bar.x1 / zoom, x2: put.bar.x2 / zoom, y1: put.bar.y1 / zoom, y2: put.bar.y2 / zoom };
    if (put.badge) marksAt.badge = { cx: put.badge.cx / zoom, cy: put.badge.cy / zoom, r: put.badge.r / zoom };
    return { ...n, labelSize: labelPx / zoom, marksAt };
  });
  return { ...scene, nodes };
}
