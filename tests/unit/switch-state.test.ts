import { createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { atlasLayoutAtom, atlasSourcesAtom, filtersAtom, modeAtom, modelAtom } from '../../src/state/atoms.ts';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import { shippedModel } from '../helpers/model.ts';

describe('switching in the atlas', () => {
  it('finds the layout of a state it has shown before (a source off and on again, a filter cleared) instead of computing it again', () => {
    const store = createStore();
    store.set(modelAtom, shippedModel());
    store.set(modeAtom, 'atlas');
    store.set(atlasSourcesAtom, ['hbmmsc']);
    const one = store.get(atlasLayoutAtom)!;
    store.set(atlasSourcesAtom, ['hbmmsc', 'hamsc']);
    const two = store.get(atlasLayoutAtom)!;
    expect(two).not.toBe(one);
    expect(two.positions.nodes).not.toEqual(one.positions.nodes);
    store.set(atlasSourcesAtom, ['hbmmsc']);
    expect(store.get(atlasLayoutAtom)).toBe(one);
    store.set(filtersAtom, { ...NO_FILTERS, signs: ['decrease'] });
    const filtered = store.get(atlasLayoutAtom)!;
    expect(filtered).not.toBe(one);
    store.set(filtersAtom, NO_FILTERS);
    expect(store.get(atlasLayoutAtom)).toBe(one);
    // Another figure view and back to the atlas: still the same.
    store.set(modeAtom, 'figure');
    expect(store.get(atlasLayoutAtom)).toBeNull();
    store.set(modeAtom, 'atlas');
    expect(store.get(atlasLayoutAtom)).toBe(one);
  });
});
