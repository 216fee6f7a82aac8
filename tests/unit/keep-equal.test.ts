/** Derived values that keep their identity while their content stays the same (src/state/keep-equal.ts). */
import { atom, createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { keepEqual, sameData } from '../../src/state/keep-equal.ts';

describe('sameData', () => {
  it.each([
    [1, 1],
    ['a', 'a'],
    [NaN, NaN],
    [null, null],
    [undefined, undefined],
    [[1, [2, { a: 3 }]], [1, [2, { a: 3 }]]],
    [{ a: 1, b: [true] }, { b: [true], a: 1 }],
    [new Map([['x', { on: true, sources: ['a'] }]]), new Map([['x', { on: true, sources: ['a'] }]])],
    [new Set(['a', 'b']), new Set(['a', 'b'])],
    [{ nested: new Map([[1, new Set([2])]]) }, { nested: new Map([[1, new Set([2])]]) }],
  ])('%o and %o are the same', (a, b) => {
    expect(sameData(a, b)).toBe(true);
    expect(sameData(b, a)).toBe(true);
  });

  it.each([
    [1, 2],
    [1, '1'],
    [0, -0],
    [null, undefined],
    [null, {}],
    [{}, null],
    [[1, 2], [1, 2, 3]],
    [[1, 2, 3], [1, 2]],
    [[1, 2], [2, 1]],
    [[1], { 0: 1, length: 1 }],
    [{ a: 1 }, { a: 1, b: undefined }],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }],
    [{ a: { b: [1] } }, { a: { b: [2] } }],
    [new Map([['x', 1]]), new Map([['x', 2]])],
    [new Map([['x', 1]]), new Map([['y', 1]])],
    [new Map([['x', 1]]), new Map([['x', 1], ['y', 2]])],
    // The same entries in another order are another drawing order.
    [new Map([['x', 1], ['y', 2]]), new Map([['y', 2], ['x', 1]])],
    [new Set(['a']), new Set(['b'])],
    [new Set(['a']), new Map([['a', 'a']])],
    [new Set(['a']), ['a']],
    [new Date(0), new Date(1)],
  ])('%o and %o differ', (a, b) => {
    expect(sameData(a, b)).toBe(false);
    expect(sameData(b, a)).toBe(false);
  });

  it('compares objects other than arrays, Maps, Sets and plain objects by identity', () => {
    const d = new Date(0);
    expect(sameData({ d }, { d })).toBe(true);
    expect(sameData(new Date(0), new Date(0))).toBe(false);
    expect(sameData(Object.create(null) as object, Object.create(null) as object)).toBe(true);
  });

  it('compares functions by identity', () => {
    const f = () => 1;
    expect(sameData({ f }, { f })).toBe(true);
    expect(sameData({ f }, { f: () => 1 })).toBe(false);
  });
});

describe('keepEqual', () => {
  it('keeps the object it gave while the content read is the same, and gives the new one when it differs', () => {
    const input = atom<{ ids: string[]; n: number }>({ ids: ['a'], n: 1 });
    let reads = 0;
    const derived = keepEqual((get) => {
      reads++;
      const { ids, n } = get(input);
      return { ids: [...ids], look: new Map(ids.map((id) => [id, { n }])) };
    });
    const store = createStore();
    const first = store.get(derived);
    expect(first).toEqual({ ids: ['a'], look: new Map([['a', { n: 1 }]]) });
    // New input objects, the same content: the same output object.
    store.set(input, { ids: ['a'], n: 1 });
    expect(store.get(derived)).toBe(first);
    expect(reads).toBe(2);
    store.set(input, { ids: ['a'], n: 2 });
    const second = store.get(derived);
    expect(second).not.toBe(first);
    expect(second.look.get('a')).toEqual({ n: 2 });
    store.set(input, { ids: ['a', 'b'], n: 2 });
    expect(store.get(derived).ids).toEqual(['a', 'b']);
  });

  it('tells subscribers of nothing when nothing changed', () => {
    const input = atom({ n: 1 });
    const derived = keepEqual((get) => ({ ...get(input) }));
    const store = createStore();
    let told = 0;
    store.sub(derived, () => told++);
    store.set(input, { n: 1 });
    expect(told).toBe(0);
    store.set(input, { n: 3 });
    expect(told).toBe(1);
  });

  it('keeps a value per store', () => {
    const input = atom({ n: 1 });
    const derived = keepEqual((get) => ({ ...get(input) }));
    const [a, b] = [createStore(), createStore()];
    b.set(input, { n: 2 });
    expect(a.get(derived)).toEqual({ n: 1 });
    expect(b.get(derived)).toEqual({ n: 2 });
  });
});
