/** Random link query strings: real keys with real, mangled and hostile values, plus unknown keys. Shared by unit and browser fuzzing. */
import fc from 'fast-check';

const KEYS = ['view', 'figure', 'select', 'sources', 'overlay', 'sign', 'species', 'setting', 'injury', 'cellfree', 'kinds', 'path', 'chain', 'left', 'right', 'linked'];
const GOOD = [
  'atlas', 'compare', 'figure', 'fig1', 'fig2', 'table1', 'node:pten', 'edge:mir-21~inhibits~pten', 'hbmmsc', 'hafmsc', 'hbmmsc,hafmsc',
  'decrease', 'increase', 'rat', 'mouse', 'in-vivo', 'cisplatin', '1', '0', 'mirna', 'hafmsc:amh', 'source:hpmsc', 'figure:fig1', 'node:amh',
];
const HOSTILE = [
  '', '99999999999999999999', '-1', 'NaN', '1e308', '\u0000', 'a\u0000b', '<script>alert(1)</script>', '__proto__', 'constructor',
  '%', '%%', '%E0%A4%A', 'yes', ',,,', 'node:', 'edge:', ':', 'source:', '\u202e\u2028', '😀'.repeat(20),
];

const value = fc.oneof(
  fc.constantFrom(...GOOD),
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.array(fc.constantFrom(...GOOD, ...HOSTILE), { maxLength: 6 }).map((v) => v.join(',')),
  fc.nat({ max: 2000 }).map((n) => 'x'.repeat(n * 50)),
);
const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

/** `?k=v&…`, values percent-encoded (or, sometimes, raw). */
export const queryString = fc
  .array(fc.tuple(key, value, fc.boolean()), { maxLength: 8 })
  .map((pairs) => `?${pairs.map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v.replace(/[#&\s]/g, '') : encodeURIComponent(v)}`).join('&')}`);
