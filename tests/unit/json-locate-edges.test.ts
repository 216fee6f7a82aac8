/**
 * locateValues on text that is not whole JSON (a stray file in graphs/ is located too, for its message), and at
 * the edge of the recorded depth.
 */
import { describe, expect, it } from 'vitest';
import { locateValues, MAX_LOCATED_DEPTH } from '../../src/model/json-locate.ts';

describe('text that is not whole JSON (a stray file in graphs/ is located too)', () => {
  it('stops at the end of a text cut off inside a string, a number or a nested value, keeping the places before', () => {
    const cutString = locateValues('{"a": 1, "b": "no end');
    expect([...cutString]).toEqual([['$', 0], ['$.a', 6], ['$.b', 14]]);
    const cutNumber = locateValues('[10, 20');
    expect([...cutNumber]).toEqual([['$', 0], ['$[0]', 1], ['$[1]', 5]]);
    expect([...locateValues('7')]).toEqual([['$', 0]]);
    const deep = `{"x": 1, "deep": ${'['.repeat(MAX_LOCATED_DEPTH + 5)}1, 2`;
    const index = locateValues(deep);
    expect(index.get('$.x')).toBe(6);
    expect(index.size).toBe(2 + MAX_LOCATED_DEPTH);
  });
});

describe('values just at and past the recorded depth', () => {
  const deepest = `$.deep${'[0]'.repeat(MAX_LOCATED_DEPTH - 1)}`;

  it('records the numbers and strings of the deepest recorded array, and the values after it', () => {
    // The innermost array sits at the last recorded depth; its items (a number, a string) are recorded, not skipped.
    const text = `{"deep": ${'['.repeat(MAX_LOCATED_DEPTH - 1)}1234, "x"${']'.repeat(MAX_LOCATED_DEPTH - 1)}, "after": 5}`;
    const index = locateValues(text);
    expect(index.get(`${deepest.slice(0, -3)}[0]`)).toBe(text.indexOf('1234'));
    expect(index.get(`${deepest.slice(0, -3)}[1]`)).toBe(text.indexOf('"x"'));
    expect(index.get('$.after')).toBe(text.indexOf('5}'));
  });

  it('skips a bracket inside a string of a skipped value as text, not as the end of the value', () => {
    const text = `{"deep": ${'['.repeat(MAX_LOCATED_DEPTH + 2)}"]]", "[", 1${']'.repeat(MAX_LOCATED_DEPTH + 2)}, "after": {"y": 2}}`;
    const index = locateValues(text);
    expect(index.has(deepest)).toBe(true);
    expect(index.has(`${deepest}[0]`)).toBe(false);
    expect(index.get('$.after')).toBe(text.indexOf('{"y"'));
    expect(index.get('$.after.y')).toBe(text.indexOf('2}}'));
  });
});
