/**
 * The layout service with stand-ins for ELK and for the stored files (layout/layout-service.ts): what it answers at
 * once, what it loads or lays out, what it remembers, and how a failure leaves it.
 */
import { describe, expect, it } from 'vitest';
import { createLayoutService } from '../../src/layout/layout-service.ts';
import { layoutInput } from '../../src/layout/layout-input.ts';
import { portraitKey, portraitLayoutInput, type PortraitLayoutFile } from '../../src/layout/portrait.ts';
import { layoutHash, type LayoutEngine, type LayoutInput, type Positions } from '../../src/layout/types.ts';
import type { EntityKind } from '../../src/model/schema.ts';
import type { GraphView, ViewKind, ViewNode } from '../../src/model/view.ts';

const vnode = (id: string, kind: EntityKind): ViewNode => ({ id, entity: { id, label: id, kind } as ViewNode['entity'], sources: [] });
function view(key = 'figure:t', kind: ViewKind = 'figure'): GraphView {
  return {
    key,
    kind,
    title: 't',
    figures: [],
    nodes: [vnode('s', 'msc-source'), vnode('o', 'ovarian-outcome')],
    edges: [{ id: 's~upregulates~o', source: 's', target: 'o', relation: 'upregulates', sign: 'increase', supports: [], sources: [], refs: [] }],
  } as unknown as GraphView;
}
const laidOut = (input: LayoutInput, tag = 'elk'): Positions => ({ hash: layoutHash(input), nodes: { [tag]: { x: 0, y: 0 } }, edges: {}, width: 1, height: 1 });

/** An engine that lays out anything (recording what), or fails the first `failures` times. */
function engine(failures = 0) {
  const inputs: LayoutInput[] = [];
  let loads = 0;
  const load = async (): Promise<LayoutEngine> => {
    loads++;
    return {
      layout: async (input) => {
        inputs.push(input);
        if (inputs.length <= failures) throw new Error('ELK failed');
        return laidOut(input);
      },
    };
  };
  return { load, inputs, loads: () => loads };
}
const noSpot = () => undefined;

describe('the layout service', () => {
  it('lays out with the engine what has no stored layout, from the view’s layout input, loading the engine once', async () => {
    const e = engine();
    const service = createLayoutService({}, e.load, noSpot);
    const v = view();
    expect(service.cached(v)).toBeUndefined();
    const a = await service.positions(v);
    expect(a.hash).toBe(layoutHash(layoutInput(v)));
    expect(e.inputs).toEqual([layoutInput(v)]);
    // Asked again, the same promise's answer; another view loads no second engine.
    expect(await service.positions(v)).toBe(a);
    await service.positions(view('figure:u'));
    expect(e.loads()).toBe(1);
    expect(e.inputs).toHaveLength(2);
    // Not cached for synchronous use: the engine's answer is no stored layout.
    expect(service.cached(v)).toBeUndefined();
  });

  it('does not keep a failed layout: asked again, it tries again', async () => {
    const e = engine(1);
    const service = createLayoutService({}, e.load, noSpot);
    const v = view();
    await expect(service.positions(v)).rejects.toThrow('ELK failed');
    const again = await service.positions(v);
    expect(again.hash).toBe(layoutHash(layoutInput(v)));
    expect(e.inputs).toHaveLength(2);
  });

  it('loads a stored layout per view key on first need, uses it when its hash matches, else lays out', async () => {
    const v = view();
    const stored = laidOut(layoutInput(v), 'stored');
    const asked: string[] = [];
    const e = engine();
    const service = createLayoutService(async (key) => (asked.push(key), key === v.key ? stored : key === 'figure:stale' ? { ...stored, hash: 'stale' } : undefined), e.load, noSpot);
    expect(service.cached(v)).toBeUndefined();
    expect(await service.positions(v)).toBe(stored);
    // Loaded now: answered at once, for this view object and any other of the same key.
    expect(service.cached(v)).toBe(stored);
    expect(service.cached(view())).toBe(stored);
    expect(e.loads()).toBe(0);
    const stale = view('figure:stale');
    const made = await service.positions(stale);
    expect(made.nodes).toHaveProperty('elk');
    expect(service.cached(stale)).toBeUndefined();
    expect(asked).toEqual(['figure:t', 'figure:stale']);
  });

  it('remembers positions computed elsewhere for a key, as long as they fit the view', async () => {
    const e = engine();
    const service = createLayoutService({}, e.load, noSpot);
    const v = view('figure:import-x');
    const own = laidOut(layoutInput(v), 'import');
    service.remember(v.key, own);
    expect(service.cached(v)).toBe(own);
    expect(await service.positions(v)).toBe(own);
    service.remember(v.key, { ...own, hash: 'other' });
    expect(service.cached(v)).toBeUndefined();
    expect(e.loads()).toBe(0);
  });

  it('lays out on the spot what can be, once per view object, before anything stored', async () => {
    const v = view('pair:t', 'pair');
    const spot = laidOut(layoutInput(v), 'spot');
    let calls = 0;
    const e = engine();
    const service = createLayoutService({ [v.key]: laidOut(layoutInput(v), 'stored') }, e.load, (x) => (calls++, x.kind === 'pair' ? spot : undefined));
    expect(service.cached(v)).toBe(spot);
    expect(service.cached(v)).toBe(spot);
    expect(await service.positions(v)).toBe(spot);
    expect(calls).toBe(1);
    // A view the spot does not lay out is asked once too, then found stored.
    const f = view();
    const stored = laidOut(layoutInput(f), 'stored');
    const s2 = createLayoutService({ [f.key]: stored }, e.load, () => (calls++, undefined));
    calls = 0;
    expect(s2.cached(f)).toBe(stored);
    expect(s2.cached(f)).toBe(stored);
    expect(calls).toBe(1);
    expect(e.loads()).toBe(0);
  });
});

describe('the layout service’s portrait drawings', () => {
  const v = view();
  const shape = { row: 300, leavesUp: false };
  const portrait: PortraitLayoutFile = { ...laidOut(portraitLayoutInput(v, shape), 'portrait'), key: portraitKey(v.key), shape };
  const usual = laidOut(layoutInput(v), 'usual');

  it('loads a figure’s portrait file once, even when asked twice at the same time', async () => {
    const asked: string[] = [];
    const service = createLayoutService(async (key) => (asked.push(key), key === portrait.key ? portrait : key === v.key ? usual : undefined), engine().load, noSpot);
    const [a, b] = await Promise.all([service.positions(v, 'portrait'), service.positions(v, 'portrait')]);
    expect(a).toBe(portrait);
    expect(b).toBe(portrait);
    expect(asked).toEqual([portrait.key]);
    expect(service.cached(v, 'portrait')).toBe(portrait);
    expect(service.cached(v)).toBeUndefined();
  });

  it('gives the usual drawing when the portrait file fails to load, or has no shape', async () => {
    for (const load of [async () => Promise.reject(new Error('offline')), async () => ({ ...portrait, shape: undefined })]) {
      const service = createLayoutService(async (key) => (key === v.key ? usual : load()) as Promise<Positions | undefined>, engine().load, noSpot);
      await expect(service.positions(v, 'portrait')).resolves.toBe(usual);
      expect(service.cached(v, 'portrait')).toBe(usual);
    }
  });

  it('answers nothing for a portrait not known yet, and never a portrait for a view that is not a figure', async () => {
    const service = createLayoutService({ [v.key]: usual, [portrait.key]: portrait }, engine().load, noSpot);
    // All at hand but portrait.ts not loaded yet: not known until asked for once.
    expect(service.cached(v, 'portrait')).toBeUndefined();
    expect(await service.positions(v, 'portrait')).toBe(portrait);
    expect(service.cached(v, 'portrait')).toBe(portrait);
    const source = { ...v, kind: 'source' as const };
    expect(service.cached(source, 'portrait')).toBe(usual);
    expect(await service.positions(source, 'portrait')).toBe(usual);
  });
});
