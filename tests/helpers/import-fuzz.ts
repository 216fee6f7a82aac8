/**
 * Generated and mutated files for fuzzing the import path, starting from valid files of EACH format the app
 * reads: its own bundle, cytoscape.js JSON (.cyjs), CX2, GraphML, SBGN-ML and SIF, written by the app's own
 * writers from the shipped figures (whole, and cut to a few edges). Each is then broken the ways real files
 * break, in the terms of its format:
 * - JSON formats (bundle, cyjs, CX2): wrong types and hostile values anywhere, deletions, duplicated elements
 *   (duplicate ids), dangling edge ends, `__proto__`-style ids, deep nesting;
 * - XML formats (GraphML, SBGN-ML): attribute and text values replaced (huge numbers, NaN, wrong types),
 *   elements duplicated or dropped, dangling `source`/`target`, `__proto__` ids, deep nesting, entity expansion
 *   (billion laughs), external entities, bad character references, stray markup;
 * - SIF: lines duplicated, dropped, cut short or swapped, hostile names, spaces for tabs, NUL characters;
 * - text: truncation, NaN/Infinity/1e999 for numbers, unclosed nesting, lost characters;
 * - bytes, decoded as the worker decodes a file (`decodeFile`): UTF-8 and UTF-16 BOMs, invalid UTF-8 (stray
 *   continuation bytes, overlong forms, 0xFF, a multi-byte character cut in half), NUL bytes, a cut mid-character.
 * Shared by the unit test and `npm run fuzz`.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { write as writeBundle } from '../../src/formats/bundle.ts';
import * as cx2 from '../../src/formats/cx2.ts';
import * as cyjs from '../../src/formats/cyjs.ts';
import * as graphml from '../../src/formats/graphml.ts';
import * as sbgnml from '../../src/formats/sbgnml.ts';
import * as sif from '../../src/formats/sif.ts';
import { layoutFileName, LAYOUTS_DIR, type LayoutFile } from '../../src/layout/layout-files.ts';
import type { Positions } from '../../src/layout/types.ts';
import type { Model } from '../../src/model/types.ts';
import { figureView, type GraphView } from '../../src/model/view.ts';

export const FUZZ_FORMATS = ['bundle', 'cyjs', 'cx2', 'graphml', 'sbgnml', 'sif'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** The names a file of each format arrives with: its own extensions, a wrong one, none, and a hostile one. */
const NAMES: Record<FuzzFormat, string[]> = {
  bundle: ['graph.json', 'graph.json', 'noext', '<b>.json'],
  cyjs: ['net.cyjs', 'net.cyjs', 'net.json', 'noext'],
  cx2: ['net.cx2', 'net.cx2', 'net.cx', 'net.json'],
  graphml: ['net.graphml', 'net.graphml', 'net.xml', 'noext'],
  sbgnml: ['net.sbgn', 'net.sbgnml', 'net.xml', 'net.graphml'],
  sif: ['net.sif', 'net.sif', 'net.txt', 'noext'],
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

// ---------- seeds: valid files of each format ----------

function storedPositions(key: string): Positions {
  const file = resolve(import.meta.dirname, '..', '..', LAYOUTS_DIR, layoutFileName(key));
  return JSON.parse(readFileSync(file, 'utf8')) as LayoutFile;
}

/** The view cut to its first `edges` edges and the nodes they touch: small seeds keep each run fast. */
function cut(view: GraphView, edges: number): GraphView {
  const kept = view.edges.slice(0, edges);
  const ids = new Set(kept.flatMap((e) => [e.source, e.target]));
  return { ...view, nodes: view.nodes.filter((n) => ids.has(n.id)), edges: kept };
}

const WRITERS: Record<Exclude<FuzzFormat, 'bundle'>, (view: GraphView, positions: Positions, model: Model) => string> = {
  cyjs: cyjs.write,
  cx2: cx2.write,
  graphml: graphml.write,
  sbgnml: sbgnml.write,
  sif: sif.write,
};

/** A bundle cut to its figure's first `edges` edges, the nodes they touch and what those need. */
function cutBundle(text: string, edges: number): string {
  const b = JSON.parse(text) as { figure: { nodes: { entity: string }[]; edges: { source: string; target: string; refs: number[] }[]; sources: string[] }; entities: { id: string }[]; references: { n: number }[] };
  const kept = b.figure.edges.slice(0, edges);
  const ids = new Set(kept.flatMap((e) => [e.source, e.target]));
  const refs = new Set(kept.flatMap((e) => e.refs));
  const needed = new Set([...ids, ...b.figure.sources]);
  return JSON.stringify({
    ...b,
    figure: { ...b.figure, nodes: b.figure.nodes.filter((n) => ids.has(n.entity)), edges: kept },
    entities: b.entities.filter((e) => needed.has(e.id)),
    references: b.references.filter((r) => refs.has(r.n)),
  });
}

/**
 * Valid files of one format: six shipped figures cut to 2, 5 and 12 edges, and the smallest figure whole. Small
 * seeds keep each run fast (10,000 files well under a minute); what breaks a reader is the kind of damage, not
 * the number of nodes around it.
 */
export function seeds(model: Model, format: FuzzFormat): string[] {
  const figures = model.figures.slice(0, 6);
  const smallest = [...figures].sort((a, b) => a.edges.length - b.edges.length)[0]!;
  if (format === 'bundle') {
    return [writeBundle(model, smallest.id), ...figures.flatMap((f) => [2, 5, 12].map((n) => cutBundle(writeBundle(model, f.id), n)))];
  }
  const out: string[] = [];
  for (const f of figures) {
    const view = figureView(model, f.id)!;
    const positions = storedPositions(view.key);
    if (f === smallest) out.push(WRITERS[format](view, positions, model));
    for (const n of [2, 5, 12]) out.push(WRITERS[format](cut(view, n), positions, model));
  }
  return out;
}

// ---------- hostile values ----------

const deep = (n: number): Json => (n === 0 ? 'bottom' : [deep(n - 1)]);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 1.5, '', '__proto__', 'constructor', 'prototype', '<script>alert(1)</script>', 'javascript:alert(1)', '\u0000', '\uFEFF', 'x'.repeat(2000), [], {}, { __proto__: { polluted: true } } as unknown as Json),
  fc.integer({ min: 0, max: 3000 }).map((n) => deep(n)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ maxLength: 50 }),
);

/** Attribute and text values for XML and SIF: numbers out of range, not numbers, ids that name prototypes, markup. */
const HOSTILE_TEXT = ['', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e308', '9007199254740993', '-0', '0x1F', '1,5', 'true', 'null', '[1,2]', '{"a":1}', '<script>alert(1)</script>', 'javascript:alert(1)', '\u0000', '\uFEFF', '\uFFFD', '\uD800', 'x'.repeat(2000), 'ß∑😀'];

// ---------- JSON formats ----------

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

/** Keys that name an element or an edge end in any of the JSON formats (bundle, cyjs, CX2). */
const END_KEYS = new Set(['source', 'target', 'entity', 's', 't']);
const ID_KEYS = new Set(['id', 'SUID', 'name']);

type JsonOp = (doc: Json, rnd: number, value: Json) => Json;
const JSON_OPS: JsonOp[] = [
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
  // duplicate an array element (duplicate ids, nodes, edges, aspects)
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
    const ends = paths(doc).filter((p) => END_KEYS.has(String(p[p.length - 1])));
    return ends.length ? setAt(doc, ends[r % ends.length]!, (old) => (typeof v === 'string' || typeof v === 'number' ? v : typeof old === 'number' ? 1e9 + r : `missing-${r}`)) : doc;
  },
  // ids such as __proto__
  (doc, r) => {
    const ids = paths(doc).filter((p) => ID_KEYS.has(String(p[p.length - 1])));
    return ids.length ? setAt(doc, ids[r % ids.length]!, () => ['__proto__', 'constructor', 'toString', 'hasOwnProperty'][r % 4]!) : doc;
  },
  // huge or odd numbers where numbers are (positions, ids, refs)
  (doc, r) => {
    const nums = paths(doc).filter((p) => typeof p[p.length - 1] === 'string' && ['x', 'y', 'z', 'id', 's', 't', 'refs', 'SUID', 'version'].includes(String(p[p.length - 1])));
    return nums.length ? setAt(doc, nums[r % nums.length]!, () => [1e308, -1e308, 2 ** 53 + 1, -0, 0.5, -1, 1e21][r % 7]!) : doc;
  },
];

function mutateJson(text: string, ops: [number, number, Json][]): string {
  let doc = JSON.parse(text) as Json;
  for (const [op, r, v] of ops) doc = JSON_OPS[op % JSON_OPS.length]!(doc, r, v);
  return JSON.stringify(doc);
}

// ---------- XML formats ----------

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const OPEN_TAG = /<([A-Za-z][\w:.-]*)\b[^<>]*?(\/?)>/g;

/**
 * The r-th element after the root as [start, end) offsets: a self-closing tag, or an open tag to the next close
 * of the same name. Found in one pass (counting first), so files with thousands of tags stay quick.
 */
function element(text: string, r: number): [number, number] | undefined {
  const count = (text.match(OPEN_TAG)?.length ?? 0) - 1;
  if (count < 1) return undefined;
  const want = 1 + (r % count);
  OPEN_TAG.lastIndex = 0;
  let m: RegExpExecArray | null = null;
  for (let k = 0; k <= want; k++) m = OPEN_TAG.exec(text);
  OPEN_TAG.lastIndex = 0;
  if (!m) return undefined;
  if (m[2] === '/') return [m.index, m.index + m[0].length];
  const close = text.indexOf(`</${m[1]}>`, m.index);
  return close > 0 ? [m.index, close + m[1]!.length + 3] : undefined;
}

type XmlOp = (text: string, r: number, v: string) => string;
const pick = <T>(xs: T[], r: number): T | undefined => (xs.length ? xs[r % xs.length] : undefined);

const XML_OPS: XmlOp[] = [
  // an attribute value replaced (ids, ends, keys, coordinates, classes): wrong types, huge numbers, NaN, __proto__
  (t, r, v) => {
    const attrs = [...t.matchAll(/\s([\w:.-]+)="([^"]*)"/g)];
    const a = pick(attrs, r);
    return a ? t.slice(0, a.index! + a[0].length - a[2]!.length - 1) + escapeAttr(v) + t.slice(a.index! + a[0].length - 1) : t;
  },
  // the text of an element replaced (data values, labels, coordinates)
  (t, r, v) => {
    const texts = [...t.matchAll(/>([^<>]+)</g)];
    const m = pick(texts, r);
    return m ? t.slice(0, m.index! + 1) + v.replace(/&/g, '&amp;').replace(/</g, '&lt;') + t.slice(m.index! + 1 + m[1]!.length) : t;
  },
  // an element duplicated (duplicate ids)
  (t, r) => {
    const el = element(t, r);
    return el ? t.slice(0, el[1]) + t.slice(el[0], el[1]) + t.slice(el[1]) : t;
  },
  // an element dropped (a node its edges need, a key its data need, the graph)
  (t, r) => {
    const el = element(t, r);
    return el ? t.slice(0, el[0]) + t.slice(el[1]) : t;
  },
  // a dangling edge end, or an id such as __proto__
  (t, r) => {
    const ends = [...t.matchAll(/\s(source|target|id)="([^"]*)"/g)];
    const m = pick(ends, r);
    const value = m?.[1] === 'id' ? ['__proto__', 'constructor', 'toString', 'hasOwnProperty'][r % 4]! : `missing-${r}`;
    return m ? t.slice(0, m.index!) + ` ${m[1]}="${value}"` + t.slice(m.index! + m[0].length) : t;
  },
  // deep nesting inside the document, closed or not
  (t, r) => {
    const i = t.indexOf('>', t.indexOf('<graph') >= 0 ? t.indexOf('<graph') : t.indexOf('<map') >= 0 ? t.indexOf('<map') : 0) + 1;
    const n = 50 + (r % 5000);
    const inner = r % 2 ? `${'<g>'.repeat(n)}${'</g>'.repeat(n)}` : '<g>'.repeat(n);
    return t.slice(0, i) + inner + t.slice(i);
  },
  // entity expansion (billion laughs) and external entities: must neither expand nor be fetched
  (t, r) => {
    const decl = t.startsWith('<?xml') ? t.indexOf('?>') + 2 : 0;
    const doctypes = [
      '<!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      '<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE graphml SYSTEM "http://example.invalid/graphml.dtd">',
    ];
    const use = ['&d;', '&xxe;', '&undefined;'][r % 3]!;
    const withDecl = t.slice(0, decl) + doctypes[r % 3] + t.slice(decl);
    const texts = [...withDecl.matchAll(/>([^<>]+)</g)];
    const m = pick(texts, r);
    return m ? withDecl.slice(0, m.index! + 1) + use + withDecl.slice(m.index! + 1) : withDecl;
  },
  // bad character references, stray markup, CDATA, comments and processing instructions in odd places
  (t, r) => {
    const junk = ['&#0;', '&#xD800;', '&#x110000;', '&#65;&#x1F600;', '&amp', '<', ']]>', '<![CDATA[<node id="x"/>]]>', '<!-- -- -->', '<?pi data?>', '</graphml>', '<node id="n0"/>'][r % 12]!;
    const i = r % (t.length + 1);
    return t.slice(0, i) + junk + t.slice(i);
  },
  // the namespace dropped or changed
  (t, r) => t.replace(/xmlns="[^"]*"/, r % 2 ? '' : 'xmlns="http://example.invalid/ns"'),
];

function mutateXml(text: string, ops: [number, number, string][]): string {
  let t = text;
  for (const [op, r, v] of ops) t = XML_OPS[op % XML_OPS.length]!(t, r, v);
  return t;
}

// ---------- SIF ----------

type SifOp = (lines: string[], r: number, v: string) => string[];
const SIF_OPS: SifOp[] = [
  // a line duplicated (duplicate edges)
  (ls, r) => (ls.length ? [...ls.slice(0, (r % ls.length) + 1), ls[r % ls.length]!, ...ls.slice((r % ls.length) + 1)] : ls),
  // a line dropped
  (ls, r) => ls.filter((_, i) => i !== r % Math.max(1, ls.length)),
  // a field replaced by a hostile name
  (ls, r, v) => {
    if (!ls.length) return ls;
    const i = r % ls.length;
    const f = ls[i]!.split('\t');
    f[r % f.length] = v;
    return ls.map((l, j) => (j === i ? f.join('\t') : l));
  },
  // a line cut to one or two fields (a node alone; an interaction with no target)
  (ls, r) => {
    if (!ls.length) return ls;
    const i = r % ls.length;
    return ls.map((l, j) => (j === i ? l.split('\t').slice(0, 1 + (r % 2)).join('\t') : l));
  },
  // fields swapped (an interaction where a node should be)
  (ls, r) => ls.map((l, j) => (j === r % Math.max(1, ls.length) ? l.split('\t').reverse().join('\t') : l)),
  // tabs turned to spaces (names with spaces then split apart), Windows line ends, a comment line
  (ls, r) => [ls.map((l) => l.replace(/\t/g, ' ')), ls.map((l) => `${l}\r`), [`# ${r}`, ...ls]][r % 3]!,
  // many targets on one line
  (ls, r) => (ls.length ? [...ls, [`n${r}`, 'activates', ...Array.from({ length: 50 + (r % 500) }, (_, k) => `t${k}`)].join('\t')] : ls),
];

function mutateSif(text: string, ops: [number, number, string][]): string {
  let ls = text.split('\n').filter((l) => l !== '');
  for (const [op, r, v] of ops) ls = SIF_OPS[op % SIF_OPS.length]!(ls, r, v);
  return `${ls.join('\n')}\n`;
}

// ---------- text and bytes ----------

type TextOp = (text: string, r: number) => string;
const TEXT_OPS: TextOp[] = [
  (t) => t,
  (t, r) => t.slice(0, r % (t.length + 1)), // truncation
  (t, r) => { let n = 0; return t.replace(/-?\d+(\.\d+)?/g, (m) => (n++ === r % 50 ? ['NaN', 'Infinity', '1e999', '-0'][r % 4]! : m)); }, // NaN and friends
  (t, r) => { const i = r % (t.length + 1); return `${t.slice(0, i)}${'['.repeat(5000)}${t.slice(i)}`; }, // deep nesting, unclosed
  (t, r) => { const i = r % (t.length + 1); return t.slice(0, i) + t.slice(i + 1 + (r % 7)); }, // a few characters lost
  (t, r) => { const i = r % (t.length + 1); return `${t.slice(0, i)}\uD800${t.slice(i)}`; }, // lone surrogate
];

const utf8 = new TextEncoder();

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

const INVALID_UTF8 = [[0xff], [0xfe], [0x80], [0xbf, 0xbf], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x00]];

type ByteOp = (text: string, r: number) => Uint8Array;
const BYTE_OPS: ByteOp[] = [
  (t) => utf8.encode(t),
  (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(t)]), // UTF-8 BOM
  (t) => new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8.encode(t)]), // two BOMs
  (t, r) => utf16(t, r % 2 === 1), // UTF-16 with its BOM
  (t, r) => { // invalid UTF-8 inserted
    const b = utf8.encode(t);
    const i = r % (b.length + 1);
    return new Uint8Array([...b.subarray(0, i), ...INVALID_UTF8[r % INVALID_UTF8.length]!, ...b.subarray(i)]);
  },
  (t, r) => { // cut at a byte, perhaps inside a multi-byte character
    const b = utf8.encode(`${t}ß∑😀`);
    return b.subarray(0, b.length - 1 - (r % 3));
  },
  (t) => utf8.encode(t).map((x) => (x === 0x0a ? 0x00 : x)), // NUL bytes for line breaks
];

// ---------- the generator ----------

export interface FuzzFile {
  format: FuzzFormat;
  name: string;
  bytes: Uint8Array;
}

/** Mutated files that start from valid files of `format`. */
export function mutatedFile(model: Model, format: FuzzFormat): fc.Arbitrary<FuzzFile> {
  const texts = seeds(model, format);
  const names = NAMES[format];
  const kind = format === 'graphml' || format === 'sbgnml' ? 'xml' : format === 'sif' ? 'sif' : 'json';
  const value = kind === 'json' ? (hostileValue as fc.Arbitrary<unknown>) : fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ maxLength: 30 }));
  // Weighted so that about a third of the files stay readable (only softened: BOMs, UTF-16, hostile labels,
  // duplicates a reader may accept), and the rest are broken in one to three ways.
  const soft = (n: number, max: number) => fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max }) }).map((i) => i % n);
  return fc
    .record({
      seed: fc.nat({ max: texts.length - 1 }),
      ops: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat(), value), { minLength: 1, maxLength: 3 }) }),
      textOp: soft(TEXT_OPS.length, 1000),
      byteOp: soft(BYTE_OPS.length, 1000),
      r: fc.nat(),
      name: fc.constantFrom(...names),
      // One file in twenty is not a network file at all. (fc.option's `freq` is the odds of null, 1 in freq, so it
      // would make most files random text.)
      raw: fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }),
    })
    .map(({ seed, ops, textOp, byteOp, r, name, raw }) => {
      if (raw !== null) return { format, name, bytes: utf8.encode(raw) };
      const text = texts[seed]!;
      const mutated =
        kind === 'json'
          ? mutateJson(text, ops as [number, number, Json][])
          : kind === 'xml'
            ? mutateXml(text, ops as [number, number, string][])
            : mutateSif(text, ops as [number, number, string][]);
      return { format, name, bytes: BYTE_OPS[byteOp]!(TEXT_OPS[textOp]!(mutated, r), r) };
    });
}
