/**
 * PowerPoint (.pptx) of a composed figure with native, editable shapes: each node a preset shape in its kind's
 * form and colours with its label as real text, each edge a connector glued to its two nodes, title, legend and
 * source line as text boxes. 16:9 (13.333 × 7.5 in).
 *
 * Built with pptxgenjs (loaded only when exporting); edges are added to the slide XML afterwards, in one of two
 * forms (`EdgeForm`):
 * - 'drawn' (the default): each edge is a line through the layout's route (start, bends, end) as the PNG and SVG
 *   draw it: an open custom-geometry path (a:custGeom in a p:sp, ECMA-376 Part 1 §20.1.9.8) named after the edge.
 *   Every reader draws a custom path as written. A connector would not do: LibreOffice Impress (7.4 tried) draws
 *   every p:cxnSp, glued or not, with its own elbow routing whatever geometry it carries, so lines ran through
 *   nodes; and a preset bent connector holds at most four bends.
 * - 'connectors': each edge is a straight connector (p:cxnSp, §19.3.1.19) glued to its two nodes (a:stCxn,
 *   a:endCxn), so it follows a node moved in PowerPoint, Keynote or Impress, at the price of the route's bends.
 *
 * Heads: DrawingML line ends (§20.1.10.33) are all filled, and there is no bar or square end. Heads the legend
 * draws filled (triangle, concave arrow, dot) are native line ends; bars, squares and the hollow heads (open
 * diamond, open circle, open square) are small shapes at the tip drawn from the same outline as the legend's, white
 * inside, and their line stops at the head's base.
 *
 * Everything the figure shows goes through pptxgenjs's or our XML escaping: text from the data never becomes markup.
 */
import type PptxGenJS from 'pptxgenjs';
import { markGeometry } from '../theme/decorations.ts';
import type { ArrowShape, NodeShape } from '../theme/kinds.ts';
import { arrowPath, shapePath } from '../theme/shapes.ts';
import { compose, type ExportContent, type Frame } from './compose.ts';
import { esc, type PaintStyle, type Painter, type SceneItem, type TextStyle } from './painter.ts';
import { labelTextBox, type SceneEdge, type SceneNode } from './scene.ts';
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

/**
 * DrawingML line ends (ECMA-376 §20.1.10.33, sizes §20.1.10.34–35) for the heads the legend draws filled; `null`:
 * drawn as a shape. Both concave heads are "stealth": the longer, narrower one (vee) and the shorter, wider one
 * (chevron) keep their proportions through the end's width and length. "arrow" would be an open V, which the
 * legend does not draw.
 */
export const LINE_END: Record<ArrowShape, { type: string; w: 'sm' | 'med' | 'lg'; len: 'sm' | 'med' | 'lg' } | null> = {
  triangle: { type: 'triangle', w: 'lg', len: 'lg' },
  vee: { type: 'stealth', w: 'med', len: 'lg' },
  chevron: { type: 'stealth', w: 'lg', len: 'med' },
  diamond: { type: 'diamond', w: 'lg', len: 'lg' },
  circle: { type: 'oval', w: 'lg', len: 'lg' },
  tee: null,
  square: null,
};

/** The connector's line end, or null when the head is drawn as a shape (bars, squares, hollow heads). */
export function lineEnd(e: Pick<SceneEdge, 'arrow' | 'hollow'>) {
  return e.hollow ? null : LINE_END[e.arrow];
}

/** pptxgenjs writes custom geometry for this shape name (its type list lacks it). */
const CUSTOM = 'custGeom' as PptxGenJS.ShapeType;

/**
 * A CSS hex colour as DrawingML's six-digit RGB (a:srgbClr): '#abc' is shorthand for 'AABBCC'; an alpha digit pair
 * ('#rrggbbaa') is dropped, as opacity goes through its own transparency setting.
 */
export const hex = (c: string) => {
  const digits = c.replace('#', '').toUpperCase();
  return digits.length === 3 || digits.length === 4 ? digits.slice(0, 3).replace(/./g, '$&$&') : digits.padEnd(6, '0').slice(0, 6);
};
const transparency = (opacity = 1) => Math.round((1 - opacity) * 100);

interface Transform {
  tx: number;
  ty: number;
  s: number;
}

/** How edges are written: lines along the drawn routes, or straight connectors glued to their nodes. */
export type EdgeForm = 'drawn' | 'connectors';

export interface PlacedEdge {
  edge: SceneEdge;
  /** The drawn route in inches on the slide: from the source outline, through the bends, to the tip (native
   * head) or to the base of a head drawn as a shape. */
  route: { x: number; y: number }[];
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
    private form: EdgeForm = 'drawn',
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
    // An overview's label, larger than its node (export/overview.ts), is a text box of its own over the node, on a
    // white backing; the node's shape then carries no text.
    const text = n.labelSize ? '' : n.lines.join('\n');
    if (preset) this.slide.addText(text, { ...common, shape: preset as PptxGenJS.ShapeType });
    else {
      // Custom geometry: the same outline the PNG and SVG draw, relative to the node's box.
      const d = shapePath(n.shape, n.x, n.y, n.w, n.h);
      this.slide.addText(text, { ...common, shape: CUSTOM, points: toPoints(d, box.x, box.y, this.X, this.Y) } as PptxGenJS.TextPropsOptions);
    }
    if (n.labelSize && n.lines.length) {
      const b = labelTextBox(n);
      const padX = 2 * (n.labelSize / 13);
      this.slide.addText(n.lines.join('\n'), {
        x: this.X(b.x1 - padX),
        y: this.Y(b.y1),
        w: this.L(b.x2 - b.x1 + 2 * padX),
        h: this.L(b.y2 - b.y1),
        objectName: `node label:${n.id}`,
        fill: { color: 'FFFFFF', transparency: 15 },
        line: { type: 'none' },
        fontFace: SLIDE_FONT,
        fontSize: Math.max(4, this.P(n.labelSize)),
        bold: n.bold,
        color: '111111',
        align: 'center',
        valign: 'middle',
        margin: 0,
        fit: 'none',
      });
    }
    // Stryker disable next-line ConditionalExpression: equivalent, an empty bar draws no part either way
    if (n.bar.length) {
      const bar = n.marksAt?.bar ?? { x1: n.x - n.w / 2, x2: n.x + n.w / 2, y1: n.y + n.h / 2 - 6, y2: n.y + n.h / 2 };
      const seg = (bar.x2 - bar.x1) / n.bar.length;
      n.bar.forEach((c, i) =>
        this.slide.addShape(this.shapes.rect, {
          x: this.X(bar.x1 + i * seg),
          y: this.Y(bar.y1),
          w: this.L(seg),
          h: this.L(bar.y2 - bar.y1),
          objectName: `source bar:${n.id}`,
          fill: { color: hex(c), transparency: transparency(n.opacity) },
          line: { type: 'none' },
        }),
      );
    }
    if (n.badge) {
      // Where the screen, the PNG and the SVG put it (theme/decorations.ts): centred on the top-right corner, over
      // border and padding, never on the label. Inside the corner it covered the end of wide labels (PTEN). Beside
      // an overview's larger label when it reaches the corner (marksAt).
      const { cx, cy, r } = n.marksAt?.badge ?? markGeometry(n.x, n.y, n.w, n.h).badge;
      this.slide.addText(String(n.badge), {
        x: this.X(cx - r),
        y: this.Y(cy - r),
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
    const fromNode = this.nodeName(e.source);
    const toNode = this.nodeName(e.target);
    const end = lineEnd(e);
    // The route as drawn (a straight connector keeps its two ends): a native head ends at the tip; a head drawn as
    // a shape takes over at its base.
    const route = this.form === 'drawn' ? e.points : [e.points[0]!, e.points.at(-1)!];
    const pts = end ? [...route.slice(0, -1), e.tip] : route;
    this.edges.push({
      edge: e,
      route: pts.map((p) => ({ x: this.X(p.x), y: this.Y(p.y) })),
      width: this.P(e.width),
      fromNode,
      toNode,
    });
    if (!end) {
      // The legend's outline at the tip, along the last segment, white inside when the legend's head is hollow.
      const from = pts.at(-2)!;
      const len = Math.hypot(e.tip.x - from.x, e.tip.y - from.y) || 1;
      const dir = this.form === 'drawn' ? e.dir : { x: (e.tip.x - from.x) / len, y: (e.tip.y - from.y) / len };
      const head = arrowPath(e.arrow, e.tip.x, e.tip.y, dir.x, dir.y, 6 + e.width);
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
  // Stryker disable next-line EqualityOperator: equivalent, here |dx| > |dy| ≥ 0, so dx is never 0
  return dx < 0 ? 1 : 3;
}

/**
 * Add the edges to the slide XML, under everything else (lines along their routes, or connectors glued to their
 * nodes' shapes), and give node shapes their description (alt text).
 */
// Stryker disable next-line StringLiteral: equivalent, every form but 'connectors' is written as drawn lines
export function addEdges(xml: string, edges: PlacedEdge[], nodeTitles: Map<string, string>, form: EdgeForm = 'drawn'): string {
  const ids = new Map<string, { id: number; x: number; y: number; w: number; h: number }>();
  let maxId = 1;
  const spRe = /<p:cNvPr id="(\d+)" name="([^"]*)">[\s\S]*?<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g;
  for (const m of xml.matchAll(spRe)) {
    const id = Number(m[1]);
    const name = m[2]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    ids.set(name, { id, x: Number(m[3]), y: Number(m[4]), w: Number(m[5]), h: Number(m[6]) });
  }
  for (const m of xml.matchAll(/ id="(\d+)"/g)) maxId = Math.max(maxId, Number(m[1]));
  const lines = edges.map((pe, i) => {
    const e = pe.edge;
    const pts = pe.route.map((p) => ({ x: emu(p.x), y: emu(p.y) }));
    const alpha = e.opacity < 1 ? `<a:alpha val="${Math.round(e.opacity * 100000)}"/>` : '';
    const end = lineEnd(e);
    const dash = e.line === 'dashed' ? '<a:prstDash val="dash"/>' : e.line === 'dotted' ? '<a:prstDash val="sysDot"/>' : '';
    const ln =
      `<a:ln w="${Math.round(pe.width * 12700)}" cap="rnd"><a:solidFill><a:srgbClr val="${hex(e.colours.at(-1)!)}">${alpha}</a:srgbClr></a:solidFill>${dash}<a:round/>` +
      `${end ? `<a:tailEnd type="${end.type}" w="${end.w}" len="${end.len}"/>` : ''}</a:ln>`;
    const cNvPr = `<p:cNvPr id="${maxId + 1 + i}" name="${esc(`edge:${e.id}`)}" descr="${esc(e.title)}"/>`;
    if (form === 'connectors') {
      const a = pts[0]!;
      const b = pts.at(-1)!;
      const s = ids.get(pe.fromNode);
      const t = ids.get(pe.toNode);
      const glue = (tag: string, n: typeof s, p: { x: number; y: number }) =>
        n ? `<a:${tag} id="${n.id}" idx="${site(p, { x: n.x + n.w / 2, y: n.y + n.h / 2 }, n.w, n.h)}"/>` : '';
      return (
        `<p:cxnSp><p:nvCxnSpPr>${cNvPr}<p:cNvCxnSpPr>${glue('stCxn', s, a)}${glue('endCxn', t, b)}</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
        `<p:spPr><a:xfrm${b.x < a.x ? ' flipH="1"' : ''}${b.y < a.y ? ' flipV="1"' : ''}><a:off x="${Math.min(a.x, b.x)}" y="${Math.min(a.y, b.y)}"/>` +
        `<a:ext cx="${Math.abs(b.x - a.x)}" cy="${Math.abs(b.y - a.y)}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>${ln}</p:spPr></p:cxnSp>`
      );
    }
    const x0 = Math.min(...pts.map((p) => p.x));
    const y0 = Math.min(...pts.map((p) => p.y));
    // A straight horizontal or vertical route has no height or width; the path keeps a 1 EMU box.
    const w = Math.max(1, Math.max(...pts.map((p) => p.x)) - x0);
    const h = Math.max(1, Math.max(...pts.map((p) => p.y)) - y0);
    const path = pts.map((p, k) => `<a:${k ? 'lnTo' : 'moveTo'}><a:pt x="${p.x - x0}" y="${p.y - y0}"/></a:${k ? 'lnTo' : 'moveTo'}>`).join('');
    return (
      `<p:sp><p:nvSpPr>${cNvPr}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
      `<p:spPr><a:xfrm><a:off x="${x0}" y="${y0}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm>` +
      `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" r="r" b="b"/><a:pathLst><a:path w="${w}" h="${h}" fill="none">${path}</a:path></a:pathLst></a:custGeom>` +
      `<a:noFill/>${ln}</p:spPr></p:sp>`
    );
  });
  // Alt text for node shapes.
  let out = xml.replace(/<p:cNvPr id="(\d+)" name="(node:[^"]*)">/g, (all, id: string, name: string) => {
    const plain = name.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const title = nodeTitles.get(plain);
    return title ? `<p:cNvPr id="${id}" name="${name}" descr="${esc(title)}">` : all;
  });
  out = out.replace(/(<p:grpSpPr>[\s\S]*?<\/p:grpSpPr>|<p:grpSpPr\/>)/, (g) => g + lines.join(''));
  return out;
}

/**
 * pptxgenjs writes the notes master list after the slide list; CT_Presentation (ECMA-376 Part 1 §19.2.1.26) wants
 * it before, and strict readers refuse the part otherwise.
 */
export function schemaOrder(presentation: string): string {
  const notes = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(presentation)?.[0];
  if (!notes) return presentation;
  const without = presentation.replace(notes, '');
  return without.replace(/<p:sldIdLst>/, `${notes}<p:sldIdLst>`);
}

/** The .pptx file, one slide; `form` says how edges are written (see EdgeForm). */
export async function renderPptx(content: ExportContent, form: EdgeForm = 'drawn'): Promise<Blob> {
  const [{ default: Pptx }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('jszip')]);
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = content.title;
  pptx.author = 'MSC–POF Atlas';
  pptx.subject = content.sourceLine;
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  const painter = new SlidePainter(slide, pptx.ShapeType, SLIDE_FRAME, form);
  compose(painter, content, SLIDE_FRAME);
  const bytes = await pptx.write({ outputType: 'uint8array' });
  const zip = await JSZip.loadAsync(bytes);
  const path = 'ppt/slides/slide1.xml';
  const xml = await zip.file(path)!.async('string');
  zip.file(path, addEdges(xml, painter.edges, painter.nodeTitles, form));
  const presentation = 'ppt/presentation.xml';
  zip.file(presentation, schemaOrder(await zip.file(presentation)!.async('string')));
  return zip.generateAsync({ type: 'blob', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
