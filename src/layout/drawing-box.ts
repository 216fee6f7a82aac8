/** The box a view's drawing covers in model coordinates: node boxes and edge bend points. */
import type { GraphView } from '../model/view.ts';
import { positionedBox } from './measure.ts';
import type { Positions } from './types.ts';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The canvas fits this box to its pane, and the prerendered picture uses it as its viewBox, so the two agree to the
 * pixel when the canvas takes over from the picture.
 */
export function drawingBox(view: GraphView, positions: Positions): Box {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of view.nodes) {
    const p = positions.nodes[n.id];
    if (!p) continue;
    const b = positionedBox(positions, n.entity);
    x1 = Math.min(x1, p.x - b.width / 2);
    x2 = Math.max(x2, p.x + b.width / 2);
    y1 = Math.min(y1, p.y - b.height / 2);
    y2 = Math.max(y2, p.y + b.height / 2);
  }
  for (const e of view.edges)
    for (const p of positions.edges[e.id] ?? []) {
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
    }
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return { x1, y1, x2, y2 };
}
