/**
 * The first view's Inter faces (npm run start-fonts): one small WOFF2 file per weight with the characters the app
 * writes, read back by an independent reader (fontkit) against the @fontsource files the app loaded before, and the
 * unicode-range arithmetic that leaves every other character to @fontsource's faces.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readGraphFiles } from '../../scripts/read-graphs.ts';
import { readTtf, subsetTtf } from '../../src/export/ttf.ts';
import { parseUnicodeRange, startFontChars, subtractRange, unicodeRange } from '../../src/prerender/start-font-chars.ts';
import { base128, woff2 } from '../../src/prerender/woff2.ts';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const generated = (name: string) => readFileSync(resolve(root, 'src/generated/start-fonts', name));
const fontsource = (subset: string, weight: number) =>
  fontkit.openSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`)) as fontkit.Font;
const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as fontkit.Font;
const inRange = (spans: [number, number][], c: number) => spans.some(([a, b]) => c >= a && c <= b);
const startRange = () => parseUnicodeRange(/unicode-range:([^;}]+)/.exec(generated('start-fonts.css').toString())![1]!);

describe('WOFF2 wrapping (src/prerender/woff2.ts)', () => {
  it('writes UIntBase128 as the specification’s examples', () => {
    expect(base128(0)).toEqual([0]);
    expect(base128(63)).toEqual([63]);
    expect(base128(127)).toEqual([0x7f]);
    expect(base128(128)).toEqual([0x81, 0x00]);
    expect(base128(16383)).toEqual([0xff, 0x7f]);
    expect(base128(16384)).toEqual([0x81, 0x80, 0x00]);
  });

  it('gives back, read by fontkit, the same glyphs, metrics and kerning as the TrueType font it wraps', () => {
    const font = readTtf(readFileSync(resolve(root, 'src/generated/fonts/inter-400.ttf')));
    const ttf = subsetTtf(font, 'AVTo Waβ', { typoMetrics: true, kerning: [[0x41, 0x56, -140], [0x54, 0x6f, -90]] });
    const bytes = woff2(ttf);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('wOF2');
    expect(view.getUint32(8)).toBe(bytes.length);
    expect(bytes.length % 4).toBe(0);
    expect(bytes.length).toBeLessThan(ttf.length / 2);
    const plain = open(ttf);
    const wrapped = open(bytes);
    expect(wrapped.numGlyphs).toBe(plain.numGlyphs);
    for (const c of 'AVTo Waβ') {
      const a = plain.glyphForCodePoint(c.codePointAt(0)!);
      const b = wrapped.glyphForCodePoint(c.codePointAt(0)!);
      expect(b.id, c).toBeGreaterThan(0);
      expect(b.advanceWidth, c).toBe(a.advanceWidth);
      expect(b.path.toSVG(), c).toBe(a.path.toSVG());
    }
    // The kern table is applied: "AV" and "To" come out narrower by their pairs' values, "Wa" is not kerned.
    const width = (s: string) => wrapped.layout(s).advanceWidth;
    const own = (s: string) => [...s].reduce((w, c) => w + wrapped.glyphForCodePoint(c.codePointAt(0)!).advanceWidth, 0);
    expect(width('AV') - own('AV')).toBe(-140);
    expect(width('To') - own('To')).toBe(-90);
    expect(width('Wa') - own('Wa')).toBe(0);
    expect((wrapped as unknown as { 'OS/2': { fsSelection: { useTypoMetrics: boolean } } })['OS/2'].fsSelection.useTypoMetrics).toBe(true);
  });

  it('keeps only the kerning pairs of glyphs it holds, in glyph order, and names itself as asked', () => {
    const font = readTtf(readFileSync(resolve(root, 'src/generated/fonts/inter-400.ttf')));
    const kerned = (kerning: [number, number, number][], notice?: string) =>
      open(subsetTtf(font, 'AVT', { kerning, ...(notice ? { notice } : {}) })) as unknown as {
        kern?: { tables: { coverage: { horizontal: boolean }; subtable: { nPairs: number; searchRange: number; entrySelector: number; rangeShift: number; pairs: { left: number; right: number; value: number }[] } }[] };
        copyright: string;
      };
    // Z is not in the subset, and a zero adjustment says nothing: only two pairs stay, sorted by left then right glyph.
    const k = kerned([[0x56, 0x41, -60], [0x41, 0x5a, -50], [0x41, 0x56, -140], [0x54, 0x41, 0], [0x41, 0x54, -20]], 'Subset for the first view of MSC-POF Atlas.');
    const table = k.kern!.tables[0]!;
    expect(table.coverage.horizontal).toBe(true);
    // Glyphs in code point order after .notdef: the space (always kept) 1, A 2, T 3, V 4.
    expect(table.subtable.pairs.map((p) => [p.left, p.right, p.value])).toEqual([[2, 3, -20], [2, 4, -140], [4, 2, -60]]);
    expect([table.subtable.nPairs, table.subtable.searchRange, table.subtable.entrySelector, table.subtable.rangeShift]).toEqual([3, 12, 1, 6]);
    expect(k.copyright).toMatch(/SIL Open Font License 1\.1\. Subset for the first view of MSC-POF Atlas\.$/);
    // No pairs, no table; the exports' own notice by default.
    const plain = kerned([[0x41, 0x5a, -50]]);
    expect(plain.kern).toBeUndefined();
    expect(plain.copyright).toMatch(/Subset for MSC-POF Atlas exports\.$/);
  });

  it('is deterministic', () => {
    const font = readTtf(readFileSync(resolve(root, 'src/generated/fonts/inter-600.ttf')));
    expect(Buffer.from(woff2(subsetTtf(font, 'abc')))).toEqual(Buffer.from(woff2(subsetTtf(font, 'abc'))));
  });
});

describe('unicode-range arithmetic (src/prerender/start-font-chars.ts)', () => {
  it('writes runs of code points, and reads them and wildcards back', () => {
    expect(unicodeRange('cab βα–')).toBe('U+20, U+61-63, U+3B1-3B2, U+2013');
    expect(parseUnicodeRange('U+0000-00FF, U+2212,U+1F??')).toEqual([[0, 0xff], [0x2212, 0x2212], [0x1f00, 0x1fff]]);
  });

  it('takes characters out of a range, and gives nothing when none is left', () => {
    expect(subtractRange('U+0-FF, U+2212', 'AB−')).toBe('U+0-40, U+43-FF');
    expect(subtractRange('U+41-42', 'AB')).toBeUndefined();
    expect(subtractRange('U+41-42', 'Z')).toBe('U+41-42');
  });

  it('keeps exactly the code points of the range that are not removed (property)', () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3ff }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(spans, fc.array(fc.integer({ min: 0, max: 0x430 }), { maxLength: 60 }), (raw, removed) => {
        const range = raw.map(([a, n]) => `U+${a.toString(16)}-${(a + n).toString(16)}`).join(', ');
        const before = parseUnicodeRange(range);
        const gone = new Set(removed);
        const rest = subtractRange(range, removed.map((c) => String.fromCodePoint(c)));
        const after = rest === undefined ? [] : parseUnicodeRange(rest);
        for (let c = 0; c <= 0x470; c++) expect(inRange(after, c)).toBe(inRange(before, c) && !gone.has(c));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it('collects printable ASCII, the graphs’ characters (JSON escapes read) and the interface’s non-ASCII ones', () => {
    const chars = startFontChars(['{"label":"TNF-\\u03b1","notes":["Müller\\n"]}'], ['<p>Fit…</p> // β']);
    expect([...chars].filter((c) => c > '~').join('')).toBe('üαβ…');
    expect(chars.has('A') && chars.has(' ') && chars.has('~')).toBe(true);
    expect(chars.has('\n')).toBe(false);
  });
});

describe('the stored start faces (src/generated/start-fonts)', () => {
  const graphs = readGraphFiles().filter((f) => !f.path.startsWith('schema/'));

  it('cover every character of the shipped graphs that Inter has, so no figure waits for an @fontsource file', () => {
    const spans = startRange();
    const inter = readTtf(readFileSync(resolve(root, 'src/generated/fonts/inter-400.ttf')));
    const has = new Set(inter.glyphs.flatMap((g) => g.codes));
    const missing = [...startFontChars(graphs.map((f) => f.text), [])].filter((c) => has.has(c.codePointAt(0)!) && !inRange(spans, c.codePointAt(0)!));
    expect(missing, 'run npm run start-fonts').toEqual([]);
  });

  it('hold a glyph for every character their range names, in each weight', () => {
    const spans = startRange();
    for (const weight of [400, 600]) {
      const font = open(generated(`inter-start-${weight}.woff2`));
      for (const [a, b] of spans) for (let c = a; c <= b; c++) expect(font.hasGlyphForCodePoint(c), `${weight} U+${c.toString(16)}`).toBe(true);
      expect(font.numGlyphs).toBeLessThan(200);
    }
  });

  it('set the shipped graphs’ labels as wide as Inter’s own files do, kerning included (contextual kerning aside)', () => {
    const labels = new Set<string>();
    for (const f of graphs) for (const e of (JSON.parse(f.text) as { entities?: { label: string }[] }).entities ?? []) labels.add(e.label);
    expect(labels.size).toBeGreaterThan(100);
    for (const weight of [400, 600]) {
      const start = open(generated(`inter-start-${weight}.woff2`));
      const files = [fontsource('latin', weight), fontsource('greek', weight)];
      let same = 0;
      let compared = 0;
      for (const label of labels) {
        // A label @fontsource set from one of its files (one mixing Latin and Greek letters took two, unkerned between).
        const from = files.find((f) => [...label].every((c) => f.hasGlyphForCodePoint(c.codePointAt(0)!)));
        if (!from) continue;
        compared++;
        const [ours, theirs] = [start.layout(label).advanceWidth, from.layout(label).advanceWidth];
        if (ours === theirs) same++;
        // Inter also kerns a few pairs by context (a hyphen between a capital and a digit: IL-8), which a kern table
        // cannot say: within 2%.
        expect(Math.abs(ours - theirs) / theirs, `${weight} ${label}`).toBeLessThan(0.02);
      }
      expect(compared).toBeGreaterThan(150);
      expect(same / compared).toBeGreaterThan(0.9);
    }
  });
});
