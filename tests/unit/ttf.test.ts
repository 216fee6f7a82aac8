/**
 * The exports' TrueType writer and reader on a small font made here, read back by fontkit (an independent reader)
 * and by our own reader, byte fields checked against the OpenType specification.
 */
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { base64, readTtf, subsetTtf, writeTtf, type FontInfo, type Glyph } from '../../src/export/ttf.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0, on: true },
  { x: x1, y: y0, on: true },
  { x: x1, y: y1, on: true },
  { x: x0, y: y1, on: true },
];

/** .notdef, space, A (two contours, one with a control point), é at 233, a glyph for two code points, one past the BMP. */
function sample(weight: 400 | 600 = 400, family = 'Test Sans'): FontInfo {
  const glyphs: Glyph[] = [
    { codes: [], advance: 500, contours: [box(50, 0, 450, 700)] },
    { codes: [32], advance: 250, contours: [] },
    {
      codes: [65],
      advance: 640,
      contours: [
        [
          { x: -20, y: 0, on: true },
          { x: 320, y: 760, on: false },
          { x: 660, y: 0, on: true },
        ],
        box(200, 100, 440, 300),
      ],
    },
    { codes: [233], advance: 560, contours: [box(40, -210, 520, 900)] },
    { codes: [0x2212, 0x2013], advance: 600, contours: [box(60, 250, 540, 330)] },
    { codes: [0x1f600], advance: 1000, contours: [box(0, 0, 900, 900)] },
  ];
  return { family, weight, unitsPerEm: 1000, ascender: 969, descender: -242, lineGap: 10, capHeight: 727, xHeight: 546, glyphs };
}

const fontkitOf = async (bytes: Uint8Array) => {
  const fontkit = await import('fontkit');
  return fontkit.create(Buffer.from(bytes)) as Font;
};

/** The table directory: tag → offset, length, checksum. */
function tables(bytes: Uint8Array) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const at = 12 + i * 16;
    out.set(String.fromCharCode(...bytes.subarray(at, at + 4)), { checksum: v.getUint32(at + 4), offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
  }
  return { v, out };
}

/** The OpenType table checksum: the sum of big-endian 32-bit words, the last one zero-padded. */
function sum(bytes: Uint8Array) {
  let s = 0;
  for (let i = 0; i < bytes.length; i += 4) s = (s + (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0))) >>> 0;
  return s;
}

describe('TrueType writer, read by fontkit', () => {
  it('has the names, metrics and style of a regular font', async () => {
    const f = await fontkitOf(writeTtf(sample()));
    expect(f.familyName).toBe('Test Sans');
    expect(f.subfamilyName).toBe('Regular');
    expect(f.fullName).toBe('Test Sans Regular');
    expect(f.postscriptName).toBe('TestSans-Regular');
    expect(f.copyright).toMatch(/^Inter: Copyright 2016 The Inter Project Authors .*SIL Open Font License 1\.1/);
    expect(f.unitsPerEm).toBe(1000);
    expect(f.ascent).toBe(969);
    expect(f.descent).toBe(-242);
    expect(f.lineGap).toBe(10);
    expect(f.capHeight).toBe(727);
    expect(f.xHeight).toBe(546);
    expect(f.numGlyphs).toBe(6);
    expect(f.underlinePosition).toBe(-100);
    expect(f.underlineThickness).toBe(50);
    expect(f.italicAngle).toBe(0);
    expect(f.bbox).toMatchObject({ minX: -20, minY: -210, maxX: 900, maxY: 900 });
    const os2 = (f as unknown as { 'OS/2': Record<string, unknown> })['OS/2'];
    expect(os2).toMatchObject({ version: 4, usWeightClass: 400, usWidthClass: 5, xAvgCharWidth: Math.round((500 + 250 + 640 + 560 + 600 + 1000) / 6), yStrikeoutPosition: 273, usFirstCharIndex: 32, usLastCharIndex: 0x2212, typoAscender: 969, typoDescender: -242, typoLineGap: 10, winAscent: 969, winDescent: 242, xHeight: 546, capHeight: 727, defaultChar: 0, breakChar: 32, maxContent: 1 });
    expect((os2.panose as number[]).slice(0, 3)).toEqual([2, 11, 5]);
    const head = (f as unknown as { head: Record<string, unknown> }).head;
    expect(head).toMatchObject({ unitsPerEm: 1000, xMin: -20, yMin: -210, xMax: 900, yMax: 900, indexToLocFormat: 1, magicNumber: 0x5f0f3cf5, lowestRecPPEM: 8, fontDirectionHint: 2 });
    expect((head.macStyle as { bold: boolean }).bold).toBe(false);
  });

  it('marks a 600 weight as semibold everywhere a reader looks', async () => {
    const f = await fontkitOf(writeTtf(sample(600)));
    expect(f.subfamilyName).toBe('SemiBold');
    expect(f.postscriptName).toBe('TestSans-SemiBold');
    const os2 = (f as unknown as { 'OS/2': { usWeightClass: number; panose: number[]; fsSelection: Record<string, boolean> } })['OS/2'];
    expect(os2.usWeightClass).toBe(600);
    expect(os2.panose[2]).toBe(7);
    expect(os2.fsSelection.bold).toBe(true);
    expect(os2.fsSelection.regular).toBe(false);
    expect((f as unknown as { head: { macStyle: { bold: boolean } } }).head.macStyle.bold).toBe(true);
    const regular = (await fontkitOf(writeTtf(sample(400)))) as unknown as { 'OS/2': { fsSelection: Record<string, boolean> } };
    expect(regular['OS/2'].fsSelection.regular).toBe(true);
    expect(regular['OS/2'].fsSelection.bold).toBe(false);
  });

  it('takes a PostScript name of its own, and keeps only what PostScript allows in the default one', async () => {
    expect((await fontkitOf(writeTtf({ ...sample(), postScriptName: 'Mine-Bold' }))).postscriptName).toBe('Mine-Bold');
    expect((await fontkitOf(writeTtf(sample(400, 'Ünïcode Ex-port 2')))).postscriptName).toBe('ncodeEx-port2-Regular');
  });

  it('maps each code point to its glyph, with its advance and outline', async () => {
    const f = await fontkitOf(writeTtf(sample()));
    expect(f.glyphForCodePoint(65).id).toBe(2);
    expect(f.glyphForCodePoint(233).id).toBe(3);
    expect(f.glyphForCodePoint(0x2212).id).toBe(4);
    expect(f.glyphForCodePoint(0x2013).id).toBe(4);
    expect(f.glyphForCodePoint(32).id).toBe(1);
    expect(f.hasGlyphForCodePoint(66)).toBe(false);
    // Beyond the BMP: format 4 cannot hold it, so it is left out of the cmap.
    expect(f.hasGlyphForCodePoint(0x1f600)).toBe(false);
    expect(f.getGlyph(0).advanceWidth).toBe(500);
    expect(f.glyphForCodePoint(65).advanceWidth).toBe(640);
    expect(f.glyphForCodePoint(32).advanceWidth).toBe(250);
    const a = f.glyphForCodePoint(65);
    expect(a.cbox).toMatchObject({ minX: -20, minY: 0, maxX: 660, maxY: 760 });
    // Two contours: a quadratic curve through the control point, and a box.
    const cmds = a.path.commands.map((c) => c.command);
    expect(cmds.filter((c) => c === 'moveTo')).toHaveLength(2);
    expect(cmds).toContain('quadraticCurveTo');
    expect(a.path.commands.find((c) => c.command === 'quadraticCurveTo')!.args).toEqual([320, 760, 660, 0]);
    expect(f.glyphForCodePoint(233).bbox).toMatchObject({ minX: 40, minY: -210, maxX: 520, maxY: 900 });
    expect(f.glyphForCodePoint(32).path.commands).toEqual([]);
    const hmtx = (f as unknown as { hmtx: { metrics: { toArray(): { advance: number; bearing: number }[] } } }).hmtx.metrics.toArray();
    expect(hmtx.map((m) => m.advance)).toEqual([500, 250, 640, 560, 600, 1000]);
    expect(hmtx.map((m) => m.bearing)).toEqual([50, 0, -20, 40, 60, 0]);
  });

  it('writes the horizontal header and maximum profile from the glyphs', async () => {
    const f = (await fontkitOf(writeTtf(sample()))) as unknown as { hhea: Record<string, number>; maxp: Record<string, number> };
    expect(f.hhea).toMatchObject({ ascent: 969, descent: -242, lineGap: 10, advanceWidthMax: 1000, minLeftSideBearing: -20, minRightSideBearing: -20, xMaxExtent: 900, caretSlopeRise: 1, caretSlopeRun: 0, numberOfMetrics: 6 });
    expect(f.maxp).toMatchObject({ numGlyphs: 6, maxPoints: 7, maxContours: 2, maxZones: 2 });
  });
});

describe('TrueType writer, glyphs without an outline', () => {
  it('leaves them out of the font box and the horizontal header extremes, as OpenType says', async () => {
    // Every outline right of x = 50 and above y = 10; a space and a zero-width glyph have none.
    const f: FontInfo = {
      ...sample(),
      glyphs: [
        { codes: [], advance: 500, contours: [box(50, 10, 450, 700)] },
        { codes: [32], advance: 250, contours: [] },
        { codes: [45], advance: 600, contours: [box(60, 250, 540, 330)] },
        { codes: [0x200b], advance: 0, contours: [] },
      ],
    };
    // Our reader gives the outlines back (each glyph's end in loca is read, not the metrics before it).
    expect(readTtf(writeTtf(f)).glyphs).toEqual(f.glyphs);
    type Tables = { hhea: Record<string, number>; head: Record<string, number>; hmtx: { metrics: { toArray(): { advance: number; bearing: number }[] } } };
    const font = (await fontkitOf(writeTtf(f))) as unknown as Tables;
    expect(font.head).toMatchObject({ xMin: 50, yMin: 10, xMax: 540, yMax: 700 });
    // Right side bearings: 500 − 450 and 600 − 540; the zero-width glyph's 0 − 0 does not count.
    expect(font.hhea).toMatchObject({ minLeftSideBearing: 50, minRightSideBearing: 50, xMaxExtent: 540 });
    // Each glyph's own left side bearing: its outline's left edge, 0 without one.
    expect(font.hmtx.metrics.toArray()).toEqual([
      { advance: 500, bearing: 50 },
      { advance: 250, bearing: 0 },
      { advance: 600, bearing: 60 },
      { advance: 0, bearing: 0 },
    ]);
  });
});

describe('TrueType reader, counts', () => {
  /** The font with directory entries i and j swapped (the reader needs no order). */
  const swapEntries = (bytes: Uint8Array, i: number, j: number) => {
    const a = bytes.slice(12 + i * 16, 12 + i * 16 + 16);
    bytes.copyWithin(12 + i * 16, 12 + j * 16, 12 + j * 16 + 16);
    bytes.set(a, 12 + j * 16);
  };

  it('reads only as many directory entries as the font says it has', () => {
    const bytes = writeTtf(sample());
    const { v, out } = tables(bytes);
    const last = out.size - 1;
    swapEntries(bytes, [...out.keys()].indexOf('name'), last);
    expect(readTtf(bytes.slice()).family).toBe('Test Sans');
    // The name table's entry is now the one past the count.
    v.setUint16(4, last);
    expect(() => readTtf(bytes)).toThrow('font: no name table');
  });

  it('reads only the cmap segments it counts, also when a code point maps to the glyph of its own number', () => {
    // Glyph 32 is the space (U+0020): its segment's idDelta is 0, like the zeros that follow the segment arrays.
    const glyphs: Glyph[] = Array.from({ length: 34 }, (_, i) => ({ codes: [], advance: 500, contours: i ? [] : [box(50, 0, 450, 700)] }));
    glyphs[32] = { codes: [32], advance: 250, contours: [] };
    glyphs[33] = { codes: [65], advance: 640, contours: [box(0, 0, 600, 700)] };
    const back = readTtf(writeTtf({ ...sample(), glyphs }));
    expect(back.glyphs.map((g) => g.codes)).toEqual(glyphs.map((g) => g.codes));
  });

  it('reads only as many name records as the name table says it has', () => {
    const bytes = writeTtf(sample());
    const { v, out } = tables(bytes);
    const name = out.get('name')!.offset;
    const count = v.getUint16(name + 2);
    const record = (i: number) => name + 6 + i * 12;
    // Move the Macintosh family record (platform 1, name 1) to the end, then leave it out of the count.
    const family = [...Array(count).keys()].find((i) => v.getUint16(record(i)) === 1 && v.getUint16(record(i) + 6) === 1)!;
    const a = bytes.slice(record(family), record(family) + 12);
    bytes.copyWithin(record(family), record(count - 1), record(count - 1) + 12);
    bytes.set(a, record(count - 1));
    expect(readTtf(bytes.slice()).family).toBe('Test Sans');
    v.setUint16(name + 2, count - 1);
    expect(readTtf(bytes).family).toBe('Inter');
  });
});

describe('TrueType writer, the bytes', () => {
  it('has a table directory with the binary search fields, sorted tags, 4-byte aligned tables and their checksums', () => {
    const bytes = writeTtf(sample());
    const { v, out } = tables(bytes);
    expect(v.getUint32(0)).toBe(0x00010000);
    const n = v.getUint16(4);
    expect([...out.keys()]).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
    expect(n).toBe(10);
    expect(v.getUint16(6)).toBe(8 * 16);
    expect(v.getUint16(8)).toBe(3);
    expect(v.getUint16(10)).toBe(10 * 16 - 8 * 16);
    let end = 12 + n * 16;
    for (const [tag, t] of out) {
      expect(t.offset, tag).toBe(end);
      expect(t.offset % 4, tag).toBe(0);
      const data = bytes.slice(t.offset, t.offset + t.length);
      if (tag === 'head') data.fill(0, 8, 12);
      expect(t.checksum, tag).toBe(sum(data));
      end = t.offset + Math.ceil(t.length / 4) * 4;
    }
    expect(bytes.length).toBe(end);
    // The whole file sums to the magic number once head.checkSumAdjustment is in.
    expect(sum(bytes)).toBe(0xb1b0afba);
  });

  it('writes a format 4 cmap with one segment per code point and correct search fields', () => {
    const bytes = writeTtf(sample());
    const { v, out } = tables(bytes);
    const cmap = out.get('cmap')!.offset;
    expect([v.getUint16(cmap), v.getUint16(cmap + 2), v.getUint16(cmap + 4), v.getUint16(cmap + 6), v.getUint32(cmap + 8)]).toEqual([0, 1, 3, 1, 12]);
    const sub = cmap + 12;
    // Five code points in the BMP (32, 65, 233, 0x2013, 0x2212) and the final 0xFFFF: 6 segments.
    const segs = 6;
    expect(v.getUint16(sub)).toBe(4);
    expect(v.getUint16(sub + 2)).toBe(16 + segs * 8);
    expect(v.getUint16(sub + 6)).toBe(segs * 2);
    expect(v.getUint16(sub + 8)).toBe(8);
    expect(v.getUint16(sub + 10)).toBe(2);
    expect(v.getUint16(sub + 12)).toBe(segs * 2 - 8);
    const ends = Array.from({ length: segs }, (_, i) => v.getUint16(sub + 14 + i * 2));
    expect(ends).toEqual([32, 65, 233, 0x2013, 0x2212, 0xffff]);
    expect(v.getUint16(sub + 14 + segs * 2)).toBe(0);
    const starts = Array.from({ length: segs }, (_, i) => v.getUint16(sub + 16 + segs * 2 + i * 2));
    expect(starts).toEqual(ends);
    const deltas = Array.from({ length: segs }, (_, i) => v.getUint16(sub + 16 + segs * 4 + i * 2));
    expect(deltas.map((d, i) => (ends[i]! + d) & 0xffff)).toEqual([1, 2, 3, 4, 4, 0]);
    expect(out.get('cmap')!.length).toBe(12 + 16 + segs * 8);
  });

  it('writes each name as Macintosh ASCII (others as "?") and Windows UTF-16', () => {
    const bytes = writeTtf(sample(400, 'Tést'));
    const { v, out } = tables(bytes);
    const name = out.get('name')!.offset;
    const count = v.getUint16(name + 2);
    expect(count).toBe(12);
    const strings = name + v.getUint16(name + 4);
    expect(v.getUint16(name + 4)).toBe(6 + 12 * 12);
    const read = (platform: number, id: number) => {
      for (let i = 0; i < count; i++) {
        const r = name + 6 + i * 12;
        if (v.getUint16(r) !== platform || v.getUint16(r + 6) !== id) continue;
        const raw = bytes.subarray(strings + v.getUint16(r + 10), strings + v.getUint16(r + 10) + v.getUint16(r + 8));
        expect([v.getUint16(r + 2), v.getUint16(r + 4)]).toEqual(platform === 1 ? [0, 0] : [1, 0x409]);
        return platform === 1 ? String.fromCharCode(...raw) : String.fromCharCode(...Array.from({ length: raw.length / 2 }, (_, k) => (raw[2 * k]! << 8) | raw[2 * k + 1]!));
      }
      return undefined;
    };
    expect(read(1, 1)).toBe('T?st');
    expect(read(3, 1)).toBe('Tést');
    expect(read(3, 2)).toBe('Regular');
    expect(read(3, 3)).toBe('Tst-Regular;subset');
    expect(read(3, 4)).toBe('Tést Regular');
    expect(read(1, 6)).toBe('Tst-Regular');
    expect(read(3, 0)).toMatch(/^Inter: Copyright/);
  });

  it('stores glyph outlines as 16-bit deltas with on-curve flags, in long loca offsets', () => {
    const bytes = writeTtf(sample());
    const { v, out } = tables(bytes);
    const loca = out.get('loca')!;
    expect(loca.length).toBe(7 * 4);
    const offsets = Array.from({ length: 7 }, (_, i) => v.getUint32(loca.offset + i * 4));
    // The space has no outline: it takes no bytes.
    expect(offsets[2]! - offsets[1]!).toBe(0);
    for (const o of offsets) expect(o % 4).toBe(0);
    expect(offsets[6]).toBe(out.get('glyf')!.length);
    const a = out.get('glyf')!.offset + offsets[2]!;
    expect([v.getInt16(a), v.getInt16(a + 2), v.getInt16(a + 4), v.getInt16(a + 6), v.getInt16(a + 8)]).toEqual([2, -20, 0, 660, 760]);
    expect([v.getUint16(a + 10), v.getUint16(a + 12), v.getUint16(a + 14)]).toEqual([2, 6, 0]);
    expect([...bytes.subarray(a + 16, a + 23)]).toEqual([1, 0, 1, 1, 1, 1, 1]);
    const xs = Array.from({ length: 7 }, (_, i) => v.getInt16(a + 23 + i * 2));
    expect(xs).toEqual([-20, 340, 340, -460, 240, 0, -240]);
    const ys = Array.from({ length: 7 }, (_, i) => v.getInt16(a + 37 + i * 2));
    expect(ys).toEqual([0, 760, -760, 100, 0, 200, 0]);
  });

  it('writes the post table as version 3 with the underline from the em size', () => {
    const bytes = writeTtf({ ...sample(), unitsPerEm: 2048 });
    const { v, out } = tables(bytes);
    const post = out.get('post')!.offset;
    expect(v.getUint32(post)).toBe(0x00030000);
    expect(v.getInt16(post + 8)).toBe(-205);
    expect(v.getInt16(post + 10)).toBe(102);
    expect(out.get('post')!.length).toBe(32);
  });
});

describe('TrueType reader', () => {
  it('reads back what the writer wrote', () => {
    for (const weight of [400, 600] as const) {
      const f = sample(weight);
      const back = readTtf(writeTtf(f));
      // The reader finds the code points through the cmap (those past the BMP are not in it).
      expect(back).toEqual({ ...f, glyphs: f.glyphs.map((g) => ({ ...g, codes: g.codes.filter((c) => c < 0xffff).sort((x, y) => x - y) })) });
    }
  });

  it('reads a font in a larger buffer at an offset', () => {
    const bytes = writeTtf(sample());
    const big = new Uint8Array(bytes.length + 16);
    big.set(bytes, 8);
    expect(readTtf(big.subarray(8, 8 + bytes.length)).glyphs).toHaveLength(6);
  });

  it('says which table is missing', () => {
    const bytes = writeTtf(sample());
    // Rename the directory's "hhea" entry.
    const { out } = tables(bytes);
    const i = [...out.keys()].indexOf('hhea');
    bytes.set([0x78, 0x78, 0x78, 0x78], 12 + i * 16);
    expect(() => readTtf(bytes)).toThrow('font: no hhea table');
  });
});

describe('TrueType subset', () => {
  it('keeps .notdef, the space and the glyphs of the characters asked for, with new names', async () => {
    const full = readTtf(writeTtf(sample()));
    const bytes = subsetTtf(full, 'A−', { family: 'Test Export', postScriptName: 'TestExport-Regular' });
    const f = await fontkitOf(bytes);
    expect(f.numGlyphs).toBe(4);
    expect(f.familyName).toBe('Test Export');
    expect(f.postscriptName).toBe('TestExport-Regular');
    expect(f.glyphForCodePoint(65).advanceWidth).toBe(640);
    expect(f.hasGlyphForCodePoint(0x2212)).toBe(true);
    // The other code point of the same glyph is not asked for: it is left out.
    expect(f.hasGlyphForCodePoint(0x2013)).toBe(false);
    expect(f.hasGlyphForCodePoint(233)).toBe(false);
    expect(f.hasGlyphForCodePoint(32)).toBe(true);
    expect(f.getGlyph(0).advanceWidth).toBe(500);
    const back = readTtf(bytes);
    expect(back.glyphs[0]!.codes).toEqual([]);
    expect(back.glyphs.map((g) => g.codes)).toEqual([[], [32], [65], [0x2212]]);
  });

  it('keeps the family and the default PostScript name unless told', async () => {
    const f = await fontkitOf(subsetTtf(readTtf(writeTtf(sample())), ['é']));
    expect(f.familyName).toBe('Test Sans');
    expect(f.postscriptName).toBe('TestSans-Regular');
    expect(f.numGlyphs).toBe(3);
  });

  it('never gives .notdef a code point, even one asked for', () => {
    const font = sample();
    font.glyphs[0] = { ...font.glyphs[0]!, codes: [0x41] };
    font.glyphs[2] = { ...font.glyphs[2]!, codes: [] };
    const back = readTtf(subsetTtf(font, 'A'));
    expect(back.glyphs.map((g) => g.codes)).toEqual([[], [32]]);
  });
});

describe('base64', () => {
  it('encodes like Node’s Buffer, also past one chunk of 32 KiB', () => {
    const small = Uint8Array.from([0, 1, 2, 250, 255]);
    expect(base64(small)).toBe(Buffer.from(small).toString('base64'));
    const big = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 7) & 0xff);
    expect(base64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(base64(new Uint8Array(0))).toBe('');
  });
});

describe('TrueType writer, edge cases', () => {
  const os2 = (bytes: Uint8Array) => {
    const { v, out } = tables(bytes);
    return { v, at: out.get('OS/2')!.offset };
  };

  it('writes negative 16-bit values as two’s complement', () => {
    const { v, out } = tables(writeTtf(sample()));
    const head = out.get('head')!.offset;
    expect([v.getInt16(head + 36), v.getInt16(head + 38)]).toEqual([-20, -210]);
    expect(v.getUint16(head + 38)).toBe(0x10000 - 210);
  });

  it('leaves zero-width glyphs out of the average width, and takes the deeper of outline and descender for winDescent', () => {
    const f = sample();
    f.glyphs.push({ codes: [0x301], advance: 0, contours: [box(0, 0, 10, 10)] });
    f.descender = -100;
    const { v, at } = os2(writeTtf(f));
    expect(v.getInt16(at + 2)).toBe(Math.round((500 + 250 + 640 + 560 + 600 + 1000) / 6));
    // winDescent: the outline reaches 210 below the baseline, deeper than the descender's 100.
    expect(v.getUint16(at + 76)).toBe(210);
  });

  it('keeps the code point U+FFFF out of the cmap, whose last segment it marks', () => {
    const f = sample();
    f.glyphs[5] = { ...f.glyphs[5]!, codes: [0xffff] };
    const bytes = writeTtf(f);
    expect(readTtf(bytes).glyphs[5]!.codes).toEqual([]);
    // Five code points and the closing segment: six segments, as without it.
    const { v, out } = tables(bytes);
    expect(v.getUint16(out.get('cmap')!.offset + 12 + 6)).toBe(6 * 2);
  });

  it('writes a character past ASCII as "?" in the Macintosh names, from U+0080 on', () => {
    expect(readTtf(writeTtf(sample(400, 'A\u0080\u007f'))).family).toBe('A?\u007f');
  });

  it('gives the kern subtable its length, and refuses more pairs than one subtable holds', () => {
    const { v, out } = tables(writeTtf({ ...sample(), kerning: [[65, 233, -40], [233, 65, -30], [32, 65, -10]] }));
    const kern = out.get('kern')!;
    expect(v.getUint16(kern.offset + 6)).toBe(14 + 6 * 3);
    expect(kern.length).toBe(4 + 14 + 6 * 3);
    // 105 glyphs give 11,025 pairs; a subtable holds (65,535 − 14) / 6 = 10,920.
    const many = sample();
    for (let c = 0x100; c < 0x100 + 105; c++) many.glyphs.push({ codes: [c], advance: 500, contours: [] });
    const pairs: [number, number, number][] = [];
    for (let l = 0x100; l < 0x100 + 105; l++) for (let r = 0x100; r < 0x100 + 105; r++) pairs.push([l, r, -5]);
    expect(() => writeTtf({ ...many, kerning: pairs.slice(0, 10921) })).toThrow('too many kerning pairs for one kern subtable: 10921');
    const most = tables(writeTtf({ ...many, kerning: pairs.slice(0, 10920) }));
    expect(most.v.getUint16(most.out.get('kern')!.offset + 6)).toBe(14 + 6 * 10920);
  });
});


describe('TrueType writer, checksums as the OpenType specification computes them', () => {
  /** Sum of big-endian 32-bit words, the last one padded with zeros, modulo 2^32 (OpenType, "Calculating checksums"). */
  const sum = (b: Uint8Array) => {
    const padded = new Uint8Array(Math.ceil(b.length / 4) * 4);
    padded.set(b);
    const view = new DataView(padded.buffer);
    let s = 0;
    for (let i = 0; i < padded.length; i += 4) s = (s + view.getUint32(i)) % 2 ** 32;
    return s;
  };

  it('gives each table the checksum of its bytes, and the whole font the one that head.checkSumAdjustment makes 0xB1B0AFBA', () => {
    for (const font of [writeTtf(sample()), writeTtf(sample(600, 'Odd Length Name'))]) {
      const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
      const tables = view.getUint16(4);
      expect(tables).toBeGreaterThan(5);
      for (let i = 0; i < tables; i++) {
        const at = 12 + 16 * i;
        const tag = String.fromCharCode(...font.subarray(at, at + 4));
        const [stated, offset, length] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
        const bytes = font.slice(offset, offset + length);
        // head's own checksum is taken with checkSumAdjustment (its bytes 8–11) as zero.
        if (tag === 'head') bytes.fill(0, 8, 12);
        expect(stated, tag).toBe(sum(bytes));
      }
      expect(sum(font)).toBe(0xb1b0afba);
    }
  });
});
