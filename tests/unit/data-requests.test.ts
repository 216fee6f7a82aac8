/**
 * The requests behind the data loaded on first use (state/data.ts), and the defaults the choices start from
 * (state/choices.ts): one request per part however many ask at once, one per part and not one for all, a second
 * arrival of the same data changing nothing, a loader shared by two models, and the messages of a failed load.
 */
import { createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { modelFromPart, splitModel, type FigurePartJson, type ModelLoader } from '../../src/data/model-parts.ts';
import { baseModelAtom, modelAtom, noticeAtom, setImportsAtom } from '../../src/state/atoms.ts';
import { defaultCompare, defaultUrlState } from '../../src/state/choices.ts';
import { ATLAS, loadDataAtom, modelLoaderAtom, navigateAtom } from '../../src/state/data.ts';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import type { Model } from '../../src/model/types.ts';
import { memoryLoader } from '../helpers/memory-loader.ts';
import { shippedModel } from '../helpers/model.ts';

const full = shippedModel();
const { parts } = splitModel(full);
const json = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fig1Part = () => modelFromPart(json(parts.get('fig1')!) as FigurePartJson);

function storeWith(model: Model, loader?: ModelLoader, { base = true } = {}) {
  const store = createStore();
  store.set(modelAtom, model);
  if (base) store.set(baseModelAtom, model);
  if (loader) store.set(modelLoaderAtom, loader);
  return store;
}

/** A user's graph, so that the model with imports is a new object whenever it is rebuilt. */
function withAnImport(store: ReturnType<typeof createStore>) {
  const figure = { ...full.figures[0]!, id: 'import-mine-1' };
  store.set(setImportsAtom, [{ key: 'import-mine-1', name: 'Mine', file: 'mine.json', figure, entities: [], references: [], stats: { nodes: 1, edges: 1, matched: 1 }, importedAt: '2026-01-01' } as never]);
}

describe('requests for data', () => {
  it('asks once per part: two figures asked at once are two requests, and each gets its own data', async () => {
    const { loader, asked } = memoryLoader(full);
    const store = storeWith(fig1Part(), loader);
    const two = store.set(loadDataAtom, { figure: 'fig2' });
    const three = store.set(loadDataAtom, { figure: 'fig3' });
    expect(await Promise.all([two, three])).toEqual([true, true]);
    expect(asked).toEqual(['fig2', 'fig3']);
    const pending = store.get(modelAtom)!.pending!;
    expect(pending.has('fig2') || pending.has('fig3')).toBe(false);
    expect(store.get(modelAtom)!.figures.find((f) => f.id === 'fig3')).toEqual(full.figures.find((f) => f.id === 'fig3'));
  });

  it('asks for the atlas and a figure at once as two requests', async () => {
    const { loader, asked } = memoryLoader(full);
    const store = storeWith(fig1Part(), loader);
    const figure = store.set(loadDataAtom, { figure: 'fig2' });
    const atlas = store.set(loadDataAtom, ATLAS);
    expect(await Promise.all([figure, atlas])).toEqual([true, true]);
    expect(asked).toEqual(['fig2', 'atlas']);
    expect(store.get(modelAtom)!.pending).toBeUndefined();
  });

  it('a second arrival of data the model already has changes nothing, the user’s graphs included', async () => {
    const { loader } = memoryLoader(full);
    const store = storeWith(fig1Part(), loader);
    withAnImport(store);
    const first = store.set(loadDataAtom, { figure: 'fig2' });
    const again = store.set(loadDataAtom, { figure: 'fig2' });
    expect(await first).toBe(true);
    const model = store.get(modelAtom);
    const base = store.get(baseModelAtom);
    expect(await again).toBe(true);
    expect(store.get(modelAtom)).toBe(model);
    expect(store.get(baseModelAtom)).toBe(base);
    expect(model!.figures.map((f) => f.id)).toContain('import-mine-1');
  });

  it('forgets a request once it has succeeded: a loader shared by two models serves each its own', async () => {
    const { loader, asked } = memoryLoader(full);
    const one = storeWith(fig1Part(), loader);
    expect(await one.set(loadDataAtom, { figure: 'fig2' })).toBe(true);
    const other = storeWith(fig1Part(), loader);
    expect(await other.set(loadDataAtom, { figure: 'fig2' })).toBe(true);
    expect(asked).toEqual(['fig2', 'fig2']);
    expect(other.get(modelAtom)!.pending!.has('fig2')).toBe(false);
  });

  it('merges into the model on screen when no review model was kept apart', async () => {
    const { loader } = memoryLoader(full);
    const store = storeWith(fig1Part(), loader, { base: false });
    expect(store.get(baseModelAtom)).toBeNull();
    expect(await store.set(loadDataAtom, { figure: 'fig2' })).toBe(true);
    expect(store.get(modelAtom)!.pending!.has('fig2')).toBe(false);
    expect(store.get(baseModelAtom)).toBe(store.get(modelAtom));
  });

  it('names what failed, whatever the loader threw', async () => {
    const refusing: ModelLoader = { figure: () => Promise.reject('timed out'), atlas: () => Promise.reject(new TypeError('Failed to fetch')) };
    const store = storeWith(fig1Part(), refusing);
    expect(await store.set(loadDataAtom, { figure: 'fig5' })).toBe(false);
    expect(store.get(noticeAtom)).toBe('Could not load the data of fig5 (timed out); the view is unchanged. Check the connection and try again.');
    expect(await store.set(loadDataAtom, ATLAS)).toBe(false);
    expect(store.get(noticeAtom)).toBe('Could not load the atlas data (Failed to fetch); the view is unchanged. Check the connection and try again.');
  });

  it('a move whose data is there happens at once, before anything is awaited', () => {
    const store = storeWith(fig1Part(), memoryLoader(full).loader);
    let moved = 0;
    expect(store.set(navigateAtom, { figure: 'fig1' }, () => moved++)).toBeUndefined();
    expect(moved).toBe(1);
  });
});

describe('the choices a view starts from', () => {
  it('the default state: the first figure, nothing chosen, no filter', () => {
    expect(defaultUrlState(full)).toEqual({
      mode: 'figure',
      figure: full.figures[0]!.id,
      selection: null,
      atlasSources: null,
      overlay: [],
      filters: NO_FILTERS,
      kinds: [],
      path: null,
      chain: null,
      compare: null,
    });
  });

  it('the default comparison: the first two sources, linked; a model with one source compares it with itself', () => {
    expect(defaultCompare(full)).toEqual({ left: { type: 'source', id: 'hbmmsc' }, right: { type: 'source', id: 'hpmsc' }, linked: true });
    const one: Model = { ...full, sourceOrder: ['hpmsc'] };
    expect(defaultCompare(one)).toEqual({ left: { type: 'source', id: 'hpmsc' }, right: { type: 'source', id: 'hpmsc' }, linked: true });
  });
});
