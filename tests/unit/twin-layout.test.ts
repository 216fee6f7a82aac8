import { describe, expect, it } from 'vitest';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import { nodeBox } from '../../src/layout/measure.ts';
import { roomyTwinLayout, twinLayout } from '../../src/layout/twin-layout.ts';
import { markExtents } from '../../src/layout/label-room.ts';
import { KIND_STYLE } from '../../src/theme/kinds.ts';
import type { LayoutEngine } from '../../src/layout/types.ts';
import { cellFreeSupports, NO_FILTERS, supportPasses } from '../../src/model/overlay.ts';
import { figureView, sideView, sourceIds, unionView, type GraphView, type Side } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const pairsOf = <T,>(xs: readonly T[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b] as const));
const sources: Side[] = sourceIds(model).map((id) => ({ type: 'source', id }));
const figures: Side[] = model.figures.map((f) => ({ type: 'figure', id: f.id }));
const union = (a: Side, b: Side, keep?: Parameters<typeof sideView>[2]) => unionView(sideView(model, a, keep)!, sideView(model, b, keep)!);

/** Pairs of boxes that overlap. */
function overlaps(view: GraphView, at: Record<string, { x: number; y: number }>) {
  const boxes = view.nodes.map((n) => ({ id: n.id, ...nodeBox(n.entity.label, n.entity.kind), p: at[n.id]! }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (Math.abs(a.p.x - b.p.x) * 2 < a.width + b.width && Math.abs(a.p.y - b.p.y) * 2 < a.height + b.height) out.push(`${a.id}/${b.id}`);
    }
  return out;
}

/** A layout service whose ELK engine must never be loaded. */
function serviceWithoutElk() {
  let loads = 0;
  const service = createLayoutService({}, async (): Promise<LayoutEngine> => {
    loads++;
    throw new Error('ELK was asked for');
  });
  return { service, loads: () => loads };
}

describe('twin compare panes: the union laid out on the spot', () => {
  it(`answers every shipped pair at once, without ELK: ${sources.length * (sources.length - 1) / 2} source pairs and ${figures.length * (figures.length - 1) / 2} figure pairs`, async () => {
    expect(sources).toHaveLength(10);
    const { service, loads } = serviceWithoutElk();
    for (const [a, b] of [...pairsOf(sources), ...pairsOf(figures), [sources[0]!, figures[2]!] as const]) {
      const view = union(a, b);
      const hit = service.cached(view);
      expect(hit, view.key).toBeDefined();
      expect(Object.keys(hit!.nodes).sort(), view.key).toEqual(view.nodes.map((n) => n.id).sort());
      expect(overlaps(view, hit!.nodes), view.key).toEqual([]);
      // The promise answers with the same positions, and the same view object is laid out once.
      expect(await service.positions(view)).toBe(hit);
      expect(service.cached(view)).toBe(hit);
    }
    expect(loads()).toBe(0);
  });

  it('lays out a filtered pair too (no shipped file could hold every filter), still without ELK', () => {
    const cellFree = cellFreeSupports(model);
    const f = { ...NO_FILTERS, signs: ['decrease' as const] };
    const keep = (s: Parameters<typeof supportPasses>[0], sign: Parameters<typeof supportPasses>[2]) => supportPasses(s, f, sign, cellFree);
    const { service, loads } = serviceWithoutElk();
    const view = union({ type: 'source', id: 'hpmsc' }, { type: 'source', id: 'humsc' }, keep);
    expect(view.nodes.length).toBeLessThan(union({ type: 'source', id: 'hpmsc' }, { type: 'source', id: 'humsc' }).nodes.length);
    expect(Object.keys(service.cached(view)!.nodes)).toHaveLength(view.nodes.length);
    expect(loads()).toBe(0);
  });

  it('reads from the cell sources (top) to the ovarian outcomes (bottom), and fits a pane’s shape', () => {
    const view = union({ type: 'source', id: 'hbmmsc' }, { type: 'source', id: 'hadmsc' });
    const at = twinLayout(view).nodes;
    const y = (kind: string) => view.nodes.filter((n) => n.entity.kind === kind).map((n) => at[n.id]!.y);
    expect(Math.max(...y('msc-source'))).toBeLessThan(Math.min(...y('ovarian-outcome')));
    for (const aspect of [0.8, 1.35, 2]) {
      const p = twinLayout(view, aspect);
      // Close to the asked shape: neither side more than twice what the aspect asks of it.
      expect(p.width / p.height).toBeGreaterThan(aspect / 2);
      expect(p.width / p.height).toBeLessThan(aspect * 2);
    }
  });

  it('leaves figures to their precomputed ELK layouts (a figure view is not laid out on the spot)', () => {
    const { service } = serviceWithoutElk();
    expect(service.cached(figureView(model, 'fig1')!)).toBeUndefined();
  });
});

describe('twin panes on a small screen: room for every label at a readable size', () => {
  // The fit box of one twin pane on a 1280×800 laptop (measured: a 469×676 stage less padding and toolbar), where the
  // largest pairs would draw their labels at 7–8 px; the canvas then draws them at 10 px (graph-view/label-lod.ts).
  const fit = { width: 421, height: 606 };
  const cases: [Side, Side][] = [
    [{ type: 'source', id: 'humsc' }, { type: 'source', id: 'hmbmsc' }],
    [{ type: 'figure', id: 'table2' }, { type: 'figure', id: 'fig3' }],
  ];
  for (const [a, b] of cases)
    it(`${a.id} and ${b.id}: fitted, every label at 10 px with its bar and badge is clear of every other`, () => {
      const left = sideView(model, a)!;
      const right = sideView(model, b)!;
      const view = unionView(left, right);
      const made = roomyTwinLayout(view, left, right, fit, 1.5, 10);
      const zoom = Math.min(fit.width / (made.box.x2 - made.box.x1), fit.height / (made.box.y2 - made.box.y1), 1.5);
      // Too big to read at its own size, so room was kept, for a zoom the fitted drawing reaches.
      expect(made.roomZoom).toBeDefined();
      expect(13 * zoom).toBeLessThan(10);
      expect(zoom).toBeGreaterThanOrEqual(made.roomZoom! * 0.999);
      const inLeft = new Set(left.nodes.map((n) => n.id));
      const inRight = new Set(right.nodes.map((n) => n.id));
      const boxes = view.nodes.map((n) => {
        const box = nodeBox(n.entity.label, n.entity.kind);
        const e = markExtents(box.text, KIND_STYLE[n.entity.kind].bold, 10, box.width, box.height, zoom, { bar: true, badge: inLeft.has(n.id) && inRight.has(n.id) });
        const p = made.positions.nodes[n.id]!;
        return { id: n.id, x1: p.x * zoom - e.left, x2: p.x * zoom + e.right, y1: p.y * zoom - e.up, y2: p.y * zoom + e.down };
      });
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [p, q] = [boxes[i]!, boxes[j]!];
          if (Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1) > 0.01 && Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1) > 0.01) clashes.push(`${p.id}/${q.id}`);
        }
      expect(clashes).toEqual([]);
    });
});
