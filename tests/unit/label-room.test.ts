/**
 * Room for the labels of the atlas's default view (layout/label-room.ts, layout/difference-layout.ts activeLayout):
 * the layout is checked by drawing it as the canvas does (graph-canvas.tsx's level of detail): fitted to the
 * pane, each label at 10 px with its marks placed by `placeMarks`, chosen by priority with `chooseLabels`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeLayout, type ActiveLayout, type LabelRoom } from '../../src/layout/difference-layout.ts';
import { badgeScreenR, LABEL_GAP, lodLabelBox, markExtents, placeMarks, type ScreenBox } from '../../src/layout/label-room.ts';
import { nodeBox } from '../../src/layout/measure.ts';
import { chooseLabels, LOD_LABEL_PX, type LabelCandidate } from '../../src/graph-view/label-lod.ts';
import { MAX_FIT_ZOOM } from '../../src/graph-view/fit.ts';
import { atlasMembership, cellFreeSupports, computeOverlay, NO_FILTERS } from '../../src/model/overlay.ts';
import { atlasView, sourceIds } from '../../src/model/view.ts';
import { KIND_STYLE, NODE_FONT_SIZE } from '../../src/theme/kinds.ts';
import { SOURCE_BAR } from '../../src/theme/decorations.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const atlas = atlasView(model);
const order = sourceIds(model);
const cellFree = cellFreeSupports(model);

/** The atlas state with `active` sources on: what is in play, the room to keep, and the canvas's label priority. */
function state(active: readonly string[], fit: { width: number; height: number }) {
  const o = computeOverlay(atlas, atlasMembership(atlas, active, NO_FILTERS, cellFree, order), NO_FILTERS, cellFree);
  const on = new Set([...o.nodes].filter(([, x]) => x.on).map(([id]) => id));
  const marks = new Map<string, { badge: boolean }>();
  const priority = new Set<string>();
  const rank = new Map<string, number>();
  for (const n of atlas.nodes) {
    if (!on.has(n.id)) continue;
    const sources = n.entity.kind === 'msc-source' ? 0 : (o.nodes.get(n.id)?.sources.length ?? 0);
    if (sources) marks.set(n.id, { badge: sources >= 2 });
    const top = n.entity.kind === 'msc-source' ? 4 : sources >= 2 || n.entity.kind === 'ovarian-outcome' ? 3 : 1;
    if (top >= 3) priority.add(n.id);
    rank.set(n.id, top);
  }
  const every = active.length === order.length;
  const room: LabelRoom = { fit, maxZoom: MAX_FIT_ZOOM, labelPx: LOD_LABEL_PX, wanted: every ? priority : on, priority, marks };
  return { on, room, rank };
}

/** Draws a layout as the canvas's level of detail does and returns the ids whose labels are drawn. */
function drawnLabels(layout: ActiveLayout, s: ReturnType<typeof state>) {
  const { box } = layout;
  const zoom = Math.min(s.room.fit.width / (box.x2 - box.x1), s.room.fit.height / (box.y2 - box.y1), MAX_FIT_ZOOM);
  const candidates: LabelCandidate[] = [];
  for (const n of atlas.nodes) {
    if (!s.on.has(n.id)) continue;
    const b = nodeBox(n.entity.label, n.entity.kind);
    const p = layout.positions.nodes[n.id]!;
    const x = p.x * zoom;
    const y = p.y * zoom;
    if (NODE_FONT_SIZE * zoom >= LOD_LABEL_PX) return { zoom, drawn: new Set(s.on), lod: false };
    const node = { x1: x - (b.width * zoom) / 2, x2: x + (b.width * zoom) / 2, y1: y - (b.height * zoom) / 2, y2: y + (b.height * zoom) / 2 };
    const label = lodLabelBox(b.text, KIND_STYLE[n.entity.kind].bold, LOD_LABEL_PX, x, y);
    const m = s.room.marks.get(n.id);
    const marks: ScreenBox[] = [];
    if (m) {
      const put = placeMarks(label, node, { ...node, y1: node.y2 - SOURCE_BAR * zoom }, m.badge ? badgeScreenR(zoom) : null);
      marks.push(put.bar!);
      if (put.badge) marks.push({ x1: put.badge.cx - put.badge.r, x2: put.badge.cx + put.badge.r, y1: put.badge.cy - put.badge.r, y2: put.badge.cy + put.badge.r });
    }
    candidates.push({ id: n.id, ...label, marks, priority: s.rank.get(n.id)! });
  }
  return { zoom, drawn: chooseLabels(candidates, LABEL_GAP), lod: true };
}

const LAPTOP = { width: 1001, height: 620 }; // the atlas stage of a 1600×1000 window, less padding and toolbar
const TABLET = { width: 725, height: 530 }; // the same at 1024×768

describe('atlas label room: every source on (the overview)', () => {
  for (const [name, fit] of [
    ['laptop', LAPTOP],
    ['tablet', TABLET],
  ] as const)
    it(`${name}: every cell source, shared factor and ovarian outcome is labelled at 10 px at the default view`, () => {
      const s = state(order, fit);
      expect(s.room.priority.size).toBeGreaterThan(60);
      const layout = activeLayout(atlas, s.on, fit.width / fit.height, s.room);
      const { drawn, lod } = drawnLabels(layout, s);
      expect(lod).toBe(true);
      expect([...s.room.priority].filter((id) => !drawn.has(id))).toEqual([]);
    });

  it('without the room kept, some of them go unlabelled (the test can fail)', () => {
    const s = state(order, LAPTOP);
    const layout = activeLayout(atlas, s.on, LAPTOP.width / LAPTOP.height);
    const { drawn } = drawnLabels(layout, s);
    expect([...s.room.priority].filter((id) => !drawn.has(id)).length).toBeGreaterThan(5);
  });
});

describe('atlas label room: one to three sources', () => {
  // The largest sets of three (by entities in play): the hardest to fit.
  const triples = order.flatMap((a, i) => order.slice(i + 1).flatMap((b, j) => order.slice(i + j + 2).map((c) => [a, b, c])));
  const largest = triples
    .map((t) => ({ t, size: state(t, TABLET).on.size }))
    .sort((x, y) => y.size - x.size)
    .slice(0, 4)
    .map((x) => x.t);
  it('on a tablet, at least 90 % of what the largest triples act on is labelled, their sources, shared factors and outcomes all', () => {
    for (const t of largest) {
      const s = state(t, TABLET);
      const layout = activeLayout(atlas, s.on, TABLET.width / TABLET.height, s.room);
      const { drawn } = drawnLabels(layout, s);
      expect(drawn.size / s.on.size, t.join('+')).toBeGreaterThanOrEqual(0.9);
      expect([...s.room.priority].filter((id) => !drawn.has(id)), t.join('+')).toEqual([]);
      expect(layout.roomZoom, t.join('+')).toBeGreaterThan(0);
    }
  });

  it('without the room kept, the largest triple is under 90 % labelled on a tablet (the test can fail)', () => {
    const s = state(largest[0]!, TABLET);
    const { drawn } = drawnLabels(activeLayout(atlas, s.on, TABLET.width / TABLET.height), s);
    expect(drawn.size / s.on.size).toBeLessThan(0.9);
  });

  it('a single source that fits at a readable size is laid out as before, with no room kept', () => {
    const s = state(['hbmmsc'], LAPTOP);
    const kept = activeLayout(atlas, s.on, LAPTOP.width / LAPTOP.height, s.room);
    expect(kept.roomZoom).toBeUndefined();
    expect(kept).toEqual(activeLayout(atlas, s.on, LAPTOP.width / LAPTOP.height));
  });
});

describe('label room extents', () => {
  it('cover the label and its marks as placed at any zoom at or above the one the room was kept for', () => {
    const labels = atlas.nodes.map((n) => n.entity);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: labels.length - 1 }),
        fc.double({ min: 0.15, max: 0.76, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (i, kept, more, bar, badge) => {
          const e = labels[i]!;
          const b = nodeBox(e.label, e.kind);
          const bold = KIND_STYLE[e.kind].bold;
          const zoom = Math.min(kept * more, 0.76);
          const ext = markExtents(b.text, bold, LOD_LABEL_PX, b.width, b.height, kept, { bar, badge });
          // The room, in model px, seen at `zoom`.
          const room = { x1: (-ext.left / kept) * zoom, x2: (ext.right / kept) * zoom, y1: (-ext.up / kept) * zoom, y2: (ext.down / kept) * zoom };
          const node = { x1: (-b.width * zoom) / 2, x2: (b.width * zoom) / 2, y1: (-b.height * zoom) / 2, y2: (b.height * zoom) / 2 };
          const label = lodLabelBox(b.text, bold, LOD_LABEL_PX);
          const put = placeMarks(label, node, bar ? { ...node, y1: node.y2 - SOURCE_BAR * zoom } : null, badge ? badgeScreenR(zoom) : null);
          const boxes = [label, ...(put.bar ? [put.bar] : []), ...(put.badge ? [{ x1: put.badge.cx - put.badge.r, x2: put.badge.cx + put.badge.r, y1: put.badge.cy - put.badge.r, y2: put.badge.cy + put.badge.r }] : [])];
          for (const x of boxes) {
            expect(x.x1).toBeGreaterThanOrEqual(room.x1 - 1e-6);
            expect(x.x2).toBeLessThanOrEqual(room.x2 + 1e-6);
            expect(x.y1).toBeGreaterThanOrEqual(room.y1 - 1e-6);
            expect(x.y2).toBeLessThanOrEqual(room.y2 + 1e-6);
          }
        },
      ),
    );
  });
});
