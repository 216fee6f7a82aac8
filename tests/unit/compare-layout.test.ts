import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactLayout, type CompactNode } from '../../src/layout/compact.ts';
import { activeLayout, differenceLayout } from '../../src/layout/difference-layout.ts';
import { nodeBox } from '../../src/layout/measure.ts';
import { differenceOf } from '../../src/model/compare.ts';
import { atlasMembership, cellFreeSupports, computeOverlay, NO_FILTERS, supportPasses } from '../../src/model/overlay.ts';
import { atlasView, sideView, sourceIds, unionView } from '../../src/model/view.ts';
import { chooseLabels } from '../../src/graph-view/label-lod.ts';
import { shippedModel } from '../helpers/model.ts';

const overlaps = (nodes: readonly CompactNode[], at: Record<string, { x: number; y: number }>) => {
  const out: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      const pa = at[a.id]!;
      const pb = at[b.id]!;
      if (Math.abs(pa.x - pb.x) * 2 < a.width + b.width && Math.abs(pa.y - pb.y) * 2 < a.height + b.height) out.push(`${a.id}/${b.id}`);
    }
  return out;
};

describe('compact grid layout', () => {
  it('never overlaps two boxes, keeps columns left to right and bands top to bottom', () => {
    const node = fc.record({ width: fc.integer({ min: 20, max: 160 }), height: fc.integer({ min: 20, max: 60 }), column: fc.integer({ min: 0, max: 3 }), band: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 60 }), fc.double({ min: 0.5, max: 2.5, noNaN: true }), (raw, aspect) => {
        const nodes = raw.map((n, i) => ({ ...n, id: `n${i}` }));
        const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
        const l = compactLayout(nodes, edges, { aspect });
        expect(overlaps(nodes, l.nodes)).toEqual([]);
        for (const a of nodes)
          for (const b of nodes) {
            if (a.column < b.column) expect(l.nodes[a.id]!.x + a.width / 2).toBeLessThan(l.nodes[b.id]!.x - b.width / 2);
            if (a.column === b.column && a.band < b.band) expect(l.nodes[a.id]!.y + a.height / 2).toBeLessThan(l.nodes[b.id]!.y - b.height / 2);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('fits a box of the asked shape almost as well as the boxes’ own area allows', () => {
    const nodes = Array.from({ length: 80 }, (_, i) => ({ id: `n${i}`, width: 90, height: 30, column: i % 4, band: 0 }));
    for (const aspect of [0.8, 1.5, 2]) {
      const l = compactLayout(nodes, [], { aspect });
      // The height of the box of that shape the drawing needs, against a perfect packing of the boxes and gaps.
      const needed = Math.max(l.width / aspect, l.height);
      const ideal = Math.sqrt((80 * (90 + 12) * (30 + 10)) / aspect);
      expect(needed).toBeLessThan(ideal * 1.5);
    }
  });
});

describe('difference diagram', () => {
  const model = shippedModel();
  const left = sideView(model, { type: 'source', id: 'hpmsc' })!;
  const right = sideView(model, { type: 'source', id: 'humsc' })!;
  const diff = differenceOf(left, right, unionView(left, right));

  it('tags each entity and relation with the side that states it', () => {
    expect(diff.nodes.get('hpmsc')).toBe('left');
    expect(diff.nodes.get('humsc')).toBe('right');
    expect(diff.nodes.get('vegf')).toBe('shared');
    expect(diff.counts.left + diff.counts.shared + diff.counts.right).toBe(diff.view.nodes.length);
    for (const e of diff.view.edges) {
      const inL = left.edges.some((x) => x.id === e.id);
      const inR = right.edges.some((x) => x.id === e.id);
      expect(diff.edges.get(e.id)).toBe(inL && inR ? 'shared' : inL ? 'left' : 'right');
    }
  });

  it('puts the left side’s own entities left, the shared in the middle, the right side’s own right, with no overlap', () => {
    const l = differenceLayout(diff);
    const box = (id: string) => {
      const n = diff.view.nodes.find((x) => x.id === id)!;
      const b = nodeBox(n.entity.label, n.entity.kind);
      const p = l.nodes[id]!;
      return { x1: p.x - b.width / 2, x2: p.x + b.width / 2 };
    };
    const ids = (p: string) => diff.view.nodes.filter((n) => diff.nodes.get(n.id) === p).map((n) => n.id);
    const maxX = (p: string) => Math.max(...ids(p).map((id) => box(id).x2));
    const minX = (p: string) => Math.min(...ids(p).map((id) => box(id).x1));
    expect(maxX('left')).toBeLessThan(minX('shared'));
    expect(maxX('shared')).toBeLessThan(minX('right'));
    const nodes = diff.view.nodes.map((n) => ({ id: n.id, ...nodeBox(n.entity.label, n.entity.kind), column: 0, band: 0 }));
    expect(overlaps(nodes, l.nodes)).toEqual([]);
  });

  it('applies the user’s filters to both sides (only decreasing statements)', () => {
    const cellFree = cellFreeSupports(model);
    const f = { ...NO_FILTERS, signs: ['decrease' as const] };
    const keep = (s: Parameters<typeof supportPasses>[0], sign: Parameters<typeof supportPasses>[2]) => supportPasses(s, f, sign, cellFree);
    const l2 = sideView(model, { type: 'source', id: 'hpmsc' }, keep)!;
    expect(l2.edges.length).toBeGreaterThan(0);
    expect(l2.edges.length).toBeLessThan(left.edges.length);
    expect(l2.edges.every((e) => e.sign === 'decrease')).toBe(true);
  });
});

describe('atlas active subgraph', () => {
  const model = shippedModel();
  const atlas = atlasView(model);
  const order = sourceIds(model);
  const cellFree = cellFreeSupports(model);
  const onFor = (active: string[]) => {
    const o = computeOverlay(atlas, atlasMembership(atlas, active, NO_FILTERS, cellFree, order), NO_FILTERS, cellFree);
    return new Set([...o.nodes].filter(([, x]) => x.on).map(([id]) => id));
  };

  it('fits what the active sources act on and parks the rest below, out of the fitted box', () => {
    const on = onFor(['hbmmsc', 'humsc']);
    const { positions, box } = activeLayout(atlas, on);
    for (const n of atlas.nodes) {
      const p = positions.nodes[n.id]!;
      if (on.has(n.id)) expect(p.y).toBeLessThanOrEqual(box.y2);
      else expect(p.y).toBeGreaterThan(box.y2 + 100);
    }
    const nodes = atlas.nodes.map((n) => ({ id: n.id, ...nodeBox(n.entity.label, n.entity.kind), column: 0, band: 0 }));
    expect(overlaps(nodes, positions.nodes)).toEqual([]);
  });

  it('a few sources make a drawing small enough to read on a laptop (labels ≥ 10 px in the 1000×640 stage of a 1600×1000 window)', () => {
    for (const active of [['hbmmsc'], ['hbmmsc', 'humsc'], ['hbmmsc', 'humsc', 'hpmsc']]) {
      const { box } = activeLayout(atlas, onFor(active));
      const zoom = Math.min(1000 / (box.x2 - box.x1), 640 / (box.y2 - box.y1));
      expect(zoom * 13, active.join('+')).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('label level of detail', () => {
  it('draws higher priorities first and never two overlapping labels', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), w: fc.integer({ min: 10, max: 120 }), priority: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 80 }), (raw) => {
        const c = raw.map((b, i) => ({ id: `l${i}`, x1: b.x, x2: b.x + b.w, y1: b.y, y2: b.y + 14, priority: b.priority }));
        const shown = [...chooseLabels(c)].map((id) => c.find((x) => x.id === id)!);
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i]!;
            const b = shown[j]!;
            expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
          }
        // The first of the highest priority is always drawn.
        if (c.length) {
          const top = [...c].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))[0]!;
          expect(shown.some((s) => s.id === top.id)).toBe(true);
        }
      }),
    );
  });
});

describe('compare links', () => {
  it('open on the difference diagram; &panes=twin asks for the twin panes and survives a round trip', async () => {
    const { parseUrl, toSearch } = await import('../../src/state/url.ts');
    const model = shippedModel();
    expect(parseUrl('?view=compare&left=source:hpmsc&right=source:humsc', model).state.compare?.display ?? 'difference').toBe('difference');
    const twin = parseUrl('?view=compare&left=source:hpmsc&right=source:humsc&panes=twin', model).state;
    expect(twin.compare?.display).toBe('twin');
    expect(toSearch(twin, model)).toBe('?view=compare&left=source:hpmsc&right=source:humsc&panes=twin');
  });
});
