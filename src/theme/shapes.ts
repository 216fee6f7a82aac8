/**
 * Node shapes and arrow heads as SVG path data, close to Cytoscape's own drawings. One geometry for the legend
 * (inline SVG), the SVG export and the PNG export (Canvas 2D draws the same strings through Path2D).
 */
import type { ArrowShape, NodeShape } from './kinds.ts';

const f = (n: number) => Math.round(n * 100) / 100;
const poly = (pts: [number, number][]) => `M${pts.map(([x, y]) => `${f(x)},${f(y)}`).join('L')}Z`;

/** Outline of a node of size w×h centred on (cx, cy). */
export function shapePath(shape: NodeShape, cx: number, cy: number, w: number, h: number): string {
  const x0 = cx - w / 2;
  const x1 = cx + w / 2;
  const y0 = cy - h / 2;
  const y1 = cy + h / 2;
  switch (shape) {
    case 'rectangle':
      return poly([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);
    case 'round-rectangle': {
      const r = Math.min(8, w / 4, h / 4);
      return `M${f(x0 + r)},${f(y0)}H${f(x1 - r)}A${r},${r} 0 0 1 ${f(x1)},${f(y0 + r)}V${f(y1 - r)}A${r},${r} 0 0 1 ${f(x1 - r)},${f(y1)}H${f(x0 + r)}A${r},${r} 0 0 1 ${f(x0)},${f(y1 - r)}V${f(y0 + r)}A${r},${r} 0 0 1 ${f(x0 + r)},${f(y0)}Z`;
    }
    case 'ellipse':
      return `M${f(x0)},${f(cy)}A${f(w / 2)},${f(h / 2)} 0 1 0 ${f(x1)},${f(cy)}A${f(w / 2)},${f(h / 2)} 0 1 0 ${f(x0)},${f(cy)}Z`;
    case 'hexagon': {
      const d = Math.min(w / 4, h / 2);
      return poly([[x0 + d, y0], [x1 - d, y0], [x1, cy], [x1 - d, y1], [x0 + d, y1], [x0, cy]]);
    }
    case 'concave-hexagon': {
      const d = Math.min(w / 6, h / 2.5);
      return poly([[x0, y0], [x1, y0], [x1 - d, cy], [x1, y1], [x0, y1], [x0 + d, cy]]);
    }
    case 'octagon': {
      const dx = Math.min(w * 0.2, h * 0.3);
      const dy = h * 0.3;
      return poly([[x0 + dx, y0], [x1 - dx, y0], [x1, y0 + dy], [x1, y1 - dy], [x1 - dx, y1], [x0 + dx, y1], [x0, y1 - dy], [x0, y0 + dy]]);
    }
    case 'cut-rectangle': {
      const c = Math.min(8, w / 4, h / 4);
      return poly([[x0 + c, y0], [x1 - c, y0], [x1, y0 + c], [x1, y1 - c], [x1 - c, y1], [x0 + c, y1], [x0, y1 - c], [x0, y0 + c]]);
    }
    case 'barrel': {
      const b = Math.min(10, w * 0.12);
      return `M${f(x0 + b)},${f(y0)}H${f(x1 - b)}Q${f(x1)},${f(cy)} ${f(x1 - b)},${f(y1)}H${f(x0 + b)}Q${f(x0)},${f(cy)} ${f(x0 + b)},${f(y0)}Z`;
    }
    case 'round-tag': {
      const t = Math.min(h / 2, w / 5);
      return poly([[x0, y0], [x1 - t, y0], [x1, cy], [x1 - t, y1], [x0, y1]]);
    }
    case 'rhomboid': {
      const s = Math.min(w / 6, h);
      return poly([[x0 + s, y0], [x1, y0], [x1 - s, y1], [x0, y1]]);
    }
  }
}

/**
 * An arrow head whose tip is at (x, y), pointing along the unit vector (ux, uy), scaled for a line of the
 * given width. Returns the path and whether it is a stroke-only shape (tee).
 */
export function arrowPath(shape: ArrowShape, x: number, y: number, ux: number, uy: number, size = 9): { d: string; strokeOnly: boolean } {
  // Local frame: forward u, left n.
  const nx = -uy;
  const ny = ux;
  const at = (along: number, side: number): [number, number] => [x + ux * along + nx * side, y + uy * along + ny * side];
  const s = size;
  switch (shape) {
    case 'triangle':
      return { d: poly([at(0, 0), at(-s * 1.3, s * 0.6), at(-s * 1.3, -s * 0.6)]), strokeOnly: false };
    case 'vee':
      return { d: poly([at(0, 0), at(-s * 1.3, s * 0.65), at(-s * 0.9, 0), at(-s * 1.3, -s * 0.65)]), strokeOnly: false };
    case 'chevron':
      return { d: poly([at(0, 0), at(-s, s * 0.7), at(-s * 0.55, 0), at(-s, -s * 0.7)]), strokeOnly: false };
    case 'tee': {
      const [ax, ay] = at(-1, s * 0.8);
      const [bx, by] = at(-1, -s * 0.8);
      return { d: `M${f(ax)},${f(ay)}L${f(bx)},${f(by)}`, strokeOnly: true };
    }
    case 'diamond':
      return { d: poly([at(0, 0), at(-s * 0.8, s * 0.55), at(-s * 1.6, 0), at(-s * 0.8, -s * 0.55)]), strokeOnly: false };
    case 'square':
      return { d: poly([at(0, s * 0.5), at(-s, s * 0.5), at(-s, -s * 0.5), at(0, -s * 0.5)]), strokeOnly: false };
    case 'circle': {
      const [cx, cy] = at(-s * 0.55, 0);
      const r = s * 0.55;
      return { d: `M${f(cx - r)},${f(cy)}A${f(r)},${f(r)} 0 1 0 ${f(cx + r)},${f(cy)}A${f(r)},${f(r)} 0 1 0 ${f(cx - r)},${f(cy)}Z`, strokeOnly: false };
    }
  }
}

/** How far back from the tip the line should stop so it does not poke through the head. */
export const ARROW_LENGTH: Record<ArrowShape, number> = {
  triangle: 11,
  vee: 8,
  chevron: 5,
  tee: 1,
  diamond: 14,
  square: 9,
  circle: 10,
};
