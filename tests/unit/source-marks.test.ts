// @vitest-environment jsdom
/**
 * The source marks layer (bars, shared outlines and count badges on a canvas above Cytoscape's), driven by a
 * headless Cytoscape and a Canvas 2D context that records what is drawn.
 */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceMarksLayer, type SourceMark } from '../../src/graph-view/source-marks.ts';
import { BADGE_R, BADGE_R_MAX, SOURCE_BAR } from '../../src/theme/decorations.ts';
import { shapePath } from '../../src/theme/shapes.ts';
import { pauseDrawing } from '../../src/graph-view/big-drawing.ts';

class FakePath {
  /** Rectangles added to a path built up piece by piece (the outlines' clip around drawn labels). */
  rects: number[][] = [];
  constructor(public d?: string) {}
  rect(...box: number[]) {
    this.rects.push(box);
  }
}

/** Every call and property set on the canvas's 2D context, as text. */
let log: string[] = [];
let hasContext = true;
const fmt = (a: unknown): string =>
  a instanceof FakePath
    ? a.d === undefined
      ? `rects:${a.rects.map((r) => r.map(fmt).join(' ')).join(';')}`
      : `path:${a.d}`
    : typeof a === 'number'
      ? String(Math.round(a * 1000) / 1000)
      : JSON.stringify(a);
function recordingContext() {
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, key: string) => (...args: unknown[]) => log.push(`${key}(${args.map(fmt).join(',')})`),
    set: (_t, key: string, value: unknown) => {
      log.push(`${key}=${fmt(value)}`);
      return true;
    },
  });
}

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  log = [];
  hasContext = true;
  frames = [];
  vi.stubGlobal('Path2D', FakePath);
  // Cytoscape's own animation loop (headless) is not run: only the layer's frames are kept.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (cb.name === 'animationStep' ? 0 : frames.push(cb)));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {};
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => (hasContext ? (recordingContext() as never) : null));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
const runFrames = () => {
  const now = frames;
  frames = [];
  now.forEach((f) => f(0));
};

/** A Cytoscape of 400 × 300 px with nodes a (at 100,100), b (at 300,100) and far (off screen), each 80 × 40. */
function setup(opts: { zoom?: number; pan?: { x: number; y: number } } = {}) {
  const cy: Core = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'a', w: 80, h: 40, shape: 'rectangle' }, position: { x: 100, y: 100 } },
      { data: { id: 'b', w: 80, h: 40, shape: 'ellipse' }, position: { x: 300, y: 100 } },
      { data: { id: 'far', w: 80, h: 40, shape: 'rectangle' }, position: { x: 5000, y: 100 } },
    ],
    style: [{ selector: '.hidden', style: { display: 'none' } }],
    layout: { name: 'preset' },
  });
  vi.spyOn(cy, 'width').mockReturnValue(400);
  vi.spyOn(cy, 'height').mockReturnValue(300);
  cy.zoom(opts.zoom ?? 1);
  cy.pan(opts.pan ?? { x: 0, y: 0 });
  const container = document.createElement('div');
  const layer = new SourceMarksLayer(cy, container);
  const canvas = container.querySelector('canvas')!;
  return { cy, layer, canvas, container };
}

const mark = (colours: string[], shared = false, faded = false): SourceMark => ({ colours, shared, faded });
const drawsOf = (l: string[]) => l.filter((s) => /^(fillRect|stroke|fill|arc|fillText|clip)\(/.test(s));

describe('SourceMarksLayer: its canvas', () => {
  it('adds a canvas over the drawing that takes no pointer events and is hidden from assistive technology', () => {
    const { canvas, layer } = setup();
    expect(canvas.className).toBe('source-marks');
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    expect(canvas.style.position).toBe('absolute');
    expect(canvas.style.inset).toBe('0px');
    expect(canvas.style.pointerEvents).toBe('none');
    expect(canvas.style.zIndex).toBe('1');
    layer.destroy();
  });

  it('sizes the canvas to the drawing times the pixel ratio', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const { canvas, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    expect(canvas.width).toBe(800);
    expect(canvas.height).toBe(600);
    expect(canvas.style.width).toBe('400px');
    expect(canvas.style.height).toBe('300px');
    expect(log).toContain('setTransform(2,0,0,2,0,0)');
    layer.destroy();
  });

  it('removes its canvas and stops drawing on destroy, also with a frame still to come', () => {
    const { cy, container, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'])]]));
    layer.destroy();
    expect(container.querySelector('canvas')).toBeNull();
    runFrames();
    cy.emit('render');
    expect(log).toEqual([]);
  });

  it('does nothing without a 2D context', () => {
    hasContext = false;
    const { layer } = setup();
    layer.set(new Map([['a', mark(['#f00'], true)]]));
    expect(() => runFrames()).not.toThrow();
    layer.destroy();
  });
});

describe('SourceMarksLayer: drawing', () => {
  it('draws one bar part per source along the bottom of the node, clipped to its outline', () => {
    const { layer } = setup();
    layer.set(new Map([['a', mark(['#f00', '#0f0'])]]));
    runFrames();
    expect(log.slice(0, 3)).toEqual(['setTransform(1,0,0,1,0,0)', 'clearRect(0,0,400,300)', 'setTransform(1,0,0,1,0,0)']);
    expect(drawsOf(log)).toEqual([`clip(path:${shapePath('rectangle', 100, 100, 80, 40)})`, `fillRect(60,${120 - SOURCE_BAR},40.5,${SOURCE_BAR})`, `fillRect(100,${120 - SOURCE_BAR},40.5,${SOURCE_BAR})`]);
    expect(log).toContain('fillStyle="#f00"');
    expect(log).toContain('fillStyle="#0f0"');
    expect(log).toContain('globalAlpha=1');
    expect(log.at(-1)).toBe('globalAlpha=1');
    layer.destroy();
  });

  it('outlines a shared entity in black and draws its count badge with the number of sources', () => {
    const { layer } = setup();
    layer.set(new Map([['b', mark(['#f00', '#0f0', '#00f'], true)]]));
    runFrames();
    const outline = `path:${shapePath('ellipse', 300, 100, 80, 40)}`;
    expect(drawsOf(log)).toEqual([
      `stroke(${outline})`,
      `clip(${outline})`,
      expect.stringMatching(/^fillRect\(260,/),
      expect.stringMatching(/^fillRect\(286\.667,/),
      expect.stringMatching(/^fillRect\(313\.333,/),
      `arc(340,80,${BADGE_R},0,${fmt(2 * Math.PI)})`,
      'fill()',
      `fillText("3",340,${fmt(80 + BADGE_R * 0.08)})`,
    ]);
    const i = log.indexOf(`stroke(${outline})`);
    expect(log.slice(i - 2, i)).toEqual(['lineWidth=3', 'strokeStyle="#000"']);
    expect(log).toContain(`font="600 ${fmt(BADGE_R * 1.35)}px Inter, sans-serif"`);
    expect(log).toContain('textAlign="center"');
    expect(log).toContain('textBaseline="middle"');
    expect(log).toContain('fillStyle="#fff"');
    layer.destroy();
  });

  it('keeps the badge at least 7 screen pixels across when zoomed out, up to its largest size', () => {
    // At zoom 0.8 the badge would be 6.4 px on screen: it grows to 7 / 0.8 = 8.75 in the drawing.
    const zoomed = setup({ zoom: 0.8 });
    zoomed.layer.set(new Map([['a', mark(['#f00', '#0f0'], true)]]));
    runFrames();
    expect(log.find((s) => s.startsWith('arc('))).toBe(`arc(140,80,8.75,0,${fmt(2 * Math.PI)})`);
    expect(log).toContain('setTransform(0.8,0,0,0.8,0,0)');
    zoomed.layer.destroy();
    // At zoom 0.5 it would need 14: it stops at the largest badge, and its number is still drawn (5.5 px ≥ 5).
    log = [];
    const far = setup({ zoom: 0.5 });
    far.layer.set(new Map([['a', mark(['#f00', '#0f0'], true)]]));
    runFrames();
    expect(log.find((s) => s.startsWith('arc('))).toBe(`arc(140,80,${BADGE_R_MAX},0,${fmt(2 * Math.PI)})`);
    expect(log.some((s) => s.startsWith('fillText('))).toBe(true);
    far.layer.destroy();
  });

  it('leaves the number out of a badge smaller than 5 screen pixels', () => {
    const { layer } = setup({ zoom: 0.4 });
    layer.set(new Map([['a', mark(['#f00', '#0f0'], true)]]));
    runFrames();
    // 11 × 0.4 = 4.4 px.
    expect(log.some((s) => s.startsWith('arc('))).toBe(true);
    expect(log.some((s) => s.startsWith('fillText('))).toBe(false);
    layer.destroy();
  });

  it('draws at the pan and zoom, and leaves out nodes off screen, without colours, or gone', () => {
    const { layer } = setup({ zoom: 2, pan: { x: -100, y: 10 } });
    layer.set(
      new Map([
        ['a', mark(['#f00'])],
        ['b', mark(['#0f0'])],
        ['far', mark(['#00f'])],
        ['none', mark(['#0ff'])],
        ['empty', mark([])],
      ]),
    );
    runFrames();
    expect(log).toContain('setTransform(2,0,0,2,-100,10)');
    // The view shows x 50–250: a (60–140) and b (260–340, just off screen) → only a.
    expect(drawsOf(log).filter((s) => s.startsWith('fillRect'))).toEqual([`fillRect(60,${120 - SOURCE_BAR},80.5,${SOURCE_BAR})`]);
    layer.destroy();
  });

  it.each([
    ['left of', { x: -141, y: 0 }, false],
    ['just touching the left of', { x: -139, y: 0 }, true],
    ['right of', { x: 341, y: 0 }, false],
    ['just touching the right of', { x: 339, y: 0 }, true],
    ['above', { x: 0, y: -121 }, false],
    ['just touching the top of', { x: 0, y: -119 }, true],
    ['below', { x: 0, y: 221 }, false],
    ['just touching the bottom of', { x: 0, y: 219 }, true],
  ])('culls a node %s the view (%o) unless it is partly in it', (_where, pan, drawn) => {
    const { layer } = setup({ pan });
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    expect(log.some((s) => s.startsWith('fillRect('))).toBe(drawn);
    layer.destroy();
  });

  it.each([
    ['right edge on the view’s left edge', { x: -140, y: 0 }],
    ['left edge on the view’s right edge', { x: 340, y: 0 }],
    ['bottom edge on the view’s top edge', { x: 0, y: -120 }],
    ['top edge on the view’s bottom edge', { x: 0, y: 220 }],
  ])('draws a node whose %s (it touches the view)', (_where, pan) => {
    const { layer } = setup({ pan });
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    expect(log.some((s) => s.startsWith('fillRect('))).toBe(true);
    layer.destroy();
  });

  it('culls vertically at the zoom: the view shows y from -pan.y / zoom, h / zoom high', () => {
    // Zoom 2, pan y -300: the view shows y 150–300; a (y 80–120) is above it, a node at y 200 in it.
    const { cy, layer } = setup({ zoom: 2, pan: { x: 0, y: -300 } });
    cy.add({ data: { id: 'mid', w: 80, h: 40, shape: 'rectangle' }, position: { x: 100, y: 200 } });
    cy.add({ data: { id: 'low', w: 80, h: 40, shape: 'rectangle' }, position: { x: 100, y: 330 } });
    layer.set(new Map([['a', mark(['#f00'])], ['mid', mark(['#0f0'])], ['low', mark(['#00f'])]]));
    runFrames();
    expect(log.filter((s) => s.startsWith('fillStyle='))).toEqual(['fillStyle="#0f0"']);
    layer.destroy();
  });

  it('draws nothing at all, not even a clip, for a mark without colours', () => {
    const { layer } = setup();
    layer.set(new Map([['a', mark([])]]));
    runFrames();
    expect(log).toEqual(['setTransform(1,0,0,1,0,0)', 'clearRect(0,0,400,300)', 'setTransform(1,0,0,1,0,0)', 'globalAlpha=1']);
    layer.destroy();
  });

  it('paints the badge black and its number white', () => {
    const { layer } = setup();
    layer.set(new Map([['a', mark(['#f00', '#0f0'], true)]]));
    runFrames();
    const arc = log.findIndex((s) => s.startsWith('arc('));
    expect(log.slice(arc - 2, arc)).toEqual(['fillStyle="#000"', 'beginPath()']);
    const text = log.findIndex((s) => s.startsWith('fillText('));
    expect(log.slice(arc + 1, text)).toContain('fillStyle="#fff"');
    layer.destroy();
  });

  it('writes the number in a badge of exactly 5 screen pixels', () => {
    const { layer } = setup({ zoom: 5 / 11 });
    layer.set(new Map([['a', mark(['#f00', '#0f0'], true)]]));
    runFrames();
    expect(log.some((s) => s.startsWith('fillText('))).toBe(true);
    layer.destroy();
  });

  it('resizes its canvas when the drawing changes width or height alone', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const { cy, canvas, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    expect([canvas.width, canvas.height]).toEqual([800, 600]);
    vi.spyOn(cy, 'width').mockReturnValue(500);
    cy.emit('render');
    expect([canvas.width, canvas.height, canvas.style.width, canvas.style.height]).toEqual([1000, 600, '500px', '300px']);
    vi.spyOn(cy, 'height').mockReturnValue(350);
    cy.emit('render');
    expect([canvas.width, canvas.height, canvas.style.width, canvas.style.height]).toEqual([1000, 700, '500px', '350px']);
    layer.destroy();
  });

  it('keeps its canvas as it is on a frame at the same size (setting a size clears and reallocates its bitmap)', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const { cy, canvas, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    const sets: string[] = [];
    for (const key of ['width', 'height'] as const) {
      const own = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, key)!;
      Object.defineProperty(canvas, key, {
        configurable: true,
        get: () => own.get!.call(canvas),
        set: (v: number) => {
          sets.push(`${key}=${v}`);
          own.set!.call(canvas, v);
        },
      });
    }
    log = [];
    cy.emit('render');
    expect(log).toContain('clearRect(0,0,800,600)');
    expect(sets).toEqual([]);
    vi.spyOn(cy, 'height').mockReturnValue(301);
    cy.emit('render');
    expect(sets).toEqual(['width=800', 'height=602']);
    layer.destroy();
  });

  it('fades the marks of a faded mark, a faded node and a node filtered off', () => {
    const { cy, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'], false, true)]]));
    runFrames();
    expect(log).toContain('globalAlpha=0.15');
    for (const cls of ['faded', 'off']) {
      log = [];
      cy.getElementById('a').addClass(cls);
      layer.set(new Map([['a', mark(['#f00'])]]));
      runFrames();
      expect(log, cls).toContain('globalAlpha=0.15');
      cy.getElementById('a').removeClass(cls);
    }
    log = [];
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    expect(log).not.toContain('globalAlpha=0.15');
    layer.destroy();
  });

  it('clears the canvas and draws nothing when there are no marks', () => {
    const { layer } = setup();
    layer.set(new Map());
    runFrames();
    expect(log).toEqual(['setTransform(1,0,0,1,0,0)', 'clearRect(0,0,400,300)']);
    layer.destroy();
  });

  it('draws once per set: with Cytoscape’s next frame if it comes first, else in an animation frame of its own', () => {
    const { cy, layer } = setup();
    layer.set(new Map([['a', mark(['#f00'])]]));
    layer.set(new Map([['a', mark(['#0f0'])]]));
    // One animation frame asked for, however many sets.
    expect(frames).toHaveLength(1);
    cy.emit('render');
    expect(log.filter((s) => s.startsWith('clearRect'))).toHaveLength(1);
    expect(log).toContain('fillStyle="#0f0"');
    runFrames();
    // Already drawn with Cytoscape's frame: the animation frame draws nothing more.
    expect(log.filter((s) => s.startsWith('clearRect'))).toHaveLength(1);
    // A later set asks for a new frame.
    layer.set(new Map([['a', mark(['#00f'])]]));
    expect(frames).toHaveLength(1);
    runFrames();
    expect(log.filter((s) => s.startsWith('clearRect'))).toHaveLength(2);
    layer.destroy();
  });

  it('while Cytoscape holds its frames (a drawing computed ahead), draws nothing: the first frame after draws the marks', () => {
    const { cy, layer } = setup();
    const clears = () => log.filter((s) => s.startsWith('clearRect')).length;
    cy.startBatch();
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    runFrames();
    // Held: the picture on screen is the last one, and so are its marks.
    expect(clears()).toBe(0);
    expect(frames).toHaveLength(1);
    // Placed by the level of detail while held: not drawn either.
    layer.place(new Map([['a', { hidden: true }]]));
    expect(clears()).toBe(0);
    cy.endBatch();
    runFrames();
    expect(clears()).toBe(1);
    expect(frames).toHaveLength(0);
    // Drawn as placed: hidden.
    expect(log).not.toContain('fillStyle="#f00"');
    // Not held: placing draws at once.
    layer.place(new Map());
    expect(clears()).toBe(2);
    expect(log).toContain('fillStyle="#f00"');
    layer.destroy();
  });

  it('while Cytoscape’s drawing is paused (the atlas painted into its layered cache ahead), draws nothing: the first frame after draws the marks', () => {
    const { cy, layer } = setup();
    const clears = () => log.filter((s) => s.startsWith('clearRect')).length;
    // A renderer that draws (the headless one has nothing to pause).
    vi.spyOn(cy as unknown as { renderer(): unknown }, 'renderer').mockReturnValue(Object.create({ render() {} }));
    const resume = pauseDrawing(cy);
    layer.set(new Map([['a', mark(['#f00'])]]));
    runFrames();
    runFrames();
    expect(clears()).toBe(0);
    expect(frames).toHaveLength(1);
    resume();
    runFrames();
    expect(clears()).toBe(1);
    expect(log).toContain('fillStyle="#f00"');
    layer.destroy();
  });

  it('keeps each node’s outline across frames and makes a new one when the node moves or resizes', () => {
    const { cy, layer } = setup();
    const made: string[] = [];
    vi.stubGlobal(
      'Path2D',
      class extends FakePath {
        constructor(d: string) {
          super(d);
          made.push(d);
        }
      },
    );
    layer.set(new Map([['a', mark(['#f00'], true)]]));
    runFrames();
    cy.emit('render');
    expect(made).toEqual([shapePath('rectangle', 100, 100, 80, 40)]);
    cy.getElementById('a').position({ x: 110, y: 100 });
    cy.emit('render');
    cy.getElementById('a').data('w', 90);
    cy.emit('render');
    cy.getElementById('a').data('shape', 'ellipse');
    cy.emit('render');
    expect(made).toEqual([shapePath('rectangle', 100, 100, 80, 40), shapePath('rectangle', 110, 100, 80, 40), shapePath('rectangle', 110, 100, 90, 40), shapePath('ellipse', 110, 100, 90, 40)]);
    layer.destroy();
  });
});

describe('SourceMarksLayer: placements and boxes', () => {
  it('reports a node’s marks only when it has colours', () => {
    const { layer } = setup();
    const m = mark(['#f00']);
    layer.set(new Map([['a', m], ['b', mark([])]]));
    expect(layer.markOf('a')).toBe(m);
    expect(layer.markOf('b')).toBeUndefined();
    expect(layer.markOf('zzz')).toBeUndefined();
    layer.destroy();
  });

  it('gives the boxes of the bars and badges drawn, in model coordinates', () => {
    const { cy, layer } = setup();
    layer.set(
      new Map([
        ['a', mark(['#f00', '#0f0'], true)],
        ['b', mark(['#f00'])],
        ['far', mark([])],
        ['gone', mark(['#f00'])],
      ]),
    );
    expect(layer.boxes()).toEqual([
      { id: 'a', kind: 'bar', x1: 60, y1: 120 - SOURCE_BAR, x2: 140, y2: 120 },
      { id: 'a', kind: 'badge', x1: 140 - BADGE_R, y1: 80 - BADGE_R, x2: 140 + BADGE_R, y2: 80 + BADGE_R },
      { id: 'b', kind: 'bar', x1: 260, y1: 120 - SOURCE_BAR, x2: 340, y2: 120 },
    ]);
    // A hidden node has no marks.
    cy.getElementById('a').style('display', 'none');
    expect(layer.boxes().map((b) => b.id)).toEqual(['b']);
    layer.destroy();
  });

  it('moves a bar and a badge where the level of detail places them, and hides the marks it hides', () => {
    const { layer } = setup();
    layer.set(new Map([['a', mark(['#f00', '#0f0'], true)], ['b', mark(['#00f'], true)]]));
    runFrames();
    log = [];
    layer.place(
      new Map([
        ['a', { bar: { x1: 40, y1: 130, x2: 160, y2: 134 }, badge: { cx: 170, cy: 125, r: 9 } }],
        ['b', { hidden: true }],
      ]),
    );
    // Drawn at once: the moved bar is not clipped to the node; the hidden node keeps its black outline only (the
    // outlines come first, then the bars and badges).
    expect(drawsOf(log)).toEqual([
      `stroke(path:${shapePath('rectangle', 100, 100, 80, 40)})`,
      `stroke(path:${shapePath('ellipse', 300, 100, 80, 40)})`,
      'fillRect(40,130,60.5,4)',
      'fillRect(100,130,60.5,4)',
      `arc(170,125,9,0,${fmt(2 * Math.PI)})`,
      'fill()',
      `fillText("2",170,${fmt(125 + 9 * 0.08)})`,
    ]);
    expect(layer.boxes()).toEqual([
      { id: 'a', kind: 'bar', x1: 40, y1: 130, x2: 160, y2: 134 },
      { id: 'a', kind: 'badge', x1: 161, y1: 116, x2: 179, y2: 134 },
    ]);
    // Only the badge moved: the bar stays in its place, clipped.
    log = [];
    layer.place(new Map([['a', { badge: { cx: 10, cy: 10, r: 9 } }]]));
    expect(drawsOf(log)[0]).toBe(`stroke(path:${shapePath('rectangle', 100, 100, 80, 40)})`);
    expect(drawsOf(log)[2]).toBe(`clip(path:${shapePath('rectangle', 100, 100, 80, 40)})`);
    expect(layer.boxes()[0]).toEqual({ id: 'a', kind: 'bar', x1: 60, y1: 120 - SOURCE_BAR, x2: 140, y2: 120 });
    // Only the bar moved: the badge stays at the corner.
    layer.place(new Map([['a', { bar: { x1: 0, y1: 0, x2: 1, y2: 1 } }]]));
    expect(layer.boxes()[1]).toEqual({ id: 'a', kind: 'badge', x1: 140 - BADGE_R, y1: 80 - BADGE_R, x2: 140 + BADGE_R, y2: 80 + BADGE_R });
    // An empty map puts every mark back; a second empty map draws nothing.
    log = [];
    layer.place(new Map());
    expect(layer.boxes()).toHaveLength(4);
    expect(log.length).toBeGreaterThan(0);
    log = [];
    layer.place(new Map());
    expect(log).toEqual([]);
    layer.destroy();
  });

  it('strokes a shared entity’s outline everywhere but on the labels the level of detail draws, until they are gone', () => {
    // Zoomed and panned, so that the view's box (x from -5, y from -10, 200 × 150) has a corner off the origin.
    const { layer } = setup({ zoom: 2, pan: { x: 10, y: 20 } });
    layer.set(new Map([['a', mark(['#f00'], true)]]));
    runFrames();
    const outline = `path:${shapePath('rectangle', 100, 100, 80, 40)}`;
    expect(drawsOf(log)[0]).toBe(`stroke(${outline})`);
    // A label wider than its node, over the node's ends: no marks moved, only the label's box given.
    log = [];
    layer.place(new Map(), [{ x1: 50, y1: 94, x2: 150, y2: 106 }]);
    // The outline stroked, then the label's box erased from it (no clip to the view less the box: a mask of the
    // whole canvas for every shared entity, in every frame), then the bar drawn normally again.
    const erase = log.indexOf('globalCompositeOperation="destination-out"');
    expect(erase).toBeGreaterThan(log.indexOf(`stroke(${outline})`));
    expect(log.slice(erase, erase + 4)).toEqual(['globalCompositeOperation="destination-out"', 'fillStyle="#000"', 'fillRect(50,94,100,12)', 'globalCompositeOperation="source-over"']);
    expect(log.slice(erase - 1, erase)).toEqual(['globalAlpha=1']);
    expect(log.indexOf(`clip(${outline})`)).toBeGreaterThan(erase + 3);
    expect(log.filter((s) => s.startsWith('clip('))).toEqual([`clip(${outline})`]);
    // The label gone: the whole outline again, nothing erased.
    log = [];
    layer.place(new Map(), []);
    expect(drawsOf(log).slice(0, 2)).toEqual([`stroke(${outline})`, `clip(${outline})`]);
    expect(log.filter((s) => s.startsWith('globalCompositeOperation'))).toEqual([]);
    layer.destroy();
  });

  it('erases the labels’ boxes after every outline and before any bar or badge, so that only outlines give way', () => {
    const { layer } = setup();
    layer.set(new Map([['a', mark(['#f00'], true)], ['b', mark(['#0f0', '#00f'], true)]]));
    runFrames();
    log = [];
    layer.place(new Map(), [
      { x1: 50, y1: 94, x2: 150, y2: 106 },
      { x1: 250, y1: 94, x2: 350, y2: 106 },
    ]);
    const steps = log.filter((s) => /^(stroke|fillRect|arc|fillText)\(|^globalCompositeOperation/.test(s));
    expect(steps.slice(0, 6)).toEqual([
      `stroke(path:${shapePath('rectangle', 100, 100, 80, 40)})`,
      `stroke(path:${shapePath('ellipse', 300, 100, 80, 40)})`,
      'globalCompositeOperation="destination-out"',
      'fillRect(50,94,100,12)',
      'fillRect(250,94,100,12)',
      'globalCompositeOperation="source-over"',
    ]);
    expect(steps.slice(6).every((s) => /^(fillRect|arc|fillText)\(/.test(s))).toBe(true);
    expect(steps.filter((s) => s.startsWith('arc('))).toHaveLength(2);
    layer.destroy();
  });
});
