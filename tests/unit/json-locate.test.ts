import { describe, expect, it } from 'vitest';
import { formatPath, locate, locateValues, offsetToPosition, MAX_LOCATED_DEPTH } from '../../src/model/json-locate.ts';

describe('places in a JSON file, for messages that point where an editor shows the problem', () => {
  it('writes paths as JSONPath: dots for plain keys, brackets for indices and other keys', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['edges', 3, 'refs', 0])).toBe('$.edges[3].refs[0]');
    expect(formatPath(['_a$1'])).toBe('$._a$1');
    expect(formatPath(['$x'])).toBe('$.$x');
    expect(formatPath(['1a'])).toBe('$["1a"]');
    expect(formatPath(['a-b'])).toBe('$["a-b"]');
    expect(formatPath(['a b'])).toBe('$["a b"]');
    expect(formatPath(['x.'])).toBe('$["x."]');
    expect(formatPath(['"q"'])).toBe('$["\\"q\\""]');
    expect(formatPath([''])).toBe('$[""]');
  });

  it('turns an offset into a 1-based line and column, counting only line feeds', () => {
    const text = 'ab\ncd\r\nef';
    expect(offsetToPosition(text, 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToPosition(text, 1)).toEqual({ line: 1, column: 2 });
    expect(offsetToPosition(text, 2)).toEqual({ line: 1, column: 3 });
    expect(offsetToPosition(text, 3)).toEqual({ line: 2, column: 1 });
    expect(offsetToPosition(text, 7)).toEqual({ line: 3, column: 1 });
    expect(offsetToPosition(text, 8)).toEqual({ line: 3, column: 2 });
    // Offsets past the end do not count lines that are not there.
    expect(offsetToPosition('a\n', 10)).toEqual({ line: 2, column: 9 });
  });

  it('records where every value starts, in objects, arrays, strings with escapes, numbers and literals', () => {
    const text = '{ "a" : [1, -2.5e+3, "x\\"]y", true, null],\n  "b c": { "d": {}, "e": [] }, "f": "}" }';
    const at = locateValues(text);
    const where = (p: string) => text.slice(at.get(p)!);
    expect(at.get('$')).toBe(0);
    expect(where('$.a')).toMatch(/^\[1,/);
    expect(where('$.a[0]')).toMatch(/^1,/);
    expect(where('$.a[1]')).toMatch(/^-2\.5e\+3,/);
    expect(where('$.a[2]')).toMatch(/^"x\\"\]y"/);
    expect(where('$.a[3]')).toMatch(/^true,/);
    expect(where('$.a[4]')).toMatch(/^null\]/);
    expect(where('$["b c"]')).toMatch(/^\{ "d"/);
    expect(where('$["b c"].d')).toMatch(/^\{\}, "e"/);
    expect(where('$["b c"].e')).toMatch(/^\[\] \}/);
    expect(where('$.f')).toMatch(/^"\}" \}$/);
    expect([...at.keys()].sort()).toEqual(
      ['$', '$.a', '$.a[0]', '$.a[1]', '$.a[2]', '$.a[3]', '$.a[4]', '$["b c"]', '$["b c"].d', '$["b c"].e', '$.f'].sort(),
    );
  });

  it('handles whitespace of every kind between tokens and values after empty containers', () => {
    const text = '[\t{}\r\n,\n[ ]\n, { "k"\n:\n7 } ]';
    const at = locateValues(text);
    expect(text.slice(at.get('$[0]')!)).toMatch(/^\{\}/);
    expect(text.slice(at.get('$[1]')!)).toMatch(/^\[ \]/);
    expect(text.slice(at.get('$[2]')!)).toMatch(/^\{ "k"/);
    expect(text.slice(at.get('$[2].k')!)).toMatch(/^7 \}/);
    expect(at.size).toBe(5);
  });

  it('keeps the places found before anything unexpected, and stops there', () => {
    const at = locateValues('{"a": 1, 2: 3, "b": 4}');
    expect(at.get('$')).toBe(0);
    expect(at.get('$.a')).toBe(6);
    expect(at.has('$.b')).toBe(false);
  });

  it('points a missing path at its deepest recorded ancestor, as a line and column', () => {
    const text = '{\n  "edges": [\n    { "id": "e1" }\n  ]\n}';
    const at = locateValues(text);
    expect(locate(text, at, ['edges', 0, 'id'])).toEqual({ line: 3, column: 13 });
    expect(locate(text, at, ['edges', 0, 'refs', 2])).toEqual({ line: 3, column: 5 });
    expect(locate(text, at, ['edges', 5])).toEqual({ line: 2, column: 12 });
    expect(locate(text, at, ['nodes'])).toEqual({ line: 1, column: 1 });
    expect(locate(text, new Map(), ['nodes'])).toBeUndefined();
  });
});

describe('values nested deeper than the recorded depth', () => {
  it('skips them whole, strings with brackets and escapes included, and finds the values after them', () => {
    const deep = (n: number, inner: string) => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
    const inner = '{"a": "x]}\\"[{", "b": [1, {"c": 2}], "d": true}';
    const text = `{"deep": ${deep(MAX_LOCATED_DEPTH + 3, inner)}, "s": "at the limit", "after": {"x": 1}}`;
    const index = locateValues(text);
    // Recorded down to the limit, not below it.
    const recorded = `$.deep${'[0]'.repeat(MAX_LOCATED_DEPTH - 1)}`;
    expect(index.get(recorded)).toBe(text.indexOf('[') + MAX_LOCATED_DEPTH - 1);
    expect(index.has(`${recorded}[0]`)).toBe(false);
    expect([...index.keys()].filter((k) => k.startsWith('$.deep'))).toHaveLength(MAX_LOCATED_DEPTH);
    expect(index.get('$.s')).toBe(text.indexOf('"at the limit"'));
    expect(index.get('$.after.x')).toBe(text.indexOf('1}}'));
  });

  it('skips objects nested past the limit as well as arrays', () => {
    const nest = (n: number, v: string) => `${'{"k": '.repeat(n)}${v}${'}'.repeat(n)}`;
    const text = `[${nest(MAX_LOCATED_DEPTH + 1, '{"z": [1, 2]}')}, "next"]`;
    const index = locateValues(text);
    expect(index.get('$[1]')).toBe(text.lastIndexOf('"next"'));
    expect([...index.keys()].some((k) => k.endsWith('.z'))).toBe(false);
    expect(MAX_LOCATED_DEPTH).toBe(64);
  });
});
