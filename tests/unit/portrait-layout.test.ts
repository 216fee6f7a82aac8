/**
 * Figures laid out top to bottom for phones held upright (src/layout/portrait.ts, scripts/build-portrait-layouts.ts,
 * #9 point 6): the row splitting, the shipped layouts' quality (point 0's guarantees) and width, and how the layout
 * service hands them out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { drawingBox } from '../../src/layout/drawing-box.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import { layoutInput } from '../../src/layout/layout-input.ts';
import { overlappingNodes } from '../../src/layout/overlap.ts';
import {
  portraitInput,
  portraitKey,
  portraitLayoutInput,
  PORTRAIT_LAYOUTS_DIR,
  PORTRAIT_MAX_WIDTH,
  PORTRAIT_SEEDS,
  PORTRAIT_SHAPES,
  type PortraitLayoutFile,
} from '../../src/layout/portrait.ts';
import { layoutFileName } from '../../src/layout/layout-files.ts';
import { countCrossings, edgesThroughNodes, routesOf } from '../../src/layout/quality.ts';
import { layoutHash, type LayoutInput, type Positions } from '../../src/layout/types.ts';
import { figureView } from '../../src/model/view.ts';
import { dagreLayout } from '../helpers/dagre.ts';
import { shippedModel } from '../helpers/model.ts';

const files = import.meta.glob<PortraitLayoutFile>('../../src/generated/portrait-layouts/*.json', { import: 'default', eager: true });
const portraits: Record<string, PortraitLayoutFile> = Object.fromEntries(Object.values(files).map((f) => [f.key, f]));

// A source acting on six markers of 100 px (partition 1), one of which acts on a factor; the factor on an outcome.
const node = (id: string, partition: number, width = 100) => ({ id, width, height: 30, partition });
const input: LayoutInput = {
  key: 'figure:t',
  nodes: [node('src', 0), ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => node(id, 1)), node('f', 2), node('out', 5)],
  edges: [
    ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((t) => ({ id: `src-${t}`, source: 'src', target: t })),
    { id: 'm6-f', source: 'm6', target: 'f' },
    { id: 'f-out', source: 'f', target: 'out' },
  ],
};
const partitionOf = (i: LayoutInput) => Object.fromEntries(i.nodes.map((n) => [n.id, n.partition]));

describe('a figure laid out top to bottom (portraitInput)', () => {
  it('runs down the screen, in its own key, with the denser spacing', () => {
    const p = portraitInput(input, { row: 1000, leavesUp: false });
    expect(p.key).toBe('portrait:figure:t');
    expect(p.options?.['elk.direction']).toBe('DOWN');
    expect(p.edges).toEqual(input.edges);
    expect(p.nodes.map((n) => [n.width, n.height])).toEqual(input.nodes.map((n) => [n.width, n.height]));
  });

  it('cuts a row of one kind wider than `row` into sub-rows, what acts on nothing first, keeping the kinds in order', () => {
    // Six boxes of 100 px with 6 px gaps: 630 px; at most 220 px a row makes three rows of two.
    const p = partitionOf(portraitInput(input, { row: 220, leavesUp: false }));
    const markers = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => p[id]!);
    expect(new Set(markers).size).toBe(3);
    for (const row of new Set(markers)) expect(markers.filter((m) => m === row)).toHaveLength(2);
    // m6 acts on f: in the last sub-row, nearest to what it acts on.
    expect(p.m6).toBe(Math.max(...markers));
    expect(Math.min(...markers)).toBeGreaterThan(p.src!);
    expect(Math.max(...markers)).toBeLessThan(p.f!);
    expect(p.f!).toBeLessThan(p.out!);
    // Wide enough: one row.
    expect(new Set(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => partitionOf(portraitInput(input, { row: 700, leavesUp: false }))[id])).size).toBe(1);
  });

  it('leavesUp puts the markers only the source acts on, acting on nothing, above the source', () => {
    const p = partitionOf(portraitInput(input, { row: 1000, leavesUp: true }));
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) expect(p[id], id).toBeLessThan(p.src!);
    expect(p.m6).toBeGreaterThan(p.src!);
  });

  it('a seed is carried to ELK, and the hash tells the shapes apart', () => {
    const a = portraitInput(input, { row: 220, leavesUp: false });
    const b = portraitInput(input, { row: 220, leavesUp: false, seed: 3 });
    expect(b.options?.['elk.randomSeed']).toBe('3');
    expect(layoutHash(a)).not.toBe(layoutHash(b));
    expect(layoutHash(a)).not.toBe(layoutHash(portraitInput(input, { row: 700, leavesUp: false })));
  });
});

describe('the shipped portrait layouts, as drawn', () => {
  const model = shippedModel();
  it('exist for every figure and no other view', () => {
    expect(Object.keys(portraits).sort()).toEqual(model.figures.map((f) => portraitKey(`figure:${f.id}`)).sort());
  });

  it('are where `npm run layouts` writes them, in shapes its search tries: it can draw each again', () => {
    const tried = PORTRAIT_SHAPES.map((s) => JSON.stringify(s));
    for (const file of Object.values(portraits)) {
      // The file the app loads (above) is the one the build writes (PORTRAIT_LAYOUTS_DIR, named as layout-files.ts names it).
      expect(JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', PORTRAIT_LAYOUTS_DIR, layoutFileName(file.key)), 'utf8')), file.key).toEqual(file);
      const { seed, ...shape } = file.shape;
      if (seed !== undefined) expect(PORTRAIT_SEEDS, file.key).toContain(seed);
      expect(tried, file.key).toContain(JSON.stringify(shape));
    }
  });
  for (const f of model.figures) {
    const view = figureView(model, f.id)!;
    const file = portraits[portraitKey(view.key)]!;
    it(`${f.label}: up to date, reads top to bottom, at most ${PORTRAIT_MAX_WIDTH} px wide, no more crossings than dagre, none through a node, no overlaps`, () => {
      const input = portraitLayoutInput(view, file.shape);
      expect(file.hash).toBe(layoutHash(input));
      const routes = routesOf(input, file);
      const dagre = countCrossings(dagreLayout(input).routes);
      if (dagre === 0) expect(countCrossings(routes)).toBe(0);
      else expect(countCrossings(routes)).toBeLessThanOrEqual(dagre);
      expect(edgesThroughNodes(input, file, routes)).toEqual([]);
      expect(overlappingNodes(input, file)).toEqual([]);
      const box = drawingBox(view, file);
      expect(box.x2 - box.x1).toBeLessThanOrEqual(PORTRAIT_MAX_WIDTH);
      // Top to bottom: each cell source is above every outcome.
      const ys = (kind: string) => view.nodes.filter((n) => n.entity.kind === kind).map((n) => file.nodes[n.id]!.y);
      if (ys('msc-source').length && ys('ovarian-outcome').length) expect(Math.max(...ys('msc-source'))).toBeLessThan(Math.min(...ys('ovarian-outcome')));
      // Every edge starts and ends on its nodes (ELK's end points are kept).
      for (const e of input.edges) expect(file.edges[e.id]!.length, e.id).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('the layout service on a phone held upright', () => {
  const model = shippedModel();
  const view = figureView(model, 'fig3')!;
  const portrait = portraits[portraitKey(view.key)]!;

  it('loads and gives a figure its portrait layout, and the usual one when not asked for', async () => {
    const asked: string[] = [];
    const service = createLayoutService(async (key) => {
      asked.push(key);
      return key.startsWith('portrait:') ? portrait : precomputedLayouts[key];
    });
    expect(service.cached(view, 'portrait')).toBeUndefined();
    await expect(service.positions(view, 'portrait')).resolves.toBe(portrait);
    expect(service.cached(view, 'portrait')).toBe(portrait);
    // Known now: another view object of the same figure (a later state) gets it at once.
    expect(service.cached({ ...view }, 'portrait')).toBe(portrait);
    await expect(service.positions(view)).resolves.toBe(precomputedLayouts[view.key]);
    expect(asked).toEqual(['portrait:figure:fig3', 'figure:fig3']);
  });

  it('falls back to the usual layout when the portrait one is missing or stale (an edited figure, an import)', async () => {
    const stale: Positions = { ...portrait, hash: 'deadbeef' };
    for (const stored of [undefined, stale]) {
      const service = createLayoutService(async (key) => (key.startsWith('portrait:') ? stored : precomputedLayouts[key]));
      await expect(service.positions(view, 'portrait')).resolves.toBe(precomputedLayouts[view.key]);
      expect(service.cached(view, 'portrait')).toBe(precomputedLayouts[view.key]);
    }
    // Layouts all at hand (Node): a view with none stored gets the usual one.
    const atHand = createLayoutService({ ...precomputedLayouts });
    await expect(atHand.positions(view, 'portrait')).resolves.toBe(precomputedLayouts[view.key]);
    const withPortrait = createLayoutService({ ...precomputedLayouts, [portrait.key]: portrait });
    await expect(withPortrait.positions(view, 'portrait')).resolves.toBe(portrait);
    expect(withPortrait.cached(view, 'portrait')).toBe(portrait);
    // An imported graph (a figure view with no portrait layout) is drawn as it came.
    const imported = { ...view, key: 'figure:import-mine' };
    const own = { ...precomputedLayouts[view.key]!, hash: layoutHash(layoutInput(imported)) };
    withPortrait.remember(imported.key, own);
    await expect(withPortrait.positions(imported, 'portrait')).resolves.toBe(own);
  });

  it('draws the atlas as usual on a phone', () => {
    const service = createLayoutService({ ...precomputedLayouts, [portrait.key]: portrait });
    const atlas = { ...view, kind: 'atlas' as const, key: 'atlas' };
    expect(service.cached(atlas as never, 'portrait')).toBe(service.cached(atlas as never));
    expect(service.cached(atlas as never, 'portrait')).toBeUndefined();
  });
});
