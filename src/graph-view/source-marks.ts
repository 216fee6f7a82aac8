/**
 * Source marks drawn on a canvas of our own above Cytoscape's: a bar of source colours along the bottom of each
 * node, and for an entity two or more sources share, a black outline and a count badge.
 *
 * Why not Cytoscape styles: every node whose style changes has its cached texture redrawn, so a source toggle on
 * the atlas (which changes the marks of a hundred nodes) made one long frame. Drawn here, a toggle costs a
 * repaint of a few hundred rectangles, and Cytoscape only restyles edges and dimmed nodes.
 */
import type { Core } from 'cytoscape';
import { markGeometry, type MarkGeometry } from '../theme/decorations.ts';
import type { NodeShape } from '../theme/kinds.ts';
import { shapePath } from '../theme/shapes.ts';
import { drawingPaused } from './big-drawing.ts';

export interface SourceMark {
  colours: readonly string[];
  shared: boolean;
  /** Drawn faint (outside a highlighted path). */
  faded: boolean;
}

/** A mark's box in model coordinates (for the browser tests: marks must never cover label text). */
export interface MarkBox {
  id: string;
  kind: 'badge' | 'bar';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

import { BADGE_SCREEN_R } from '../layout/label-room.ts';

/**
 * Where a node's marks go instead of their usual place, in model coordinates: when the level of detail draws a
 * label larger than its node (label-lod.ts), the bar moves under the label and the badge beside it; `hidden` when
 * the node's own label is not drawn and its marks would sit on a drawn label.
 */
export interface MarkPlacement {
  bar?: { x1: number; y1: number; x2: number; y2: number };
  badge?: { cx: number; cy: number; r: number };
  hidden?: boolean;
}

/**
 * Whether Cytoscape holds its frames: a batch is open (cy.batching(), which its typings leave out), or its drawing is
 * paused (big-drawing.ts: a big drawing staged, or the atlas painted into its layered cache before it is shown).
 */
const held = (cy: Core) => (cy as unknown as { batching(): boolean }).batching() || drawingPaused(cy);

export class SourceMarksLayer {
  private canvas: HTMLCanvasElement;
  private marks: ReadonlyMap<string, SourceMark> = new Map();
  private placements: ReadonlyMap<string, MarkPlacement> = new Map();
  /**
   * Boxes (model coordinates) of the labels the level of detail draws larger than their nodes: a shared entity's
   * black outline, drawn on this layer over the canvas, would otherwise cross the ends of its own wide label (which
   * then read as cut: "Genetic stabil").
   */
  private labels: readonly { x1: number; y1: number; x2: number; y2: number }[] = [];
  private onRender = () => this.draw();
  private frame: number | null = null;
  /** Drawn since the last set(). */
  // Stryker disable next-line BooleanLiteral: equivalent, read only in the frame set() asks for, after set() made it false
  private drawn = true;

  constructor(
    private cy: Core,
    container: HTMLElement,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'source-marks';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '1' });
    container.append(this.canvas);
    // Cytoscape fires "render" after each frame it draws: pan, zoom, restyle.
    cy.on('render', this.onRender);
  }

  set(marks: ReadonlyMap<string, SourceMark>) {
    this.marks = marks;
    // Drawn with Cytoscape's next frame when the same change restyles it (the usual case: one paint, not two);
    // otherwise in the next animation frame on its own.
    this.drawn = false;
    this.drawSoon();
  }

  /**
   * Draws in the next animation frame, unless Cytoscape's next frame draws first; while Cytoscape holds its frames
   * (a batch: a new drawing or a restyle computed ahead in slices, deferred-styles.ts), in the first frame after it
   * lets go, with the picture the marks belong to, never over the one before.
   */
  private drawSoon() {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      if (this.drawn) return;
      if (held(this.cy)) this.drawSoon();
      else this.draw();
    });
  }

  /** The marks of a node (what it would draw), for whoever places labels around them. */
  markOf(id: string): SourceMark | undefined {
    const m = this.marks.get(id);
    return m?.colours.length ? m : undefined;
  }

  /** Moves or hides some nodes' marks (the level of detail's labels); an empty map puts every mark back. */
  place(placements: ReadonlyMap<string, MarkPlacement>, labels: readonly { x1: number; y1: number; x2: number; y2: number }[] = []) {
    if (placements.size === 0 && this.placements.size === 0 && labels.length === 0 && this.labels.length === 0) return;
    this.placements = placements;
    this.labels = labels;
    // (The level of detail places them for a drawing still held, in its last slice: drawn with it.)
    if (!held(this.cy)) return this.draw();
    this.drawn = false;
    this.drawSoon();
  }

  /** Bar and badge of a node as drawn at `zoom`, placements applied; null when hidden. */
  private geometry(id: string, x: number, y: number, w: number, h: number, zoom: number): MarkGeometry | null {
    const g = markGeometry(x, y, w, h, zoom, BADGE_SCREEN_R);
    const p = this.placements.get(id);
    if (!p) return g;
    if (p.hidden) return null;
    return { bar: p.bar ?? g.bar, badge: p.badge ?? g.badge };
  }

  /** The boxes of the marks drawn now, in model coordinates. */
  boxes(): MarkBox[] {
    const out: MarkBox[] = [];
    const zoom = this.cy.zoom();
    for (const [id, mark] of this.marks) {
      if (!mark.colours.length) continue;
      const node = this.cy.getElementById(id);
      if (node.empty() || !node.visible()) continue;
      const p = node.position();
      const g = this.geometry(id, p.x, p.y, node.data('w') as number, node.data('h') as number, zoom);
      if (!g) continue;
      out.push({ id, kind: 'bar', ...g.bar });
      if (mark.shared) out.push({ id, kind: 'badge', x1: g.badge.cx - g.badge.r, y1: g.badge.cy - g.badge.r, x2: g.badge.cx + g.badge.r, y2: g.badge.cy + g.badge.r });
    }
    return out;
  }

  destroy() {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.cy.off('render', this.onRender);
    this.canvas.remove();
  }

  /** Node outlines in model coordinates, kept across frames (a pan or zoom redraws every mark). */
  private outlines = new Map<string, { key: string; path: Path2D }>();

  private outline(id: string, shape: NodeShape, x: number, y: number, w: number, h: number) {
    const key = `${shape} ${x} ${y} ${w} ${h}`;
    const hit = this.outlines.get(id);
    if (hit?.key === key) return hit.path;
    const path = new Path2D(shapePath(shape, x, y, w, h));
    this.outlines.set(id, { key, path });
    return path;
  }

  private draw() {
    this.drawn = true;
    const cy = this.cy;
    const dpr = window.devicePixelRatio || 1;
    const w = cy.width();
    const h = cy.height();
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.marks.size === 0) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    // Cull what is off screen.
    const x1 = -pan.x / zoom;
    const y1 = -pan.y / zoom;
    const x2 = x1 + w / zoom;
    const y2 = y1 + h / zoom;
    // What is in view, with each node's outline and its marks' geometry at this zoom.
    const shown: { id: string; mark: SourceMark; outline: Path2D; alpha: number; g: MarkGeometry | null }[] = [];
    for (const [id, mark] of this.marks) {
      if (!mark.colours.length) continue;
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      const p = node.position();
      const nw = node.data('w') as number;
      const nh = node.data('h') as number;
      if (p.x + nw / 2 < x1 || p.x - nw / 2 > x2 || p.y + nh / 2 < y1 || p.y - nh / 2 > y2) continue;
      // Faint like the node itself when a selection or a path fades it.
      const alpha = mark.faded || node.hasClass('faded') || node.hasClass('off') ? 0.15 : 1;
      shown.push({ id, mark, outline: this.outline(id, node.data('shape') as NodeShape, p.x, p.y, nw, nh), alpha, g: this.geometry(id, p.x, p.y, nw, nh, zoom) });
    }
    // The black outline of a shared entity is its border: drawn even when its bar and badge give way to a label, but
    // not on the labels the level of detail draws. All outlines first, then those labels' boxes erased: a clip to
    // the view less the boxes (even-odd) did the same, but each such clip is a mask of the whole canvas, which the
    // browser's software raster computed for every shared entity in every frame: committing the atlas's canvases
    // took 13-14 ms of each frame of a node move, pan or zoom with it, 2-3 ms without.
    for (const { mark, outline, alpha } of shown) {
      if (!mark.shared) continue;
      ctx.globalAlpha = alpha;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#000';
      ctx.stroke(outline);
    }
    if (this.labels.length) {
      // Erased the way the clip's edge was drawn, antialiased (clearRect would round the boxes' edges to pixels).
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'destination-out';
      ctx.fillStyle = '#000';
      for (const b of this.labels) ctx.fillRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
      ctx.globalCompositeOperation = 'source-over';
    }
    for (const { id, mark, outline, alpha, g } of shown) {
      if (!g) continue;
      ctx.globalAlpha = alpha;
      // A bar moved under a level-of-detail label lies outside the node: drawn whole, not clipped to the node.
      const moved = this.placements.get(id)?.bar !== undefined;
      ctx.save();
      if (!moved) ctx.clip(outline);
      const seg = (g.bar.x2 - g.bar.x1) / mark.colours.length;
      mark.colours.forEach((c, i) => {
        ctx.fillStyle = c;
        ctx.fillRect(g.bar.x1 + i * seg, g.bar.y1, seg + 0.5, g.bar.y2 - g.bar.y1);
      });
      ctx.restore();
      if (mark.shared) {
        const { cx, cy: by, r } = g.badge;
        ctx.fillStyle = '#000';
        ctx.beginPath();
        ctx.arc(cx, by, r, 0, 2 * Math.PI);
        ctx.fill();
        if (r * zoom >= 5) {
          ctx.fillStyle = '#fff';
          ctx.font = `600 ${r * 1.35}px Inter, sans-serif`;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(String(mark.colours.length), cx, by + r * 0.08);
        }
      }
    }
    ctx.globalAlpha = 1;
  }
}
