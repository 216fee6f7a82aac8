/**
 * fitPage's choices on drawings made here (a drawing's size sets its label size on the slide), and the entity
 * order and subsets, without layouts: each step of the fit is seen to be taken, or skipped, for its reason.
 */
import { describe, expect, it, vi } from 'vitest';
import { labelPx, panePlacements, type ExportContent } from '../../src/export/compose.ts';
import { entityPriority, fitPage, freeAspect, readableOn, SLIDE_LABEL_PX, subsetView } from '../../src/export/slide-fit.ts';
import type { GraphView } from '../../src/model/view.ts';

const SLIDE = { width: 1920, height: 1080 };

/** A one-pane figure whose drawing is `width` × `height` scene px (bigger drawing, smaller labels). */
const drawing = (width: number, height = 200, label?: string): ExportContent => ({
  title: `${width} × ${height}`,
  panes: [{ ...(label ? { label } : {}), scene: { x: 0, y: 0, width, height, nodes: [], edges: [] } }],
  legend: { kinds: [], relations: [] },
  sources: [],
  sourceLine: 'Source.',
});

describe('readable on a slide', () => {
  it('holds labels of SLIDE_LABEL_PX or more', () => {
    expect(SLIDE_LABEL_PX).toBe(14);
    expect(readableOn(drawing(400), SLIDE)).toBe(true);
    expect(readableOn(drawing(3000), SLIDE)).toBe(false);
  });

  it('holds labels of exactly SLIDE_LABEL_PX, and not a hair smaller', () => {
    const box = panePlacements(drawing(400), SLIDE)[0]!.box;
    // Width for which the fit scale makes 13 px labels exactly 14 px (a short drawing: the width decides).
    const exact = (box.w * 13) / 14 - 8;
    expect(labelPx(drawing(exact, 10), SLIDE)).toBeCloseTo(14, 9);
    expect(readableOn(drawing(exact, 10), SLIDE)).toBe(true);
    expect(readableOn(drawing(exact + 0.01, 10), SLIDE)).toBe(false);
  });

  it('gives the free box’s shape', () => {
    const a = freeAspect(drawing(400), SLIDE);
    expect(a).toBeGreaterThan(1.4);
    expect(a).toBeLessThan(2);
    // A pane label takes height from the box: wider in shape.
    expect(freeAspect(drawing(400, 200, 'Left'), SLIDE)).toBeGreaterThan(a);
  });
});

describe('fitPage', () => {
  const subsetOf = (perEntity: number) => vi.fn((keep: ReadonlySet<string>, _aspect: number) => drawing(perEntity * keep.size));
  const priority = Array.from({ length: 10 }, (_, i) => `e${i}`);

  it('keeps the drawing as shown when it is readable, asking for it once at the standard shape', () => {
    const asShown = vi.fn(() => drawing(400));
    const relayout = vi.fn(() => drawing(400));
    const subset = subsetOf(100);
    const fit = fitPage(SLIDE, { asShown, asShownRelaid: false, relayout, subset, priority });
    expect(fit).toEqual({ content: drawing(400), relaid: false });
    expect(asShown).toHaveBeenCalledTimes(1);
    expect(asShown).toHaveBeenCalledWith(1.75);
    expect(relayout).not.toHaveBeenCalled();
    expect(subset).not.toHaveBeenCalled();
  });

  it('asks a compact view again for the page’s own shape, and says it was laid out for the page', () => {
    const asShown = vi.fn((aspect: number) => drawing(aspect === 1.75 ? 3000 : 400));
    const fit = fitPage(SLIDE, { asShown, asShownRelaid: true, subset: subsetOf(100), priority });
    expect(asShown).toHaveBeenCalledTimes(2);
    expect(asShown.mock.calls[1]![0]).toBeCloseTo(freeAspect(drawing(3000), SLIDE), 9);
    expect(fit.relaid).toBe(true);
    expect(fit.content.title).toBe('400 × 200');
    expect(fit.shown).toBeUndefined();
  });

  it('lays the view out afresh, for its own free box, when the screen’s layout is too small to read', () => {
    const relayout = vi.fn((aspect: number) => drawing(aspect === 1.75 ? 500 : 600, 200, aspect === 1.75 ? undefined : 'x'));
    const subset = subsetOf(100);
    const fit = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, relayout, subset, priority });
    expect(relayout.mock.calls.map((c) => c[0])).toEqual([1.75, freeAspect(drawing(500), SLIDE)]);
    expect(fit).toEqual({ content: drawing(600, 200, 'x'), relaid: true });
    expect(subset).not.toHaveBeenCalled();
  });

  it('keeps the most entities, in order of importance, whose drawing is readable', () => {
    // 200 px per entity: readable up to some k, found here one by one.
    const subset = subsetOf(200);
    const readable = priority.map((_, i) => readableOn(drawing(200 * (i + 1)), SLIDE));
    const most = readable.lastIndexOf(true) + 1;
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThan(10);
    const fit = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, relayout: () => drawing(3000), subset, priority });
    expect(fit.shown).toEqual({ count: most, of: 10 });
    expect(fit.relaid).toBe(true);
    expect(fit.content).toEqual(drawing(200 * most));
    // Each subset asked for is the first k in priority order, at the shape of the whole set's free box.
    for (const [keep] of subset.mock.calls) expect([...keep]).toEqual(priority.slice(0, keep.size));
    expect(subset.mock.calls[0]![0].size).toBe(10);
    expect(subset.mock.calls[0]![1]).toBe(1.75);
    for (const [, aspect] of subset.mock.calls.slice(1)) expect(aspect).toBeCloseTo(freeAspect(drawing(2000), SLIDE), 9);
    // A binary search: a handful of attempts, not one per count.
    expect(subset.mock.calls.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(10)) + 1);
  });

  it('finds the count at either end of the list', () => {
    const all = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, subset: (keep) => drawing(keep.size === 10 ? 400 : 400), priority });
    expect(all.shown).toEqual({ count: 10, of: 10 });
    const none = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, subset: (keep) => drawing(3000 + keep.size), priority });
    expect(none.shown).toEqual({ count: 1, of: 10 });
    expect(none.content).toEqual(drawing(3001));
    const nine = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, subset: (keep) => drawing(keep.size <= 9 ? 400 : 3000), priority });
    expect(nine.shown).toEqual({ count: 9, of: 10 });
    const two = fitPage(SLIDE, { asShown: () => drawing(3000), asShownRelaid: false, subset: (keep) => drawing(keep.size <= 2 ? 400 : 3000), priority });
    expect(two.shown).toEqual({ count: 2, of: 10 });
    expect(two.content).toEqual(drawing(400));
  });
});

describe('entity order and subsets', () => {
  const n = (id: string, kind: string) => ({ id, entity: { id, kind, label: id } });
  const view = {
    key: 'k',
    nodes: [n('g1', 'gene-or-protein'), n('g2', 'gene-or-protein'), n('src', 'msc-source'), n('combo', 'combination'), n('out', 'ovarian-outcome'), n('sh', 'process'), n('a', 'process'), n('lone', 'process'), n('off', 'process')],
    edges: [
      { id: 'x1', source: 'src', target: 'g2' },
      { id: 'x2', source: 'g2', target: 'out' },
      { id: 'x3', source: 'g2', target: 'a' },
      { id: 'x4', source: 'g1', target: 'off' },
      { id: 'x5', source: 'g1', target: 'off' },
      { id: 'x6', source: 'g1', target: 'off' },
      { id: 'x7', source: 'a', target: 'g1' },
    ],
  } as unknown as GraphView;
  const inPlay = new Set(['g1', 'g2', 'src', 'combo', 'out', 'sh', 'a', 'lone']);

  it('puts sources and combinations first, then shared entities and outcomes, then the rest by relations among those in play, then by id', () => {
    // g1's three edges to "off" do not count: off is not in play. g2 has 3, a 2, g1 1, lone 0.
    expect(entityPriority(view, inPlay, (id) => id === 'sh')).toEqual(['src', 'combo', 'out', 'sh', 'g2', 'a', 'g1', 'lone']);
    // Ties broken by id.
    expect(entityPriority(view, new Set(['lone', 'g1', 'sh']), () => false)).toEqual(['g1', 'lone', 'sh']);
  });

  it('keeps only the chosen entities and the relations between them', () => {
    const v = subsetView(view, new Set(['g1', 'g2', 'a']));
    expect(v.nodes.map((x) => x.id)).toEqual(['g1', 'g2', 'a']);
    expect(v.edges.map((e) => e.id)).toEqual(['x3', 'x7']);
    expect(v.key).toBe('k');
  });
});
