/** The PDF painter's calls on a jsPDF document, recorded: transforms, paths, paint, opacity states and text. */
import { describe, expect, it } from 'vitest';
import { PdfPainter, UsedChars } from '../../src/export/pdf.ts';

/** A jsPDF stand-in that records every call; GState objects are numbered as made. */
function recordingDoc() {
  const log: string[] = [];
  let states = 0;
  class GState {
    id = ++states;
    constructor(public p: object) {
      log.push(`GState#${this.id}(${JSON.stringify(p)})`);
    }
  }
  const doc = new Proxy({ GState } as Record<string, unknown>, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (...args: unknown[]) => log.push(`${key}(${args.map((a) => (a instanceof GState ? `#${a.id}` : JSON.stringify(a))).join(',')})`);
    },
  });
  return { doc: doc as never, log };
}

describe('PdfPainter', () => {
  it('scales frame pixels to points and nests transforms', () => {
    const { doc, log } = recordingDoc();
    const p = new PdfPainter(doc, 0.5);
    p.push(100, 40, 2);
    p.path('M0 0L10 0', { stroke: '#123456', width: 2 });
    p.pop();
    p.path('M0 0L10 0', { stroke: '#123456', width: 2 });
    const paths = log.filter((l) => l.startsWith('path('));
    // Inside: (100 + 2x) * 0.5 → x 0 → 50, 10 → 60; y 40 → 20. Outside: x * 0.5.
    expect(paths[0]).toBe('path([{"op":"m","c":[50,20]},{"op":"l","c":[60,20]}])');
    expect(paths[1]).toBe('path([{"op":"m","c":[0,0]},{"op":"l","c":[5,0]}])');
    // Line widths scale too: 2 × 0.5 × 2 inside, 2 × 0.5 outside.
    expect(log.filter((l) => l.startsWith('setLineWidth('))).toEqual(['setLineWidth(2)', 'setLineWidth(1)']);
  });

  it('writes curves and closes as PDF path operators', () => {
    const { doc, log } = recordingDoc();
    new PdfPainter(doc, 1).path('M0 0C1 2 3 4 5 6Z', { fill: '#fff' });
    expect(log.find((l) => l.startsWith('path('))).toBe('path([{"op":"m","c":[0,0]},{"op":"c","c":[1,2,3,4,5,6]},{"op":"h","c":[]}])');
  });

  it('fills, strokes, both or neither, each inside its own graphics state', () => {
    const { doc, log } = recordingDoc();
    const p = new PdfPainter(doc, 1);
    p.path('M0 0', { fill: '#aaa', stroke: '#bbb', dash: [3, 1], lineJoin: 'miter', opacity: 0.5 });
    expect(log).toEqual([
      'saveGraphicsState()',
      'GState#1({"opacity":0.5,"stroke-opacity":0.5})',
      'setGState(#1)',
      'setFillColor("#aaa")',
      'setDrawColor("#bbb")',
      'setLineWidth(1)',
      'setLineJoin("miter")',
      'setLineCap("butt")',
      'setLineDashPattern([3,1],0)',
      'path([{"op":"m","c":[0,0]}])',
      'fillStroke()',
      'restoreGraphicsState()',
    ]);
    log.length = 0;
    p.path('M0 0', { fill: '#aaa' });
    p.path('M0 0', { stroke: '#bbb' });
    p.path('M0 0', { stroke: '#bbb', width: 0 });
    p.path('M0 0', {});
    const paint = log.filter((l) => /^(fill|stroke|fillStroke|discardPath)\(/.test(l));
    expect(paint).toEqual(['fill()', 'stroke()', 'discardPath()', 'discardPath()']);
    // Solid round lines by default; no stroke settings without a stroke.
    expect(log.filter((l) => l.startsWith('setLine'))).toEqual(['setLineWidth(1)', 'setLineJoin("round")', 'setLineCap("round")', 'setLineDashPattern([],0)']);
    expect(log.filter((l) => l.startsWith('setFillColor'))).toEqual(['setFillColor("#aaa")']);
  });

  it('scales dashes with the drawing', () => {
    const { doc, log } = recordingDoc();
    new PdfPainter(doc, 2).path('M0 0L1 0', { stroke: '#000', dash: [3, 1] });
    expect(log).toContain('setLineDashPattern([6,2],0)');
  });

  it('makes one opacity state per opacity (in hundredths) and reuses it', () => {
    const { doc, log } = recordingDoc();
    const p = new PdfPainter(doc, 1);
    p.path('M0 0', { fill: '#a' });
    p.path('M0 0', { fill: '#a', opacity: 1 });
    p.path('M0 0', { fill: '#a', opacity: 0.333 });
    p.path('M0 0', { fill: '#a', opacity: 0.331 });
    expect(log.filter((l) => l.startsWith('GState'))).toEqual(['GState#1({"opacity":1,"stroke-opacity":1})', 'GState#2({"opacity":0.33,"stroke-opacity":0.33})']);
    expect(log.filter((l) => l.startsWith('setGState'))).toEqual(['setGState(#1)', 'setGState(#1)', 'setGState(#2)', 'setGState(#2)']);
  });

  it('clips to a path until unclip', () => {
    const { doc, log } = recordingDoc();
    const p = new PdfPainter(doc, 2);
    p.clip('M1 1L2 2');
    p.unclip();
    expect(log).toEqual(['saveGraphicsState()', 'path([{"op":"m","c":[2,2]},{"op":"l","c":[4,4]}])', 'clip()', 'discardPath()', 'restoreGraphicsState()']);
  });

  it('writes text in the embedded Inter subset of its weight, at its middle, scaled', () => {
    const { doc, log } = recordingDoc();
    const p = new PdfPainter(doc, 0.75);
    p.text('TNF-α', 100, 20, { size: 16, weight: 600, colour: '#333333', align: 'center', opacity: 0.5 });
    p.text('plain', 0, 0, { size: 12 });
    expect(log).toEqual([
      'saveGraphicsState()',
      'GState#1({"opacity":0.5,"stroke-opacity":0.5})',
      'setGState(#1)',
      'setFont("MSCAAB+Inter-SemiBold","normal")',
      'setFontSize(12)',
      'setTextColor("#333333")',
      'text("TNF-α",75,15,{"align":"center","baseline":"middle"})',
      'restoreGraphicsState()',
      'saveGraphicsState()',
      'GState#2({"opacity":1,"stroke-opacity":1})',
      'setGState(#2)',
      'setFont("MSCAAA+Inter-Regular","normal")',
      'setFontSize(9)',
      'setTextColor("#111111")',
      'text("plain",0,0,{"align":"left","baseline":"middle"})',
      'restoreGraphicsState()',
    ]);
  });
});

describe('UsedChars', () => {
  it('records the characters each weight draws, and nothing for paths', () => {
    const u = new UsedChars();
    u.push();
    u.path();
    u.clip();
    u.unclip();
    u.pop();
    u.text('aab', 0, 0, { size: 1 });
    u.text('Xa', 0, 0, { size: 1, weight: 600 });
    u.text('c', 0, 0, { size: 1, weight: 400 });
    expect([...u.chars[400]].sort()).toEqual(['a', 'b', 'c']);
    expect([...u.chars[600]].sort()).toEqual(['X', 'a']);
  });
});
