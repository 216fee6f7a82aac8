/** The export scene built from views, positions and decorations made here, property by property. */
import { describe, expect, it } from 'vitest';
import { buildScene, clipToNode, labelTextBox, marksOverText, type SceneNode } from '../../src/export/scene.ts';
import { positionedBox, textWidth } from '../../src/layout/measure.ts';
import type { Positions } from '../../src/layout/types.ts';
import type { GraphView } from '../../src/model/view.ts';
import { markGeometry, type Decorations } from '../../src/theme/decorations.ts';
import { EDGE_COLOUR, KIND_STYLE, RELATION_STYLE } from '../../src/theme/kinds.ts';
import { ARROW_LENGTH } from '../../src/theme/shapes.ts';
import { sceneNode } from '../helpers/scene-items.ts';

const ent = (id: string, kind: string, label = id, name?: string) => ({ id, kind, label, ...(name ? { name } : {}) });
const view = (nodes: ReturnType<typeof ent>[], edges: { id: string; source: string; target: string; relation?: string; refs?: number[] }[]) =>
  ({
    key: 'v',
    nodes: nodes.map((e) => ({ id: e.id, entity: e })),
    edges: edges.map((e) => ({ relation: 'activates', refs: [], ...e })),
  }) as unknown as GraphView;
const positions = (nodes: Record<string, [number, number]>, edges: Record<string, [number, number][]> = {}): Positions => ({
  hash: '',
  nodes: Object.fromEntries(Object.entries(nodes).map(([k, [x, y]]) => [k, { x, y }])),
  edges: Object.fromEntries(Object.entries(edges).map(([k, pts]) => [k, pts.map(([x, y]) => ({ x, y }))])),
  width: 0,
  height: 0,
});
const deco = (nodes: Record<string, Partial<Decorations['nodes'] extends Map<string, infer N> ? N : never>>, edges: Record<string, Partial<Decorations['edges'] extends Map<string, infer E> ? E : never>> = {}): Decorations => ({
  nodes: new Map(Object.entries(nodes).map(([k, v]) => [k, { dim: false, sourceColours: [], shared: false, highlight: null, ...v }])) as Decorations['nodes'],
  edges: new Map(Object.entries(edges).map(([k, v]) => [k, { dim: false, colours: [], highlight: null, ...v }])) as Decorations['edges'],
});

describe('clipToNode', () => {
  it('leaves a box through its side or its top, whichever the ray meets first', () => {
    const box = { x: 0, y: 0, w: 100, h: 40, shape: 'rectangle' as const };
    expect(clipToNode(box, { x: 200, y: 0 })).toEqual({ x: 50, y: 0 });
    expect(clipToNode(box, { x: 0, y: -100 })).toEqual({ x: 0, y: -20 });
    expect(clipToNode(box, { x: 100, y: 100 })).toEqual({ x: 20, y: 20 });
    expect(clipToNode(box, { x: -100, y: 10 })).toEqual({ x: -50, y: 5 });
  });

  it('leaves an ellipse on its outline', () => {
    const p = clipToNode({ x: 10, y: 10, w: 100, h: 40, shape: 'ellipse' }, { x: 110, y: 110 });
    expect(((p.x - 10) / 50) ** 2 + ((p.y - 10) / 20) ** 2).toBeCloseTo(1, 9);
    expect(p.x - 10).toBeCloseTo(p.y - 10, 9);
  });

  it('leaves a box of no width through its top, and one of no height through its side', () => {
    expect(clipToNode({ x: 0, y: 0, w: 0, h: 40, shape: 'rectangle' }, { x: 0, y: 100 })).toEqual({ x: 0, y: 20 });
    expect(clipToNode({ x: 0, y: 0, w: 100, h: 0, shape: 'rectangle' }, { x: -300, y: 0 })).toEqual({ x: -50, y: 0 });
  });

  it('stays at the centre for a target at the centre', () => {
    expect(clipToNode({ x: 3, y: 4, w: 10, h: 10, shape: 'rectangle' }, { x: 3, y: 4 })).toEqual({ x: 3, y: 4 });
  });
});

describe('buildScene: nodes', () => {
  it('gives each node its box, kind style, lines and a title naming label, full name and kind', () => {
    const v = view([ent('a', 'gene-or-protein', 'TNF-α', 'Tumour necrosis factor alpha'), ent('b', 'msc-source', 'hUCMSC'), ent('c', 'cellular-process', 'Same', 'Same')], []);
    const s = buildScene(v, positions({ a: [100, 50], b: [300, 80], c: [500, 80] }));
    const [a, b, c] = s.nodes;
    const box = positionedBox(undefined, { label: 'TNF-α', kind: 'gene-or-protein' });
    const st = KIND_STYLE['gene-or-protein'];
    expect(a).toEqual({
      id: 'a',
      kind: 'gene-or-protein',
      title: 'TNF-α: Tumour necrosis factor alpha (Gene or protein)',
      x: 100,
      y: 50,
      w: box.width,
      h: box.height,
      shape: st.shape,
      fill: st.fill,
      stroke: st.border,
      strokeWidth: st.borderWidth,
      dashed: false,
      double: false,
      lines: box.text.split('\n'),
      bold: st.bold,
      opacity: 1,
      bar: [],
      badge: 0,
      highlight: false,
    });
    expect(b!.title).toBe('hUCMSC (MSC source)');
    expect(b!.bold).toBe(true);
    expect(c!.title).toMatch(/^Same \(/);
  });

  it('leaves out nodes without a position, and dimmed nodes only when asked', () => {
    const v = view([ent('a', 'cellular-process'), ent('b', 'cellular-process'), ent('gone', 'cellular-process')], []);
    const d = deco({ b: { dim: true } });
    expect(buildScene(v, positions({ a: [0, 0], b: [100, 0] }), d).nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(buildScene(v, positions({ a: [0, 0], b: [100, 0] }), d, true).nodes.map((n) => n.id)).toEqual(['a']);
    expect(buildScene(v, positions({ a: [0, 0], b: [100, 0] }), undefined, true).nodes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('draws dimmed nodes faint, faded ones fainter than normal, and highlighted ones with a halo', () => {
    const v = view([ent('a', 'cellular-process'), ent('b', 'cellular-process'), ent('c', 'cellular-process'), ent('d', 'cellular-process')], []);
    const s = buildScene(v, positions({ a: [0, 0], b: [100, 0], c: [200, 0], d: [300, 0] }), deco({ a: { dim: true }, b: { highlight: 'faded' }, c: { highlight: 'on' } }));
    expect(s.nodes.map((n) => [n.opacity, n.highlight])).toEqual([
      [0.12, false],
      [0.15, false],
      [1, true],
      [1, false],
    ]);
  });

  it('outlines a shared entity in black, 3 wide, with a count badge, no dashes or double rim', () => {
    const v = view([ent('m', 'marker'), ent('x', 'combination'), ent('m2', 'marker'), ent('x2', 'combination')], []);
    const s = buildScene(
      v,
      positions({ m: [0, 0], x: [200, 0], m2: [400, 0], x2: [600, 0] }),
      deco({ m: { shared: true, sourceColours: ['#1', '#2', '#3'] }, x: { shared: true, sourceColours: ['#1', '#2'] }, m2: { sourceColours: ['#9'] } }),
    );
    const [m, x, m2, x2] = s.nodes;
    expect(m).toMatchObject({ stroke: '#000000', strokeWidth: 3, dashed: false, badge: 3, bar: ['#1', '#2', '#3'] });
    expect(x).toMatchObject({ stroke: '#000000', strokeWidth: 3, double: false, badge: 2 });
    expect(m2).toMatchObject({ stroke: KIND_STYLE.marker.border, strokeWidth: KIND_STYLE.marker.borderWidth, dashed: true, badge: 0, bar: ['#9'] });
    expect(x2).toMatchObject({ double: true, dashed: false });
  });

  it('borders an active source in its own colour', () => {
    const v = view([ent('s', 'msc-source')], []);
    expect(buildScene(v, positions({ s: [0, 0] }), deco({ s: { ownColour: '#E69F00' } })).nodes[0]!.stroke).toBe('#E69F00');
  });
});

describe('buildScene: edges', () => {
  const two = view([ent('a', 'cellular-process', 'A'), ent('b', 'cellular-process', 'B')], [{ id: 'e', source: 'a', target: 'b', relation: 'activates', refs: [3, 7] }]);

  it('follows the layout’s route and stops at the arrow head’s base, the tip on the target outline', () => {
    const s = buildScene(two, positions({ a: [0, 0], b: [300, 0] }, { e: [[40, 0], [150, 60], [260, 0]] }));
    const [e] = s.edges;
    const back = ARROW_LENGTH[RELATION_STYLE.activates.arrow];
    const len = Math.hypot(110, 60);
    expect(e!.points[0]).toEqual({ x: 40, y: 0 });
    expect(e!.points[1]).toEqual({ x: 150, y: 60 });
    expect(e!.points[2]!.x).toBeCloseTo(260 - (110 / len) * back, 9);
    expect(e!.points[2]!.y).toBeCloseTo((60 / len) * back, 9);
    expect(e!.tip).toEqual({ x: 260, y: 0 });
    expect(e!.dir.x).toBeCloseTo(110 / len, 9);
    expect(e!.dir.y).toBeCloseTo(-60 / len, 9);
    // The same route 10 px lower: the same direction and head.
    const lower = buildScene(two, positions({ a: [0, 10], b: [300, 10] }, { e: [[40, 10], [150, 70], [260, 10]] })).edges[0]!;
    expect(lower.dir.x).toBeCloseTo(110 / len, 9);
    expect(lower.dir.y).toBeCloseTo(-60 / len, 9);
    expect(lower.points[2]!.y).toBeCloseTo(10 + (60 / len) * back, 9);
    expect(e!).toMatchObject({ id: 'e', source: 'a', target: 'b', relation: 'activates', title: 'A activates B [3, 7]', colours: [EDGE_COLOUR], width: 1.6, opacity: 1, arrow: RELATION_STYLE.activates.arrow, line: RELATION_STYLE.activates.line, hollow: RELATION_STYLE.activates.hollow });
  });

  it('runs from border to border without a route, and shortens the head on a very short edge', () => {
    const s = buildScene(two, positions({ a: [0, 0], b: [300, 0] }));
    const wa = s.nodes[0]!.w / 2;
    const wb = s.nodes[1]!.w / 2;
    expect(s.edges[0]!.points).toEqual([{ x: wa, y: 0 }, { x: 300 - wb - ARROW_LENGTH[RELATION_STYLE.activates.arrow], y: 0 }]);
    expect(s.edges[0]!.tip).toEqual({ x: 300 - wb, y: 0 });
    // A one-point route is no route.
    expect(buildScene(two, positions({ a: [0, 0], b: [300, 0] }, { e: [[5, 5]] })).edges[0]!.points[0]).toEqual({ x: wa, y: 0 });
    // Ends 4 px apart: the head takes half the length, not its own.
    const short = buildScene(two, positions({ a: [0, 0], b: [300, 0] }, { e: [[100, 0], [104, 0]] })).edges[0]!;
    expect(short.points).toEqual([{ x: 100, y: 0 }, { x: 102, y: 0 }]);
    // Ends at the same point: a direction of length 1 along x is not invented; no NaN.
    const none = buildScene(two, positions({ a: [0, 0], b: [300, 0] }, { e: [[100, 0], [100, 0]] })).edges[0]!;
    expect(Number.isFinite(none.dir.x) && Number.isFinite(none.dir.y)).toBe(true);
  });

  it('names the relation in words and leaves out the brackets without references', () => {
    const v = view([ent('a', 'cellular-process', 'A'), ent('b', 'cellular-process', 'B')], [{ id: 'e', source: 'a', target: 'b', relation: 'promotes-survival-of' as never }]);
    const title = (rel: string) => buildScene(view([ent('a', 'cellular-process', 'A'), ent('b', 'cellular-process', 'B')], [{ id: 'e', source: 'a', target: 'b', relation: rel }]), positions({ a: [0, 0], b: [300, 0] })).edges[0]!.title;
    expect(title('activates')).toBe('A activates B');
    const withDash = Object.keys(RELATION_STYLE).find((r) => r.includes('-'));
    if (withDash) expect(title(withDash)).toBe(`A ${withDash.replace(/-/g, ' ')} B`);
    expect(v.edges).toHaveLength(1);
  });

  it('leaves out dimmed edges and edges whose ends are not drawn', () => {
    const v = view([ent('a', 'cellular-process'), ent('b', 'cellular-process'), ent('c', 'cellular-process')], [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'ac', source: 'a', target: 'c' },
      { id: 'ca', source: 'c', target: 'a' },
    ]);
    const p = positions({ a: [0, 0], b: [300, 0], c: [0, 300] });
    expect(buildScene(v, p, deco({}, { ab: { dim: true } })).edges.map((e) => e.id)).toEqual(['ac', 'ca']);
    expect(buildScene(v, p, deco({ c: { dim: true } }), true).edges.map((e) => e.id)).toEqual(['ab']);
  });

  it('colours edges by their sources, wider; a path’s edges widest; faded ones faint', () => {
    const v = view([ent('a', 'cellular-process'), ent('b', 'cellular-process')], [
      { id: 'e1', source: 'a', target: 'b' },
      { id: 'e2', source: 'b', target: 'a' },
      { id: 'e3', source: 'a', target: 'b' },
    ]);
    const s = buildScene(v, positions({ a: [0, 0], b: [300, 0] }), deco({}, { e1: { colours: ['#f00', '#0f0'] }, e2: { highlight: 'on' }, e3: { highlight: 'faded' } }));
    expect(s.edges.map((e) => [e.colours, e.width, e.opacity])).toEqual([
      [['#f00', '#0f0'], 2.4, 1],
      [[EDGE_COLOUR], 4.5, 1],
      [[EDGE_COLOUR], 1.6, 0.15],
    ]);
  });
});

describe('buildScene: its box', () => {
  it('covers node boxes, edge points and the badges sticking out of their corner', () => {
    const v = view([ent('a', 'cellular-process'), ent('b', 'cellular-process')], [{ id: 'e', source: 'a', target: 'b' }]);
    const p = positions({ a: [0, 0], b: [300, 0] }, { e: [[40, 0], [150, -200], [260, 0]] });
    const plain = buildScene(v, p);
    const a = plain.nodes[0]!;
    const b = plain.nodes[1]!;
    expect(plain.x).toBe(-a.w / 2);
    expect(plain.y).toBe(-200);
    expect(plain.width).toBe(300 + b.w / 2 + a.w / 2);
    expect(plain.height).toBe(200 + Math.max(a.h, b.h) / 2);
    const withBadge = buildScene(view([ent('a', 'cellular-process')], []), positions({ a: [0, 0] }), deco({ a: { shared: true, sourceColours: ['#1', '#2'] } }));
    const g = markGeometry(0, 0, withBadge.nodes[0]!.w, withBadge.nodes[0]!.h).badge;
    // Without a high bend, the nodes' tops are the top.
    const flat = buildScene(v, positions({ a: [0, 0], b: [300, 0] }, { e: [[40, 0], [260, 0]] }));
    expect(flat.y).toBe(-Math.max(a.h, b.h) / 2);
    expect(flat.height).toBe(Math.max(a.h, b.h));
    expect(withBadge.x + withBadge.width).toBe(g.cx + g.r);
    expect(withBadge.y).toBe(g.cy - g.r);
  });
});

describe('label boxes and marks over text', () => {
  it('measures the widest line and the lines’ height, bold where the node is', () => {
    const n = buildScene(view([ent('a', 'cellular-process', 'Apoptosis of granulosa cells')], []), positions({ a: [100, 100] })).nodes[0]!;
    const box = labelTextBox(n);
    const w = Math.max(...n.lines.map((l) => textWidth(l, 13, n.bold ? 600 : 400)));
    expect(box).toEqual({ x1: 100 - w / 2, x2: 100 + w / 2, y1: 100 - (n.lines.length * 13 * 1.25) / 2, y2: 100 + (n.lines.length * 13 * 1.25) / 2 });
    const bold = labelTextBox({ ...n, bold: true });
    expect(bold.x2 - bold.x1).toBeGreaterThan(box.x2 - box.x1);
  });

  it('finds bars and badges that cover a label, and none on a well-spaced drawing', () => {
    const v = view([ent('a', 'cellular-process', 'A'), ent('b', 'cellular-process', 'Bbbbbbbbbbbbbb')], []);
    const d = deco({ a: { shared: true, sourceColours: ['#1', '#2'] } });
    const apart = buildScene(v, positions({ a: [0, 0], b: [500, 0] }), d);
    expect(marksOverText(apart)).toEqual([]);
    // b's label right under a's corner badge.
    const a = apart.nodes[0]!;
    const badge = markGeometry(0, 0, a.w, a.h).badge;
    const close = buildScene(v, positions({ a: [0, 0], b: [badge.cx, badge.cy] }), d);
    expect(marksOverText(close)).toEqual([['badge:a', 'b']]);
    // Without a count, a has no badge there.
    expect(marksOverText(buildScene(v, positions({ a: [0, 0], b: [badge.cx, badge.cy] })))).toEqual([]);
    // A bar over b's text: b's own bar on a node squeezed to its text height.
    const squeezed = { ...apart, nodes: [{ ...apart.nodes[1]!, h: 13 * 1.25, bar: ['#1'] }] };
    expect(marksOverText(squeezed)).toEqual([['bar:b', 'b']]);
  });
});

describe('marks over text: touching is not covering', () => {
  // A label "N" at (100, 50) and a badge moved to touch its box on one side, overlapping it along the other.
  const label = sceneNode({ id: 'b' });
  const box = labelTextBox(label);
  const badgeAt = (cx: number, cy: number) => sceneNode({ id: 'a', x: 1000, y: 1000, lines: [], badge: 2, marksAt: { badge: { cx, cy, r: 5 } } });
  const over = (a: SceneNode) => marksOverText({ x: 0, y: 0, width: 0, height: 0, nodes: [a, label], edges: [] });

  it('reports a badge over the label, and none that only touches its side or its top', () => {
    expect(over(badgeAt(box.x2, 50))).toEqual([['badge:a', 'b']]);
    expect(over(badgeAt(box.x2 + 5, 50))).toEqual([]);
    expect(over(badgeAt(box.x1 - 5, 50))).toEqual([]);
    expect(over(badgeAt(100, box.y1 - 5))).toEqual([]);
    expect(over(badgeAt(100, box.y2 + 5))).toEqual([]);
    expect(over(badgeAt(100, box.y2 + 4.9))).toEqual([['badge:a', 'b']]);
  });
});

