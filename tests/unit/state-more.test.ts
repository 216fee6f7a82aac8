import { createStore } from 'jotai';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import type { Model } from '../../src/model/types.ts';
import { compareAtom, filtersAtom, modelAtom, urlStateAtom } from '../../src/state/atoms.ts';
import { defaultUrlState } from '../../src/state/choices.ts';
import { parseUrl } from '../../src/state/url.ts';
import { threeSources } from '../helpers/three-sources.ts';

let model: Model;
beforeEach(() => {
  model = threeSources();
});

describe('the URL state written back into the atoms', () => {
  it('keeps an equal value as it was (so nothing derived from it is recomputed) and takes a different one', () => {
    const store = createStore();
    store.set(modelAtom, model);
    const filters = { ...NO_FILTERS, species: ['rat' as const] };
    const compare = { left: { type: 'source' as const, id: 'src-a' }, right: { type: 'source' as const, id: 'src-b' }, linked: true };
    store.set(filtersAtom, filters);
    store.set(compareAtom, compare);
    const same = { ...defaultUrlState(model), filters: { ...filters, species: ['rat' as const] }, compare: { ...compare } };
    store.set(urlStateAtom, same);
    expect(store.get(filtersAtom)).toBe(filters);
    expect(store.get(compareAtom)).toBe(compare);
    const other = { ...same, filters: { ...filters, species: ['mouse' as const] } };
    store.set(urlStateAtom, other);
    expect(store.get(filtersAtom)).toBe(other.filters);
    expect(store.get(compareAtom)).toBe(compare);
  });
});

describe('selections in links end at the end of the value', () => {
  it('refuses a selection with a line break in it, in a figure and in compare', () => {
    expect(parseUrl('?select=node:factor%0Ax', model).problems).toEqual([
      'The link\'s selection "node:factor\\u000ax" is not of the form node:<id> or edge:<id>; nothing is selected.',
    ]);
    expect(parseUrl('?view=compare&select=node:factor%0Ax', model).problems).toEqual([
      'The link selects "node:factor\\u000ax", which is not an entity of the comparison; nothing is selected.',
    ]);
    expect(parseUrl('?select=node:factor', model).state.selection).toEqual({ type: 'node', id: 'factor' });
  });
});
