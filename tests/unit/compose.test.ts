/**
 * The figure composer with a painter that records each operation: where the title, panes, legend and source line
 * go in the frame, and how nodes and edges are painted, on scenes made here.
 */
import { describe, expect, it } from 'vitest';
import { compose, drawScene, labelPx, naturalFrame, numberRanges, panePlacements, scenePad, splitPolyline, type ExportContent } from '../../src/export/compose.ts';
import type { PaintStyle, Painter, SceneItem, TextStyle } from '../../src/export/painter.ts';
import type { Scene, SceneEdge } from '../../src/export/scene.ts';
import { BADGE_R, SOURCE_BAR } from '../../src/theme/decorations.ts';
import { EDGE_COLOUR, KIND_STYLE, RELATION_STYLE } from '../../src/theme/kinds.ts';
import { arrowPath, shapePath } from '../../src/theme/shapes.ts';
import { wrapLabel } from '../../src/layout/measure.ts';
import { labelTextBox } from '../../src/export/scene.ts';
import { sceneEdge, sceneNode } from '../helpers/scene-items.ts';

type Op =
  | { op: 'text'; s: string; x: number; y: number; st: TextStyle }
  | { op: 'path'; d: string; st: PaintStyle }
  | { op: 'push'; tx: number; ty: number; s: number }
  | { op: 'pop' | 'unclip' | 'end' | 'ungroup' }
  | { op: 'clip'; d: string }
  | { op: 'begin'; item: SceneItem }
  | { op: 'pane'; index: number }
  | { op: 'group'; part: string; box: { x: number; y: number; w: number; h: number } };

class Recorder implements Painter {
  ops: Op[] = [];
  push(tx: number, ty: number, s: number) {
    this.ops.push({ op: 'push', tx, ty, s });
  }
  pop() {
    this.ops.push({ op: 'pop' });
  }
  clip(d: string) {
    this.ops.push({ op: 'clip', d });
  }
  unclip() {
    this.ops.push({ op: 'unclip' });
  }
  path(d: string, st: PaintStyle) {
    this.ops.push({ op: 'path', d, st });
  }
  text(s: string, x: number, y: number, st: TextStyle) {
    this.ops.push({ op: 'text', s, x, y, st });
  }
  begin(item: SceneItem) {
    this.ops.push({ op: 'begin', item });
  }
  end() {
    this.ops.push({ op: 'end' });
  }
  pane(index: number) {
    this.ops.push({ op: 'pane', index });
  }
  group(part: 'pane' | 'legend', box: { x: number; y: number; w: number; h: number }) {
    this.ops.push({ op: 'group', part, box });
  }
  ungroup() {
    this.ops.push({ op: 'ungroup' });
  }
  texts() {
    return this.ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text');
  }
  paths() {
    return this.ops.filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path');
  }
}

const node = sceneNode;
const edge = sceneEdge;

const scene = (over: Partial<Scene> = {}): Scene => ({ x: 0, y: 0, width: 400, height: 200, nodes: [node()], edges: [], ...over });

const content = (over: Partial<ExportContent> = {}): ExportContent => ({
  title: 'Fig. 1 A title',
  panes: [{ scene: scene() }],
  legend: {
    kinds: [{ kind: 'gene-or-protein', label: 'Gene or protein', style: KIND_STYLE['gene-or-protein'] }],
    relations: [{ group: 'Activates (positive influence)', relation: 'activates', style: RELATION_STYLE.activates }],
  },
  sources: [],
  sourceLine: 'Source: the review.',
  ...over,
});

describe('numberRanges', () => {
  it('writes runs of three or more as ranges, pairs and singles as a list, each number once, in order', () => {
    expect(numberRanges([49, 30, 32, 33, 34, 35, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36])).toBe('30, 32–45, 49');
    expect(numberRanges([1, 2])).toBe('1, 2');
    expect(numberRanges([1, 2, 3])).toBe('1–3');
    expect(numberRanges([5, 5, 5])).toBe('5');
    expect(numberRanges([7, 1, 2, 4, 5, 6, 9])).toBe('1, 2, 4–7, 9');
    expect(numberRanges([])).toBe('');
    expect(numberRanges([10, 2])).toBe('2, 10');
  });
});

describe('splitPolyline', () => {
  const len = (pts: { x: number; y: number }[]) => pts.slice(1).reduce((s, p, i) => s + Math.hypot(p.x - pts[i]!.x, p.y - pts[i]!.y), 0);

  it('keeps the line whole for one colour or none', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    expect(splitPolyline(pts, 1)).toEqual([pts]);
    expect(splitPolyline(pts, 0)).toEqual([pts]);
  });

  it('cuts a straight line into equal parts', () => {
    expect(
      splitPolyline(
        [
          { x: 0, y: 0 },
          { x: 30, y: 0 },
        ],
        3,
      ),
    ).toEqual([
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      [
        { x: 10, y: 0 },
        { x: 20, y: 0 },
      ],
      [
        { x: 20, y: 0 },
        { x: 30, y: 0 },
      ],
    ]);
  });

  it('cuts a bent line into pieces of equal length that keep the bends', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 10 },
    ];
    const [a, b] = splitPolyline(pts, 2);
    expect(a).toEqual([
      { x: 0, y: 0 },
      { x: 20, y: 0 },
    ]);
    expect(b).toEqual([
      { x: 20, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 10 },
    ]);
    const four = splitPolyline(
      [
        { x: 0, y: 0 },
        { x: 3, y: 4 },
        { x: 3, y: 14 },
        { x: 13, y: 14 },
      ],
      4,
    );
    expect(four).toHaveLength(4);
    for (const piece of four) expect(len(piece)).toBeCloseTo(25 / 4, 9);
    expect(four[3]!.at(-1)).toEqual({ x: 13, y: 14 });
  });

  it('copes with a zero-length segment', () => {
    const parts = splitPolyline(
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      2,
    );
    expect(parts).toHaveLength(2);
    expect(parts[0]!.at(-1)).toEqual({ x: 5, y: 0 });
    expect(parts[1]!.at(-1)).toEqual({ x: 10, y: 0 });
  });
});

describe('drawScene: nodes', () => {
  it('fills, then strokes the outline, then writes the lines centred around the middle', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [node({ lines: ['one', 'two', 'three'], bold: true, opacity: 0.5 })] }));
    const d = shapePath('rectangle', 100, 50, 80, 40);
    expect(p.ops[0]).toEqual({ op: 'begin', item: { type: 'node', node: expect.objectContaining({ id: 'n' }) } });
    expect(p.paths()).toEqual([
      { op: 'path', d, st: { fill: '#eeeeee', opacity: 0.5 } },
      { op: 'path', d, st: { stroke: '#333333', width: 2, dash: undefined, opacity: 0.5 } },
    ]);
    const lh = 13 * 1.25;
    expect(p.texts()).toEqual(
      ['one', 'two', 'three'].map((s, i) => ({ op: 'text', s, x: 100, y: 50 + (i - 1) * lh, st: { size: 13, weight: 600, align: 'center', opacity: 0.5 } })),
    );
    expect(p.ops.at(-1)).toEqual({ op: 'end' });
  });

  it('draws a highlight halo first, dashes and a double rim when asked, and regular text', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [node({ highlight: true, dashed: true, double: true, shape: 'ellipse', lines: ['x'] })] }));
    expect(p.paths().map((o) => o.st)).toEqual([
      { fill: '#F0E442', opacity: 0.9 },
      { fill: '#eeeeee', opacity: 1 },
      { stroke: '#333333', width: 2, dash: [4, 3], opacity: 1 },
      { stroke: '#333333', width: 1, opacity: 1 },
    ]);
    expect(p.paths().map((o) => o.d)).toEqual([shapePath('ellipse', 100, 50, 92, 52), shapePath('ellipse', 100, 50, 80, 40), shapePath('ellipse', 100, 50, 80, 40), shapePath('ellipse', 100, 50, 74, 34)]);
    expect(p.texts()[0]).toMatchObject({ s: 'x', y: 50, st: { weight: 400 } });
  });

  it('draws the source bar along the bottom in equal parts, clipped to the node, and the count badge at the corner', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [node({ bar: ['#f00', '#0f0'], badge: 3, opacity: 0.7, lines: [] })] }));
    const d = shapePath('rectangle', 100, 50, 80, 40);
    const y1 = 70 - SOURCE_BAR;
    expect(p.ops.filter((o) => o.op === 'clip' || o.op === 'unclip')).toEqual([{ op: 'clip', d }, { op: 'unclip' }]);
    const paths = p.paths();
    expect(paths[1]).toEqual({ op: 'path', d: `M60,${y1}h40.5v${SOURCE_BAR}h-40.5Z`, st: { fill: '#f00', opacity: 0.7 } });
    expect(paths[2]).toEqual({ op: 'path', d: `M100,${y1}h40.5v${SOURCE_BAR}h-40.5Z`, st: { fill: '#0f0', opacity: 0.7 } });
    const r = BADGE_R;
    expect(paths.at(-1)).toEqual({ op: 'path', d: `M${140 - r},30a${r},${r} 0 1 0 ${2 * r},0a${r},${r} 0 1 0 ${-2 * r},0Z`, st: { fill: '#000000', opacity: 0.7 } });
    expect(p.texts()).toEqual([{ op: 'text', s: '3', x: 140, y: 30, st: { size: 11, weight: 600, colour: '#ffffff', align: 'center', opacity: 0.7 } }]);
    // The clip holds only the bar.
    const clipAt = p.ops.findIndex((o) => o.op === 'clip');
    const unclipAt = p.ops.findIndex((o) => o.op === 'unclip');
    expect(unclipAt - clipAt).toBe(3);
  });
});

describe('drawScene: edges', () => {
  it('draws edges before nodes, each with its line and a filled arrow head in its colour', () => {
    const p = new Recorder();
    drawScene(p, scene({ edges: [edge()] }));
    expect(p.ops.map((o) => o.op)).toEqual(['begin', 'path', 'path', 'end', 'begin', 'path', 'path', 'text', 'end']);
    const [line, head] = p.paths();
    expect(line).toEqual({ op: 'path', d: 'M0.00,0.00L100.00,0.00', st: { stroke: EDGE_COLOUR, width: 1.6, dash: undefined, opacity: 1 } });
    const h = arrowPath('triangle', 108, 0, 1, 0, 7.6);
    expect(head).toEqual({ op: 'path', d: h.d, st: { fill: EDGE_COLOUR, stroke: EDGE_COLOUR, width: 1.2, opacity: 1 } });
  });

  it('splits an edge of several colours into equal parts, the head in the last colour', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [], edges: [edge({ colours: ['#f00', '#00f'], opacity: 0.4 })] }));
    const [a, b, head] = p.paths();
    expect(a).toMatchObject({ d: 'M0.00,0.00L50.00,0.00', st: { stroke: '#f00', opacity: 0.4 } });
    expect(b).toMatchObject({ d: 'M50.00,0.00L100.00,0.00', st: { stroke: '#00f' } });
    expect(head!.st).toMatchObject({ fill: '#00f', stroke: '#00f' });
  });

  it('dashes dashed edges 6/4 and dots dotted ones by their width', () => {
    const dashOf = (e: Partial<SceneEdge>) => {
      const p = new Recorder();
      drawScene(p, scene({ nodes: [], edges: [edge(e)] }));
      return p.paths()[0]!.st.dash;
    };
    expect(dashOf({ line: 'dashed' })).toEqual([6, 4]);
    expect(dashOf({ line: 'dotted', width: 1 })).toEqual([1.5, 3.5]);
    expect(dashOf({ line: 'dotted', width: 3 })).toEqual([3, 3.5]);
  });

  it('paints a hollow head white inside, and a stroke-only head (a tee) as a line one wider', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [], edges: [edge({ hollow: true, arrow: 'diamond' }), edge({ arrow: 'tee', width: 2 })] }));
    const heads = p.paths().filter((_, i) => i % 2 === 1);
    expect(heads[0]!.st).toEqual({ fill: '#ffffff', stroke: EDGE_COLOUR, width: 1.2, opacity: 1 });
    expect(arrowPath('tee', 0, 0, 1, 0).strokeOnly).toBe(true);
    expect(heads[1]!.st).toEqual({ fill: undefined, stroke: EDGE_COLOUR, width: 3, opacity: 1 });
    expect(heads[1]!.d).toBe(arrowPath('tee', 108, 0, 1, 0, 8).d);
  });
});

describe('compose: the frame', () => {
  const HD = { width: 1920, height: 1080 };

  it('writes the title at the margin, in 26 px semibold, then the pane, the legend and the source line at the bottom', () => {
    const p = new Recorder();
    compose(p, content(), HD);
    const [title] = p.texts();
    expect(title).toEqual({ op: 'text', s: 'Fig. 1 A title', x: 28, y: 28 + 16.25, st: { size: 26, weight: 600 } });
    const source = p.texts().at(-1)!;
    expect(source).toEqual({ op: 'text', s: 'Source: the review.', x: 28, y: 1080 - 28 - 15 + 7.5, st: { size: 12, colour: '#333333' } });
    const groups = p.ops.filter((o) => o.op === 'group');
    expect(groups.map((g) => (g as { part: string }).part)).toEqual(['pane', 'legend']);
    expect(p.ops.filter((o) => o.op === 'pane')).toEqual([{ op: 'pane', index: 0 }]);
  });

  it('scales everything with the frame’s area', () => {
    const p = new Recorder();
    compose(p, content(), { width: 3840, height: 2160 });
    expect(p.texts()[0]).toMatchObject({ x: 56, st: { size: 52 } });
    expect(p.texts().at(-1)).toMatchObject({ x: 56, st: { size: 24 } });
  });

  it('writes a caption under the title in grey, at most two lines, the last cut with an ellipsis', () => {
    const p = new Recorder();
    const long = Array.from({ length: 80 }, (_, i) => `word${i},`).join(' ');
    compose(p, content({ caption: long }), HD);
    const captions = p.texts().filter((t) => t.st.colour === '#444444');
    expect(captions).toHaveLength(2);
    expect(captions[0]).toMatchObject({ x: 28, y: 28 + 32.5 + 8.75, st: { size: 14 } });
    expect(captions[1]!.y - captions[0]!.y).toBeCloseTo(17.5, 9);
    expect(captions[1]!.s.endsWith('…')).toBe(true);
    expect(captions[1]!.s).not.toMatch(/[\s,;.]…$/);
    // Short enough: as it is.
    const q = new Recorder();
    compose(q, content({ caption: 'A short caption.' }), HD);
    expect(q.texts().filter((t) => t.st.colour === '#444444').map((t) => t.s)).toEqual(['A short caption.']);
  });

  it('keeps at most three source lines and two title lines', () => {
    const p = new Recorder();
    const long = Array.from({ length: 300 }, (_, i) => `ref${i}`).join(' ');
    compose(p, content({ sourceLine: long, title: long }), HD);
    const sources = p.texts().filter((t) => t.st.colour === '#333333');
    expect(sources).toHaveLength(3);
    expect(sources[2]!.s.endsWith('…')).toBe(true);
    expect(sources[2]!.y + 7.5).toBeCloseTo(1080 - 28, 6);
    expect(p.texts().filter((t) => t.st.size === 26)).toHaveLength(2);
  });

  it('fits the scene into its box, centred, never cropped', () => {
    const p = new Recorder();
    const c = content({ panes: [{ scene: scene({ x: -50, y: 10, width: 400, height: 200 }) }] });
    compose(p, c, HD);
    const [place] = panePlacements(c, HD);
    const push = p.ops.find((o) => o.op === 'push') as Extract<Op, { op: 'push' }>;
    expect(push.s).toBe(place!.scale);
    // Centred in the box: equal room either side, in both directions.
    const left = push.tx + -50 * push.s - place!.box.x;
    const right = place!.box.x + place!.box.w - (push.tx + 350 * push.s);
    expect(left).toBeCloseTo(right, 6);
    const top = push.ty + 10 * push.s - place!.box.y;
    const bottom = place!.box.y + place!.box.h - (push.ty + 210 * push.s);
    expect(top).toBeCloseTo(bottom, 6);
    expect(Math.min(left, top)).toBeGreaterThanOrEqual(0);
    // The scale leaves room for the pad all round (4 px of scene, 10 with a highlight).
    expect(place!.scale).toBeCloseTo(Math.min(place!.box.w / 408, place!.box.h / 208), 9);
  });

  it('puts two panes side by side with a gap, each under its label', () => {
    const c = content({ panes: [{ label: 'Left', scene: scene() }, { label: 'Right', scene: scene({ width: 800 }) }] });
    const [a, b] = panePlacements(c, HD);
    expect(b!.box.x - (a!.box.x + a!.box.w)).toBeCloseTo(40, 9);
    expect(a!.box.w).toBeCloseTo(b!.box.w, 9);
    expect(a!.label).toEqual({ x: a!.box.x, y: a!.box.y - 14 });
    expect(b!.label).toEqual({ x: b!.box.x, y: b!.box.y - 14 });
    expect(b!.scale).toBeLessThan(a!.scale);
    const p = new Recorder();
    compose(p, c, HD);
    expect(p.texts().filter((t) => t.st.size === 16)).toEqual([
      { op: 'text', s: 'Left', x: a!.box.x, y: a!.label!.y, st: { size: 16, weight: 600 } },
      { op: 'text', s: 'Right', x: b!.box.x, y: b!.label!.y, st: { size: 16, weight: 600 } },
    ]);
    expect(p.ops.filter((o) => o.op === 'pane')).toEqual([
      { op: 'pane', index: 0 },
      { op: 'pane', index: 1 },
    ]);
    // Without labels the boxes start 28 px higher.
    const [plain] = panePlacements(content(), HD);
    expect(a!.box.y - plain!.box.y).toBeCloseTo(28, 9);
    expect(plain!.label).toBeUndefined();
  });

  it('pads a scene with a highlight more', () => {
    expect(scenePad(scene())).toBe(4);
    expect(scenePad(scene({ nodes: [node(), node({ highlight: true })] }))).toBe(10);
  });
});

describe('compose: the legend', () => {
  const HD = { width: 1920, height: 1080 };
  const legendOps = (c: ExportContent, frame = HD) => {
    const p = new Recorder();
    compose(p, c, frame);
    const start = p.ops.findIndex((o) => o.op === 'group' && o.part === 'legend');
    const end = p.ops.findIndex((o, i) => i > start && o.op === 'ungroup');
    return p.ops.slice(start, end + 1);
  };

  it('lists entities and relations under their headings, one 21 px row each, scaled from its corner', () => {
    const ops = legendOps(content());
    const group = ops[0] as Extract<Op, { op: 'group' }>;
    expect(ops[1]).toEqual({ op: 'push', tx: group.box.x, ty: group.box.y, s: 1 });
    expect(group.box.w).toBe(240);
    expect(group.box.x).toBe(1920 - 28 - 240);
    const texts = ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text');
    expect(texts.map((t) => [t.s, t.x, t.y])).toEqual([
      ['Entities', 0, 10.5],
      ['Gene or protein', 40, 31.5],
      ['Relations', 0, 52.5],
      // The group name without its bracketed clause.
      ['Activates', 40, 73.5],
    ]);
    expect(texts[0]!.st).toEqual({ size: 13, weight: 600 });
    expect(texts[1]!.st).toEqual({ size: 13 });
    const s = KIND_STYLE['gene-or-protein'];
    const paths = ops.filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path');
    expect(paths[0]).toEqual({ op: 'path', d: shapePath(s.shape, 16, 31.5, 30, 15), st: { fill: s.fill, stroke: s.border, width: Math.min(s.borderWidth, 2), dash: undefined } });
    expect(paths[1]).toEqual({ op: 'path', d: 'M1,73.5L26,73.5', st: { stroke: EDGE_COLOUR, width: 1.6, dash: undefined } });
    expect(paths[2]!.d).toBe(arrowPath(RELATION_STYLE.activates.arrow, 34, 73.5, 1, 0, 6).d);
    expect(ops.at(-2)).toEqual({ op: 'pop' });
  });

  it('draws dashed kinds and dashed, dotted, hollow and tee relations as they are drawn', () => {
    const dashedKind = Object.entries(KIND_STYLE).find(([, s]) => s.borderStyle === 'dashed');
    const rel = (line: 'dashed' | 'dotted' | 'solid', arrow: 'triangle' | 'tee' | 'diamond', hollow: boolean, group: string) => ({ group, relation: 'activates' as const, style: { line, arrow, hollow, group } });
    const c = content({
      legend: {
        kinds: dashedKind ? [{ kind: dashedKind[0] as never, label: 'Dashed kind', style: dashedKind[1] }] : [],
        relations: [rel('dashed', 'triangle', false, 'A'), rel('dotted', 'diamond', true, 'B'), rel('solid', 'tee', false, 'C')],
      },
    });
    const paths = legendOps(c).filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path');
    if (dashedKind) expect(paths.shift()!.st.dash).toEqual([3, 2]);
    expect(paths.map((p) => p.st)).toEqual([
      { stroke: EDGE_COLOUR, width: 1.6, dash: [5, 3] },
      { fill: EDGE_COLOUR, stroke: EDGE_COLOUR, width: 1.2 },
      { stroke: EDGE_COLOUR, width: 1.6, dash: [1.5, 2.5] },
      { fill: '#ffffff', stroke: EDGE_COLOUR, width: 1.2 },
      { stroke: EDGE_COLOUR, width: 1.6, dash: undefined },
      { fill: undefined, stroke: EDGE_COLOUR, width: 2.2 },
    ]);
  });

  it('names cell sources with their swatches', () => {
    const ops = legendOps(content({ sources: [{ label: 'hUCMSC — umbilical cord', colour: '#E69F00' }] }));
    const texts = ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text').map((t) => t.s);
    expect(texts.slice(-2)).toEqual(['Cell sources', 'hUCMSC — umbilical cord']);
    const swatch = ops.filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path').at(-1)!;
    expect(swatch).toEqual({ op: 'path', d: 'M4,109.5h24v12h-24Z', st: { fill: '#E69F00' } });
  });

  it('names compared sides, with a two-colour swatch for both', () => {
    const ops = legendOps(content({ sources: [{ label: 'Left', colour: '#111' }, { label: 'Both', colour: '#111', second: '#222' }] }));
    const texts = ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text').map((t) => t.s);
    expect(texts.slice(-3)).toEqual(['Compared sides', 'Left', 'Both']);
    const paths = ops.filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path');
    expect(paths.slice(-2)).toEqual([
      { op: 'path', d: 'M4,130.5h24v12h-24Z', st: { fill: '#111' } },
      { op: 'path', d: 'M16,130.5h12v12h-12Z', st: { fill: '#222' } },
    ]);
  });

  it('explains the shared-entity marks and the path highlight under "Marks" when the drawing has them', () => {
    const c = content({ panes: [{ scene: scene({ nodes: [node({ badge: 2 }), node({ highlight: true })] }) }] });
    const ops = legendOps(c);
    const texts = ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text').map((t) => t.s);
    expect(texts.slice(-3)).toEqual(['Marks', 'Acted on by 2+ sources (count)', 'On the explained path']);
    const paths = ops.filter((o): o is Extract<Op, { op: 'path' }> => o.op === 'path');
    expect(paths.slice(-3)).toEqual([
      { op: 'path', d: shapePath('round-rectangle', 16, 115.5, 26, 14), st: { fill: '#ffffff', stroke: '#000000', width: 2 } },
      { op: 'path', d: 'M23,108.5a5,5 0 1 0 10,0a5,5 0 1 0 -10,0Z', st: { fill: '#000000' } },
      { op: 'path', d: shapePath('round-rectangle', 16, 136.5, 30, 16), st: { fill: '#F0E442' } },
    ]);
    // Neither mark: no third heading.
    expect(legendOps(content()).filter((o) => o.op === 'text')).toHaveLength(4);
    const onlyShared = legendOps(content({ panes: [{ scene: scene({ nodes: [node({ badge: 2 })] }) }] }));
    expect(onlyShared.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text').map((t) => t.s).slice(-2)).toEqual(['Marks', 'Acted on by 2+ sources (count)']);
  });

  it('flows into more columns when its rows do not fit the height', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ kind: 'gene-or-protein' as const, label: `Kind ${i}`, style: KIND_STYLE['gene-or-protein'] }));
    const c = content({ legend: { kinds: many, relations: [] } });
    const ops = legendOps(c);
    const group = ops[0] as Extract<Op, { op: 'group' }>;
    const rows = 60 + 2;
    const columns = Math.ceil((rows * 21) / group.box.h);
    expect(columns).toBeGreaterThan(1);
    expect(group.box.w).toBe(columns * 240);
    const texts = ops.filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text');
    const perColumn = Math.ceil(rows / columns);
    // The first row of the second column is back at the top, 240 px to the right.
    expect(texts[perColumn]).toMatchObject({ x: 240 + 40, y: 10.5 });
    expect(texts[perColumn - 1]!.y).toBe((perColumn - 1) * 21 + 10.5);
    // The drawing gives the legend its room.
    const [place] = panePlacements(c, HD);
    expect(place!.box.x + place!.box.w).toBeCloseTo(group.box.x - 20, 9);
  });
});

describe('frames and label size', () => {
  it('gives a drawing at scale 1 room for its panes, legend, title, caption and source lines', () => {
    const c = content({ panes: [{ scene: scene({ width: 1000, height: 600 }) }] });
    expect(naturalFrame(c)).toEqual({ width: Math.ceil(1000 + 56 + 20 + 240), height: Math.ceil(600 + 56 + 65 + 42 + 48 + 30) });
    const two = content({ panes: [{ label: 'A', scene: scene({ width: 1000, height: 600 }) }, { scene: scene({ width: 500, height: 700 }) }] });
    expect(naturalFrame(two)).toEqual({ width: Math.ceil(1540 + 56 + 20 + 240), height: Math.ceil(728 + 56 + 65 + 42 + 48 + 30) });
    // A tall legend sets the height.
    const many = Array.from({ length: 60 }, (_, i) => ({ kind: 'gene-or-protein' as const, label: `K${i}`, style: KIND_STYLE['gene-or-protein'] }));
    expect(naturalFrame(content({ legend: { kinds: many, relations: [] } })).height).toBe(Math.ceil(62 * 21 + 56 + 65 + 42 + 48 + 30));
  });

  it('gives the smallest label size of the panes in slide pixels', () => {
    const c = content({ panes: [{ scene: scene({ width: 400 }) }, { scene: scene({ width: 4000 }) }] });
    const places = panePlacements(c, { width: 1920, height: 1080 });
    expect(labelPx(c, { width: 1920, height: 1080 })).toBeCloseTo(13 * Math.min(...places.map((p) => p.scale)), 9);
    // The same composition in a 4K frame is the same size in slide pixels.
    expect(labelPx(c, { width: 3840, height: 2160 })).toBeCloseTo(labelPx(c, { width: 1920, height: 1080 }), 6);
  });
});

describe('compose: every place at another scale (4K, 2 design px per px)', () => {
  const UHD = { width: 3840, height: 2160 };
  const u = 2;
  const margin = 56;
  // The text width the title, caption and source line wrap to, in design px.
  const inner = (3840 - 2 * margin) / u;
  const words = (n: number, tail = '') => Array.from({ length: n }, (_, i) => `w${i}${tail}`).join(' ');

  it('wraps title, caption and source line to the frame less its margins, and stacks them by their line heights', () => {
    const c = content({ title: words(400), caption: words(500), sourceLine: words(600) });
    const p = new Recorder();
    compose(p, c, UHD);
    const title = wrapLabel(c.title, inner, 26, 600);
    const caption = wrapLabel(c.caption!, inner, 14);
    const source = wrapLabel(c.sourceLine, inner, 12);
    expect(title.length).toBeGreaterThan(2);
    const titles = p.texts().filter((t) => t.st.size === 26 * u);
    expect(titles.map((t) => [t.s, t.x, t.y])).toEqual([
      [title[0], margin, margin + 32.5],
      [title[1], margin, margin + 65 + 32.5],
    ]);
    const captions = p.texts().filter((t) => t.st.colour === '#444444');
    expect(captions.map((t) => [t.s, t.x, t.y, t.st.size])).toEqual([
      [caption[0], margin, margin + 130 + 17.5, 28],
      // The last line kept is cut: its trailing punctuation and spaces give way to an ellipsis.
      [`${caption[1]!.replace(/[\s,;.]+$/, '')}…`, margin, margin + 130 + 35 + 17.5, 28],
    ]);
    const sources = p.texts().filter((t) => t.st.colour === '#333333');
    const sy = 2160 - margin - 3 * 30;
    expect(sources.map((t) => [t.s, t.x, t.y, t.st.size])).toEqual([
      [source[0], margin, sy + 15, 24],
      [source[1], margin, sy + 45, 24],
      [`${source[2]!.replace(/[\s,;.]+$/, '')}…`, margin, sy + 75, 24],
    ]);
    // The drawing and the legend fill what is left between them.
    const top = margin + (2 * 32.5 + 2 * 17.5 + 14) * u;
    const bottom = 2160 - margin - 3 * 15 * u - 10 * u;
    const [place] = panePlacements(c, UHD);
    expect(place!.box).toEqual({ x: margin, y: top, w: 3840 - margin - 240 * u - margin - 20 * u, h: bottom - top });
    const legend = p.ops.find((o) => o.op === 'group' && o.part === 'legend') as Extract<Op, { op: 'group' }>;
    expect(legend.box).toEqual({ x: 3840 - margin - 240 * u, y: top, w: 240 * u, h: bottom - top });
  });

  it('cuts every trailing stop, comma, semicolon and space before the ellipsis', () => {
    const c = content({ sourceLine: words(600, ';.') });
    const p = new Recorder();
    compose(p, c, UHD);
    const last = p.texts().filter((t) => t.st.colour === '#333333').at(-1)!.s;
    expect(last).toMatch(/^.*w\d+…$/);
  });

  it('keeps a caption of exactly two lines whole, and draws none without one', () => {
    let caption = 'w0';
    for (let i = 1; wrapLabel(`${caption} w${i}`, inner, 14).length <= 2; i++) caption += ` w${i}`;
    expect(wrapLabel(caption, inner, 14)).toHaveLength(2);
    const p = new Recorder();
    compose(p, content({ caption }), UHD);
    expect(p.texts().filter((t) => t.st.colour === '#444444').map((t) => t.s)).toEqual(wrapLabel(caption, inner, 14));
    const q = new Recorder();
    compose(q, content(), UHD);
    expect(q.texts().filter((t) => t.st.colour === '#444444')).toEqual([]);
  });

  it('places two panes, one labelled, under a label row 28 design px high, each scaled to fit its box', () => {
    const c = content({ panes: [{ label: 'Left', scene: scene({ width: 100, height: 2000 }) }, { scene: scene({ width: 3000, height: 100 }) }] });
    const [a, b] = panePlacements(c, UHD);
    const top = margin + (32.5 + 14) * u;
    const h = 2160 - margin - 15 * u - 10 * u - top;
    const w = (3840 - 2 * margin - 260 * u - 40 * u) / 2;
    expect(a!.box).toEqual({ x: margin, y: top + 28 * u, w, h: h - 28 * u });
    expect(b!.box).toEqual({ x: margin + w + 40 * u, y: top + 28 * u, w, h: h - 28 * u });
    // The tall scene fits by its height, the wide one by its width (4 px of room all round).
    expect(a!.scale).toBeCloseTo((h - 28 * u) / 2008, 12);
    expect(b!.scale).toBeCloseTo(w / 3008, 12);
    expect(a!.label).toEqual({ x: margin, y: top + 14 * u });
    expect(b!.label).toBeUndefined();
    const p = new Recorder();
    compose(p, c, UHD);
    expect(p.texts().find((t) => t.s === 'Left')).toEqual({ op: 'text', s: 'Left', x: margin, y: top + 14 * u, st: { size: 16 * u, weight: 600 } });
  });

  it('flows the legend into columns by its height at this scale', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ kind: 'gene-or-protein' as const, label: `K${i}`, style: KIND_STYLE['gene-or-protein'] }));
    const p = new Recorder();
    const c = content({ legend: { kinds: many, relations: [] } });
    compose(p, c, UHD);
    const legend = p.ops.find((o) => o.op === 'group' && o.part === 'legend') as Extract<Op, { op: 'group' }>;
    expect(legend.box.w).toBe(Math.ceil((62 * 21 * u) / legend.box.h) * 240 * u);
    expect(legend.box.w).toBe(2 * 240 * u);
  });
});

describe('compose: the details', () => {
  const HD = { width: 1920, height: 1080 };

  it('gives the smallest label drawn, leaving out nodes without text', () => {
    const c = content({ panes: [{ scene: scene({ nodes: [node({ labelSize: 30 }), node({ labelSize: 40 }), node({ labelSize: 5, lines: [] })] }) }] });
    const [place] = panePlacements(c, HD);
    expect(labelPx(c, HD)).toBeCloseTo(30 * place!.scale, 9);
    // No node with text: the node font size.
    const bare = content({ panes: [{ scene: scene({ nodes: [node({ lines: [] })] }) }] });
    expect(labelPx(bare, HD)).toBeCloseTo(13 * panePlacements(bare, HD)[0]!.scale, 9);
  });

  it('cuts a line of no length into pieces of no length, without NaN', () => {
    const p = { x: 5, y: 5 };
    expect(splitPolyline([p, { ...p }], 2)).toEqual([
      [p, p],
      [p, p],
    ]);
  });

  it('draws the head of a three-colour edge in the last colour', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [], edges: [edge({ colours: ['#f00', '#0f0', '#00f'] })] }));
    expect(p.paths().at(-1)!.st).toMatchObject({ fill: '#00f', stroke: '#00f' });
  });

  it('draws a bar moved under an overview’s label whole, unclipped, and the label on a white backing', () => {
    const n = node({ bar: ['#f00'], labelSize: 26, lines: ['Big'], opacity: 0.5, marksAt: { bar: { x1: 10, y1: 20, x2: 30, y2: 24 } } });
    const p = new Recorder();
    drawScene(p, scene({ nodes: [n] }));
    expect(p.ops.filter((o) => o.op === 'clip' || o.op === 'unclip')).toEqual([]);
    expect(p.paths()[1]).toEqual({ op: 'path', d: 'M10,20h20.5v4h-20.5Z', st: { fill: '#f00', opacity: 0.5 } });
    const b = labelTextBox(n);
    expect(p.paths()[3]).toEqual({ op: 'path', d: `M${b.x1 - 3},${b.y1 - 1.8}H${b.x2 + 3}V${b.y2 + 1.8}H${b.x1 - 3}Z`, st: { fill: '#ffffff', opacity: 0.425 } });
    expect(p.texts()[0]).toMatchObject({ s: 'Big', st: { size: 26 } });
  });

  it('sizes the count in a badge moved beside an overview’s label by its radius', () => {
    const p = new Recorder();
    drawScene(p, scene({ nodes: [node({ badge: 2, lines: [], marksAt: { badge: { cx: 0, cy: 0, r: 2 * BADGE_R } } })] }));
    expect(p.texts()).toEqual([{ op: 'text', s: '2', x: 0, y: 0, st: { size: 22, weight: 600, colour: '#ffffff', align: 'center', opacity: 1 } }]);
  });

  it('paints for a painter without begin and end, and tells one that has them what each item is', () => {
    const plain: Painter = { push() {}, pop() {}, clip() {}, unclip() {}, path() {}, text() {} };
    expect(() => drawScene(plain, scene({ edges: [edge()] }))).not.toThrow();
    const p = new Recorder();
    const e = edge();
    const n = node();
    drawScene(p, scene({ nodes: [n], edges: [e] }));
    expect(p.ops.filter((o) => o.op === 'begin')).toEqual([
      { op: 'begin', item: { type: 'edge', edge: e } },
      { op: 'begin', item: { type: 'node', node: n } },
    ]);
  });

  it('writes every legend row’s label 40 px right of its swatch in 13 px, and keeps a bracket inside a group name', () => {
    const c = content({
      panes: [{ scene: scene({ nodes: [node({ badge: 2 }), node({ highlight: true })] }) }],
      legend: { kinds: [], relations: [{ group: 'Binds (directly) to', relation: 'activates', style: RELATION_STYLE.activates }] },
      sources: [{ label: 'hUCMSC', colour: '#E69F00' }],
    });
    const p = new Recorder();
    compose(p, c, HD);
    const start = p.ops.findIndex((o) => o.op === 'group' && o.part === 'legend');
    const texts = p.ops.slice(start).filter((o): o is Extract<Op, { op: 'text' }> => o.op === 'text');
    expect(texts.slice(0, 7).map((t) => [t.s, t.x, t.st])).toEqual([
      ['Entities', 0, { size: 13, weight: 600 }],
      ['Relations', 0, { size: 13, weight: 600 }],
      ['Binds (directly) to', 40, { size: 13 }],
      ['Cell sources', 0, { size: 13, weight: 600 }],
      ['hUCMSC', 40, { size: 13 }],
      ['Acted on by 2+ sources (count)', 40, { size: 13 }],
      ['On the explained path', 40, { size: 13 }],
    ]);
  });

  it('writes runs of references to the last one', () => {
    expect(numberRanges([5, 4, 3])).toBe('3–5');
    expect(numberRanges([9])).toBe('9');
    expect(numberRanges([])).toBe('');
  });
});
