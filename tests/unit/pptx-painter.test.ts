/**
 * The slide painter and the slide XML edits (export/pptx.ts), on scenes and XML made here: where each node, mark,
 * head and text box goes on the slide (inches), with which colours, names and fonts; how edges are written into
 * the slide XML (custom paths or glued connectors); the presentation part's schema order. The whole package,
 * checked against the ECMA-376 schemas, is in pptx.test.ts; this file asks the same questions of small inputs,
 * property by property.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import type PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import type { ExportContent } from '../../src/export/compose.ts';
import { addEdges, hex, LINE_END, lineEnd, renderPptx, schemaOrder, SLIDE_FONT, SLIDE_FRAME, SlidePainter, type EdgeForm, type PlacedEdge } from '../../src/export/pptx.ts';
import type { Painter } from '../../src/export/painter.ts';
import { labelTextBox, type Scene, type SceneEdge, type SceneNode } from '../../src/export/scene.ts';
import { parsePath } from '../../src/export/svg-path.ts';
import { markGeometry } from '../../src/theme/decorations.ts';
import { arrowPath, shapePath } from '../../src/theme/shapes.ts';
import { sceneEdge, sceneNode } from '../helpers/scene-items.ts';

/** Frame px → inches on the 13.333 in wide slide. */
const K = 13.333 / SLIDE_FRAME.width;
const near = (v: number) => expect.closeTo(v, 9);

type Call = { kind: 'text'; text: string; o: Record<string, unknown> } | { kind: 'shape'; type: string; o: Record<string, unknown> };

function painter(form?: EdgeForm) {
  const calls: Call[] = [];
  const slide = {
    addText: (text: string, o: Record<string, unknown>) => calls.push({ kind: 'text', text, o }),
    addShape: (type: string, o: Record<string, unknown>) => calls.push({ kind: 'shape', type, o }),
  };
  const shapes = { rect: 'rect', ellipse: 'ellipse' } as unknown as typeof PptxGenJS.prototype.ShapeType;
  const p = new SlidePainter(slide as unknown as PptxGenJS.Slide, shapes, SLIDE_FRAME, form);
  return { p, calls };
}

// This file's node is a two-line label at (200, 100) with colours of its own; its edge bends and has a colour.
const node = (over: Partial<SceneNode> = {}): SceneNode =>
  sceneNode({ title: 'N (Gene or protein)', x: 200, y: 100, fill: '#aabbcc', stroke: '#123456', lines: ['TNF', 'alpha'], ...over });

const edge = (over: Partial<SceneEdge> = {}): SceneEdge =>
  sceneEdge({
    title: 'A activates B [1]',
    points: [
      { x: 0, y: 0 },
      { x: 50, y: 30 },
      { x: 100, y: 0 },
    ],
    tip: { x: 110, y: 0 },
    colours: ['#111111'],
    width: 2,
    ...over,
  });

/** Draw one node as compose() does: through begin/end, at scale `s`, moved by (tx, ty). */
function drawNode(n: SceneNode, t = { tx: 0, ty: 0, s: 1 }, paneIndex = 0) {
  const { p, calls } = painter();
  p.pane(paneIndex);
  p.push(t.tx, t.ty, t.s);
  p.begin({ type: 'node', node: n });
  // What compose draws for the node between begin and end is not drawn again.
  p.path('M0,0L10,10', { fill: '#ff0000' });
  p.text('inside', 0, 0, { size: 10 });
  p.end();
  p.pop();
  return { p, calls };
}

describe('hex: CSS colours as DrawingML RGB', () => {
  it('writes six upper-case digits, doubling each digit of a three-digit shorthand and dropping an alpha pair', () => {
    expect(hex('#aabbcc')).toBe('AABBCC');
    expect(hex('#abc')).toBe('AABBCC');
    expect(hex('#F0a')).toBe('FF00AA');
    expect(hex('#fff')).toBe('FFFFFF');
    // Four and eight digits carry an alpha, which the slide writes as transparency instead.
    expect(hex('#abcd')).toBe('AABBCC');
    expect(hex('#12345678')).toBe('123456');
    expect(hex('0a1b2c')).toBe('0A1B2C');
    expect(hex('#12345')).toBe('123450');
  });

  it('paints shorthand colours of nodes, marks, paths, text and edges at full value', () => {
    const { calls } = drawNode(node({ fill: '#abc', stroke: '#f00', bar: ['#0f0'] }));
    expect(calls[0]!.o).toMatchObject({ fill: { color: 'AABBCC' }, line: { color: 'FF0000' } });
    expect(calls[1]!.o).toMatchObject({ fill: { color: '00FF00' } });
    const { p, calls: more } = painter();
    p.path('M0,0L10,10', { fill: '#123', stroke: '#456' });
    p.text('x', 0, 0, { size: 10, colour: '#789' });
    expect(more[0]!.o).toMatchObject({ fill: { color: '112233' }, line: { color: '445566' } });
    expect(more[1]!.o).toMatchObject({ color: '778899' });
    const out = addEdges(SLIDE, [placedEdge([{ x: 0, y: 0 }, { x: 1, y: 1 }], { colours: ['#000', '#c0f'] })], new Map());
    expect(out).toContain('<a:srgbClr val="CC00FF">');
  });
});

describe('SlidePainter: nodes', () => {
  it('draws a node as a preset shape carrying its label, in inches, in its kind’s colours and the slide font', () => {
    const { calls, p } = drawNode(node(), { tx: 10, ty: 20, s: 2 });
    expect(calls).toHaveLength(1);
    const [c] = calls as [Extract<Call, { kind: 'text' }>];
    expect(c.kind).toBe('text');
    expect(c.text).toBe('TNF\nalpha');
    expect(c.o).toEqual({
      x: near((10 + 160 * 2) * K),
      y: near((20 + 80 * 2) * K),
      w: near(160 * K),
      h: near(80 * K),
      objectName: 'node:n',
      fill: { color: 'AABBCC', transparency: 0 },
      line: { color: '123456', width: near(2 * 2 * K * 72), transparency: 0 },
      fontFace: SLIDE_FONT,
      fontSize: near(13 * 2 * K * 72),
      bold: false,
      color: '111111',
      transparency: 0,
      align: 'center',
      valign: 'middle',
      margin: 0,
      fit: 'none',
      shape: 'rect',
    });
    expect(SLIDE_FONT).toBe('Arial');
    expect(p.nodeTitles).toEqual(new Map([['node:n', 'N (Gene or protein)']]));
  });

  it('uses the DrawingML preset of each form that has one', () => {
    const preset = (shape: SceneNode['shape']) => (drawNode(node({ shape })).calls[0]!.o as { shape: string }).shape;
    expect(preset('rectangle')).toBe('rect');
    expect(preset('round-rectangle')).toBe('roundRect');
    expect(preset('ellipse')).toBe('ellipse');
    expect(preset('hexagon')).toBe('hexagon');
    expect(preset('octagon')).toBe('octagon');
    expect(preset('round-tag')).toBe('homePlate');
    expect(preset('rhomboid')).toBe('parallelogram');
  });

  it('draws forms without a preset as custom geometry along the same outline, relative to the node’s box', () => {
    for (const shape of ['cut-rectangle', 'concave-hexagon'] as const) {
      const n = node({ shape });
      const [c] = drawNode(n).calls;
      expect(c!.o.shape).toBe('custGeom');
      const x0 = (n.x - n.w / 2) * K;
      const y0 = (n.y - n.h / 2) * K;
      const want = parsePath(shapePath(shape, n.x, n.y, n.w, n.h)).map((cmd) =>
        cmd.c === 'Z' ? { close: true } : cmd.c === 'M' ? { x: near(cmd.x * K - x0), y: near(cmd.y * K - y0), moveTo: true } : { x: near((cmd as { x: number }).x * K - x0), y: near((cmd as { y: number }).y * K - y0) },
      );
      expect(c!.o.points).toEqual(want);
    }
    // A curved outline keeps its curves as cubic segments.
    const barrel = drawNode(node({ shape: 'barrel' })).calls[0]!.o.points as { curve?: { type: string } }[];
    expect(barrel.filter((pt) => pt.curve?.type === 'cubic')).toHaveLength(2);
  });

  it('rounds a rounded rectangle’s corners by 8 px, at most a quarter of its height', () => {
    expect(drawNode(node({ shape: 'round-rectangle', h: 40 }), { tx: 0, ty: 0, s: 2 }).calls[0]!.o.rectRadius).toBeCloseTo(8 * 2 * K, 9);
    expect(drawNode(node({ shape: 'round-rectangle', h: 20 })).calls[0]!.o.rectRadius).toBeCloseTo(5 * K, 9);
    expect('rectRadius' in drawNode(node({ shape: 'rectangle' })).calls[0]!.o).toBe(false);
  });

  it('fades, dashes and embolds as the scene says, and keeps lines and letters readable when scaled down', () => {
    const faint = drawNode(node({ opacity: 0.15, dashed: true, bold: true })).calls[0]!.o as Record<string, unknown> & { fill: object; line: object };
    expect(faint.fill).toEqual({ color: 'AABBCC', transparency: 85 });
    expect(faint.line).toEqual({ color: '123456', width: near(2 * K * 72), transparency: 85, dashType: 'dash' });
    expect(faint.transparency).toBe(85);
    expect(faint.bold).toBe(true);
    const tiny = drawNode(node(), { tx: 0, ty: 0, s: 0.01 }).calls[0]!.o as { line: { width: number }; fontSize: number };
    expect(tiny.line.width).toBe(0.25);
    expect(tiny.fontSize).toBe(4);
  });

  it('nests moves and scales, and goes back to the outer ones after pop', () => {
    const { p, calls } = painter();
    p.push(0, 0, 2);
    p.push(10, 20, 1);
    p.begin({ type: 'node', node: node() });
    p.end();
    p.pop();
    p.begin({ type: 'node', node: node() });
    p.end();
    // Inside: (10 + 160) × 2 and (20 + 80) × 2; after pop: 160 × 2 and 80 × 2.
    expect(calls[0]!.o).toMatchObject({ x: near((20 + 320) * K), y: near((40 + 160) * K) });
    expect(calls[1]!.o).toMatchObject({ x: near(320 * K), y: near(160 * K) });
  });

  it('keeps every line of an overview’s larger label', () => {
    const { calls } = drawNode(node({ labelSize: 30, lines: ['Big', 'label'] }));
    expect(calls[1]!.kind === 'text' && calls[1]!.text).toBe('Big\nlabel');
  });

  it('places a curved outline’s control points relative to the node’s box', () => {
    const n = node({ shape: 'barrel', x: 300, y: 200 });
    const x0 = (n.x - n.w / 2) * K;
    const y0 = (n.y - n.h / 2) * K;
    const curves = parsePath(shapePath('barrel', n.x, n.y, n.w, n.h)).filter((c) => c.c === 'C');
    const got = (drawNode(n).calls[0]!.o.points as { x: number; y: number; curve?: Record<string, number> }[]).filter((pt) => pt.curve);
    expect(got).toEqual(
      curves.map((c) => ({ x: near(c.x * K - x0), y: near(c.y * K - y0), curve: { type: 'cubic', x1: near(c.x1 * K - x0), y1: near(c.y1 * K - y0), x2: near(c.x2 * K - x0), y2: near(c.y2 * K - y0) } })),
    );
  });

  it('names the second pane’s copies apart', () => {
    const { calls, p } = drawNode(node(), undefined, 1);
    expect(calls[0]!.o.objectName).toBe('node:n#2');
    expect([...p.nodeTitles.keys()]).toEqual(['node:n#2']);
  });

  it('writes an overview’s larger label in a text box of its own, on a white backing, and none without lines', () => {
    const n = node({ labelSize: 30, lines: ['Big label'], bold: true });
    const { calls } = drawNode(n);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.kind === 'text' && calls[0]!.text).toBe('');
    const b = labelTextBox(n);
    const pad = 2 * (30 / 13);
    expect(calls[1]).toEqual({
      kind: 'text',
      text: 'Big label',
      o: {
        x: near((b.x1 - pad) * K),
        y: near(b.y1 * K),
        w: near((b.x2 - b.x1 + 2 * pad) * K),
        h: near((b.y2 - b.y1) * K),
        objectName: 'node label:n',
        fill: { color: 'FFFFFF', transparency: 15 },
        line: { type: 'none' },
        fontFace: 'Arial',
        fontSize: near(30 * K * 72),
        bold: true,
        color: '111111',
        align: 'center',
        valign: 'middle',
        margin: 0,
        fit: 'none',
      },
    });
    expect(drawNode(node({ labelSize: 30, lines: [] })).calls).toHaveLength(1);
  });

  it('draws the source bar along the bottom in equal parts, or where an overview moved it', () => {
    const n = node({ bar: ['#ff0000', '#00ff00'], opacity: 0.5 });
    const bars = drawNode(n).calls.slice(1);
    expect(bars).toEqual([0, 1].map((i) => ({
      kind: 'shape',
      type: 'rect',
      o: {
        x: near((160 + i * 40) * K),
        y: near(114 * K),
        w: near(40 * K),
        h: near(6 * K),
        objectName: 'source bar:n',
        fill: { color: ['FF0000', '00FF00'][i], transparency: 50 },
        line: { type: 'none' },
      },
    })));
    const moved = drawNode(node({ bar: ['#ff0000'], marksAt: { bar: { x1: 10, y1: 20, x2: 30, y2: 24 } } })).calls[1]!.o;
    expect(moved).toMatchObject({ x: near(10 * K), y: near(20 * K), w: near(20 * K), h: near(4 * K) });
  });

  it('puts the count badge on the top-right corner, or beside an overview’s label', () => {
    const n = node({ badge: 3 });
    const [, badge] = drawNode(n).calls;
    const { cx, cy, r } = markGeometry(n.x, n.y, n.w, n.h).badge;
    expect(badge).toEqual({
      kind: 'text',
      text: '3',
      o: {
        x: near((cx - r) * K),
        y: near((cy - r) * K),
        w: near(2 * r * K),
        h: near(2 * r * K),
        shape: 'ellipse',
        objectName: 'shared badge:n',
        fill: { color: '000000' },
        color: 'FFFFFF',
        fontFace: 'Arial',
        fontSize: near(11 * K * 72),
        bold: true,
        align: 'center',
        valign: 'middle',
        margin: 0,
      },
    });
    const moved = drawNode(node({ badge: 2, marksAt: { badge: { cx: 50, cy: 60, r: 10 } } })).calls[1]!.o;
    expect(moved).toMatchObject({ x: near(40 * K), y: near(50 * K), w: near(20 * K), h: near(20 * K) });
  });
});

describe('SlidePainter: edges', () => {
  function place(e: SceneEdge, form?: EdgeForm, paneIndex = 0) {
    const { p, calls } = painter(form);
    p.pane(paneIndex);
    p.begin({ type: 'edge', edge: e });
    p.path('M0,0L1,1', { stroke: '#000000' });
    p.end();
    return { placed: p.edges, calls };
  }
  const inches = (pts: { x: number; y: number }[]) => pts.map((q) => ({ x: near(q.x * K), y: near(q.y * K) }));

  it('keeps a filled head as the line’s end: the route runs through the bends to the tip', () => {
    const e = edge();
    const { placed, calls } = place(e);
    expect(calls).toEqual([]);
    expect(placed).toEqual([{ edge: e, route: inches([{ x: 0, y: 0 }, { x: 50, y: 30 }, { x: 110, y: 0 }]), width: near(2 * K * 72), fromNode: 'node:a', toNode: 'node:b' }]);
  });

  it('as a connector keeps only the two ends', () => {
    const { placed } = place(edge(), 'connectors');
    expect(placed[0]!.route).toEqual(inches([{ x: 0, y: 0 }, { x: 110, y: 0 }]));
  });

  it('names the second pane’s ends apart', () => {
    expect(place(edge(), 'drawn', 1).placed[0]).toMatchObject({ fromNode: 'node:a#2', toNode: 'node:b#2' });
  });

  it('draws a bar head as a stroked shape at the tip, the line stopping at its base', () => {
    const e = edge({ relation: 'inhibits', arrow: 'tee', colours: ['#aa0000', '#00aa00'] });
    const { placed, calls } = place(e);
    expect(placed[0]!.route).toEqual(inches(e.points));
    expect(calls).toHaveLength(1);
    const head = arrowPath('tee', 110, 0, 1, 0, 8);
    const pts = parsePath(head.d).flatMap((c) => (c.c === 'Z' ? [] : c.c === 'C' ? [c.x1, c.x2, c.x] : [c.x]));
    expect(calls[0]).toMatchObject({ kind: 'shape', type: 'custGeom', o: { objectName: 'head:e', x: near(Math.min(...pts) * K), fill: { type: 'none' }, line: { color: '00AA00', width: near(3 * K * 72), transparency: 0 } } });
  });

  it('draws a hollow head white inside with a thin rim in the edge’s colour', () => {
    const e = edge({ relation: 'regulates', arrow: 'diamond', hollow: true, opacity: 0.5 });
    const { calls } = place(e);
    expect(calls[0]!.o).toMatchObject({ fill: { color: 'FFFFFF', transparency: 50 }, line: { color: '111111', width: near(1.2 * K * 72), transparency: 50 } });
    // A filled square head is filled in the edge's colour.
    const square = place(edge({ relation: 'pretreats', arrow: 'square', colours: ['#123456'] })).calls[0]!.o;
    expect(square).toMatchObject({ fill: { color: '123456', transparency: 0 } });
  });

  it('points a drawn head along the route’s last direction, a connector’s head along the straight line', () => {
    // The scene's direction (down) differs from the straight line from the start (0,0) to the tip (110,0).
    const e = edge({ relation: 'inhibits', arrow: 'tee', dir: { x: 0, y: 1 } });
    const box = (d: string) => {
      const pts = parsePath(d).flatMap((c) => (c.c === 'Z' ? [] : c.c === 'C' ? [] : [c]));
      return { x: Math.min(...pts.map((q) => q.x)) * K, y: Math.min(...pts.map((q) => q.y)) * K };
    };
    const drawn = place(e).calls[0]!.o;
    expect(drawn).toMatchObject({ x: near(box(arrowPath('tee', 110, 0, 0, 1, 8).d).x), y: near(box(arrowPath('tee', 110, 0, 0, 1, 8).d).y) });
    const straight = place(e, 'connectors').calls[0]!.o;
    expect(straight).toMatchObject({ x: near(box(arrowPath('tee', 110, 0, 1, 0, 8).d).x), y: near(box(arrowPath('tee', 110, 0, 1, 0, 8).d).y) });
    // Away from the origin, a connector's head points from its start to its tip, and its route keeps the last point.
    const far = edge({ relation: 'inhibits', arrow: 'tee', points: [{ x: 10, y: 20 }, { x: 50, y: 90 }, { x: 90, y: 20 }], tip: { x: 100, y: 30 } });
    const placed = place(far, 'connectors');
    expect(placed.placed[0]!.route).toEqual(inches([{ x: 10, y: 20 }, { x: 90, y: 20 }]));
    const len = Math.hypot(90, 10);
    const head = arrowPath('tee', 100, 30, 90 / len, 10 / len, 8).d;
    expect(placed.calls[0]!.o).toMatchObject({ x: near(box(head).x), y: near(box(head).y) });
    // A connector whose two ends meet keeps a direction (no NaN).
    const zero = place(edge({ relation: 'inhibits', arrow: 'tee', points: [{ x: 110, y: 0 }, { x: 110, y: 0 }] }), 'connectors').calls[0]!.o;
    expect(Number.isFinite(zero.x as number) && Number.isFinite(zero.y as number)).toBe(true);
  });

  it('picks the native line end only for filled heads the legend draws filled', () => {
    expect(lineEnd({ arrow: 'triangle', hollow: false })).toEqual({ type: 'triangle', w: 'lg', len: 'lg' });
    expect(lineEnd({ arrow: 'vee', hollow: false })).toEqual({ type: 'stealth', w: 'med', len: 'lg' });
    expect(lineEnd({ arrow: 'chevron', hollow: false })).toEqual({ type: 'stealth', w: 'lg', len: 'med' });
    expect(lineEnd({ arrow: 'diamond', hollow: false })).toEqual({ type: 'diamond', w: 'lg', len: 'lg' });
    expect(lineEnd({ arrow: 'circle', hollow: false })).toEqual({ type: 'oval', w: 'lg', len: 'lg' });
    expect(lineEnd({ arrow: 'diamond', hollow: true })).toBeNull();
    expect(lineEnd({ arrow: 'tee', hollow: false })).toBeNull();
    expect(lineEnd({ arrow: 'square', hollow: false })).toBeNull();
    expect(LINE_END.tee).toBeNull();
  });
});

describe('SlidePainter: paths and text outside nodes and edges', () => {
  it('draws a path as custom geometry in its box, filled and stroked as asked', () => {
    const { p, calls } = painter();
    p.push(100, 50, 2);
    p.path('M0,0L10,0L10,5Z', { fill: '#ff0000', stroke: '#0000ff', width: 3, dash: [2, 1], opacity: 0.25 });
    p.pop();
    expect(calls).toEqual([
      {
        kind: 'shape',
        type: 'custGeom',
        o: {
          x: near(100 * K),
          y: near(50 * K),
          w: near(20 * K),
          h: near(10 * K),
          points: [
            { x: near(0), y: near(0), moveTo: true },
            { x: near(20 * K), y: near(0) },
            { x: near(20 * K), y: near(10 * K) },
            { close: true },
          ],
          fill: { color: 'FF0000', transparency: 75 },
          line: { color: '0000FF', width: near(3 * 2 * K * 72), transparency: 75, dashType: 'dash' },
        },
      },
    ]);
  });

  it('leaves out fill or line when not asked, keeps a flat path a sliver high, and skips an empty one', () => {
    const { p, calls } = painter();
    p.path('M0,0L10,0', { stroke: '#000000' });
    p.path('M0,0L0,10', { fill: '#000000' });
    p.path('', { fill: '#000000' });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.o).toMatchObject({ h: 0.001, fill: { type: 'none' }, line: { color: '000000', width: near(72 * K), transparency: 0 } });
    expect('dashType' in (calls[0]!.o.line as object)).toBe(false);
    expect(calls[1]!.o).toMatchObject({ w: 0.001, line: { type: 'none' } });
    // Curves keep their control points in the box.
    const curve = painter();
    curve.p.path('M0,0C0,-20 10,-20 10,0', { stroke: '#000000', dash: [] });
    expect(curve.calls[0]!.o).toMatchObject({ y: near(-20 * K), h: near(20 * K) });
    expect('dashType' in (curve.calls[0]!.o.line as object)).toBe(false);
  });

  it('writes text as a text box wide enough for the line, at its middle, aligned as asked', () => {
    const { p, calls } = painter();
    p.push(0, 0, 2);
    p.text('Entities', 100, 40, { size: 13, weight: 600, colour: '#444444', opacity: 0.5 });
    p.text('Mid', 100, 40, { size: 10, align: 'center' });
    p.text('End', 100, 40, { size: 10, align: 'right' });
    p.text('', 100, 40, { size: 10 });
    p.pop();
    expect(calls).toHaveLength(3);
    const w = (s: string, size: number) => (s.length * size * 0.62 + size) * K;
    expect(calls[0]).toEqual({
      kind: 'text',
      text: 'Entities',
      o: {
        x: near(200 * K),
        y: near(80 * K - (26 * 1.5 * K) / 2),
        w: near(w('Entities', 26)),
        h: near(26 * 1.5 * K),
        fontFace: 'Arial',
        fontSize: near(26 * K * 72),
        bold: true,
        color: '444444',
        transparency: 50,
        align: 'left',
        valign: 'middle',
        margin: 0,
        wrap: false,
        fit: 'none',
        isTextBox: true,
      },
    });
    expect(calls[1]!.o).toMatchObject({ x: near(200 * K - w('Mid', 20) / 2), align: 'center', bold: false, color: '111111', transparency: 0 });
    expect(calls[2]!.o).toMatchObject({ x: near(200 * K - w('End', 20)), align: 'right' });
    const small = painter();
    small.p.text('x', 0, 0, { size: 1 });
    expect(small.calls[0]!.o.fontSize).toBe(4);
  });

  it('draws nothing of what compose paints inside a node or an edge, also when nested', () => {
    const { p, calls } = painter();
    p.begin({ type: 'edge', edge: edge() });
    p.begin({ type: 'edge', edge: edge({ id: 'f' }) });
    p.end();
    p.text('still inside', 0, 0, { size: 10 });
    p.end();
    p.text('outside', 0, 0, { size: 10 });
    // Slides are not clipped: a clip draws nothing either.
    (p as Painter).clip('M0,0L1,1');
    p.unclip();
    expect(calls.map((c) => (c.kind === 'text' ? c.text : c.type))).toEqual(['outside']);
  });
});

/** A slide as pptxgenjs writes it: a group's properties, then shapes named after nodes. */
const SLIDE = [
  '<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/></p:nvGrpSpPr><p:grpSpPr/>',
  '<p:sp><p:nvSpPr><p:cNvPr id="2" name="node:a"><a:extLst/></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1000" y="2000"/><a:ext cx="400" cy="200"/></a:xfrm></p:spPr></p:sp>',
  '<p:sp><p:nvSpPr><p:cNvPr id="7" name="node:b&amp;&quot;&lt;&gt;&apos;"><a:extLst/></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="-3000" y="500"/><a:ext cx="600" cy="300"/></a:xfrm></p:spPr></p:sp>',
  '<p:sp><p:nvSpPr><p:cNvPr id="4" name="legend"><a:extLst/></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></a:xfrm></p:spPr></p:sp>',
  '<a:ext uri="x"><p14:x id="9"/></a:ext>',
  '</p:spTree></p:cSld></p:sld>',
].join('');
const B = 'b&"<>\'';

const placedEdge = (route: { x: number; y: number }[], over: Partial<SceneEdge> = {}, to = `node:${B}`): PlacedEdge => ({
  edge: edge({ id: 'e<1>', title: 'A & B "x"', ...over }),
  route,
  width: 1.5,
  fromNode: 'node:a',
  toNode: to,
});
const EMU = 914400;

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Record<string, never>;
}

describe('addEdges: lines along the drawn routes', () => {
  it('writes each edge as an open custom path through its route, under every shape, numbered after the highest id', () => {
    const route = [
      { x: 1, y: 2 },
      { x: 1.5, y: 1 },
      { x: 3, y: 2.5 },
    ];
    const out = addEdges(SLIDE, [placedEdge(route)], new Map());
    expect(out.indexOf('<p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="10" name="edge:e&lt;1&gt;" descr="A &amp; B &quot;x&quot;"/>')).toBeGreaterThan(0);
    const sp = out.slice(out.indexOf('<p:grpSpPr/>') + '<p:grpSpPr/>'.length, out.indexOf('</p:sp>') + '</p:sp>'.length);
    const [x0, y0, x1, y1] = [EMU, EMU, 3 * EMU, 2.5 * EMU];
    expect(sp).toBe(
      `<p:sp><p:nvSpPr><p:cNvPr id="10" name="edge:e&lt;1&gt;" descr="A &amp; B &quot;x&quot;"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr><a:xfrm><a:off x="${x0}" y="${y0}"/><a:ext cx="${x1 - x0}" cy="${y1 - y0}"/></a:xfrm>` +
        `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" r="r" b="b"/><a:pathLst><a:path w="${x1 - x0}" h="${y1 - y0}" fill="none">` +
        `<a:moveTo><a:pt x="0" y="${EMU}"/></a:moveTo><a:lnTo><a:pt x="${0.5 * EMU}" y="0"/></a:lnTo><a:lnTo><a:pt x="${2 * EMU}" y="${1.5 * EMU}"/></a:lnTo></a:path></a:pathLst></a:custGeom>` +
        `<a:noFill/><a:ln w="${Math.round(1.5 * 12700)}" cap="rnd"><a:solidFill><a:srgbClr val="111111"></a:srgbClr></a:solidFill><a:round/><a:tailEnd type="triangle" w="lg" len="lg"/></a:ln></p:spPr></p:sp>`,
    );
    parse(out);
  });

  it('numbers several edges one after the other, keeps a straight route 1 EMU thick, and rounds to whole EMU', () => {
    const out = addEdges(
      SLIDE,
      [placedEdge([{ x: 0.1, y: 1 }, { x: 2, y: 1 }], { id: 'h' }), placedEdge([{ x: 1, y: 0.3333333 }, { x: 1, y: 2 }], { id: 'v' })],
      new Map(),
    );
    expect(out).toContain('<p:cNvPr id="10" name="edge:h"');
    expect(out).toContain('<p:cNvPr id="11" name="edge:v"');
    expect(out).toContain(`<a:off x="${Math.round(0.1 * EMU)}" y="${EMU}"/><a:ext cx="${2 * EMU - Math.round(0.1 * EMU)}" cy="1"/>`);
    expect(out).toContain(`<a:off x="${EMU}" y="${Math.round(0.3333333 * EMU)}"/><a:ext cx="1" cy="${2 * EMU - Math.round(0.3333333 * EMU)}"/>`);
  });

  it('fades, dashes and dots the line, in the last colour, with a line end only for native heads', () => {
    const line = (over: Partial<SceneEdge>) => {
      const out = addEdges(SLIDE, [placedEdge([{ x: 0, y: 0 }, { x: 1, y: 1 }], over)], new Map());
      return /<a:ln [\s\S]*?<\/a:ln>/.exec(out)![0];
    };
    expect(line({ opacity: 0.15, colours: ['#aa0000', '#00bb00'] })).toBe(
      '<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="00BB00"><a:alpha val="15000"/></a:srgbClr></a:solidFill><a:round/><a:tailEnd type="triangle" w="lg" len="lg"/></a:ln>',
    );
    expect(line({ line: 'dashed', arrow: 'tee' })).toBe('<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="111111"></a:srgbClr></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln>');
    expect(line({ line: 'dotted', arrow: 'circle', hollow: true })).toBe('<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="111111"></a:srgbClr></a:solidFill><a:prstDash val="sysDot"/><a:round/></a:ln>');
    expect(line({ arrow: 'vee' })).toContain('<a:tailEnd type="stealth" w="med" len="lg"/>');
  });

  it('gives node shapes their description as alt text, escaped, matching names with entities', () => {
    const out = addEdges(SLIDE, [], new Map([['node:a', 'A: alpha <1> (Gene)'], [`node:${B}`, 'B & co']]));
    expect(out).toContain('<p:cNvPr id="2" name="node:a" descr="A: alpha &lt;1&gt; (Gene)">');
    expect(out).toContain('<p:cNvPr id="7" name="node:b&amp;&quot;&lt;&gt;&apos;" descr="B &amp; co">');
    // Shapes without a title, and shapes that are not nodes, are left as they were.
    expect(addEdges(SLIDE, [], new Map())).toBe(SLIDE);
    expect(out).toContain('<p:cNvPr id="4" name="legend">');
  });

  it('adds the lines after the group properties however they are written', () => {
    const written = SLIDE.replace('<p:grpSpPr/>', '<p:grpSpPr><a:xfrm/></p:grpSpPr>');
    const out = addEdges(written, [placedEdge([{ x: 0, y: 0 }, { x: 1, y: 1 }])], new Map());
    expect(out).toContain('<p:grpSpPr><a:xfrm/></p:grpSpPr><p:sp><p:nvSpPr><p:cNvPr id="10" name="edge:e&lt;1&gt;"');
  });
});

describe('addEdges: glued connectors', () => {
  const connector = (route: { x: number; y: number }[], to = `node:${B}`) => {
    const out = addEdges(SLIDE, [placedEdge(route, {}, to)], new Map(), 'connectors');
    parse(out);
    return /<p:cxnSp>[\s\S]*?<\/p:cxnSp>/.exec(out)![0];
  };

  it('writes a straight connector glued to both nodes’ shapes at the side each end leaves from', () => {
    // From (1 in, 1 in) to (2 in, 3 in): node a's centre is (1200, 2100) EMU, so the start leaves its top (site 0); node b lies far up and left of the end, which leaves its bottom (site 2).
    const c = connector([{ x: 1000 / EMU, y: 1000 / EMU }, { x: 2, y: 3 }]);
    expect(c).toBe(
      `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="10" name="edge:e&lt;1&gt;" descr="A &amp; B &quot;x&quot;"/><p:cNvCxnSpPr><a:stCxn id="2" idx="0"/><a:endCxn id="7" idx="2"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
        `<p:spPr><a:xfrm><a:off x="1000" y="1000"/><a:ext cx="${2 * EMU - 1000}" cy="${3 * EMU - 1000}"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>` +
        `<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="111111"></a:srgbClr></a:solidFill><a:round/><a:tailEnd type="triangle" w="lg" len="lg"/></a:ln></p:spPr></p:cxnSp>`,
    );
  });

  it('numbers connection sites top, left, bottom, right (DrawingML’s rectangle sites)', () => {
    // Node a: box (1000, 2000) 400 × 200 EMU, centre (1200, 2100).
    const site = (x: number, y: number) => /<a:stCxn id="2" idx="(\d)"\/>/.exec(connector([{ x: x / EMU, y: y / EMU }, { x: 5, y: 5 }]))![1];
    expect(site(1200, 1990)).toBe('0');
    expect(site(990, 2100)).toBe('1');
    expect(site(1200, 2210)).toBe('2');
    expect(site(1410, 2100)).toBe('3');
    // Measured against the box's shape: 150 EMU right and 80 down of a 400 × 200 box is nearer its bottom.
    expect(site(1350, 2180)).toBe('2');
    expect(site(1380, 2150)).toBe('3');
  });

  it('flips a connector that runs left or up, its box from the smaller corner', () => {
    const back = connector([{ x: 3, y: 3 }, { x: 1, y: 2 }]);
    expect(back).toContain(`<a:xfrm flipH="1" flipV="1"><a:off x="${EMU}" y="${2 * EMU}"/><a:ext cx="${2 * EMU}" cy="${EMU}"/>`);
    expect(connector([{ x: 3, y: 1 }, { x: 1, y: 2 }])).toContain('<a:xfrm flipH="1"><a:off');
    expect(connector([{ x: 1, y: 3 }, { x: 2, y: 2 }])).toContain('<a:xfrm flipV="1"><a:off');
  });

  it('leaves an end unglued when its node has no shape', () => {
    const c = connector([{ x: 1, y: 1 }, { x: 2, y: 2 }], 'node:missing');
    expect(c).toContain('<p:cNvCxnSpPr><a:stCxn id="2" idx="');
    expect(c).not.toContain('endCxn');
    expect(c).toMatch(/<p:cNvCxnSpPr><a:stCxn id="2" idx="\d"\/><\/p:cNvCxnSpPr>/);
  });

  it('runs a connector from the route’s first point to its last', () => {
    const c = connector([{ x: 1, y: 1 }, { x: 9, y: 9 }, { x: 2, y: 3 }]);
    expect(c).toContain(`<a:off x="${EMU}" y="${EMU}"/><a:ext cx="${EMU}" cy="${2 * EMU}"/>`);
  });

  it('flips neither way for a straight vertical or horizontal connector', () => {
    expect(connector([{ x: 1, y: 1 }, { x: 1, y: 3 }])).toContain('<a:xfrm><a:off');
    expect(connector([{ x: 1, y: 1 }, { x: 3, y: 1 }])).toContain('<a:xfrm><a:off');
  });

  it('glues an end on a diagonal to the top or bottom, and one at the centre to the bottom', () => {
    // Node a: box (1000, 2000) 400 × 200 EMU, centre (1200, 2100); 100 EMU up and 200 left is a diagonal of the box.
    const site = (x: number, y: number) => /<a:stCxn id="2" idx="(\d)"\/>/.exec(connector([{ x: x / EMU, y: y / EMU }, { x: 5, y: 5 }]))![1];
    expect(site(1000, 2000)).toBe('0');
    expect(site(1400, 2200)).toBe('2');
    expect(site(1200, 2100)).toBe('2');
  });
});

describe('schemaOrder', () => {
  it('moves the notes master list before the slide list, and leaves a presentation without one alone', () => {
    const p = '<p:presentation><p:sldMasterIdLst/><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldSz/></p:presentation>';
    expect(schemaOrder(p)).toBe('<p:presentation><p:sldMasterIdLst/><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:sldSz/></p:presentation>');
    const none = '<p:presentation><p:sldIdLst/></p:presentation>';
    expect(schemaOrder(none)).toBe(none);
    const slides = '<p:presentation><p:sldIdLst><p:sldId id="256"/></p:sldIdLst></p:presentation>';
    expect(schemaOrder(slides)).toBe(slides);
  });
});

describe('renderPptx on a small figure', () => {
  const scene: Scene = {
    x: -60,
    y: -40,
    width: 420,
    height: 80,
    nodes: [node({ id: 'a', x: 0, y: 0, lines: ['Alpha'] }), node({ id: 'b', x: 300, y: 0, lines: ['Beta'], shape: 'barrel' })],
    edges: [edge({ points: [{ x: 40, y: 0 }, { x: 250, y: 0 }], tip: { x: 260, y: 0 } })],
  };
  const content: ExportContent = {
    title: 'Small <figure>',
    panes: [{ scene }],
    legend: { kinds: [], relations: [] },
    sources: [],
    sourceLine: 'Source: here & there',
  };

  it('writes one widescreen slide on white with the nodes, the edge under them, and the document’s properties', async () => {
    for (const form of ['drawn', 'connectors'] as const) {
      const blob = await renderPptx(content, form);
      expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
      const zip = await JSZip.loadAsync(await blob.arrayBuffer());
      const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
      parse(slide);
      expect(zip.file('ppt/slides/slide2.xml')).toBeNull();
      expect(slide).toMatch(/<p:bg>[\s\S]*<a:srgbClr val="FFFFFF"/);
      const first = slide.indexOf('name="edge:e"');
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(slide.indexOf('name="node:a"'));
      expect(slide.includes('<p:cxnSp>')).toBe(form === 'connectors');
      expect(slide).toContain('descr="N (Gene or protein)"');
      const presentation = await zip.file('ppt/presentation.xml')!.async('string');
      expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
      if (presentation.includes('notesMasterIdLst')) expect(presentation.indexOf('<p:notesMasterIdLst>')).toBeLessThan(presentation.indexOf('<p:sldIdLst>'));
      const core = await zip.file('docProps/core.xml')!.async('string');
      expect(core).toContain('<dc:title>Small &lt;figure&gt;</dc:title>');
      expect(core).toContain('MSC–POF Atlas');
      expect(core).toContain('Source: here &amp; there');
    }
  });

  it('draws the edge along its route by default', async () => {
    const zip = await JSZip.loadAsync(await (await renderPptx(content)).arrayBuffer());
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).not.toContain('<p:cxnSp>');
    expect(slide).toMatch(/name="edge:e"[\s\S]*?<a:custGeom>/);
    // Through the bend: a move and two line-tos.
    const bent = { ...content, panes: [{ scene: { ...scene, edges: [edge({ points: [{ x: 40, y: 0 }, { x: 150, y: 30 }, { x: 250, y: 0 }], tip: { x: 260, y: 0 } })] } }] };
    const zip2 = await JSZip.loadAsync(await (await renderPptx(bent)).arrayBuffer());
    const path = /name="edge:e"[\s\S]*?<a:path [\s\S]*?<\/a:path>/.exec(await zip2.file('ppt/slides/slide1.xml')!.async('string'))![0];
    expect(path.match(/<a:lnTo>/g)).toHaveLength(2);
  });
});

describe('addEdges on a slide with ids of several digits, written with line breaks', () => {
  const BIG = [
    '<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/></p:nvGrpSpPr><p:grpSpPr/>',
    '<p:sp><p:nvSpPr><p:cNvPr id="12" name="node:a">\n  <a:extLst/>\n</p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1000" y="2000"/><a:ext cx="400" cy="200"/></a:xfrm></p:spPr></p:sp>',
    '<p:sp><p:nvSpPr><p:cNvPr id="34" name="node:b"><a:extLst/></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="5000" y="2000"/><a:ext cx="400" cy="200"/></a:xfrm></p:spPr></p:sp>',
    '</p:spTree></p:cSld></p:sld>',
  ].join('');
  const pe = (id: string): PlacedEdge => ({ ...placedEdge([{ x: 0, y: 0 }, { x: 1, y: 1 }], { id }), toNode: 'node:b' });

  it('numbers edges after the highest id, one after the other, glues them and describes the nodes', () => {
    const out = addEdges(BIG, [pe('x'), pe('y')], new Map([['node:a', 'A'], ['node:b', 'B']]), 'connectors');
    expect(out).toContain('<p:cNvPr id="35" name="edge:x"');
    expect(out).toContain('</p:cxnSp><p:cxnSp><p:nvCxnSpPr><p:cNvPr id="36" name="edge:y"');
    expect(out).toContain('<a:stCxn id="12" idx=');
    expect(out).toContain('<a:endCxn id="34" idx=');
    expect(out).toContain('<p:cNvPr id="12" name="node:a" descr="A">');
    expect(out).toContain('<p:cNvPr id="34" name="node:b" descr="B">');
    const drawn = addEdges(BIG, [pe('x'), pe('y')], new Map());
    expect(drawn).toContain('</p:sp><p:sp><p:nvSpPr><p:cNvPr id="36" name="edge:y"');
  });
});

