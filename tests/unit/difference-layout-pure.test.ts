/**
 * The "read it on one screen" layouts on small hand-made views (layout/difference-layout.ts): the difference
 * diagram's three columns and kind bands, the atlas's active entities with the rest parked below, the box the
 * default view fits, and the room kept for labels when the drawing would be shown too small.
 */
import { describe, expect, it } from 'vitest';
import { compactLayout } from '../../src/layout/compact.ts';
import { activeLayout, ATLAS_ASPECT, DIFFERENCE_ASPECT, differenceLayout, type LabelRoom } from '../../src/layout/difference-layout.ts';
import { markExtents } from '../../src/layout/label-room.ts';
import { nodeBox } from '../../src/layout/measure.ts';
import type { Difference, Presence } from '../../src/model/compare.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView, ViewNode } from '../../src/model/view.ts';

const vnode = (id: string, kind: EntityKind, label = id): ViewNode => ({ id, entity: { id, label, kind } as ViewNode['entity'], sources: [] });
const edge = (source: string, target: string) => ({ id: `${source}~upregulates~${target}`, source, target, relation: 'upregulates', sign: 'increase', supports: [], sources: [], refs: [] });
const viewOf = (nodes: ViewNode[], edges: ReturnType<typeof edge>[]): GraphView => ({ key: 'pair:t', kind: 'pair', title: 't', figures: [], nodes, edges }) as unknown as GraphView;

describe('the difference diagram', () => {
  // src acts on a factor each side has alone, a shared factor, a shared process and an outcome only the right has.
  const nodes = [
    vnode('src', 'msc-source', 'hUC-MSC'),
    vnode('fl', 'secreted-factor', 'Left factor'),
    vnode('fs', 'secreted-factor', 'Shared factor'),
    vnode('fr', 'secreted-factor', 'Right factor'),
    vnode('ps', 'cellular-process', 'Apoptosis'),
    vnode('or', 'ovarian-outcome', 'Fertility'),
  ];
  const edges = [edge('src', 'fl'), edge('src', 'fs'), edge('src', 'fr'), edge('fs', 'ps'), edge('ps', 'or'), edge('fr', 'or')];
  const presence: Record<string, Presence> = { src: 'shared', fl: 'left', fs: 'shared', fr: 'right', ps: 'shared' };
  const diff: Difference = { view: viewOf(nodes, edges), nodes: new Map(Object.entries(presence)), edges: new Map(), counts: { left: 1, shared: 3, right: 2 } };

  it('is the compact grid with each side’s own entities in its column, kinds in bands, heavier first, tight gaps', () => {
    const box = (id: string) => nodeBox(nodes.find((n) => n.id === id)!.entity.label, nodes.find((n) => n.id === id)!.entity.kind);
    const degree: Record<string, number> = { src: 3, fl: 1, fs: 2, fr: 2, ps: 2, or: 2 };
    // Markers are few (none): they would share the factors' band; kinds: source 0, factors 2, process 4, outcome 5.
    const band: Record<string, number> = { src: 0, fl: 2, fs: 2, fr: 2, ps: 4, or: 5 };
    // An entity missing from the presence map (`or`) counts as shared.
    const column: Record<string, number> = { src: 1, fl: 0, fs: 1, fr: 2, ps: 1, or: 1 };
    const expected = compactLayout(
      nodes.map((n) => ({ id: n.id, width: box(n.id).width, height: box(n.id).height, column: column[n.id]!, band: band[n.id]!, weight: degree[n.id]! })),
      edges,
      { aspect: DIFFERENCE_ASPECT, columnGap: 48, gapX: 8, gapY: 8, bandGap: 14 },
    );
    expect(differenceLayout(diff)).toEqual(expected);
    const l = differenceLayout(diff);
    expect(l.nodes.fl!.x).toBeLessThan(l.nodes.fs!.x);
    expect(l.nodes.fs!.x).toBeLessThan(l.nodes.fr!.x);
    expect(l.nodes.src!.y).toBeLessThan(l.nodes.ps!.y);
    expect(l.nodes.ps!.y).toBeLessThan(l.nodes.or!.y);
  });

  it('takes the stage’s shape when it is measured', () => {
    expect(differenceLayout(diff, DIFFERENCE_ASPECT)).toEqual(differenceLayout(diff));
    const wide = differenceLayout(diff, 10);
    const tall = differenceLayout(diff, 0.1);
    expect(wide.width / wide.height).toBeGreaterThanOrEqual(tall.width / tall.height);
  });

  it('orders each cell first by the entities’ number of relations (a drawing that order changes)', () => {
    // Three factors over three processes, all shared: c and f have two relations, the others one.
    const six = [...['a', 'b', 'c'].map((id) => vnode(id, 'secreted-factor', `Factor ${id}`)), ...['d', 'e', 'f'].map((id) => vnode(id, 'cellular-process', `Process ${id}`))];
    const links = [edge('a', 'e'), edge('c', 'f'), edge('b', 'f'), edge('c', 'd')];
    const laid = differenceLayout({ view: viewOf(six, links), nodes: new Map(), edges: new Map(), counts: { left: 0, shared: 6, right: 0 } });
    const grid = (weight: (id: string) => number) =>
      compactLayout(
        six.map((n) => ({ ...nodeBox(n.entity.label, n.entity.kind), id: n.id, column: 1, band: n.entity.kind === 'secreted-factor' ? 2 : 4, weight: weight(n.id) })),
        links,
        { aspect: DIFFERENCE_ASPECT, columnGap: 48, gapX: 8, gapY: 8, bandGap: 14 },
      );
    const relations = (id: string) => links.filter((e) => e.source === id || e.target === id).length;
    expect(laid).toEqual(grid(relations));
    expect(grid(relations).nodes).not.toEqual(grid(() => 0).nodes);
  });

  it('gives markers and traits their own band from seven of them on', () => {
    const markers = (k: number) => [vnode('src', 'msc-source'), ...Array.from({ length: k }, (_, i) => vnode(`m${i}`, 'marker', `CD${i}`)), vnode('f', 'secreted-factor', 'HGF')];
    const bands = (k: number) => {
      const v = viewOf(markers(k), []);
      const l = differenceLayout({ view: v, nodes: new Map(), edges: new Map(), counts: { left: 0, shared: k + 2, right: 0 } });
      return { marker: l.nodes.m0!.y, factor: l.nodes.f!.y };
    };
    // Six markers share the factor's band (one row: the same height); seven get a band above it.
    expect(bands(6).marker).toBeGreaterThan(bands(6).factor - 30);
    expect(bands(7).marker).toBeLessThan(bands(7).factor);
  });
});

describe('the atlas’s active subgraph', () => {
  const nodes = [
    vnode('s1', 'msc-source', 'hUC-MSC'),
    vnode('s2', 'msc-source', 'hAD-MSC'),
    vnode('f1', 'secreted-factor', 'HGF'),
    vnode('f2', 'secreted-factor', 'VEGF'),
    vnode('p1', 'cellular-process', 'Apoptosis'),
    vnode('o1', 'ovarian-outcome', 'Fertility'),
    vnode('x1', 'secreted-factor', 'Parked factor'),
    vnode('x2', 'cellular-process', 'Parked process'),
  ];
  const edges = [edge('s1', 'f1'), edge('s2', 'f2'), edge('f1', 'p1'), edge('p1', 'o1'), edge('x1', 'x2'), edge('s1', 'x1')];
  const atlas = viewOf(nodes, edges);
  const on = new Set(['s1', 's2', 'f1', 'f2', 'p1', 'o1']);

  it('lays out the active entities in kind bands, top to bottom, and parks the rest 400 px below', () => {
    const { positions, box, roomZoom } = activeLayout(atlas, on);
    expect(roomZoom).toBeUndefined();
    const at = positions.nodes;
    expect(at.s1!.y).toBeLessThan(at.f1!.y);
    expect(at.f1!.y).toBeLessThan(at.p1!.y);
    expect(at.p1!.y).toBeLessThan(at.o1!.y);
    for (const id of ['x1', 'x2']) expect(at[id]!.y, id).toBeGreaterThan(box.y2 + 400 - 1);
    expect(positions.hash).toBe('active');
    expect(positions.edges).toEqual(Object.fromEntries(edges.map((e) => [e.id, []])));
    expect(positions.height).toBeGreaterThan(box.y2 - box.y1 + 400);
  });

  it('fits its box around the active entities only, edge to edge', () => {
    const { positions, box } = activeLayout(atlas, on);
    const edges4 = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const n of nodes) {
      if (!on.has(n.id)) continue;
      const b = nodeBox(n.entity.label, n.entity.kind);
      const p = positions.nodes[n.id]!;
      edges4.x1 = Math.min(edges4.x1, p.x - b.width / 2);
      edges4.x2 = Math.max(edges4.x2, p.x + b.width / 2);
      edges4.y1 = Math.min(edges4.y1, p.y - b.height / 2);
      edges4.y2 = Math.max(edges4.y2, p.y + b.height / 2);
    }
    expect(box).toEqual(edges4);
    expect(positions.width).toBeGreaterThanOrEqual(box.x2 - box.x1);
  });

  it('gives the same layout when asked again (what it keeps per view changes nothing), sharing one record of routes', () => {
    const first = activeLayout(atlas, on);
    const again = activeLayout(atlas, new Set(on));
    expect(again).toEqual(first);
    expect(again.positions.edges).toBe(first.positions.edges);
    // Another view gets its own.
    const other = activeLayout(viewOf(nodes, edges), on);
    expect(other).toEqual(first);
    expect(other.positions.edges).not.toBe(first.positions.edges);
  });

  it('lays everything out as active when nothing is', () => {
    const all = activeLayout(atlas, new Set());
    expect(all).toEqual(activeLayout(atlas, new Set(nodes.map((n) => n.id))));
    expect(all.positions.height).toBe(all.box.y2 - all.box.y1);
  });

  it('takes the stage’s shape', () => {
    expect(ATLAS_ASPECT).toBe(1.5);
    expect(activeLayout(atlas, on)).toEqual(activeLayout(atlas, on, 1.5));
    const wide = activeLayout(atlas, on, 8).box;
    const tall = activeLayout(atlas, on, 0.2).box;
    expect((wide.x2 - wide.x1) / (wide.y2 - wide.y1)).toBeGreaterThan((tall.x2 - tall.x1) / (tall.y2 - tall.y1));
  });
});

describe('room for labels in the atlas', () => {
  // 24 factors, processes and outcomes acted on by one source: in a 200×150 pane at most 2× zoom, too small for 10 px.
  const kinds: EntityKind[] = ['secreted-factor', 'cellular-process', 'ovarian-outcome'];
  const nodes = [vnode('src', 'msc-source', 'hUC-MSC'), ...Array.from({ length: 24 }, (_, i) => vnode(`e${i}`, kinds[i % 3]!, `Entity number ${i}`))];
  const atlas = viewOf(nodes, nodes.slice(1).map((n) => edge('src', n.id)));
  const ids = nodes.map((n) => n.id);
  const all = new Set(ids);
  const room = (fit: { width: number; height: number }, wanted = all, priority = all): LabelRoom => ({
    fit,
    maxZoom: 2,
    labelPx: 10,
    wanted,
    priority,
    marks: new Map(ids.map((id, i) => [id, { badge: i % 2 === 0 }])),
  });
  const zoomFor = (box: { x1: number; x2: number; y1: number; y2: number }, fit: { width: number; height: number }) => Math.min(fit.width / (box.x2 - box.x1), fit.height / (box.y2 - box.y1), 2);

  it('keeps none when the plain layout’s labels are readable at the fitted zoom', () => {
    const fit = { width: 4000, height: 3000 };
    expect(activeLayout(atlas, all, 4 / 3, room(fit))).toEqual(activeLayout(atlas, all, 4 / 3));
  });

  it('keeps room for each label at the zoom the drawing is then fitted at, or a larger one', () => {
    const fit = { width: 400, height: 300 };
    const plain = activeLayout(atlas, all, 4 / 3);
    expect(zoomFor(plain.box, fit) * 13).toBeLessThan(10);
    const made = activeLayout(atlas, all, 4 / 3, room(fit));
    expect(made.roomZoom).toBeGreaterThan(0);
    // Fitted, the drawing is shown at the zoom the room was kept for, or larger.
    expect(zoomFor(made.box, fit)).toBeGreaterThanOrEqual(made.roomZoom! * 0.999);
    // Each node's room (label and marks at 10 px, seen at roomZoom) overlaps no other's.
    const reach = new Map(
      nodes.map((n, i) => {
        const b = nodeBox(n.entity.label, n.entity.kind);
        const e = markExtents(b.text, n.entity.kind === 'msc-source', 10, b.width, b.height, made.roomZoom!, { bar: true, badge: i % 2 === 0 });
        const p = made.positions.nodes[n.id]!;
        const z = made.roomZoom!;
        return [n.id, { x1: p.x - Math.max(b.width / 2, e.left / z), x2: p.x + Math.max(b.width / 2, e.right / z), y1: p.y - Math.max(b.height / 2, e.up / z), y2: p.y + Math.max(b.height / 2, e.down / z) }];
      }),
    );
    const boxes = [...reach.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.2 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.2;
        expect(overlap, `${ids[i]}/${ids[j]}`).toBe(false);
      }
    // Side by side in a row, and row under row, the rooms sit 2 px apart: the room already holds the space between
    // labels, so the grid's own gaps shrink (8 px in the plain drawing, 12 × 10 in a grid told none).
    let across = Infinity;
    let down = Infinity;
    for (const a of boxes)
      for (const b of boxes) {
        if (Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1) && b.x1 >= a.x2 - 0.2) across = Math.min(across, b.x1 - a.x2);
        if (Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && b.y1 >= a.y2 - 0.2) down = Math.min(down, b.y1 - a.y2);
      }
    expect(across).toBeCloseTo(2, 0);
    expect(down).toBeCloseTo(2, 0);
    // The box the view fits covers every room, not only the nodes.
    for (const r of boxes) {
      expect(r.x1).toBeGreaterThanOrEqual(made.box.x1 - 0.1);
      expect(r.x2).toBeLessThanOrEqual(made.box.x2 + 0.1);
      expect(r.y1).toBeGreaterThanOrEqual(made.box.y1 - 0.1);
      expect(r.y2).toBeLessThanOrEqual(made.box.y2 + 0.1);
    }
  });

  it('finds a zoom close to the largest one the room fits at: within 2% here, never more than a fifth below it', () => {
    // Whether room kept for zoom z fits the pane at z: asked with z as the largest zoom, the search starts there and
    // keeps it only if it fits.
    const at = (fit: { width: number; height: number }, labelPx: number, maxZoom: number) => activeLayout(atlas, all, 4 / 3, { ...room(fit), labelPx, maxZoom });
    const fitsAt = (fit: { width: number; height: number }, labelPx: number, z: number) => at(fit, labelPx, z).roomZoom === z;
    const cases: [number, number, number][] = [
      [300, 10, 2],
      [400, 10, 2],
      [280, 8, 20],
      [300, 8, 20],
      [340, 10, 20],
      [340, 12, 20],
      [400, 12, 20],
    ];
    for (const [width, labelPx, within] of cases) {
      const fit = { width, height: width * 0.75 };
      const found = at(fit, labelPx, 2).roomZoom!;
      expect(fitsAt(fit, labelPx, found), `${width}/${labelPx}`).toBe(true);
      // Every 2% above it up to 40%: from `within`% on, none fits.
      for (let k = within; k <= 40; k += 2) expect(fitsAt(fit, labelPx, found * (1 + k / 100)), `${width}/${labelPx} +${k}%`).toBe(false);
    }
  });

  it('falls back to room for the priority when room for everything cannot fit', () => {
    const fit = { width: 160, height: 120 };
    const priority = new Set(['src', 'e0', 'e1', 'e2']);
    const made = activeLayout(atlas, all, 4 / 3, room(fit, all, priority));
    const everything = activeLayout(atlas, all, 4 / 3, room(fit));
    expect(made.roomZoom).toBeGreaterThan(0);
    expect(made.roomZoom!).toBeGreaterThan(everything.roomZoom ?? 0);
    expect(zoomFor(made.box, fit)).toBeGreaterThanOrEqual(made.roomZoom! * 0.999);
    // An empty priority and nothing wanted: nothing to keep room for.
    expect(activeLayout(atlas, all, 4 / 3, room(fit, new Set(), new Set()))).toEqual(activeLayout(atlas, all, 4 / 3));
  });
});

describe('the atlas’s active subgraph, to the tenth of a pixel', () => {
  // Three active factors in one cell: by id fa, fb, fc; by their relations in the whole view fb (4), fc (2), fa (1).
  // Three active markers (of seven in the view): too few for a band of their own, so they share the factors' band.
  // Parked: x1…x8 (four of them markers), some linked among themselves, two to active entities.
  const nodes = [
    vnode('s1', 'msc-source', 'hUC-MSC'),
    vnode('fa', 'secreted-factor', 'HGF'),
    vnode('fb', 'secreted-factor', 'Vascular endothelial growth factor'),
    vnode('fc', 'secreted-factor', 'IL-6'),
    ...['m1', 'm2', 'm3'].map((id) => vnode(id, 'marker', id.toUpperCase())),
    vnode('p1', 'cellular-process', 'Apoptosis'),
    vnode('p2', 'cellular-process', 'Proliferation of granulosa cells'),
    vnode('o1', 'ovarian-outcome', 'Fertility'),
    vnode('x1', 'secreted-factor', 'Parked factor'),
    vnode('x2', 'cellular-process', 'Parked process'),
    vnode('x3', 'ovarian-outcome', 'Parked outcome'),
    vnode('x4', 'cellular-process', 'Another parked process'),
    ...['x5', 'x6', 'x7', 'x8'].map((id) => vnode(id, 'marker', id)),
  ];
  const edges = [
    edge('s1', 'fa'),
    edge('s1', 'fb'),
    edge('s1', 'fc'),
    edge('s1', 'm1'),
    edge('s1', 'm2'),
    edge('fb', 'p2'),
    edge('fb', 'p1'),
    edge('fc', 'o1'),
    edge('p2', 'o1'),
    edge('m3', 'p1'),
    // Parked among themselves, and across (an active entity and a parked one).
    edge('x1', 'x4'),
    edge('x3', 'x2'),
    edge('x5', 'x3'),
    edge('fb', 'x2'),
    edge('s1', 'x1'),
  ];
  const atlas = viewOf(nodes, edges);
  const on = new Set(['s1', 'fa', 'fb', 'fc', 'm1', 'm2', 'm3', 'p1', 'p2', 'o1']);
  const deg = new Map<string, number>();
  for (const e of edges) for (const end of [e.source, e.target]) deg.set(end, (deg.get(end) ?? 0) + 1);
  const band: Partial<Record<EntityKind, number>> = { 'msc-source': 0, 'secreted-factor': 2, marker: 2, 'cellular-process': 4, 'ovarian-outcome': 5 };
  const compactNode = (n: ViewNode, bands = band) => {
    const b = nodeBox(n.entity.label, n.entity.kind);
    return { id: n.id, width: b.width, height: b.height, column: 0, band: bands[n.entity.kind]!, weight: deg.get(n.id) ?? 0 };
  };
  /** What activeLayout should give without label room, made from the compact grid by hand. */
  const expected = (aspect: number, withEdges = true) => {
    const active = nodes.filter((n) => on.has(n.id));
    const rest = nodes.filter((n) => !on.has(n.id));
    const inner = withEdges ? edges.filter((e) => on.has(e.source) && on.has(e.target)) : [];
    const outer = withEdges ? edges.filter((e) => !on.has(e.source) && !on.has(e.target)) : [];
    const main = compactLayout(active.map((n) => compactNode(n)), inner, { aspect, gapX: 8, gapY: 8, bandGap: 14 });
    // Parked markers: seven in the view, but only the active ones count; four parked do not give them a band.
    const parked = compactLayout(rest.map((n) => compactNode(n)), outer, { aspect: aspect * 2, origin: { x: 0, y: main.height + 400 }, columnGap: 40 });
    const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const n of active) {
      const b = nodeBox(n.entity.label, n.entity.kind);
      const p = main.nodes[n.id]!;
      box.x1 = Math.min(box.x1, p.x - b.width / 2);
      box.x2 = Math.max(box.x2, p.x + b.width / 2);
      box.y1 = Math.min(box.y1, p.y - b.height / 2);
      box.y2 = Math.max(box.y2, p.y + b.height / 2);
    }
    return {
      positions: { hash: 'active', nodes: { ...main.nodes, ...parked.nodes }, edges: Object.fromEntries(edges.map((e) => [e.id, []])), width: main.width, height: main.height + 400 + parked.height },
      box,
    };
  };

  it('places the active entities in the compact grid (tight gaps, weights from every relation in the view, ordered by their links among themselves) and the rest in a grid twice as wide, 400 px below', () => {
    for (const aspect of [ATLAS_ASPECT, 0.8, 3]) expect(activeLayout(atlas, on, aspect), String(aspect)).toEqual(expected(aspect));
  });

  it('is a layout these entities’ weights and links change (so the test above would see them ignored)', () => {
    // Without the links inside each grid, the sweeps order nothing: a different drawing, in both grids.
    const linked = expected(ATLAS_ASPECT);
    const unlinked = expected(ATLAS_ASPECT, false);
    const differ = (ids: string[]) => ids.some((id) => JSON.stringify(linked.positions.nodes[id]) !== JSON.stringify(unlinked.positions.nodes[id]));
    expect(differ([...on])).toBe(true);
    expect(differ(['x1', 'x2', 'x3', 'x4', 'x5'])).toBe(true);
    // Without the weights, the factors' cell starts in id order (fa, fb, fc) instead of by relations (fb, fc, fa).
    const unweighted = compactLayout(
      nodes.filter((n) => on.has(n.id)).map((n) => ({ ...compactNode(n), weight: 0 })),
      [],
      { aspect: ATLAS_ASPECT, gapX: 8, gapY: 8, bandGap: 14, sweeps: 0 },
    );
    const weighted = compactLayout(nodes.filter((n) => on.has(n.id)).map((n) => compactNode(n)), [], { aspect: ATLAS_ASPECT, gapX: 8, gapY: 8, bandGap: 14, sweeps: 0 });
    const reading = (l: { nodes: Record<string, { x: number; y: number }> }) => ['fa', 'fb', 'fc'].sort((p, q) => l.nodes[p]!.y - l.nodes[q]!.y || l.nodes[p]!.x - l.nodes[q]!.x);
    expect(reading(unweighted)).toEqual(['fa', 'fb', 'fc']);
    expect(reading(weighted)).toEqual(['fb', 'fc', 'fa']);
    expect(activeLayout(atlas, on, ATLAS_ASPECT).positions.nodes).not.toEqual(expected(ATLAS_ASPECT, false).positions.nodes);
  });

  it('keeps no room when the plain drawing’s labels are exactly the size asked for at the fitted zoom, and keeps some when they are a hair smaller', () => {
    const plain = activeLayout(atlas, on, 4 / 3);
    // The drawing's box does not start at 0 either way: its size, not its far edge, sets the zoom.
    expect(plain.box.x1).not.toBe(0);
    expect(plain.box.y1).not.toBe(0);
    // A wide pane (the drawing's height sets the zoom) and a tall one (its width does).
    for (const fit of [
      { width: 600, height: 100 },
      { width: 100, height: 600 },
    ]) {
      const start = Math.min(fit.width / (plain.box.x2 - plain.box.x1), fit.height / (plain.box.y2 - plain.box.y1), 2);
      const room = (labelPx: number): LabelRoom => ({ fit, maxZoom: 2, labelPx, wanted: on, priority: on, marks: new Map() });
      expect(start * 13).toBeLessThan(10);
      expect(activeLayout(atlas, on, 4 / 3, room(start * 13)), JSON.stringify(fit)).toEqual(plain);
      expect(activeLayout(atlas, on, 4 / 3, room(start * 13 * 1.0001)).roomZoom, JSON.stringify(fit)).toBeGreaterThan(0);
    }
  });
});

describe('which labels the atlas keeps room for when not all fit', () => {
  // A source and 24 entities; e6 and e9 have the longest labels and the fewest relations (1 and 2), so room for the
  // others is easier to find. Relations: every entity from the source, and most to the entity five further on.
  const kinds: EntityKind[] = ['secreted-factor', 'cellular-process', 'ovarian-outcome'];
  const long = new Set(['e6', 'e9']);
  const nodes = [
    vnode('src', 'msc-source', 'hUC-MSC'),
    ...Array.from({ length: 24 }, (_, i) => vnode(`e${i}`, kinds[i % 3]!, long.has(`e${i}`) ? `A much longer name of entity ${i} than the rest` : `Entity ${i}`)),
  ];
  const links = Array.from({ length: 21 }, (_, k) => k + 3)
    .filter((i) => !long.has(`e${i}`))
    .map((i) => edge(`e${i}`, `e${(i + 5) % 24}`));
  const atlas = viewOf(nodes, [...nodes.slice(1).map((n) => edge('src', n.id)), ...links]);
  const ids = nodes.map((n) => n.id);
  const all = new Set(ids);
  const priority = new Set(['src', 'e0', 'e1', 'e2']);
  const room = (width: number, wanted: ReadonlySet<string>, first: ReadonlySet<string>): LabelRoom => ({
    fit: { width, height: width * 0.75 },
    maxZoom: 2,
    labelPx: 10,
    wanted,
    priority: first,
    marks: new Map(ids.map((id, i) => [id, { badge: i % 2 === 0 }])),
  });
  // 92% of the 25 wanted is 23: the priority's 4 and the 19 best connected others (ties by id): all but e9 and e6.
  const tier = new Set(ids.filter((id) => id !== 'e9' && id !== 'e6'));

  it('ranks the others by their relations, ties by id', () => {
    const deg = new Map<string, number>();
    for (const e of atlas.edges) for (const end of [e.source, e.target]) deg.set(end, (deg.get(end) ?? 0) + 1);
    expect([deg.get('e6'), deg.get('e9'), deg.get('e5'), deg.get('e8')]).toEqual([1, 2, 2, 3]);
  });

  it('keeps room for the priority and the best connected others, up to 92% of the wanted, when room for all cannot fit', () => {
    const made = activeLayout(atlas, all, 4 / 3, room(220, all, priority));
    // Room for all 25 is not found: asked alone, that gives the plain layout.
    expect(activeLayout(atlas, all, 4 / 3, room(220, all, all)).roomZoom).toBeUndefined();
    expect(made.roomZoom).toBeGreaterThan(0);
    expect(made).toEqual(activeLayout(atlas, all, 4 / 3, room(220, tier, tier)));
    expect(made).not.toEqual(activeLayout(atlas, all, 4 / 3, room(220, priority, priority)));
  });

  it('keeps the most room it tried for the last set of labels when no zoom is found for it', () => {
    // Every label a must, in a narrow pane: no zoom found in the rounds, the last layout made is kept.
    const fit = { width: 180, height: 300 };
    const made = activeLayout(atlas, all, 0.6, { ...room(180, all, all), fit });
    const plain = activeLayout(atlas, all, 0.6);
    expect(made.roomZoom).toBeGreaterThan(0);
    const shown = Math.min(fit.width / (made.box.x2 - made.box.x1), fit.height / (made.box.y2 - made.box.y1), 2);
    // Shown a little smaller than its room was kept for (the search's stopping rule is 0.1%), but close.
    expect(shown).toBeLessThan(made.roomZoom! * 0.999);
    expect(shown).toBeGreaterThan(made.roomZoom! * 0.95);
    expect(made.positions.nodes).not.toEqual(plain.positions.nodes);
  });

  it('keeps room for the priority alone when even that share cannot fit', () => {
    const made = activeLayout(atlas, all, 4 / 3, room(180, all, priority));
    expect(activeLayout(atlas, all, 4 / 3, room(180, tier, tier)).roomZoom).toBeUndefined();
    expect(made.roomZoom).toBeGreaterThan(0);
    expect(made).toEqual(activeLayout(atlas, all, 4 / 3, room(180, priority, priority)));
  });
});
