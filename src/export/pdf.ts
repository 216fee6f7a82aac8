/**
 * Vector PDF of a composed figure: the same scene the PNG, SVG and slide exports draw, painted with jsPDF
 * (loaded only when exporting). Text stays text (selectable, searchable) in Inter, embedded as a subset of the
 * glyphs used; pages in A4 or US Letter landscape or a 16:9 slide.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { compose, type ExportContent } from './compose.ts';
import type { PageSpec } from './page-size.ts';
import type { PaintStyle, Painter, TextStyle } from './painter.ts';
import { parsePath } from './svg-path.ts';
import { base64, readTtf, subsetTtf } from './ttf.ts';
import type { ExportFonts } from './export-fonts.ts';

/** Font names in the file: a six-letter tag before the name marks a subset (ISO 32000-1 §9.6.4). */
const PDF_FONT = { 400: 'MSCAAA+Inter-Regular', 600: 'MSCAAB+Inter-SemiBold' };

interface Transform {
  tx: number;
  ty: number;
  s: number;
}

/** A Painter that draws on a jsPDF page; coordinates arrive in frame pixels and are scaled to points. */
export class PdfPainter implements Painter {
  private stack: Transform[];
  private states = new Map<number, unknown>();
  constructor(
    private doc: JsPdf,
    k: number,
  ) {
    this.stack = [{ tx: 0, ty: 0, s: k }];
  }
  private get t() {
    return this.stack.at(-1)!;
  }
  private X = (x: number) => this.t.tx + x * this.t.s;
  private Y = (y: number) => this.t.ty + y * this.t.s;

  push(tx: number, ty: number, s: number) {
    const t = this.t;
    this.stack.push({ tx: t.tx + tx * t.s, ty: t.ty + ty * t.s, s: t.s * s });
  }
  pop() {
    this.stack.pop();
  }
  private ops(d: string) {
    return parsePath(d).map((c) =>
      c.c === 'Z' ? { op: 'h', c: [] } : c.c === 'C' ? { op: 'c', c: [this.X(c.x1), this.Y(c.y1), this.X(c.x2), this.Y(c.y2), this.X(c.x), this.Y(c.y)] } : { op: c.c === 'M' ? 'm' : 'l', c: [this.X(c.x), this.Y(c.y)] },
    );
  }
  clip(d: string) {
    this.doc.saveGraphicsState();
    this.doc.path(this.ops(d));
    this.doc.clip();
    this.doc.discardPath();
  }
  unclip() {
    this.doc.restoreGraphicsState();
  }
  private opacity(o = 1) {
    const key = Math.round(o * 100);
    let g = this.states.get(key);
    if (!g) {
      g = new (this.doc as unknown as { GState: new (p: object) => unknown }).GState({ opacity: key / 100, 'stroke-opacity': key / 100 });
      this.states.set(key, g);
    }
    this.doc.setGState(g);
  }
  path(d: string, st: PaintStyle) {
    const doc = this.doc;
    doc.saveGraphicsState();
    this.opacity(st.opacity);
    if (st.fill) doc.setFillColor(st.fill);
    const stroke = st.stroke && (st.width ?? 1) > 0;
    if (stroke) {
      doc.setDrawColor(st.stroke!);
      doc.setLineWidth((st.width ?? 1) * this.t.s);
      doc.setLineJoin(st.lineJoin === 'miter' ? 'miter' : 'round');
      doc.setLineCap(st.dash?.length ? 'butt' : 'round');
      doc.setLineDashPattern(st.dash ? st.dash.map((v) => v * this.t.s) : [], 0);
    }
    doc.path(this.ops(d));
    if (st.fill && stroke) doc.fillStroke();
    else if (st.fill) doc.fill();
    else if (stroke) doc.stroke();
    else doc.discardPath();
    doc.restoreGraphicsState();
  }
  text(s: string, x: number, y: number, st: TextStyle) {
    const doc = this.doc;
    doc.saveGraphicsState();
    this.opacity(st.opacity);
    doc.setFont(PDF_FONT[st.weight === 600 ? 600 : 400], 'normal');
    doc.setFontSize(st.size * this.t.s);
    doc.setTextColor(st.colour ?? '#111111');
    doc.text(s, this.X(x), this.Y(y), { align: st.align ?? 'left', baseline: 'middle' });
    doc.restoreGraphicsState();
  }
}

/** Records the characters drawn per weight (nothing else). */
export class UsedChars implements Painter {
  readonly chars: Record<400 | 600, Set<string>> = { 400: new Set(), 600: new Set() };
  push() {}
  pop() {}
  clip() {}
  unclip() {}
  path() {}
  text(s: string, _x: number, _y: number, st: TextStyle) {
    for (const c of s) this.chars[st.weight === 600 ? 600 : 400].add(c);
  }
}

/** The PDF file: one page of the given size (landscape), with the figure composed into it. */
export async function renderPdf(content: ExportContent, page: PageSpec, fonts: ExportFonts): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  // First pass: which characters each weight draws, so the embedded fonts hold only those glyphs.
  const used = new UsedChars();
  // Stryker disable next-line ObjectLiteral: equivalent in practice, the characters drawn do not depend on the frame (in a frame of no size every line is cut, adding at most an unused ellipsis)
  compose(used, content, { width: page.width, height: page.height });
  const [w, h] = page.print?.pt ?? [page.width * 0.75, page.height * 0.75];
  // putOnlyUsedFonts: no unembedded standard fonts listed in the file.
  // Stryker disable next-line EqualityOperator,StringLiteral: equivalent, a square page is the same either way, and jsPDF takes a missing orientation as portrait
  const doc = new jsPDF({ unit: 'pt', format: [w, h], orientation: w >= h ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  for (const weight of [400, 600] as const) {
    // Stryker disable next-line StringLiteral: equivalent, jsPDF reads the file when the font is added, so one name for both files would do
    const file = `Inter-${weight}.ttf`;
    doc.addFileToVFS(file, base64(subsetTtf(readTtf(fonts[weight]), used.chars[weight], { postScriptName: PDF_FONT[weight] })));
    // jsPDF names the font in the file after this id.
    doc.addFont(file, PDF_FONT[weight], 'normal');
  }
  doc.setProperties({ title: content.title, subject: content.sourceLine, creator: 'MSC–POF Atlas' });
  compose(new PdfPainter(doc, w / page.width), content, { width: page.width, height: page.height });
  return doc.output('blob');
}
