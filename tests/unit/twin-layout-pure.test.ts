/**
 * The twin panes' layout on small hand-made pairs (layout/twin-layout.ts): which views are laid out on the spot,
 * the hash that tells the panes' layout from others, and the room kept for each side's marks.
 */
import { describe, expect, it } from 'vitest';
import { activeLayout, type LabelRoom } from '../../src/layout/difference-layout.ts';
import { layoutOnTheSpot, roomyTwinLayout, TWIN_ASPECT, twinLayout } from '../../src/layout/twin-layout.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView, ViewKind, ViewNode } from '../../src/model/view.ts';

const vnode = (id: string, kind: EntityKind, label = id): ViewNode => ({ id, entity: { id, label, kind } as ViewNode['entity'], sources: [] });
const KINDS: EntityKind[] = ['secreted-factor', 'gene-or-protein', 'cellular-process', 'ovarian-outcome'];

/** A source acting on `n` entities of the later kinds, each named long enough to need room at a small zoom. */
function pairView(n: number, ids = Array.from({ length: n }, (_, i) => `e${i}`), kind: ViewKind = 'pair'): GraphView {
  const nodes = [vnode('src', 'msc-source', 'hUC-MSC'), ...ids.map((id, i) => vnode(id, KINDS[i % KINDS.length]!, `Entity number ${id}`))];
  const edges = ids.map((id) => ({ id: `src~upregulates~${id}`, source: 'src', target: id, relation: 'upregulates', sign: 'increase', supports: [], sources: [], refs: [] }));
  return { key: `${kind}:test`, kind, title: 't', figures: [], nodes, edges } as unknown as GraphView;
}
const sub = (v: GraphView, keep: (id: string) => boolean): GraphView => ({
  ...v,
  nodes: v.nodes.filter((n) => keep(n.id)),
  edges: v.edges.filter((e) => keep(e.source) && keep(e.target)),
});

describe('twin panes laid out on the spot', () => {
  it('lays out a compare pair’s union only, named as the twin layout', () => {
    const v = pairView(6);
    const spot = layoutOnTheSpot(v)!;
    expect(spot.hash).toBe('twin');
    expect(Object.keys(spot.nodes).sort()).toEqual(v.nodes.map((n) => n.id).sort());
    expect(spot).toEqual(twinLayout(v));
    for (const kind of ['figure', 'atlas', 'source'] as const) expect(layoutOnTheSpot(pairView(6, undefined, kind)), kind).toBeUndefined();
  });

  it('is the compact atlas layout of the whole union, for the twin pane’s shape unless told otherwise', () => {
    const v = pairView(12);
    const all = new Set(v.nodes.map((n) => n.id));
    expect(TWIN_ASPECT).toBeGreaterThan(0.5);
    expect(TWIN_ASPECT).toBeLessThan(1);
    expect(twinLayout(v)).toEqual({ ...activeLayout(v, all, TWIN_ASPECT).positions, hash: 'twin' });
    expect(twinLayout(v, 2)).toEqual({ ...activeLayout(v, all, 2).positions, hash: 'twin' });
    expect(twinLayout(v, 2)).not.toEqual(twinLayout(v, 0.5));
  });
});

describe('twin panes with room for their labels', () => {
  // 20 entities in a 300×400 pane: too small for 10 px labels at the fitted zoom, so room is kept.
  const union = pairView(20);
  const ids = union.nodes.map((n) => n.id);
  const left = sub(union, (id) => id === 'src' || Number(id.slice(1)) < 15);
  const right = sub(union, (id) => id === 'src' || Number(id.slice(1)) >= 5);
  const fit = { width: 300, height: 400 };

  it('keeps room for every label, with a badge for what both sides have and a bar for the rest', () => {
    const made = roomyTwinLayout(union, left, right, fit, 2, 10);
    expect(made.roomZoom).toBeDefined();
    expect(made.positions.hash).toBe('twin');
    const all = new Set(ids);
    const shared = (id: string) => id === 'src' || (Number(id.slice(1)) >= 5 && Number(id.slice(1)) < 15);
    const room = (badge: (id: string) => boolean): LabelRoom => ({
      fit,
      maxZoom: 2,
      labelPx: 10,
      wanted: all,
      priority: all,
      marks: new Map(ids.map((id) => [id, { badge: badge(id) }])),
    });
    const expected = activeLayout(union, all, fit.width / fit.height, room(shared));
    expect(made).toEqual({ ...expected, positions: { ...expected.positions, hash: 'twin' } });
    // Badges on every entity (either side's) or on none would keep other room.
    expect(made.positions.nodes).not.toEqual(activeLayout(union, all, fit.width / fit.height, room(() => true)).positions.nodes);
    expect(made.positions.nodes).not.toEqual(activeLayout(union, all, fit.width / fit.height, room(() => false)).positions.nodes);
  });

  it('takes the pane’s shape from its fit box, and a box of no height as 1 px high', () => {
    const wide = roomyTwinLayout(union, left, right, { width: 400, height: 160 }, 2, 10);
    const tall = roomyTwinLayout(union, left, right, { width: 160, height: 400 }, 2, 10);
    const ww = wide.box.x2 - wide.box.x1;
    const wh = wide.box.y2 - wide.box.y1;
    const tw = tall.box.x2 - tall.box.x1;
    const th = tall.box.y2 - tall.box.y1;
    expect(ww / wh).toBeGreaterThan(tw / th);
    const flat = roomyTwinLayout(union, left, right, { width: 300, height: 0 }, 2, 10);
    expect(flat.positions.nodes).toEqual(activeLayout(union, new Set(ids), 300, undefined).positions.nodes);
  });

  it('keeps no room when the labels are readable at the fitted zoom', () => {
    const small = pairView(3);
    const made = roomyTwinLayout(small, small, small, { width: 2000, height: 2000 }, 2, 10);
    expect(made.roomZoom).toBeUndefined();
    expect(made.positions).toEqual({ ...activeLayout(small, new Set(small.nodes.map((n) => n.id)), 1).positions, hash: 'twin' });
  });
});
