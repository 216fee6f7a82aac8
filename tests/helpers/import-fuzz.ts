/**
 * Generated and mutated files for fuzzing the import path: valid bundles of the shipped figures, then broken the
 * ways real files break (truncated, wrong types, huge numbers, NaN, duplicate ids, dangling edges, deep nesting,
 * BOMs, invalid UTF-8 read as replacement characters, `__proto__` ids). Shared by the test and `npm run fuzz`.
 */
import fc from 'fast-check';
import { write } from '../../src/formats/bundle.ts';
import type { Model } from '../../src/model/types.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length > 40) return out; // inside a deeply nested value inserted earlier: its top is enough
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function setAt(root: Json, path: Path, f: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return f(root) ?? null;
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let cur = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = f(cur[last]!);
  if (next === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = next;
  return copy;
}

const deep = (n: number): Json => (n === 0 ? 'bottom' : [deep(n - 1)]);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, '', '__proto__', 'constructor', 'prototype', '<script>alert(1)</script>', 'javascript:alert(1)', '\u0000', '\uFEFF', 'x'.repeat(2000), [], {}, { __proto__: { polluted: true } } as unknown as Json),
  fc.integer({ min: 0, max: 3000 }).map((n) => deep(n)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ maxLength: 50 }),
);

type Op = (doc: Json, rnd: number, value: Json) => Json;
const OPS: Op[] = [
  // wrong type or hostile value anywhere
  (doc, r, v) => {
    const all = paths(doc);
    return setAt(doc, all[r % all.length]!, () => v);
  },
  // delete anything
  (doc, r) => {
    const all = paths(doc).filter((p) => p.length);
    return all.length ? setAt(doc, all[r % all.length]!, () => undefined) : doc;
  },
  // duplicate an array element (duplicate ids, nodes, edges)
  (doc, r) => {
    const arrays = paths(doc).filter((p) => p.length && typeof p[p.length - 1] === 'number');
    // An earlier step may have left a document with no array (or no object) at all.
    if (!arrays.length) return doc;
    const p = arrays[r % arrays.length]!;
    const parent = p.slice(0, -1);
    return setAt(doc, parent, (arr) => (Array.isArray(arr) ? [...arr, arr[p[p.length - 1] as number]!] : arr));
  },
  // dangling edge or unknown entity
  (doc, r, v) => {
    const ends = paths(doc).filter((p) => ['source', 'target', 'entity'].includes(String(p[p.length - 1])));
    return ends.length ? setAt(doc, ends[r % ends.length]!, () => (typeof v === 'string' ? v : `missing-${r}`)) : doc;
  },
  // ids such as __proto__
  (doc, r) => {
    const ids = paths(doc).filter((p) => p[p.length - 1] === 'id');
    return ids.length ? setAt(doc, ids[r % ids.length]!, () => ['__proto__', 'constructor', 'toString', 'hasOwnProperty'][r % 4]!) : doc;
  },
];

type TextOp = (text: string, r: number) => string;
const TEXT_OPS: TextOp[] = [
  (t) => t,
  (t, r) => t.slice(0, r % (t.length + 1)), // truncation
  (t) => `\uFEFF${t}`, // BOM
  (t, r) => { const i = r % (t.length + 1); return `${t.slice(0, i)}\uFFFD\uFFFD${t.slice(i)}`; }, // invalid UTF-8, as decoded
  (t, r) => { const i = r % (t.length + 1); return `${t.slice(0, i)}\uD800${t.slice(i)}`; }, // lone surrogate
  (t, r) => { let n = 0; return t.replace(/-?\d+(\.\d+)?/g, (m) => (n++ === r % 50 ? ['NaN', 'Infinity', '1e999', '-0'][r % 4]! : m)); }, // NaN and friends
  (t, r) => { const i = r % (t.length + 1); return `${t.slice(0, i)}${'['.repeat(5000)}${t.slice(i)}`; }, // deep nesting, unclosed
  (t, r) => { const i = r % (t.length + 1); return t.slice(0, i) + t.slice(i + 1 + (r % 7)); }, // a few characters lost
];

/** Small seeds keep each run fast: the shipped figures, cut to their first few edges. */
export function seeds(model: Model): string[] {
  return model.figures.slice(0, 6).map((f) => write(model, f.id));
}

export function mutatedFile(model: Model): fc.Arbitrary<{ name: string; text: string }> {
  const docs = seeds(model).map((s) => JSON.parse(s) as Json);
  return fc
    .record({
      seed: fc.nat({ max: docs.length - 1 }),
      ops: fc.array(fc.tuple(fc.nat({ max: OPS.length - 1 }), fc.nat(), hostileValue), { maxLength: 3 }),
      textOp: fc.nat({ max: TEXT_OPS.length - 1 }),
      r: fc.nat(),
      name: fc.constantFrom('graph.json', 'graph.cyjs', 'g.cx2', 'g.graphml', 'g.sif', 'noext', '<b>.json'),
      raw: fc.option(fc.string({ maxLength: 200 }), { freq: 12 }),
    })
    .map(({ seed, ops, textOp, r, name, raw }) => {
      if (raw !== null) return { name, text: raw };
      let doc: Json = docs[seed] ?? null;
      for (const [op, rr, v] of ops) doc = OPS[op]!(doc, rr, v);
      return { name, text: TEXT_OPS[textOp]!(JSON.stringify(doc), r) };
    });
}
