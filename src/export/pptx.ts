/**
 * PowerPoint (.pptx) of a composed figure with native, editable shapes: each node a preset shape in its kind's
 * form and colours with its label as real text, each edge a connector glued to its two nodes (move a node in
 * PowerPoint and its arrows follow), title, legend and source line as text boxes. 16:9 (13.333 × 7.5 in).
 *
 * Built with pptxgenjs (loaded only when exporting); pptxgenjs has no connectors, so they are added to the slide
 * XML afterwards (DrawingML p:cxnSp, ECMA-376 Part 1 §19.3.1.19). Everything the figure shows goes through
 * pptxgenjs's or our XML escaping: text from the data never becomes markup.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ArrowShape, NodeShape } from '../theme/kinds.ts';
import { arrowPath, shapePath } from '../theme/shapes.ts';
import { compose, type ExportContent, type Frame } from './compose.ts';
import { esc, type PaintStyle, type Painter, type SceneItem, type TextStyle } from './painter.ts';
import type { SceneEdge, SceneNode } from './scene.ts';
import { parsePath } from './svg-path.ts';

/** The slide: PowerPoint's widescreen layout, composed like the 1920 × 1080 PNG slide. */
export const SLIDE_FRAME: Frame = { width: 1920, height: 1080 };
const SLIDE_IN = { w: 13.333, h: 7.5 };
const EMU_PER_IN = 914400;
/** Slides are set in a font every PowerPoint, Keynote and Google Slides has; Inter is not installed everywhere. */
export const SLIDE_FONT = 'Arial';

/** DrawingML preset for each node form; forms without one are drawn as custom geometry from the same outline. */
const PRESET: Partial<Record<NodeShape, string>> = {
  rectangle: 'rect',
  'round-rectangle': 'roundRect',
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  octagon: 'octagon',
  'round-tag': 'homePlate',
  rhomboid: 'parallelogram',
};

/** DrawingML line ends (ECMA-376 §20.1.10.33): no bar or square, those heads are drawn as small shapes. */
const LINE_END: Record<ArrowShape, string | null> = {
  triangle: 'triangle',
  vee: 'stealth',
  chevron: 'arrow',
  diamond: 'diamond',
  circle: 'oval',
  tee: null,
  square: null,
};

/** pptxgenjs writes custom geometry for this shape name (its type list lacks it). */
const CUSTOM = 'custGeom' as PptxGenJS.ShapeType;

const hex = (c: string) => c.replace('#', '').toUpperCase().padEnd(6, '0').slice(0, 6);
const transparency = (opacity = 1) => Math.round((1 - opacity) * 100);

interface Transform {
  tx: number;
  ty: number;
  s: number;
}

export interface PlacedEdge {
  edge: SceneEdge;
  /** Inches on the slide. */
  from: { x: number; y: number };
  to: { x: number; y: number };
  width: number;
  fromNode: string;
  toNode: string;
}

/** A Painter that turns the composed figure into slide objects. Coordinates arrive in frame pixels. */
export class SlidePainter implements Painter {
  private stack: Transform[] = [{ tx: 0, ty: 0, s: 1 }];
  private skip = 0;
  private paneIndex = 0;
  readonly edges: PlacedEdge[] = [];
  /** Shape name → what the node is (alt text). */
  readonly nodeTitles = new Map<string, string>();
  private readonly k: number;

  constructor(
    private slide: PptxGenJS.Slide,
    private shapes: typeof PptxGenJS.prototype.ShapeType,
    frame: Frame,
  ) {
    this.k = SLIDE_IN.w / frame.width;
  }

  private get t() {
    return this.stack.at(-1)!;
  }
  private X = (x: number) => (this.t.tx + x * this.t.s) * this.k;
  private Y = (y: number) => (this.t.ty + y * this.t.s) * this.k;
  /** Scene length → inches. */
  private L = (l: number) => l * this.t.s * this.k;
  /** Scene length → points (1 in = 72 pt). */
  private P = (l: number) => this.L(l) * 72;

  push(tx: number, ty: number, s: number) {
    const t = this.t;
    this.stack.push({ tx: t.tx + tx * t.s, ty: t.ty + ty * t.s, s: t.s * s });
  }
  pop() {
    this.stack.pop();
  }
  clip() {}
  unclip() {}

  pane(index: number) {
    this.paneIndex = index;
  }

  /** Names are unique per slide: the second pane of a comparison numbers its copies. */
  private nodeName(id: string) {
    return this.paneIndex > 0 ? `node:${id}#${this.paneIndex + 1}` : `node:${id}`;
  }

  begin(item: SceneItem) {
    if (item.type === 'node') this.drawNode(item.node);
    else this.placeEdge(item.edge);
    this.skip++;
  }
  end() {
    this.skip--;
  }

  private drawNode(n: SceneNode) {
    const name = this.nodeName(n.id);
    this.nodeTitles.set(name, n.title);
    const preset = PRESET[n.shape];
    const box = { x: this.X(n.x - n.w / 2), y: this.Y(n.y - n.h / 2), w: this.L(n.w), h: this.L(n.h) };
    const common = {
      ...box,
      objectName: name,
      fill: { color: hex(n.fill), transparency: transparency(n.opacity) },
      line: {
        color: hex(n.stroke),
        width: Math.max(0.25, this.P(n.strokeWidth)),
        transparency: transparency(n.opacity),
        ...(n.dashed ? { dashType: 'dash' as const } : {}),
      },
      ...(n.shape === 'round-rectangle' ? { rectRadius: Math.min(this.L(8), box.h / 4) } : {}),
      fontFace: SLIDE_FONT,
      fontSize: Math.max(4, this.P(13)),
      bold: n.bold,
      color: '111111',
      transparency: transparency(n.opacity),
      align: 'center' as const,
      valign: 'middle' as const,
      margin: 0,
      fit: 'none' as const,
    };
    const text = n.lines.join('\n');
    if (preset) this.slide.addText(text, { ...common, shape: preset as PptxGenJS.ShapeType });
    else {
      // Custom geometry: the same outline the PNG and SVG draw, relative to the node's box.
      const d = shapePath(n.shape, n.x, n.y, n.w, n.h);
      this.slide.addText(text, { ...common, shape: CUSTOM, points: toPoints(d, box.x, box.y, this.X, this.Y) } as PptxGenJS.TextPropsOptions);
    }
    if (n.bar.length) {
      const seg = n.w / n.bar.length;
      n.bar.forEach((c, i) =>
        this.slide.addShape(this.shapes.rect, {
          x: this.X(n.x - n.w / 2 + i * seg),
          y: this.Y(n.y + n.h / 2 - 6),
          w: this.L(seg),
          h: this.L(6),
          objectName: `source bar:${n.id}`,
          fill: { color: hex(c), transparency: transparency(n.opacity) },
          line: { type: 'none' },
        }),
      );
    }
    if (n.badge) {
      const r = 8;
      this.slide.addText(String(n.badge), {
        x: this.X(n.x + n.w / 2 - 2 * r - 1),
        y: this.Y(n.y - n.h / 2 + 1),
        w: this.L(2 * r),
        h: this.L(2 * r),
        shape: this.shapes.ellipse,
        objectName: `shared badge:${n.id}`,
        fill: { color: '000000' },
        color: 'FFFFFF',
        fontFace: SLIDE_FONT,
        fontSize: Math.max(4, this.P(11)),
        bold: true,
        align: 'center',
        valign: 'middle',
        margin: 0,
      });
    }
  }

  private placeEdge(e: SceneEdge) {
    const from = e.points[0]!;
    // Connectors run straight from outline to outline, so they stay glued when a node is moved.
    const to = e.tip;
    const fromNode = this.nodeName(e.source);
    const toNode = this.nodeName(e.target);
    this.edges.push({
      edge: e,
      from: { x: this.X(from.x), y: this.Y(from.y) },
      to: { x: this.X(to.x), y: this.Y(to.y) },
      width: this.P(e.width),
      fromNode,
      toNode,
    });
    if (LINE_END[e.arrow] === null) {
      // Bar (inhibition) and square heads: a small shape at the tip, along the straight connector.
      const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const head = arrowPath(e.arrow, to.x, to.y, (to.x - from.x) / len, (to.y - from.y) / len, 6 + e.width);
      const colour = e.colours.at(-1)!;
      this.freeform(head.d, head.strokeOnly ? { stroke: colour, width: e.width + 1, opacity: e.opacity } : { fill: e.hollow ? '#FFFFFF' : colour, stroke: colour, width: 1.2, opacity: e.opacity }, `head:${e.id}`);
    }
  }

  path(d: string, st: PaintStyle) {
    if (this.skip) return;
    this.freeform(d, st);
  }

  private freeform(d: string, st: PaintStyle, name?: string) {
    const cmds = parsePath(d);
    const pts = cmds.flatMap((c) => (c.c === 'Z' ? [] : c.c === 'C' ? [[c.x1, c.y1], [c.x2, c.y2], [c.x, c.y]] : [[c.x, c.y]]));
    if (!pts.length) return;
    const xs = pts.map(([x]) => this.X(x!));
    const ys = pts.map(([, y]) => this.Y(y!));
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    const w = Math.max(Math.max(...xs) - x0, 0.001);
    const h = Math.max(Math.max(...ys) - y0, 0.001);
    this.slide.addShape(CUSTOM, {
      x: x0,
      y: y0,
      w,
      h,
      ...(name ? { objectName: name } : {}),
      points: toPoints(d, x0, y0, this.X, this.Y),
      fill: st.fill ? { color: hex(st.fill), transparency: transparency(st.opacity) } : { type: 'none' },
      line: st.stroke
        ? { color: hex(st.stroke), width: Math.max(0.25, this.P(st.width ?? 1)), transparency: transparency(st.opacity), ...(st.dash?.length ? { dashType: 'dash' as const } : {}) }
        : { type: 'none' },
    });
  }

  text(s: string, x: number, y: number, st: TextStyle) {
    if (this.skip || !s) return;
    const size = st.size * this.t.s;
    // A box wide enough for the line (Arial is narrower than Inter, the font the layout measures), no wrapping.
    const w = (s.length * size * 0.62 + size) * this.k;
    const h = size * 1.5 * this.k;
    const left = st.align === 'center' ? this.X(x) - w / 2 : st.align === 'right' ? this.X(x) - w : this.X(x);
    this.slide.addText(s, {
      x: left,
      y: this.Y(y) - h / 2,
      w,
      h,
      fontFace: SLIDE_FONT,
      fontSize: Math.max(4, size * this.k * 72),
      bold: st.weight === 600,
      color: hex(st.colour ?? '#111111'),
      transparency: transparency(st.opacity),
      align: st.align ?? 'left',
      valign: 'middle',
      margin: 0,
      wrap: false,
      fit: 'none',
      isTextBox: true,
    } as PptxGenJS.TextPropsOptions);
  }
}

/** Path data → pptxgenjs custom-geometry points, in inches relative to the shape's top-left corner. */
function toPoints(d: string, x0: number, y0: number, X: (x: number) => number, Y: (y: number) => number): PptxGenJS.ShapeProps['points'] {
  const out: NonNullable<PptxGenJS.ShapeProps['points']> = [];
  for (const c of parsePath(d)) {
    if (c.c === 'Z') out.push({ close: true });
    else if (c.c !== 'C') out.push({ x: X(c.x) - x0, y: Y(c.y) - y0, ...(c.c === 'M' ? { moveTo: true } : {}) });
    else out.push({ x: X(c.x) - x0, y: Y(c.y) - y0, curve: { type: 'cubic', x1: X(c.x1) - x0, y1: Y(c.y1) - y0, x2: X(c.x2) - x0, y2: Y(c.y2) - y0 } });
  }
  return out;
}

const emu = (inches: number) => Math.round(inches * EMU_PER_IN);

/** The side of a node's box a point lies on, as DrawingML's connection-site index of rectangles (top, left, bottom, right). */
function site(p: { x: number; y: number }, centre: { x: number; y: number }, w: number, h: number): number {
  const dx = (p.x - centre.x) / (w || 1);
  const dy = (p.y - centre.y) / (h || 1);
  if (Math.abs(dy) >= Math.abs(dx)) return dy < 0 ? 0 : 2;
  return dx < 0 ? 1 : 3;
}

/**
 * Add the edges to the slide XML as connectors glued to their nodes' shapes, under everything else, and give
 * node shapes their description (alt text).
 */
export function addConnectors(xml: string, edges: PlacedEdge[], nodeTitles: Map<string, string>): string {
  const ids = new Map<string, { id: number; x: number; y: number; w: number; h: number }>();
  let maxId = 1;
  const spRe = /<p:cNvPr id="(\d+)" name="([^"]*)">[\s\S]*?<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g;
  for (const m of xml.matchAll(spRe)) {
    const id = Number(m[1]);
    maxId = Math.max(maxId, id);
    const name = m[2]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    ids.set(name, { id, x: Number(m[3]), y: Number(m[4]), w: Number(m[5]), h: Number(m[6]) });
  }
  for (const m of xml.matchAll(/ id="(\d+)"/g)) maxId = Math.max(maxId, Number(m[1]));
  const connectors = edges.map((pe, i) => {
    const e = pe.edge;
    const x1 = emu(pe.from.x);
    const y1 = emu(pe.from.y);
    const x2 = emu(pe.to.x);
    const y2 = emu(pe.to.y);
    const flipH = x2 < x1;
    const flipV = y2 < y1;
    const s = ids.get(pe.fromNode);
    const t = ids.get(pe.toNode);
    const glue = (tag: string, n: typeof s, p: { x: number; y: number }) =>
      n ? `<a:${tag} id="${n.id}" idx="${site(p, { x: n.x + n.w / 2, y: n.y + n.h / 2 }, n.w, n.h)}"/>` : '';
    const alpha = e.opacity < 1 ? `<a:alpha val="${Math.round(e.opacity * 100000)}"/>` : '';
    const end = LINE_END[e.arrow];
    const dash = e.line === 'dashed' ? '<a:prstDash val="dash"/>' : e.line === 'dotted' ? '<a:prstDash val="sysDot"/>' : '';
    return (
      `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${maxId + 1 + i}" name="${esc(`edge:${e.id}`)}" descr="${esc(e.title)}"/>` +
      `<p:cNvCxnSpPr>${glue('stCxn', s, { x: x1, y: y1 })}${glue('endCxn', t, { x: x2, y: y2 })}</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
      `<p:spPr><a:xfrm${flipH ? ' flipH="1"' : ''}${flipV ? ' flipV="1"' : ''}><a:off x="${Math.min(x1, x2)}" y="${Math.min(y1, y2)}"/>` +
      `<a:ext cx="${Math.abs(x2 - x1)}" cy="${Math.abs(y2 - y1)}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>` +
      `<a:ln w="${Math.round(pe.width * 12700)}"><a:solidFill><a:srgbClr val="${hex(e.colours.at(-1)!)}">${alpha}</a:srgbClr></a:solidFill>${dash}` +
      `${end ? `<a:tailEnd type="${end}" w="med" len="med"/>` : ''}</a:ln></p:spPr></p:cxnSp>`
    );
  });
  // Alt text for node shapes.
  let out = xml.replace(/<p:cNvPr id="(\d+)" name="(node:[^"]*)">/g, (all, id: string, name: string) => {
    const plain = name.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const title = nodeTitles.get(plain);
    return title ? `<p:cNvPr id="${id}" name="${name}" descr="${esc(title)}">` : all;
  });
  out = out.replace(/(<p:grpSpPr>[\s\S]*?<\/p:grpSpPr>|<p:grpSpPr\/>)/, (g) => g + connectors.join(''));
  return out;
}

/** The .pptx file, one slide. */
export async function renderPptx(content: ExportContent): Promise<Blob> {
  const [{ default: Pptx }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('jszip')]);
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = content.title;
  pptx.author = 'MSC–POF Atlas';
  pptx.subject = content.sourceLine;
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  const painter = new SlidePainter(slide, pptx.ShapeType, SLIDE_FRAME);
  compose(painter, content, SLIDE_FRAME);
  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const zip = await JSZip.loadAsync(bytes);
  const path = 'ppt/slides/slide1.xml';
  const xml = await zip.file(path)!.async('string');
  zip.file(path, addConnectors(xml, painter.edges, painter.nodeTitles));
  return zip.generateAsync({ type: 'blob', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
