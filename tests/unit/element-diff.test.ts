import { describe, expect, it } from 'vitest';
import { differs } from '../../src/graph-view/element-diff.ts';

describe('the canvas props diff (react-cytoscapejs)', () => {
  it('compares arrays, such as the elements and the stylesheet, by reference', () => {
    const elements = [{ data: { id: 'a' } }];
    expect(differs(elements, elements)).toBe(false);
    expect(differs(elements, [{ data: { id: 'a' } }])).toBe(true);
    expect(differs([], [])).toBe(true);
  });

  it('compares an element’s data and position by value', () => {
    expect(differs({ id: 'a', w: 40, sources: 'hpmsc humsc' }, { id: 'a', w: 40, sources: 'hpmsc humsc' })).toBe(false);
    expect(differs({ x: 1, y: 2 }, { x: 1, y: 2 })).toBe(false);
    expect(differs({ x: 1, y: 2 }, { x: 1, y: 3 })).toBe(true);
    expect(differs({ id: 'a', w: 40 }, { id: 'a', w: 41 })).toBe(true);
    expect(differs({ id: 'a', sources: 'hpmsc' }, { id: 'a', sources: 'humsc' })).toBe(true);
    expect(differs({ id: 'a', bent: false }, { id: 'a', bent: true })).toBe(true);
  });

  it('counts a key the new object adds or renames as a change, not one only the last had', () => {
    expect(differs({ id: 'a', w: 1 }, { id: 'a' })).toBe(true);
    expect(differs({ id: 'a', w: 1 }, { id: 'a', h: 1 })).toBe(true);
    expect(differs({ id: 'a', w: undefined }, { id: 'a' })).toBe(true);
    // The last definition's data is the element's data in Cytoscape, with the overlay's keys: setting the new data
    // would leave them as they are.
    expect(differs({ id: 'a' }, { id: 'a', sourceColour: '#117733' })).toBe(false);
  });

  it('compares arrays inside data by their items', () => {
    expect(differs({ d: [1, 2] }, { d: [1, 2] })).toBe(false);
    expect(differs({ d: [1, 2] }, { d: [1, 3] })).toBe(true);
    expect(differs({ d: [1, 2] }, { d: [1, 2, 3] })).toBe(true);
    expect(differs({ d: [1] }, { d: 1 })).toBe(true);
  });

  it('compares nested objects by reference (one level deep only)', () => {
    const inner = { x: 1 };
    expect(differs({ p: inner }, { p: inner })).toBe(false);
    expect(differs({ p: { x: 1 } }, { p: { x: 1 } })).toBe(true);
  });

  it('treats missing values alike and anything else by identity', () => {
    expect(differs(undefined, null)).toBe(false);
    expect(differs(undefined, undefined)).toBe(false);
    expect(differs(undefined, {})).toBe(true);
    expect(differs({}, null)).toBe(true);
    expect(differs(0.5, 0.5)).toBe(false);
    expect(differs(0.5, 1)).toBe(true);
    expect(differs('a', 'a')).toBe(false);
    // A class instance (a Cytoscape collection, a Map) is not a plain object: by reference.
    expect(differs(new Map(), new Map())).toBe(true);
  });
});
