import { afterEach, describe, expect, it, vi } from 'vitest';
import { CanvasPainter, esc, FONT_STACK, SvgPainter, xmlId } from '../../src/export/painter.ts';
import type { SceneEdge, SceneNode } from '../../src/export/scene.ts';

const node = (id: string, title = id) => ({ id, title }) as unknown as SceneNode;
const edge = (id: string, title = id) => ({ id, title }) as unknown as SceneEdge;

/** The SVG's body: what the painter drew, between the title/background and </svg>. */
const body = (p: SvgPainter) => p.toString(10, 10, null, 't').split('\n').slice(3, -1).filter(Boolean);

describe('esc and xmlId', () => {
  it('escapes the five XML characters and drops the control characters XML forbids', () => {
    expect(esc(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(esc('<&>')).toBe('&lt;&amp;&gt;');
    expect(esc('x\u0000\u0001\u0008y\u000B\u000C\u000E\u001Fz\uFFFE\uFFFF')).toBe('xyz');
    // Tab and newlines are allowed in XML.
    expect(esc('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(esc('é → ±')).toBe('é → ±');
  });

  it('makes an XML id from any string with its prefix', () => {
    expect(xmlId('node', 'mir-21')).toBe('node-mir-21');
    expect(xmlId('edge', 'a→b c/d:e')).toBe('edge-a_b_c_d_e');
    expect(xmlId('n', 'A.z_9-')).toBe('n-A.z_9-');
  });
});

describe('SvgPainter', () => {
  it('writes a document of the given size, title, background and fonts', () => {
    const p = new SvgPainter();
    const svg = p.toString(300, 200, '#ffffff', 'Fig. <1> & co');
    const lines = svg.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toBe(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200" font-family='${FONT_STACK}'>`);
    // Set in the app's font (Inter) where the viewer has it, else in a sans-serif, never the viewer's default serif.
    expect(svg).toMatch(/font-family='Inter, [^']*, sans-serif'>/);
    expect(lines[2]).toBe('<title>Fig. &lt;1&gt; &amp; co</title>');
    expect(svg).toContain('<rect width="300" height="200" fill="#ffffff"/>');
    expect(svg).not.toContain('<defs>');
    expect(lines.at(-1)).toBe('</svg>');
  });

  it('has no background rectangle when transparent, and takes a printed size, defs and a font family', () => {
    const svg = new SvgPainter().toString(300, 200, null, 't', { size: { width: '297mm', height: '210mm' }, defs: '<style>x</style>', fontFamily: 'Embedded' });
    expect(svg).not.toContain('<rect');
    expect(svg).toContain('width="297mm" height="210mm" viewBox="0 0 300 200"');
    expect(svg).toContain(`font-family='Embedded, ${FONT_STACK}'`);
    expect(svg).toContain('<defs><style>x</style></defs>');
  });

  it('groups each node and edge with its id, data-id and title, numbering repeated ids', () => {
    const p = new SvgPainter();
    p.begin({ type: 'node', node: node('a b', 'A & B') });
    p.end();
    p.begin({ type: 'edge', edge: edge('e1', 'a → b') });
    p.end();
    p.begin({ type: 'node', node: node('a b', 'again') });
    p.end();
    p.begin({ type: 'node', node: node('a b', 'third') });
    p.end();
    expect(body(p)).toEqual([
      '<g id="node-a_b" class="node" data-id="a b"><title>A &amp; B</title>',
      '</g>',
      '<g id="edge-e1" class="edge" data-id="e1"><title>a → b</title>',
      '</g>',
      '<g id="node-a_b-2" class="node" data-id="a b"><title>again</title>',
      '</g>',
      '<g id="node-a_b-3" class="node" data-id="a b"><title>third</title>',
      '</g>',
    ]);
  });

  it('writes panes and legends with their box, transforms and numbered clips', () => {
    const p = new SvgPainter();
    p.group('pane', { x: 1.234, y: 2, w: 3.456, h: 4 });
    p.push(10.126, -5, 0.5);
    p.clip('M0 0H1V1Z');
    p.clip('M0 0H2V2Z');
    p.unclip();
    p.unclip();
    p.pop();
    p.ungroup();
    p.group('legend', { x: 0, y: 0, w: 1, h: 1 });
    p.ungroup();
    expect(body(p)).toEqual([
      '<g class="pane" data-box="1.23 2 3.46 4">',
      '<g transform="translate(10.13 -5) scale(0.5)">',
      '<clipPath id="clip1"><path d="M0 0H1V1Z"/></clipPath><g clip-path="url(#clip1)">',
      '<clipPath id="clip2"><path d="M0 0H2V2Z"/></clipPath><g clip-path="url(#clip2)">',
      '</g>',
      '</g>',
      '</g>',
      '</g>',
      '<g class="legend" data-box="0 0 1 1">',
      '</g>',
    ]);
  });

  it('writes paths with fill, stroke, dashes and opacity only where they apply', () => {
    const p = new SvgPainter();
    p.path('M0 0', {});
    p.path('M1 1', { fill: '#abc', opacity: 1 });
    p.path('M2 2', { stroke: '#123', width: 1.5 });
    p.path('M3 3', { stroke: '#123', dash: [4, 2.555], lineJoin: 'miter', opacity: 0.333 });
    p.path('M4 4', { stroke: '#123', dash: [] });
    expect(body(p)).toEqual([
      '<path d="M0 0" fill="none"/>',
      '<path d="M1 1" fill="#abc"/>',
      '<path d="M2 2" fill="none" stroke="#123" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>',
      '<path d="M3 3" fill="none" stroke="#123" stroke-width="1" stroke-linejoin="miter" stroke-linecap="butt" stroke-dasharray="4 2.56" opacity="0.33"/>',
      '<path d="M4 4" fill="none" stroke="#123" stroke-width="1" stroke-linejoin="round" stroke-linecap="round"/>',
    ]);
  });

  it('writes text on the alphabetic baseline 0.35 em below its middle, anchored by its alignment', () => {
    const p = new SvgPainter();
    p.text('a<b', 10, 20, { size: 10 });
    p.text('mid', 1.005, 2, { size: 12.5, weight: 600, align: 'center', colour: '#f00', opacity: 0.5 });
    p.text('end', 0, 0, { size: 10, weight: 400, align: 'right', opacity: 1 });
    p.text('left', 0, 0, { size: 10, align: 'left' });
    expect(body(p)).toEqual([
      '<text x="10" y="23.5" font-size="10" fill="#111111" text-anchor="start">a&lt;b</text>',
      '<text x="1" y="6.38" font-size="12.5" font-weight="600" fill="#f00" text-anchor="middle" opacity="0.5">mid</text>',
      '<text x="0" y="3.5" font-size="10" fill="#111111" text-anchor="end">end</text>',
      '<text x="0" y="3.5" font-size="10" fill="#111111" text-anchor="start">left</text>',
    ]);
  });

  it('records the characters used per weight (for the embedded font subset)', () => {
    const p = new SvgPainter();
    p.text('ab', 0, 0, { size: 10 });
    p.text('bc', 0, 0, { size: 10, weight: 400 });
    p.text('Xé', 0, 0, { size: 10, weight: 600 });
    expect([...p.used[400]].sort()).toEqual(['a', 'b', 'c']);
    expect([...p.used[600]].sort()).toEqual(['X', 'é']);
  });
});

/** A Canvas 2D context that records what is set and called on it. */
function recordingContext() {
  const log: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(_target, key: string) {
      return (...args: unknown[]) => log.push(`${key}(${args.map((a) => (a instanceof FakePath ? `path:${a.d}` : JSON.stringify(a))).join(',')})`);
    },
    set(_target, key: string, value) {
      log.push(`${key}=${JSON.stringify(value)}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}

class FakePath {
  constructor(public d: string) {}
}

describe('CanvasPainter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('moves, scales, clips and restores in pairs', () => {
    vi.stubGlobal('Path2D', FakePath);
    const { ctx, log } = recordingContext();
    const p = new CanvasPainter(ctx);
    p.push(5, 6, 2);
    p.clip('M0 0H1V1Z');
    p.unclip();
    p.pop();
    expect(log).toEqual(['save()', 'translate(5,6)', 'scale(2,2)', 'save()', 'clip(path:M0 0H1V1Z)', 'restore()', 'restore()']);
  });

  it('fills and strokes a path with its style, in its own save/restore', () => {
    vi.stubGlobal('Path2D', FakePath);
    const { ctx, log } = recordingContext();
    const p = new CanvasPainter(ctx);
    p.path('M0 0', { fill: '#abc', stroke: '#123', width: 2, dash: [3, 1], lineJoin: 'miter', opacity: 0.4 });
    expect(log).toEqual([
      'save()',
      'globalAlpha=0.4',
      'fillStyle="#abc"',
      'fill(path:M0 0)',
      'strokeStyle="#123"',
      'lineWidth=2',
      'lineJoin="miter"',
      'lineCap="butt"',
      'setLineDash([3,1])',
      'stroke(path:M0 0)',
      'restore()',
    ]);
  });

  it('uses the defaults: opaque, width 1, round joins and caps, solid; nothing for a zero width or no paint', () => {
    vi.stubGlobal('Path2D', FakePath);
    const { ctx, log } = recordingContext();
    const p = new CanvasPainter(ctx);
    p.path('M1 1', { stroke: '#123' });
    expect(log).toEqual(['save()', 'globalAlpha=1', 'strokeStyle="#123"', 'lineWidth=1', 'lineJoin="round"', 'lineCap="round"', 'setLineDash([])', 'stroke(path:M1 1)', 'restore()']);
    log.length = 0;
    p.path('M2 2', { stroke: '#123', width: 0 });
    p.path('M3 3', {});
    expect(log).toEqual(['save()', 'globalAlpha=1', 'restore()', 'save()', 'globalAlpha=1', 'restore()']);
  });

  it('draws text at its middle with the font stack, weight, colour and alignment', () => {
    const { ctx, log } = recordingContext();
    const p = new CanvasPainter(ctx);
    p.text('Hi', 3, 4, { size: 12, weight: 600, colour: '#f00', align: 'center', opacity: 0.5 });
    p.text('Lo', 0, 0, { size: 9 });
    expect(log).toEqual([
      'save()',
      'globalAlpha=0.5',
      `font=${JSON.stringify(`600 12px ${FONT_STACK}`)}`,
      'fillStyle="#f00"',
      'textAlign="center"',
      'textBaseline="middle"',
      'fillText("Hi",3,4)',
      'restore()',
      'save()',
      'globalAlpha=1',
      `font=${JSON.stringify(`400 9px ${FONT_STACK}`)}`,
      'fillStyle="#111111"',
      'textAlign="left"',
      'textBaseline="middle"',
      'fillText("Lo",0,0)',
      'restore()',
    ]);
    // A CSS font a canvas takes (a font without a family is ignored, and the text drawn in 10px sans-serif): the
    // weight, size, the app's font, a sans-serif fallback.
    expect(log.filter((l) => l.startsWith('font=')).map((l) => JSON.parse(l.slice(5)) as string)).toEqual([
      expect.stringMatching(/^600 12px Inter, .*, sans-serif$/),
      expect.stringMatching(/^400 9px Inter, .*, sans-serif$/),
    ]);
  });
});
