/**
 * A small TrueType writer and reader for the exports' embedded font. The build merges the Inter subsets the app
 * ships (@fontsource/inter: Latin, Latin Extended, Greek) into one TrueType font per weight (scripts/
 * gen-export-fonts.ts); an export then keeps only the glyphs its text uses (SVG) or hands the font to jsPDF,
 * which embeds only the glyphs used (PDF). Glyphs are simple outlines (composites flattened at build time).
 *
 * Tables follow the OpenType specification (https://learn.microsoft.com/typography/opentype/spec/): head, hhea,
 * maxp, OS/2, hmtx, cmap (format 4), loca (long), glyf, name, post (version 3).
 */

export interface Glyph {
  /** Unicode code points that map to this glyph (none for .notdef). */
  codes: number[];
  advance: number;
  /** Contours of TrueType points (quadratic; on-curve or control points), in font units. */
  contours: { x: number; y: number; on: boolean }[][];
}

export interface FontInfo {
  family: string;
  weight: 400 | 600;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
  glyphs: Glyph[];
  /** Defaults to Family-Style. */
  postScriptName?: string;
  /**
   * Sets OS/2 USE_TYPO_METRICS, as Inter's own files do, so every system spaces lines by the ascender, descender and
   * line gap above (the screen's faces, scripts/gen-start-fonts.ts).
   */
  typoMetrics?: boolean;
  /** Kerning pairs by code point: [left, right, adjustment in font units], written as a `kern` table. */
  kerning?: [number, number, number][];
  /** The copyright line's last sentence (name id 0). Defaults to the exports'. */
  notice?: string;
}

class Writer {
  private bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v >> 8).u8(v);
  }
  /** A signed 16-bit value: its low 16 bits are its two's complement. */
  i16(v: number) {
    return this.u16(v & 0xffff);
  }
  u32(v: number) {
    return this.u16(Math.floor(v / 0x10000) & 0xffff).u16(v & 0xffff);
  }
  tag(s: string) {
    for (const c of s) this.u8(c.charCodeAt(0));
    return this;
  }
  raw(b: ArrayLike<number>) {
    for (let i = 0; i < b.length; i++) this.bytes.push(b[i]!);
    return this;
  }
  pad4() {
    while (this.bytes.length % 4) this.bytes.push(0);
    return this;
  }
  get length() {
    return this.bytes.length;
  }
  done() {
    return Uint8Array.from(this.bytes);
  }
}

function checksum(b: Uint8Array): number {
  let sum = 0;
  // Stryker disable next-line EqualityOperator: equivalent, a step at i = length (only when it is a multiple of 4) adds a word of zeros
  for (let i = 0; i < b.length; i += 4) sum = (sum + ((b[i]! << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0;
  return sum;
}

/** A glyph's outline box; none for a glyph without points (the space). */
function bounds(g: Glyph): { xMin: number; yMin: number; xMax: number; yMax: number } | undefined {
  const pts = g.contours.flat();
  if (!pts.length) return undefined;
  return {
    xMin: Math.min(...pts.map((p) => p.x)),
    yMin: Math.min(...pts.map((p) => p.y)),
    xMax: Math.max(...pts.map((p) => p.x)),
    yMax: Math.max(...pts.map((p) => p.y)),
  };
}

/** A glyph's outline in the glyf table: nothing for a glyph without points. */
function glyfData(g: Glyph, b: ReturnType<typeof bounds>): Uint8Array {
  if (!b) return new Uint8Array(0);
  const w = new Writer();
  w.i16(g.contours.length).i16(b.xMin).i16(b.yMin).i16(b.xMax).i16(b.yMax);
  let end = -1;
  for (const c of g.contours) w.u16((end += c.length));
  w.u16(0); // no instructions
  const pts = g.contours.flat();
  // Flags: on-curve bit only; coordinates always as 16-bit deltas.
  for (const p of pts) w.u8(p.on ? 1 : 0);
  let x = 0;
  for (const p of pts) {
    w.i16(p.x - x);
    x = p.x;
  }
  let y = 0;
  for (const p of pts) {
    w.i16(p.y - y);
    y = p.y;
  }
  return w.done();
}

function utf16be(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return out;
}

/** The font file. Glyph 0 must be .notdef. */
export function writeTtf(f: FontInfo): Uint8Array {
  const glyphs = f.glyphs;
  const n = glyphs.length;
  const all = glyphs.map(bounds);
  // The font's box and the horizontal header's extremes are over the glyphs with an outline: OpenType leaves empty
  // ones (the space, zero-width marks) out, or they would pull the box to the origin and the side bearings to 0.
  const drawn = glyphs.flatMap((g, i) => (all[i] ? [{ ...all[i], advance: g.advance }] : []));
  // Stryker disable next-line ConditionalExpression: equivalent, with no values Math.min gives Infinity, which the 16-bit writer stores as 0 too (OS/2 takes the descender past it)
  const least = (values: number[]) => (values.length ? Math.min(...values) : 0);
  // Stryker disable next-line ConditionalExpression: equivalent, with no values Math.max gives −Infinity, which the 16-bit writer stores as 0 too (OS/2 takes the ascender past it)
  const most = (values: number[]) => (values.length ? Math.max(...values) : 0);
  const box = {
    xMin: least(drawn.map((b) => b.xMin)),
    yMin: least(drawn.map((b) => b.yMin)),
    xMax: most(drawn.map((b) => b.xMax)),
    yMax: most(drawn.map((b) => b.yMax)),
  };
  const tables: Record<string, Uint8Array> = {};

  // glyf + loca
  const glyf = new Writer();
  const loca = new Writer();
  glyphs.forEach((g, i) => {
    loca.u32(glyf.length);
    glyf.raw(glyfData(g, all[i])).pad4();
  });
  loca.u32(glyf.length);
  tables.glyf = glyf.done();
  tables.loca = loca.done();

  tables.head = new Writer()
    .u32(0x00010000)
    .u32(0x00010000)
    .u32(0) // checkSumAdjustment, set below
    .u32(0x5f0f3cf5)
    .u16(0x000b)
    .u16(f.unitsPerEm)
    .u32(0).u32(0) // created
    .u32(0).u32(0) // modified
    .i16(box.xMin).i16(box.yMin).i16(box.xMax).i16(box.yMax)
    .u16(f.weight >= 600 ? 1 : 0)
    .u16(8)
    .i16(2)
    .i16(1) // long loca offsets
    .i16(0)
    .done();

  const advances = glyphs.map((g) => g.advance);
  tables.hhea = new Writer()
    .u32(0x00010000)
    .i16(f.ascender).i16(f.descender).i16(f.lineGap)
    .u16(Math.max(...advances))
    .i16(box.xMin)
    .i16(least(drawn.map((b) => b.advance - b.xMax)))
    .i16(box.xMax)
    .i16(1).i16(0).i16(0)
    .i16(0).i16(0).i16(0).i16(0)
    .i16(0)
    .u16(n)
    .done();

  const maxPoints = Math.max(0, ...glyphs.map((g) => g.contours.flat().length));
  const maxContours = Math.max(0, ...glyphs.map((g) => g.contours.length));
  tables.maxp = new Writer().u32(0x00010000).u16(n).u16(maxPoints).u16(maxContours).u16(0).u16(0).u16(2).u16(0).u16(0).u16(0).u16(0).u16(0).u16(0).u16(0).u16(0).done();

  const hmtx = new Writer();
  glyphs.forEach((g, i) => hmtx.u16(g.advance).i16(all[i]?.xMin ?? 0));
  tables.hmtx = hmtx.done();

  // cmap: one format 4 subtable (Windows, Unicode BMP), one segment per code point, plus the final 0xFFFF.
  const pairs = glyphs.flatMap((g, gid) => g.codes.filter((c) => c < 0xffff).map((c) => [c, gid] as const)).sort((a, b) => a[0] - b[0]);
  const segs = [...pairs, [0xffff, 0] as const];
  const segX2 = segs.length * 2;
  const search = 2 * 2 ** Math.floor(Math.log2(segs.length));
  const sub = new Writer()
    .u16(4)
    .u16(16 + segs.length * 8)
    .u16(0)
    .u16(segX2)
    .u16(search)
    .u16(Math.log2(search / 2))
    .u16(segX2 - search);
  for (const [c] of segs) sub.u16(c);
  sub.u16(0);
  for (const [c] of segs) sub.u16(c);
  // idDelta: glyph − code modulo 65536 (the closing segment's is 1, mapping 0xFFFF to glyph 0).
  for (const [c, gid] of segs) sub.u16((gid - c) & 0xffff);
  for (let i = 0; i < segs.length; i++) sub.u16(0);
  const subtable = sub.done();
  tables.cmap = new Writer().u16(0).u16(1).u16(3).u16(1).u32(12).raw(subtable).done();

  // name: Macintosh (ASCII) and Windows (UTF-16BE) records.
  const style = f.weight >= 600 ? 'SemiBold' : 'Regular';
  const ps = f.postScriptName ?? `${f.family.replace(/[^A-Za-z0-9-]/g, '')}-${style}`;
  const names: [number, string][] = [
    [0, `Inter: Copyright 2016 The Inter Project Authors (https://github.com/rsms/inter). SIL Open Font License 1.1. ${f.notice ?? 'Subset for MSC-POF Atlas exports.'}`],
    [1, f.family],
    [2, style],
    [3, `${ps};subset`],
    [4, `${f.family} ${style}`],
    [6, ps],
  ];
  const strings: number[][] = [];
  const records: [number, number, number, number, number][] = []; // platform, encoding, language, nameID, index
  for (const [id, s] of names) {
    records.push([1, 0, 0, id, strings.length]);
    strings.push([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63)));
  }
  for (const [id, s] of names) {
    records.push([3, 1, 0x409, id, strings.length]);
    strings.push(utf16be(s));
  }
  const name = new Writer().u16(0).u16(records.length).u16(6 + records.length * 12);
  let off = 0;
  const offsets = strings.map((s) => {
    const o = off;
    off += s.length;
    return o;
  });
  for (const [p, e, l, id, i] of records) name.u16(p).u16(e).u16(l).u16(id).u16(strings[i]!.length).u16(offsets[i]!);
  for (const s of strings) name.raw(s);
  tables.name = name.done();

  const codes = pairs.map(([c]) => c);
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: equivalent in the sum, where zero widths add nothing (the count's filter is tested)
  const avg = Math.round(advances.filter((a) => a > 0).reduce((a, b) => a + b, 0) / Math.max(1, advances.filter((a) => a > 0).length));
  tables['OS/2'] = new Writer()
    .u16(4)
    .i16(avg)
    .u16(f.weight)
    .u16(5)
    .u16(0) // fsType 0: installable embedding
    .i16(650).i16(600).i16(0).i16(75) // subscript
    .i16(650).i16(600).i16(0).i16(350) // superscript
    .i16(50).i16(Math.round(f.xHeight / 2)) // strikeout
    .i16(0)
    .raw([2, 11, f.weight >= 600 ? 7 : 5, 0, 0, 0, 0, 0, 0, 0]) // PANOSE: Latin text, sans
    .u32(0x00000003).u32(0).u32(0).u32(0) // Basic Latin, Latin-1; the cmap says the rest
    .tag('RSMS')
    .u16((f.weight >= 600 ? 0x20 : 0x40) | (f.typoMetrics ? 0x80 : 0))
    .u16(Math.min(...codes, 0xffff))
    .u16(Math.min(Math.max(...codes, 0), 0xffff))
    .i16(f.ascender).i16(f.descender).i16(f.lineGap)
    .u16(Math.max(box.yMax, f.ascender)).u16(Math.max(-box.yMin, -f.descender))
    .u32(1).u32(0)
    .i16(f.xHeight).i16(f.capHeight)
    .u16(0).u16(32).u16(1)
    .done();

  // kern (version 0, one format 0 subtable of horizontal pairs sorted by left and right glyph): what HarfBuzz, and so
  // the browsers, apply when a font has no GPOS.
  const gid = new Map(pairs);
  const kerned = (f.kerning ?? [])
    .flatMap(([l, r, v]) => (gid.has(l) && gid.has(r) && v !== 0 ? [[gid.get(l)!, gid.get(r)!, v] as const] : []))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (kerned.length) {
    const n = kerned.length;
    // Stryker disable next-line EqualityOperator: equivalent, the length 14 + 6n is even and 0xFFFF odd, so they are never equal
    if (14 + 6 * n > 0xffff) throw new Error(`too many kerning pairs for one kern subtable: ${n}`);
    const range = 6 * 2 ** Math.floor(Math.log2(n));
    const kern = new Writer().u16(0).u16(1).u16(0).u16(14 + 6 * n).u16(0x0001).u16(n).u16(range).u16(Math.floor(Math.log2(n))).u16(6 * n - range);
    for (const [l, r, v] of kerned) kern.u16(l).u16(r).i16(v);
    tables.kern = kern.done();
  }

  tables.post = new Writer().u32(0x00030000).u32(0).i16(-Math.round(f.unitsPerEm * 0.1)).i16(Math.round(f.unitsPerEm * 0.05)).u32(0).u32(0).u32(0).u32(0).u32(0).done();

  // Assemble: table directory sorted by tag, tables 4-byte aligned.
  const tags = Object.keys(tables).sort();
  const numTables = tags.length;
  const pow = 2 ** Math.floor(Math.log2(numTables));
  const out = new Writer().u32(0x00010000).u16(numTables).u16(pow * 16).u16(Math.log2(pow)).u16(numTables * 16 - pow * 16);
  let offset = 12 + numTables * 16;
  const placed = tags.map((t) => {
    const o = offset;
    offset += Math.ceil(tables[t]!.length / 4) * 4;
    return o;
  });
  // Stryker disable next-line StringLiteral: equivalent, every tag written here has four characters
  tags.forEach((t, i) => out.tag(t.padEnd(4, ' ')).u32(checksum(tables[t]!)).u32(placed[i]!).u32(tables[t]!.length));
  for (const t of tags) out.raw(tables[t]!).pad4();
  const file = out.done();
  // head.checkSumAdjustment = 0xB1B0AFBA − checksum of the whole file.
  const adj = (0xb1b0afba - checksum(file)) >>> 0;
  const headAt = placed[tags.indexOf('head')]! + 8;
  file[headAt] = adj >>> 24;
  file[headAt + 1] = (adj >>> 16) & 0xff;
  file[headAt + 2] = (adj >>> 8) & 0xff;
  file[headAt + 3] = adj & 0xff;
  return file;
}

/** Read back a font written by writeTtf (simple glyphs, format 4 cmap, long loca). */
export function readTtf(bytes: Uint8Array): FontInfo {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = v.getUint16(4);
  const dir = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    dir.set(String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!), v.getUint32(at + 8));
  }
  const t = (tag: string) => {
    const o = dir.get(tag);
    if (o === undefined) throw new Error(`font: no ${tag} table`);
    return o;
  };
  const head = t('head');
  const unitsPerEm = v.getUint16(head + 18);
  const hhea = t('hhea');
  const ascender = v.getInt16(hhea + 4);
  const descender = v.getInt16(hhea + 6);
  const lineGap = v.getInt16(hhea + 8);
  const n = v.getUint16(t('maxp') + 4);
  const os2 = t('OS/2');
  const weight = v.getUint16(os2 + 4) >= 600 ? 600 : 400;
  const xHeight = v.getInt16(os2 + 86);
  const capHeight = v.getInt16(os2 + 88);
  // Family from the Macintosh name record 1.
  const name = t('name');
  // Stryker disable next-line StringLiteral: equivalent for the fonts writeTtf makes, which always name their family
  let family = 'Inter';
  const count = v.getUint16(name + 2);
  const strOff = name + v.getUint16(name + 4);
  for (let i = 0; i < count; i++) {
    const r = name + 6 + i * 12;
    if (v.getUint16(r) === 1 && v.getUint16(r + 6) === 1) {
      const len = v.getUint16(r + 8);
      const o = strOff + v.getUint16(r + 10);
      family = String.fromCharCode(...bytes.subarray(o, o + len));
    }
  }
  const hmtx = t('hmtx');
  const loca = t('loca');
  const glyf = t('glyf');
  const glyphs: Glyph[] = [];
  for (let g = 0; g < n; g++) {
    const start = v.getUint32(loca + g * 4);
    const end = v.getUint32(loca + g * 4 + 4);
    const contours: Glyph['contours'] = [];
    if (end > start) {
      const p = glyf + start;
      const nc = v.getInt16(p);
      const ends: number[] = [];
      for (let i = 0; i < nc; i++) ends.push(v.getUint16(p + 10 + i * 2));
      // Stryker disable next-line UnaryOperator: equivalent, a glyph without contours keeps no point, however many are read
      const np = (ends.at(-1) ?? -1) + 1;
      let q = p + 10 + nc * 2;
      // Stryker disable next-line ArithmeticOperator: equivalent for the fonts writeTtf writes, whose glyphs have no instructions (length 0)
      q += 2 + v.getUint16(q);
      const flags = [...bytes.subarray(q, q + np)];
      q += np;
      const xs: number[] = [];
      let x = 0;
      for (let i = 0; i < np; i++, q += 2) xs.push((x += v.getInt16(q)));
      const ys: number[] = [];
      let y = 0;
      // Stryker disable next-line EqualityOperator: equivalent, a y past the last point is never used, and glyf is followed by other tables (head, hhea...) to read it from
      for (let i = 0; i < np; i++, q += 2) ys.push((y += v.getInt16(q)));
      let from = 0;
      for (const e of ends) {
        contours.push(xs.slice(from, e + 1).map((xx, i) => ({ x: xx, y: ys[from + i]!, on: (flags[from + i]! & 1) === 1 })));
        from = e + 1;
      }
    }
    glyphs.push({ codes: [], advance: v.getUint16(hmtx + g * 4), contours });
  }
  // cmap format 4, one segment per code point (as written).
  const cmap = t('cmap');
  const sub = cmap + v.getUint32(cmap + 8);
  const segX2 = v.getUint16(sub + 6);
  const segs = segX2 / 2;
  for (let i = 0; i < segs; i++) {
    const endCode = v.getUint16(sub + 14 + i * 2);
    const startCode = v.getUint16(sub + 16 + segX2 + i * 2);
    const delta = v.getUint16(sub + 16 + segX2 * 2 + i * 2);
    if (startCode === 0xffff) continue;
    for (let c = startCode; c <= endCode; c++) glyphs[(c + delta) & 0xffff]?.codes.push(c);
  }
  return { family, weight, unitsPerEm, ascender, descender, lineGap, capHeight, xHeight, glyphs };
}

/** The same font with only .notdef and the glyphs for `chars` (and the space). */
export function subsetTtf(
  font: FontInfo,
  chars: Iterable<string>,
  names: { family?: string; postScriptName?: string } & Pick<FontInfo, 'typoMetrics' | 'kerning' | 'notice'> = {},
): Uint8Array {
  const want = new Set<number>([32]);
  for (const c of chars) want.add(c.codePointAt(0)!);
  const glyphs = [
    // Stryker disable next-line ArrayDeclaration: equivalent, the writer maps only numeric code points below 0xFFFF
    { ...font.glyphs[0]!, codes: [] },
    ...font.glyphs.slice(1).flatMap((g) => {
      const codes = g.codes.filter((c) => want.has(c));
      return codes.length ? [{ ...g, codes }] : [];
    }),
  ];
  const { family, ...rest } = names;
  return writeTtf({ ...font, ...rest, family: family ?? font.family, glyphs });
}

export function base64(bytes: Uint8Array): string {
  let s = '';
  // Stryker disable next-line EqualityOperator: equivalent, one more turn past the end adds an empty chunk
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
