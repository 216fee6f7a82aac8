/**
 * Add a pHYs chunk (physical pixel size) to a PNG so print software knows its resolution, e.g. 300 dpi.
 * PNG spec: https://www.w3.org/TR/png/#11pHYs — the chunk goes before the first IDAT; units are pixels per metre.
 */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(PHYS_BYTES);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33 bytes; insert right after IHDR.
  const at = 33;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, at), 0);
  out.set(chunk, at);
  out.set(png.subarray(at), at + chunk.length);
  return out;
}

/** A pHYs chunk's bytes: length and type, 9 bytes of data, CRC. */
const PHYS_BYTES = 4 + 4 + 9 + 4;

/** Read the pHYs resolution back (dots per inch), or undefined. */
export function readDpi(png: Uint8Array): number | undefined {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // While a whole pHYs chunk still fits (header 8, data 9, CRC 4 bytes): the chunks after it cannot be read as one.
  for (let i = 8; i + PHYS_BYTES <= png.length; ) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...png.subarray(i + 4, i + 8));
    if (type === 'pHYs' && png[i + 16] === 1) return Math.round(view.getUint32(i + 8) * 0.0254);
    if (type === 'IDAT') return undefined;
    i += 12 + len;
  }
  return undefined;
}
