/**
 * The shipped data loaded as the views need it (state/data.ts): what a link needs, a figure drawn from its own part
 * exactly as from the whole model, loading on first use, and moves that wait for their data.
 */
import { createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { modelFromPart, splitModel, type FigurePartJson, type ModelLoader } from '../../src/data/model-parts.ts';
import {
  activeSourcesAtom,
  atlasSourcesAtom,
  baseModelAtom,
  currentViewAtom,
  dataCompleteAtom,
  decorationsAtom,
  figureIdAtom,
  filtersAtom,
  loadedAtlasViewAtom,
  modeAtom,
  modelAtom,
  noticeAtom,
  overlayAtom,
  pathQueryAtom,
  pathResultAtom,
  setImportsAtom,
  sharedFactorsAtom,
  sharedKindsAtom,
  figureOverlayAtom,
} from '../../src/state/atoms.ts';
import { NO_FILTERS, type Filters } from '../../src/model/overlay.ts';
import { ENTITY_KINDS, INJURY_MODELS, SETTINGS, SPECIES } from '../../src/model/schema.ts';
import { ATLAS, figureNeed, lacking, linkNeed, loadDataAtom, modelLoaderAtom, navigateAtom } from '../../src/state/data.ts';
import { parseUrl } from '../../src/state/url.ts';
import type { Model } from '../../src/model/types.ts';
import { memoryLoader as memoryLoaderOf } from '../helpers/memory-loader.ts';
import { shippedModel } from '../helpers/model.ts';

const full = shippedModel();
const { parts } = splitModel(full);
const ids = full.figures.map((f) => f.id);
const json = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const memoryLoader = (fail: string[] = []) => memoryLoaderOf(full, fail, 'offline');

function storeWith(model: Model, loader?: ModelLoader) {
  const store = createStore();
  store.set(modelAtom, model);
  store.set(baseModelAtom, model);
  if (loader) store.set(modelLoaderAtom, loader);
  return store;
}

describe('what a link needs', () => {
  it.each([
    ['', { figure: 'fig1' }],
    ['?figure=fig2', { figure: 'fig2' }],
    ['?figure=fig2&select=node:pten&sign=decrease', { figure: 'fig2' }],
    ['?figure=fig42', { figure: 'fig1' }],
    ['?view=bogus&figure=table2', { figure: 'table2' }],
    ['?view=atlas', ATLAS],
    ['?view=compare&left=source:hpmsc&right=source:humsc', ATLAS],
    ['?figure=fig2&overlay=hbmmsc', ATLAS],
    ['?figure=fig2&path=hpmsc:amh', ATLAS],
    ['?figure=import-my-graph-1a2b', ATLAS],
  ])('%s → %o', (search, need) => {
    expect(linkNeed(search, ids)).toEqual(need);
  });

  it('a figure needs its part; a user’s graph, whose nodes are the atlas’s entities, the whole', () => {
    expect(figureNeed('fig3')).toEqual({ figure: 'fig3' });
    expect(figureNeed('import-x-1')).toEqual(ATLAS);
  });

  it('parses each link’s view the same from the data it needs as from the whole model', () => {
    for (const search of ['', '?figure=fig2&select=node:pten', '?figure=table2&sign=decrease&species=rat', '?figure=fig42', '?figure=fig7&select=edge:nope']) {
      const need = linkNeed(search, ids);
      const model = modelFromPart(json(parts.get(need.figure!)!) as FigurePartJson);
      expect(parseUrl(search, model)).toEqual(parseUrl(search, full));
    }
  });

  it('says what a model lacks', () => {
    const model = modelFromPart(json(parts.get('fig1')!) as FigurePartJson);
    expect(lacking(model, { figure: 'fig1' })).toBeNull();
    expect(lacking(model, { figure: 'fig2' })).toEqual({ figure: 'fig2' });
    expect(lacking(model, ATLAS)).toEqual(ATLAS);
    expect(lacking(full, ATLAS)).toBeNull();
    expect(lacking(full, { figure: 'fig2' })).toBeNull();
  });
});

describe('a figure drawn from its own part', () => {
  it.each(ids)('%s: the same view, overlay, look, paths and shared factors as from the whole model', (id) => {
    const fromPart = storeWith(modelFromPart(json(parts.get(id)!) as FigurePartJson));
    const fromAll = storeWith(full);
    for (const s of [fromPart, fromAll]) s.set(figureIdAtom, id);
    expect(fromPart.get(dataCompleteAtom)).toBe(false);
    expect(fromPart.get(loadedAtlasViewAtom)).toBeNull();
    expect(fromPart.get(currentViewAtom)).toEqual(fromAll.get(currentViewAtom));
    const on = (s: typeof fromAll) => [...s.get(overlayAtom).nodes, ...s.get(overlayAtom).edges].map(([k, o]) => [k, o.on]);
    expect(on(fromPart)).toEqual(on(fromAll));
    expect(fromPart.get(decorationsAtom)).toEqual(fromAll.get(decorationsAtom));
    // With the user's filters too (a figure link may carry them).
    for (const s of [fromPart, fromAll]) s.set(filtersAtom, { signs: ['decrease'], species: ['rat'], settings: [], injuries: [], cellFree: false });
    expect(on(fromPart)).toEqual(on(fromAll));
    expect(fromPart.get(decorationsAtom)).toEqual(fromAll.get(decorationsAtom));
    const from = fromAll.get(activeSourcesAtom)[0]!;
    const to = fromAll.get(currentViewAtom).nodes.at(-1)!.id;
    for (const s of [fromPart, fromAll]) s.set(pathQueryAtom, { from, to });
    expect(fromPart.get(pathResultAtom)).toEqual(fromAll.get(pathResultAtom));
    // One source shares nothing, whatever the other figures say; several read what the figure's data carries about
    // every figure's statements on its entities (below).
    expect(fromPart.get(sharedFactorsAtom)).toEqual(fromAll.get(sharedFactorsAtom));
  });
});

describe('a figure about several sources, from its own part', () => {
  const several = full.figures.filter((f) => f.sources.length >= 2).map((f) => f.id);
  const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });
  // Every filter value alone, a few together, and the cell-free lens.
  const FILTER_SETS: Filters[] = [
    NO_FILTERS,
    ...(['increase', 'decrease'] as const).map((sign) => filters({ signs: [sign] })),
    ...SPECIES.map((species) => filters({ species: [species] })),
    ...SETTINGS.map((setting) => filters({ settings: [setting] })),
    ...INJURY_MODELS.map((injury) => filters({ injuries: [injury] })),
    filters({ cellFree: true }),
    filters({ species: ['rat'], settings: ['in-vivo'], signs: ['decrease'] }),
    filters({ species: ['human'], cellFree: true }),
  ];

  it('is Fig. 7 and Other', () => {
    expect(several).toEqual(['other', 'fig7']);
  });

  it.each(several)('%s: lists what its sources share, and draws it, as the whole model does, under every filter and kind', (id) => {
    const fromPart = storeWith(modelFromPart(json(parts.get(id)!) as FigurePartJson));
    const fromAll = storeWith(full);
    for (const s of [fromPart, fromAll]) s.set(figureIdAtom, id);
    let listed = 0;
    for (const f of FILTER_SETS) {
      for (const s of [fromPart, fromAll]) s.set(filtersAtom, f);
      // Which sources act on each entity and edge, not only what is shown.
      expect(fromPart.get(overlayAtom), JSON.stringify(f)).toEqual(fromAll.get(overlayAtom));
      expect(fromPart.get(decorationsAtom)).toEqual(fromAll.get(decorationsAtom));
      for (const kinds of [[], ...ENTITY_KINDS.map((k) => [k])]) {
        for (const s of [fromPart, fromAll]) s.set(sharedKindsAtom, kinds);
        const shared = fromAll.get(sharedFactorsAtom)!;
        expect(fromPart.get(sharedFactorsAtom), `${JSON.stringify(f)} ${kinds}`).toEqual(shared);
        listed += shared.length;
      }
      for (const s of [fromPart, fromAll]) s.set(sharedKindsAtom, []);
    }
    // (Not empty lists compared: Fig. 7's sources share factors under most of these filters.)
    if (id === 'fig7') expect(listed).toBeGreaterThan(20);
    expect(fromPart.get(dataCompleteAtom)).toBe(false);
  });

  it('needs the whole model once another source is overlaid', () => {
    const store = storeWith(modelFromPart(json(parts.get('other')!) as FigurePartJson));
    store.set(figureIdAtom, 'other');
    expect(store.get(sharedFactorsAtom)).toEqual([]);
    store.set(figureOverlayAtom, ['hbmmsc']);
    expect(store.get(sharedFactorsAtom)).toBeNull();
  });

  it('a figure about one source needs the whole model once one other source is overlaid', () => {
    const store = storeWith(modelFromPart(json(parts.get('fig2')!) as FigurePartJson));
    store.set(figureIdAtom, 'fig2');
    expect(store.get(activeSourcesAtom)).toHaveLength(1);
    expect(store.get(sharedFactorsAtom)).toEqual([]);
    store.set(figureOverlayAtom, ['hbmmsc']);
    expect(store.get(activeSourcesAtom)).toHaveLength(2);
    expect(store.get(sharedFactorsAtom)).toBeNull();
  });

  it('in the atlas, waits for the whole model even with only the figure\'s own sources chosen', () => {
    const store = storeWith(modelFromPart(json(parts.get('fig7')!) as FigurePartJson));
    store.set(figureIdAtom, 'fig7');
    const own = full.figures.find((f) => f.id === 'fig7')!.sources;
    // On the figure, its part carries what its sources share.
    expect(store.get(sharedFactorsAtom)!.length).toBeGreaterThan(0);
    store.set(modeAtom, 'atlas');
    store.set(atlasSourcesAtom, [...own]);
    expect([...store.get(activeSourcesAtom)].sort()).toEqual([...own].sort());
    expect(store.get(sharedFactorsAtom)).toBeNull();
  });

  it('keeps its view and look, the same objects, when the whole model arrives: nothing on screen changes', async () => {
    const { loader, asked } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig7')!) as FigurePartJson), loader);
    store.set(figureIdAtom, 'fig7');
    const [view, look, shared] = [store.get(currentViewAtom), store.get(decorationsAtom), store.get(sharedFactorsAtom)];
    await store.set(loadDataAtom, ATLAS);
    expect(asked).toEqual(['atlas']);
    expect(store.get(dataCompleteAtom)).toBe(true);
    expect(store.get(currentViewAtom)).toBe(view);
    expect(store.get(decorationsAtom)).toBe(look);
    expect(store.get(sharedFactorsAtom)).toEqual(shared);
    // What does change the drawing still does.
    store.set(figureOverlayAtom, ['hbmmsc']);
    expect(store.get(decorationsAtom)).not.toBe(look);
    expect(store.get(decorationsAtom)).not.toEqual(look);
  });
});

describe('loading on first use', () => {
  it('loads a figure’s part once, however often it is asked for, and the atlas into the same model', async () => {
    const { loader, asked } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), loader);
    expect(store.set(loadDataAtom, { figure: 'fig1' })).toBeUndefined();
    const a = store.set(loadDataAtom, { figure: 'fig2' });
    const b = store.set(loadDataAtom, { figure: 'fig2' });
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    expect(asked).toEqual(['fig2']);
    expect(store.get(modelAtom)!.pending!.has('fig2')).toBe(false);
    expect(store.get(baseModelAtom)).toBe(store.get(modelAtom));
    expect(store.set(loadDataAtom, { figure: 'fig2' })).toBeUndefined();
    expect(await store.set(loadDataAtom, ATLAS)).toBe(true);
    expect(asked).toEqual(['fig2', 'atlas']);
    expect(store.get(dataCompleteAtom)).toBe(true);
    expect(store.get(loadedAtlasViewAtom)!.nodes.length).toBeGreaterThan(200);
    expect(store.set(loadDataAtom, { figure: 'fig3' })).toBeUndefined();
  });

  it('keeps the user’s graphs when the atlas arrives', async () => {
    const { loader } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), loader);
    const figure = { ...full.figures[0]!, id: 'import-mine-1' };
    store.set(setImportsAtom, [{ key: 'import-mine-1', name: 'Mine', file: 'mine.json', figure, entities: [], references: [], stats: { nodes: 1, edges: 1, matched: 1 }, importedAt: '2026-01-01' } as never]);
    await store.set(loadDataAtom, ATLAS);
    expect(store.get(modelAtom)!.figures.map((f) => f.id)).toEqual([...ids, 'import-mine-1']);
    expect(store.get(baseModelAtom)!.figures.map((f) => f.id)).toEqual(ids);
  });

  it('two asks for the same data while it loads make one model, with the user’s graphs too', async () => {
    const { loader, asked } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), loader);
    const figure = { ...full.figures[0]!, id: 'import-mine-1' };
    store.set(setImportsAtom, [{ key: 'import-mine-1', name: 'Mine', file: 'mine.json', figure, entities: [], references: [], stats: { nodes: 1, edges: 1, matched: 1 }, importedAt: '2026-01-01' } as never]);
    const models: unknown[] = [];
    store.sub(modelAtom, () => models.push(store.get(modelAtom)));
    // (A click and the link's own load, say, both asking for the atlas.)
    expect(await Promise.all([store.set(loadDataAtom, ATLAS), store.set(loadDataAtom, ATLAS)])).toEqual([true, true]);
    expect(asked).toEqual(['atlas']);
    // The second ask found the data there: the model was made once, and is the one drawn.
    expect(models).toHaveLength(1);
    expect(store.get(modelAtom)).toBe(models[0]);
    expect(store.get(dataCompleteAtom)).toBe(true);
  });

  it('a failed load changes nothing and says what could not be loaded; asking again tries again', async () => {
    const { loader, asked } = memoryLoader(['fig2']);
    const start = modelFromPart(json(parts.get('fig1')!) as FigurePartJson);
    const store = storeWith(start, loader);
    expect(await store.set(loadDataAtom, { figure: 'fig2' })).toBe(false);
    expect(store.get(modelAtom)).toBe(start);
    expect(store.get(noticeAtom)).toBe('Could not load the data of fig2 (offline); the view is unchanged. Check the connection and try again.');
    expect(await store.set(loadDataAtom, { figure: 'fig2' })).toBe(false);
    expect(asked).toEqual(['fig2', 'fig2']);
  });

  it('refuses to load without a loader', async () => {
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson));
    await expect(store.set(loadDataAtom, ATLAS)).rejects.toThrow(/no loader/);
  });
});

describe('moves that wait for their data', () => {
  it('moves at once when the data is there', () => {
    const store = storeWith(full);
    expect(store.set(navigateAtom, { figure: 'fig3' }, (set) => set(figureIdAtom, 'fig3'))).toBeUndefined();
    expect(store.get(figureIdAtom)).toBe('fig3');
  });

  it('moves once the data is loaded, the figure on screen staying until then', async () => {
    const { loader } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), loader);
    const moving = store.set(navigateAtom, { figure: 'fig3' }, (set) => set(figureIdAtom, 'fig3'));
    expect(store.get(currentViewAtom).key).toBe('figure:fig1');
    await moving;
    const whole = storeWith(full);
    whole.set(figureIdAtom, 'fig3');
    expect(store.get(currentViewAtom)).toEqual(whole.get(currentViewAtom));
  });

  it('the last move wins when an earlier one’s data arrives later', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const { loader } = memoryLoader();
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), {
      ...loader,
      figure: async (id) => {
        if (id === 'fig2') await slow;
        return loader.figure(id);
      },
    });
    const first = store.set(navigateAtom, { figure: 'fig2' }, (set) => set(figureIdAtom, 'fig2'));
    await store.set(navigateAtom, { figure: 'fig3' }, (set) => set(figureIdAtom, 'fig3'));
    release();
    await first;
    expect(store.get(figureIdAtom)).toBe('fig3');
    // Its data is kept for later, though.
    expect(store.get(modelAtom)!.pending!.has('fig2')).toBe(false);
  });

  it('does not move when the data cannot be loaded', async () => {
    const { loader } = memoryLoader(['atlas']);
    const store = storeWith(modelFromPart(json(parts.get('fig1')!) as FigurePartJson), loader);
    await store.set(navigateAtom, ATLAS, (set) => set(modeAtom, 'atlas'));
    expect(store.get(modeAtom)).toBe('figure');
    expect(store.get(noticeAtom)).toMatch(/^Could not load the atlas data/);
  });
});
