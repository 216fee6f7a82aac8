import { describe, expect, it } from 'vitest';
import { createInProcessEngine } from '../../src/layout/in-process.ts';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import { layoutInput } from '../../src/layout/layout-input.ts';
import { overlappingNodes } from '../../src/layout/overlap.ts';
import { precomputedViews } from '../../src/layout/precomputed-views.ts';
import { layoutHash, LayoutTimeoutError, type LayoutEngine, type Positions } from '../../src/layout/types.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';
import { storedLayout } from '../helpers/stored-layout.ts';

describe('in-process ELK layout', () => {
  const engine = createInProcessEngine();
  const model = shippedModel();
  const view = figureView(model, 'fig1')!;
  const input = layoutInput(view);

  it('places every node and no two boxes overlap', async () => {
    const pos = await engine.layout(input);
    expect(Object.keys(pos.nodes).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    expect(overlappingNodes(input, pos)).toEqual([]);
    expect(pos.hash).toBe(layoutHash(input));
  });

  it('reads left to right: source, then what it releases, signalling, processes, outcomes', async () => {
    const pos = await engine.layout(input);
    const byPartition = new Map<number, number[]>();
    for (const n of input.nodes) byPartition.set(n.partition, [...(byPartition.get(n.partition) ?? []), pos.nodes[n.id]!.x]);
    const parts = [...byPartition.keys()].sort((a, b) => a - b);
    for (let i = 1; i < parts.length; i++) {
      expect(Math.max(...byPartition.get(parts[i - 1]!)!)).toBeLessThan(Math.min(...byPartition.get(parts[i]!)!));
    }
  });

  it('gives up with a clear error after its timeout', async () => {
    const slow: LayoutEngine = createInProcessEngine();
    await expect(slow.layout(layoutInput(figureView(model, 'table2')!), { timeoutMs: 1 })).rejects.toBeInstanceOf(LayoutTimeoutError);
  });
});

describe('layout service', () => {
  const model = shippedModel();
  const view = figureView(model, 'fig1')!;

  it('uses a precomputed layout whose hash matches, without loading an engine', async () => {
    const fake: Positions = { hash: layoutHash(layoutInput(view)), nodes: {}, edges: {}, width: 1, height: 1 };
    let loads = 0;
    const service = createLayoutService({ [view.key]: fake }, async () => {
      loads++;
      return createInProcessEngine();
    });
    expect(service.cached(view)).toBe(fake);
    expect(await service.positions(view)).toBe(fake);
    expect(loads).toBe(0);
  });

  it('lays out a view whose cache is stale with the engine, once', async () => {
    const stale: Positions = { hash: 'stale', nodes: {}, edges: {}, width: 1, height: 1 };
    let loads = 0;
    let runs = 0;
    const inner = createInProcessEngine();
    const service = createLayoutService({ [view.key]: stale }, async () => {
      loads++;
      return { layout: (i, o) => (runs++, inner.layout(i, o)) };
    });
    expect(service.cached(view)).toBeUndefined();
    const [a, b] = await Promise.all([service.positions(view), service.positions(view)]);
    expect(a).toBe(b);
    expect(Object.keys(a.nodes)).toHaveLength(view.nodes.length);
    expect([loads, runs]).toEqual([1, 1]);
  });
});

describe('src/generated/layouts/', () => {
  it('is up to date with graphs/ for every shipped view, one file per view, with no overlaps (run npm run layouts if not)', () => {
    for (const view of precomputedViews(shippedModel())) {
      const input = layoutInput(view);
      const pos = storedLayout(view.key);
      expect(pos.key).toBe(view.key);
      expect(pos?.hash, view.key).toBe(layoutHash(input));
      expect(overlappingNodes(input, pos!), view.key).toEqual([]);
    }
  });
});
