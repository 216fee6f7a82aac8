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
  it('works out a view’s layout input once per view object, however often it is asked', async () => {
    const v = view();
    let reads = 0;
    const nodes = v.nodes;
    const counted = Object.defineProperty({ ...v }, 'nodes', { get: () => (reads++, nodes), enumerable: true }) as GraphView;
    const stored = laidOut(layoutInput(v), 'stored');
    const service = createLayoutService({ [v.key]: stored }, engine().load, noSpot);
    expect(service.cached(counted)).toBe(stored);
    const once = reads;
    expect(once).toBeGreaterThan(0);
    expect(service.cached(counted)).toBe(stored);
    expect(await service.positions(counted)).toBe(stored);
    expect(reads).toBe(once);
  });

  it('keeps nothing of a loader function as a stored layout: every key is asked of the loader', async () => {
    // A loader that carries a property of the same name as a key: it is a loader, not a table of layouts.
    const v = view();
    const stored = laidOut(layoutInput(v), 'stored');
    const loader = Object.assign(async () => undefined, { [v.key]: stored });
    const service = createLayoutService(loader, engine().load, noSpot);
    expect(service.cached(v)).toBeUndefined();
    expect((await service.positions(v)).nodes).toHaveProperty('elk');
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

  it('checks a figure’s portrait file once per view object', async () => {
    const service = createLayoutService({ [v.key]: usual, [portrait.key]: portrait }, engine().load, noSpot);
    let reads = 0;
    const counted = Object.defineProperty({ ...v }, 'nodes', { get: () => (reads++, v.nodes), enumerable: true }) as GraphView;
    expect(await service.positions(counted, 'portrait')).toBe(portrait);
    const once = reads;
    expect(service.cached(counted, 'portrait')).toBe(portrait);
    expect(await service.positions(counted, 'portrait')).toBe(portrait);
    expect(reads).toBe(once);
  });

  it('gives the usual drawing when the portrait file is stale (made for another version of the figure) or missing', async () => {
    const stale = { ...portrait, hash: 'stale' };
    for (const stored of [stale, undefined]) {
      const service = createLayoutService(async (key) => (key === v.key ? usual : stored), engine().load, noSpot);
      await expect(service.positions(v, 'portrait')).resolves.toBe(usual);
      expect(service.cached(v, 'portrait')).toBe(usual);
    }
  });

  it('answers nothing yet for another figure’s portrait until its own file is loaded, then gives it', async () => {
    const w = { ...view('figure:u'), nodes: [vnode('s', 'msc-source'), vnode('f', 'secreted-factor'), vnode('o', 'ovarian-outcome')] } as GraphView;
    const other: PortraitLayoutFile = { ...laidOut(portraitLayoutInput(w, shape), 'other'), key: portraitKey(w.key), shape };
    const files: Record<string, Positions> = { [v.key]: usual, [portrait.key]: portrait, [w.key]: laidOut(layoutInput(w), 'usual'), [other.key]: other };
    const service = createLayoutService(async (key) => files[key], engine().load, noSpot);
    expect(await service.positions(v, 'portrait')).toBe(portrait);
    await service.positions(w);
    // The portrait module is loaded now, and w's usual drawing is at hand, but not w's portrait file.
    expect(service.cached(w, 'portrait')).toBeUndefined();
    expect(await service.positions(w, 'portrait')).toBe(other);
    expect(service.cached(w, 'portrait')).toBe(other);
  });

  it('asks for no portrait file it already holds, nor for a view that is not a figure', async () => {
    const asked: string[] = [];
    const service = createLayoutService(async (key) => (asked.push(key), key === v.key ? usual : undefined), engine().load, noSpot);
    service.remember(portrait.key, portrait);
    expect(await service.positions(v, 'portrait')).toBe(portrait);
    expect(asked).not.toContain(portrait.key);
    const source = { ...v, key: 'source:t', kind: 'source' as const };
    expect((await service.positions(source, 'portrait')).nodes).toHaveProperty('elk');
    expect(asked).toEqual(['source:t']);
  });
});
