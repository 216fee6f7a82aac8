/**
 * The few drawing operations an export needs, with two implementations: Canvas 2D (PNG) and SVG text.
 * Paths are SVG path strings (Canvas 2D draws them through Path2D), so both outputs share one geometry.
 */
import { FONT_LIST } from '../theme/kinds.ts';
import type { SceneEdge, SceneNode } from './scene.ts';

/** A node or edge of the drawing: what follows until `end` draws it. */
export type SceneItem = { type: 'node'; node: SceneNode } | { type: 'edge'; edge: SceneEdge };

export interface PaintStyle {
  fill?: string;
  stroke?: string;
  width?: number;
  dash?: number[];
  opacity?: number;
  lineJoin?: 'round' | 'miter';
}

export interface TextStyle {
  size: number;
  weight?: 400 | 600;
  colour?: string;
  align?: 'left' | 'center' | 'right';
  opacity?: number;
}

export interface Painter {
  /** Draw in a coordinate system scaled by `s` and moved by (tx, ty), until `pop`. */
  push(tx: number, ty: number, s: number): void;
  pop(): void;
  /** Limit drawing to a path until `unclip`. */
  clip(d: string): void;
  unclip(): void;
  path(d: string, style: PaintStyle): void;
  /** One line of text; y is the vertical middle of the line. */
  text(s: string, x: number, y: number, style: TextStyle): void;
  /** Optional: the drawing operations until `end` are one node or edge (SVG groups it, slides make it a shape). */
  begin?(item: SceneItem): void;
  end?(): void;
  /** Optional: what follows belongs to pane `index` (compare figures have two). */
  pane?(index: number): void;
  /** Optional: what follows until `ungroup` is one part of the figure, in the box it was given (frame px). */
  group?(part: 'pane' | 'legend', box: { x: number; y: number; w: number; h: number }): void;
  ungroup?(): void;
}

export const FONT_STACK = `${FONT_LIST}, "Helvetica Neue", Arial, sans-serif`;

export class CanvasPainter implements Painter {
  constructor(private ctx: CanvasRenderingContext2D) {}
  push(tx: number, ty: number, s: number) {
    this.ctx.save();
    this.ctx.translate(tx, ty);
    this.ctx.scale(s, s);
  }
  pop() {
    this.ctx.restore();
  }
  clip(d: string) {
    this.ctx.save();
    this.ctx.clip(new Path2D(d));
  }
  unclip() {
    this.ctx.restore();
  }
  path(d: string, st: PaintStyle) {
    const ctx = this.ctx;
    const p = new Path2D(d);
    ctx.save();
    ctx.globalAlpha = st.opacity ?? 1;
    if (st.fill) {
      ctx.fillStyle = st.fill;
      ctx.fill(p);
    }
    if (st.stroke && (st.width ?? 1) > 0) {
      ctx.strokeStyle = st.stroke;
      ctx.lineWidth = st.width ?? 1;
      ctx.lineJoin = st.lineJoin ?? 'round';
      ctx.lineCap = st.dash?.length ? 'butt' : 'round';
      ctx.setLineDash(st.dash ?? []);
      ctx.stroke(p);
    }
    ctx.restore();
  }
  text(s: string, x: number, y: number, st: TextStyle) {
    const ctx = this.ctx;
    ctx.save();
    ctx.globalAlpha = st.opacity ?? 1;
    ctx.font = `${st.weight ?? 400} ${st.size}px ${FONT_STACK}`;
    ctx.fillStyle = st.colour ?? '#111111';
    ctx.textAlign = st.align ?? 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(s, x, y);
    ctx.restore();
  }
}

/** Text for XML content and attributes: markup in labels or titles stays text, never becomes elements. */
export const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids (control characters other than tab and newlines).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** An XML id from any string: letters, digits, "-", "_" and "." kept, anything else as "_". */
export const xmlId = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
const num = (n: number) => String(Math.round(n * 100) / 100);

export class SvgPainter implements Painter {
  private parts: string[] = [];
  private clips = 0;
  private ids = new Set<string>();
  /** Used characters per weight, for the embedded font subset. */
  readonly used: Record<400 | 600, Set<string>> = { 400: new Set(), 600: new Set() };
  begin(item: SceneItem) {
    const [prefix, id, title] = item.type === 'node' ? ['node', item.node.id, item.node.title] : ['edge', item.edge.id, item.edge.title];
    // Compare figures draw the same entity once per pane: later copies get a number.
    let xid = xmlId(prefix, id);
    for (let k = 2; this.ids.has(xid); k++) xid = `${xmlId(prefix, id)}-${k}`;
    this.ids.add(xid);
    this.parts.push(`<g id="${xid}" class="${prefix}" data-id="${esc(id)}"><title>${esc(title)}</title>`);
  }
  end() {
    this.parts.push('</g>');
  }
  /** A drawing pane or the legend, with the free box it was fitted into (data-box="x y width height"). */
  group(part: 'pane' | 'legend', box: { x: number; y: number; w: number; h: number }) {
    this.parts.push(`<g class="${part}" data-box="${[box.x, box.y, box.w, box.h].map(num).join(' ')}">`);
  }
  ungroup() {
    this.parts.push('</g>');
  }
  push(tx: number, ty: number, s: number) {
    // The scale to five significant digits: rounded to hundredths, 0.9668 became 0.97 and a 1,650 px wide drawing
    // overran its free box by 5 px.
    this.parts.push(`<g transform="translate(${num(tx)} ${num(ty)}) scale(${Number(s.toPrecision(5))})">`);
  }
  pop() {
    this.parts.push('</g>');
  }
  clip(d: string) {
    const id = `clip${++this.clips}`;
    this.parts.push(`<clipPath id="${id}"><path d="${d}"/></clipPath><g clip-path="url(#${id})">`);
  }
  unclip() {
    this.parts.push('</g>');
  }
  path(d: string, st: PaintStyle) {
    const attrs = [
      `d="${d}"`,
      `fill="${st.fill ?? 'none'}"`,
      st.stroke ? `stroke="${st.stroke}" stroke-width="${num(st.width ?? 1)}" stroke-linejoin="${st.lineJoin ?? 'round'}" stroke-linecap="${st.dash?.length ? 'butt' : 'round'}"` : '',
      st.dash?.length ? `stroke-dasharray="${st.dash.map(num).join(' ')}"` : '',
      st.opacity !== undefined && st.opacity < 1 ? `opacity="${num(st.opacity)}"` : '',
    ];
    this.parts.push(`<path ${attrs.filter(Boolean).join(' ')}/>`);
  }
  text(s: string, x: number, y: number, st: TextStyle) {
    const anchor = st.align === 'center' ? 'middle' : st.align === 'right' ? 'end' : 'start';
    const attrs = [
      `x="${num(x)}"`,
      // Alphabetic baseline 0.35 em below the middle: dominant-baseline is drawn differently by browsers,
      // Inkscape and librsvg, the plain baseline the same by all.
      `y="${num(y + st.size * 0.35)}"`,
      `font-size="${num(st.size)}"`,
      st.weight === 600 ? 'font-weight="600"' : '',
      `fill="${st.colour ?? '#111111'}"`,
      `text-anchor="${anchor}"`,
      st.opacity !== undefined && st.opacity < 1 ? `opacity="${num(st.opacity)}"` : '',
    ];
    for (const c of s) this.used[st.weight === 600 ? 600 : 400].add(c);
    this.parts.push(`<text ${attrs.filter(Boolean).join(' ')}>${esc(s)}</text>`);
  }
  /**
   * The finished document. `size` gives the printed size (e.g. "297mm") when it is not the pixel size; `defs` is
   * extra content for <defs> (the embedded font).
   */
  toString(width: number, height: number, background: string | null, title: string, opts: { size?: { width: string; height: string }; defs?: string; fontFamily?: string } = {}): string {
    const family = opts.fontFamily ? `${opts.fontFamily}, ${FONT_STACK}` : FONT_STACK;
    return [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${opts.size?.width ?? width}" height="${opts.size?.height ?? height}" viewBox="0 0 ${width} ${height}" font-family='${family}'>`,
      `<title>${esc(title)}</title>`,
      opts.defs ? `<defs>${opts.defs}</defs>` : '',
      background ? `<rect width="${width}" height="${height}" fill="${background}"/>` : '',
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}
