/**
 * A TrueType font wrapped as WOFF2 (https://www.w3.org/TR/WOFF2/), for the small Inter faces a page needs for its
 * first picture (scripts/gen-start-fonts.ts). Every table keeps its own bytes (the "null transform", allowed for
 * glyf and loca with transform version 3, §5.1): the whole table data is one Brotli stream, which is what makes
 * WOFF2 small. Build-time only (node:zlib).
 */
import { brotliCompressSync, constants } from 'node:zlib';

/** §5.1: the tags with a known index, so the directory spends one byte on them. */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

/** UIntBase128 (§4.1): 7 bits a byte, most significant first, the high bit set on every byte but the last. */
export function base128(n: number): number[] {
  const out = [n & 0x7f];
  for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) out.unshift((v & 0x7f) | 0x80);
  return out;
}

interface Table {
  tag: string;
  data: Uint8Array;
}

/** The tables of a TrueType font (sfnt version 1.0), as its directory lists them. */
function readTables(ttf: Uint8Array): { flavor: number; tables: Table[] } {
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const flavor = v.getUint32(0);
  if (flavor !== 0x00010000) throw new Error('not a TrueType font (sfnt version 1.0)');
  const n = v.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
    const offset = v.getUint32(at + 8);
    const length = v.getUint32(at + 12);
    tables.push({ tag, data: ttf.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

/** The WOFF2 file of a TrueType font. Deterministic: the same font gives the same bytes. */
export function woff2(ttf: Uint8Array): Uint8Array {
  const { flavor, tables } = readTables(ttf);
  // Tags in binary order, as in a font's directory, but loca right after glyf (§5.3: the decoder rebuilds them as a pair).
  const key = (t: Table) => (t.tag === 'loca' ? 'glyf\u0001' : t.tag);
  const ordered = [...tables].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const directory: number[] = [];
  for (const t of ordered) {
    const known = KNOWN_TAGS.indexOf(t.tag);
    // Transform version 3 is the null transform for glyf and loca; 0 is the null transform for every other table.
    const version = t.tag === 'glyf' || t.tag === 'loca' ? 3 : 0;
    directory.push(((version << 6) | (known >= 0 ? known : 63)) & 0xff);
    if (known < 0) directory.push(...[...t.tag].map((c) => c.charCodeAt(0)));
    directory.push(...base128(t.data.length));
  }
  const stream = new Uint8Array(ordered.reduce((s, t) => s + t.data.length, 0));
  let at = 0;
  for (const t of ordered) {
    stream.set(t.data, at);
    at += t.data.length;
  }
  const compressed = brotliCompressSync(stream, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT, [constants.BROTLI_PARAM_SIZE_HINT]: stream.length },
  });
  // The font the decoder rebuilds: header, directory, each table padded to 4 bytes.
  const sfntSize = 12 + 16 * tables.length + tables.reduce((s, t) => s + Math.ceil(t.data.length / 4) * 4, 0);
  const headerSize = 48;
  const length = Math.ceil((headerSize + directory.length + compressed.length) / 4) * 4;
  const out = new Uint8Array(length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x774f4632); // 'wOF2'
  v.setUint32(4, flavor);
  v.setUint32(8, length);
  v.setUint16(12, tables.length);
  v.setUint16(14, 0);
  v.setUint32(16, sfntSize);
  v.setUint32(20, compressed.length);
  v.setUint16(24, 1); // font version 1.0: the version of this subset, not of Inter
  v.setUint16(26, 0);
  // No metadata, no private data (offsets and lengths stay 0).
  out.set(directory, headerSize);
  out.set(compressed, headerSize + directory.length);
  return out;
}
