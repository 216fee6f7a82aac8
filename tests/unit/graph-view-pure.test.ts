// @vitest-environment jsdom
/**
 * The pure parts of graph-view, without Cytoscape: the fitting box, the container-style placeholder, the mapping of
 * a view and its layout to element definitions and bypass looks, the overlay classes, and the label choice of the
 * level of detail.
 */
import { describe, expect, it } from 'vitest';
import { claimContainerStylesheet } from '../../src/graph-view/container-style.ts';
import { buildElements, edgeRoute, toSegments } from '../../src/graph-view/elements.ts';
import { FIT_PADDING, fitAspect, TOOLBAR_HEIGHT } from '../../src/graph-view/fit.ts';
import { chooseLabels, type LabelCandidate } from '../../src/graph-view/label-lod.ts';
import { overlayStyles, sourceMarks } from '../../src/graph-view/overlay-styles.ts';
import { nodeBox } from '../../src/layout/measure.ts';
import type { Positions } from '../../src/layout/types.ts';
import type { Entity } from '../../src/model/schema.ts';
import type { GraphView, ViewEdge, ViewNode } from '../../src/model/view.ts';
import type { Decorations, EdgeDecoration, NodeDecoration } from '../../src/theme/decorations.ts';

const entity = (id: string, label: string, kind: Entity['kind'] = 'gene-or-protein') => ({ id, label, kind, synonyms: [], xrefs: [] }) as unknown as Entity;
const node = (id: string, label: string, kind: Entity['kind'] = 'gene-or-protein', sources: string[] = []): ViewNode => ({ id, entity: entity(id, label, kind), sources });
const edge = (source: string, relation: ViewEdge['relation'], target: string, sources: string[] = []): ViewEdge => ({
  id: `${source}~${relation}~${target}`,
  source,
  target,
  relation,
  sign: relation === 'inhibits' ? '-' : '+',
  supports: [],
  sources,
  refs: [],
} as unknown as ViewEdge);
const view = (nodes: ViewNode[], edges: ViewEdge[]): GraphView => ({ key: 'test', kind: 'figure', title: 'Test', figures: [], nodes, edges });

describe('the box a canvas fits its drawing into', () => {
  it('is the pane less the padding all round and the toolbar over the top', () => {
    expect(FIT_PADDING).toBe(24);
    expect(TOOLBAR_HEIGHT).toBe(22);
    expect(fitAspect(1048, 570)).toBeCloseTo(1000 / 500);
    expect(fitAspect(448, 1070)).toBeCloseTo(400 / 1000);
  });

  it('never divides by zero or goes negative on a pane smaller than its padding', () => {
    expect(fitAspect(10, 1070)).toBeCloseTo(1 / 1000);
    expect(fitAspect(1048, 10)).toBe(1000);
    expect(fitAspect(0, 0)).toBe(1);
  });
});

describe('the container-style placeholder', () => {
  it('adds one marker element with cytoscape’s id to the head, once', () => {
    document.head.innerHTML = '';
    claimContainerStylesheet(document);
    claimContainerStylesheet(document);
    const markers = document.head.querySelectorAll('#__________cytoscape_stylesheet');
    expect(markers).toHaveLength(1);
    const marker = markers[0] as HTMLMetaElement;
    expect(marker.tagName).toBe('META');
    expect(marker.name).toBe('cytoscape-container-style');
    expect(marker.content).toBe('in app.css');
  });

  it('leaves a page that has one alone, and does nothing without a document', () => {
    document.head.innerHTML = '<style id="__________cytoscape_stylesheet"></style>';
    claimContainerStylesheet(document);
    expect(document.head.children).toHaveLength(1);
    expect(document.head.children[0]!.tagName).toBe('STYLE');
    expect(() => claimContainerStylesheet(undefined)).not.toThrow();
  });
});

describe('edge routes as Cytoscape segments', () => {
  it('splits a route into its ends and the bends between them', () => {
    expect(edgeRoute(undefined)).toEqual({ bends: [] });
    expect(edgeRoute([{ x: 1, y: 2 }])).toEqual({ bends: [] });
    expect(edgeRoute([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toEqual({ start: { x: 1, y: 2 }, end: { x: 3, y: 4 }, bends: [] });
    expect(edgeRoute([{ x: 1, y: 2 }, { x: 5, y: 5 }, { x: 6, y: 6 }, { x: 3, y: 4 }])).toEqual({
      start: { x: 1, y: 2 },
      end: { x: 3, y: 4 },
      bends: [{ x: 5, y: 5 }, { x: 6, y: 6 }],
    });
  });

  it('places each bend by its weight along the line and its distance, positive to the right', () => {
    // Source (0,0) to target (100,0), heading right: a bend at (25,10) is a quarter along and 10 px to its right
    // (below it, with y down on screen); one at (50,-20) half-way and 20 px to its left.
    expect(toSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [{ x: 25, y: 10 }, { x: 50, y: -20 }])).toEqual({ weights: [0.25, 0.5], distances: [10, -20] });
    // Heading down from (10,20) to (10,220): a bend at (40,70) is to the east, which is the line's left.
    expect(toSegments({ x: 10, y: 20 }, { x: 10, y: 220 }, [{ x: 40, y: 70 }])).toEqual({ weights: [0.25], distances: [-30] });
    // Rounded to 3 decimals (weights) and 1 decimal (distances).
    expect(toSegments({ x: 0, y: 0 }, { x: 3, y: 0 }, [{ x: 1, y: 0.123 }])).toEqual({ weights: [0.333], distances: [0.1] });
    // Both ends at one point: no division by zero.
    const same = toSegments({ x: 5, y: 5 }, { x: 5, y: 5 }, [{ x: 6, y: 5 }]);
    expect(same.weights.every(Number.isFinite) && same.distances.every(Number.isFinite)).toBe(true);
    expect(same.weights).toEqual([0]);
  });
});

describe('element definitions and looks for a view', () => {
  const v = view(
    [node('msc', 'BMSC', 'msc-source', ['msc']), node('hgf', 'HGF', 'gene-or-protein', ['msc']), node('far', 'Apoptosis', 'cellular-process')],
    [edge('msc', 'secretes', 'hgf', ['msc']), edge('hgf', 'inhibits', 'far', ['msc']), edge('msc', 'regulates', 'far')],
  );
  const positions: Positions = {
    hash: 'h',
    nodes: { msc: { x: 0, y: 0 }, hgf: { x: 100, y: 0 } },
    edges: {
      'msc~secretes~hgf': [{ x: 20, y: 0 }, { x: 50, y: 10 }, { x: 80, y: 0 }],
      'hgf~inhibits~far': [{ x: 100, y: 15 }, { x: 100, y: 85 }],
    },
    width: 200,
    height: 200,
  };
  const built = () => buildElements(v, positions);

  it('gives every node its measured box, kind, sources and look', () => {
    const { elements, looks } = built();
    const nodes = elements.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id)).toEqual(['msc', 'hgf', 'far']);
    const msc = nodes[0]!;
    const box = nodeBox('BMSC', 'msc-source');
    expect(msc.data).toEqual({
      id: 'msc',
      label: 'BMSC',
      text: box.text,
      kind: 'msc-source',
      w: box.width,
      h: box.height,
      sources: 'msc',
      shape: 'round-rectangle',
      border: '#0072B2',
      borderWidth: 3,
      borderStyle: 'solid',
    });
    expect(msc.position).toEqual({ x: 0, y: 0 });
    expect(looks.get('msc')).toEqual({ label: box.text, width: box.width, height: box.height, shape: 'round-rectangle', 'background-color': '#d4e6f5', 'font-weight': 600 });
    expect(looks.get('hgf')!['font-weight']).toBe(400);
    // A node the layout has no place for starts at the origin, not undefined.
    expect(nodes[2]!.position).toEqual({ x: 0, y: 0 });
    expect(nodes[2]!.data.sources).toBe('');
  });

  it('lists several sources of a node or an edge in its data, separated by spaces', () => {
    const two = view([node('a', 'A', 'gene-or-protein', ['s1', 's2']), node('b', 'B')], [edge('a', 'inhibits', 'b', ['s1', 's2'])]);
    const { elements } = buildElements(two, { ...positions, nodes: {}, edges: {} });
    expect(elements.map((e) => e.data.sources)).toEqual(['s1 s2', '', 's1 s2']);
  });

  it('copies a node’s position rather than sharing the layout’s object', () => {
    const { elements } = built();
    const msc = elements.find((e) => e.data.id === 'hgf')!;
    expect(msc.position).not.toBe(positions.nodes.hgf);
    expect(msc.position).toEqual({ x: 100, y: 0 });
  });

  it('draws a routed edge with segments and border endpoints, an unrouted one straight from the borders', () => {
    const { elements, looks } = built();
    const edges = elements.filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data)).toEqual([
      { id: 'msc~secretes~hgf', source: 'msc', target: 'hgf', relation: 'secretes', sign: '+', sources: 'msc', bent: true },
      { id: 'hgf~inhibits~far', source: 'hgf', target: 'far', relation: 'inhibits', sign: '-', sources: 'msc', bent: false },
      { id: 'msc~regulates~far', source: 'msc', target: 'far', relation: 'regulates', sign: '+', sources: '', bent: false },
    ]);
    // Displayed (a move hides edges while nodes travel: node-move.ts; a new drawing shows them).
    expect(looks.get('msc~secretes~hgf')).toEqual({
      display: 'element',
      'target-arrow-shape': 'vee',
      'target-arrow-fill': 'filled',
      'line-style': 'dashed',
      'curve-style': 'segments',
      'segment-distances': [10],
      'segment-weights': [0.5],
      'edge-distances': 'node-position',
      'source-endpoint': '20px 0px',
      'target-endpoint': '-20px 0px',
    });
    // The target has no position: straight, and ends chosen by Cytoscape; the start is still on hgf's border.
    expect(looks.get('hgf~inhibits~far')).toEqual({
      display: 'element',
      'target-arrow-shape': 'tee',
      'target-arrow-fill': 'filled',
      'line-style': 'solid',
      'curve-style': 'straight',
      'source-endpoint': '0px 15px',
      'target-endpoint': 'outside-to-node',
    });
    expect(looks.get('msc~regulates~far')).toMatchObject({ 'target-arrow-shape': 'diamond', 'target-arrow-fill': 'hollow', 'source-endpoint': 'outside-to-node' });
  });

  it('rounds endpoints to a tenth of a pixel', () => {
    const p: Positions = { hash: 'h', nodes: { a: { x: 0, y: 0 }, b: { x: 10, y: 10 } }, edges: { 'a~activates~b': [{ x: 1.234, y: -2.26 }, { x: 8.05, y: 9.96 }] }, width: 1, height: 1 };
    const out = buildElements(view([node('a', 'A'), node('b', 'B')], [edge('a', 'activates', 'b')]), p);
    expect(out.looks.get('a~activates~b')).toMatchObject({ 'source-endpoint': '1.2px -2.3px', 'target-endpoint': '-1.9px 0px', 'curve-style': 'straight' });
  });
});

describe('overlay classes and data per element', () => {
  const nd = (d: Partial<NodeDecoration>): NodeDecoration => ({ dim: false, sourceColours: [], shared: false, highlight: null, ...d });
  const ed = (d: Partial<EdgeDecoration>): EdgeDecoration => ({ dim: false, colours: [], highlight: null, ...d });
  const v = view(
    [node('a', 'A'), node('b', 'B'), node('c', 'C'), node('d', 'D')],
    [edge('a', 'activates', 'b'), edge('b', 'activates', 'c'), edge('c', 'activates', 'd'), edge('a', 'activates', 'd')],
  );
  const decorations: Decorations = {
    nodes: new Map([
      ['a', nd({ dim: true, shared: true })],
      ['b', nd({ ownColour: '#123456', highlight: 'on', sourceColours: ['#111', '#222'], shared: true })],
      ['c', nd({ highlight: 'faded', sourceColours: ['#333'] })],
    ]),
    edges: new Map([
      ['a~activates~b', ed({ dim: true, colours: ['#111'] })],
      ['b~activates~c', ed({ colours: ['#111', '#222', '#333'], highlight: 'on' })],
      ['c~activates~d', ed({ colours: ['#444'], highlight: 'faded' })],
    ]),
  };
  const styles = { get: (id: string) => overlayStyles(v, decorations).get(id) };

  it('classes nodes dimmed, shared, own-coloured and on or off a path', () => {
    expect(styles.get('a')).toEqual({ classes: 'off shared', data: {} });
    expect(styles.get('b')).toEqual({ classes: 'shared source-on path', data: { sourceColour: '#123456' } });
    expect(styles.get('c')).toEqual({ classes: 'path-faded', data: {} });
    expect(styles.get('d')).toEqual({ classes: '', data: {} });
  });

  it('hides a dimmed edge without touching its colours, stripes an edge of several sources in equal parts', () => {
    expect(styles.get('a~activates~b')).toEqual({ classes: 'off', hidden: true });
    expect(styles.get('b~activates~c')).toEqual({
      classes: 'coloured striped path',
      data: { c0: '#333', gc: '#111 #111 #222 #222 #333 #333', gp: '0.0% 33.3% 33.3% 66.7% 66.7% 100.0%' },
    });
    expect(styles.get('c~activates~d')).toEqual({ classes: 'coloured path-faded', data: { c0: '#444' } });
    expect(styles.get('a~activates~d')).toEqual({ classes: '', data: {} });
  });

  it('gives source marks only to nodes with source colours, faded on a faded path', () => {
    const marks = sourceMarks(v, decorations);
    expect([...marks.keys()]).toEqual(['b', 'c']);
    expect(marks.get('b')).toEqual({ colours: ['#111', '#222'], shared: true, faded: false });
    expect(marks.get('c')).toEqual({ colours: ['#333'], shared: false, faded: true });
  });
});

describe('labels kept by the level of detail', () => {
  const label = (id: string, x: number, y: number, priority = 0, marks?: LabelCandidate['marks']): LabelCandidate => ({ id, x1: x, y1: y, x2: x + 40, y2: y + 10, priority, ...(marks ? { marks } : {}) });

  it('draws the higher priority of two overlapping labels, and the first by id on a tie', () => {
    expect([...chooseLabels([label('low', 0, 0, 1), label('high', 20, 5, 2)])]).toEqual(['high']);
    expect([...chooseLabels([label('b', 0, 0), label('a', 20, 5)])]).toEqual(['a']);
  });

  it('keeps a gap between drawn labels, 2 px unless told', () => {
    // 41 px apart on x: 1 px of space between the boxes, less than the gap.
    expect(chooseLabels([label('a', 0, 0), label('b', 41, 0)]).size).toBe(1);
    expect(chooseLabels([label('a', 0, 0), label('b', 42, 0)]).size).toBe(2);
    expect(chooseLabels([label('a', 0, 0), label('b', 0, 12)]).size).toBe(2);
    expect(chooseLabels([label('a', 0, 0), label('b', 0, 11)]).size).toBe(1);
    expect(chooseLabels([label('a', 0, 0), label('b', 41, 0)], 0).size).toBe(2);
    expect(chooseLabels([label('a', 0, 0), label('b', 45, 0)], 6).size).toBe(1);
    // Above and to the left count too.
    expect(chooseLabels([label('a', 100, 100, 1), label('b', 59, 100)]).size).toBe(1);
    expect(chooseLabels([label('a', 100, 100, 1), label('b', 58, 100)]).size).toBe(2);
    expect(chooseLabels([label('a', 100, 100, 1), label('b', 100, 89)]).size).toBe(1);
    expect(chooseLabels([label('a', 100, 100, 1), label('b', 100, 88)]).size).toBe(2);
  });

  it('keeps a label clear of another’s marks and its own marks clear of other labels; marks may meet marks', () => {
    const bar = { x1: 0, y1: 12, x2: 40, y2: 16 };
    // b's label sits on a's mark.
    expect([...chooseLabels([label('a', 0, 0, 1, [bar]), label('b', 0, 13)])]).toEqual(['a']);
    // b's own mark sits on a's label.
    expect([...chooseLabels([label('a', 0, 0, 1), label('b', 0, 30, 0, [{ x1: 10, y1: 5, x2: 12, y2: 8 }])])]).toEqual(['a']);
    // Only the marks meet.
    expect(chooseLabels([label('a', 0, 0, 1, [bar]), label('b', 0, 30, 0, [{ x1: 0, y1: 14, x2: 40, y2: 18 }])]).size).toBe(2);
    // Marks are met without a gap: touching is allowed.
    expect(chooseLabels([label('a', 0, 0, 1, [bar]), label('b', 0, 16)]).size).toBe(2);
  });

  it('finds clashes between labels far apart on the grid, and across grid cells', () => {
    const wide: LabelCandidate = { id: 'wide', x1: 0, y1: 0, x2: 1000, y2: 10, priority: 5 };
    expect([...chooseLabels([wide, label('far', 900, 5)])]).toEqual(['wide']);
    const tall: LabelCandidate = { id: 'tall', x1: 0, y1: 0, x2: 10, y2: 500, priority: 5 };
    expect([...chooseLabels([tall, label('low', 5, 400)])]).toEqual(['tall']);
    // A mark far below its label reaches into other cells.
    const marked = label('m', 0, 0, 5, [{ x1: 300, y1: 300, x2: 310, y2: 310 }]);
    expect([...chooseLabels([marked, label('x', 290, 295)])]).toEqual(['m']);
    // Marks to the left of and above their label, in other grid cells.
    expect([...chooseLabels([label('m', 300, 0, 5, [{ x1: 0, y1: 0, x2: 10, y2: 10 }]), label('x', 0, 5)])]).toEqual(['m']);
    expect([...chooseLabels([label('m', 0, 300, 5, [{ x1: 0, y1: 0, x2: 10, y2: 10 }]), label('x', 5, 0)])]).toEqual(['m']);
    // ... and to the right of and below it.
    expect([...chooseLabels([label('m', 0, 0, 5, [{ x1: 400, y1: 0, x2: 410, y2: 10 }]), label('x', 390, 5)])]).toEqual(['m']);
    expect([...chooseLabels([label('m', 0, 0, 5, [{ x1: 0, y1: 400, x2: 10, y2: 410 }]), label('x', 5, 405)])]).toEqual(['m']);
    // Negative coordinates.
    expect(chooseLabels([label('a', -100, -100, 1), label('b', -80, -95)]).size).toBe(1);
    expect(chooseLabels([label('a', -100, -100), label('b', 100, 100)]).size).toBe(2);
  });

  it('draws everything that fits, in any input order', () => {
    const many = Array.from({ length: 30 }, (_, i) => label(`n${i}`, (i % 6) * 50, Math.floor(i / 6) * 20));
    expect(chooseLabels(many).size).toBe(30);
    expect(chooseLabels([...many].reverse()).size).toBe(30);
    expect(chooseLabels([]).size).toBe(0);
  });
});
