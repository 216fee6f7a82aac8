/** Output sizes of the exports: pixel presets and limits (size.ts), page sizes (page-size.ts), the PNG's dpi (png-dpi.ts). */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { NATURAL_LABEL, PAGE_SIZES, resolvePage } from '../../src/export/page-size.ts';
import { readDpi, withDpi } from '../../src/export/png-dpi.ts';
import { checkSize, MAX_PIXELS, MAX_SIDE, PRESETS, resolveSize } from '../../src/export/size.ts';

describe('pixel sizes', () => {
  it('scales the natural size, rounding, and takes a missing or non-positive scale as 1', () => {
    const natural = { width: 1001, height: 601 };
    expect(resolveSize({ preset: 'scale', scale: 1.5 }, natural)).toEqual({ width: 1502, height: 902 });
    expect(resolveSize({ preset: 'scale' }, natural)).toEqual(natural);
    expect(resolveSize({ preset: 'scale', scale: 0 }, natural)).toEqual(natural);
    expect(resolveSize({ preset: 'scale', scale: -2 }, natural)).toEqual(natural);
  });

  it('gives each preset its size, and a dpi only for print', () => {
    expect(resolveSize({ preset: 'slide-hd' }, { width: 1, height: 1 })).toEqual({ width: 1920, height: 1080 });
    expect('dpi' in resolveSize({ preset: 'slide-4k' }, { width: 1, height: 1 })).toBe(false);
    expect(PRESETS['print-a4']).toEqual({ label: 'Print A4 landscape, 300 dpi (3508 × 2480)', width: 3508, height: 2480, dpi: 300 });
    expect(PRESETS['slide-hd'].label).toBe('Slide 1920 × 1080');
    expect(PRESETS['slide-4k'].label).toBe('Slide 3840 × 2160 (4K)');
  });

  it('accepts up to the pixel and side limits exactly, and not one pixel more', () => {
    expect(checkSize(1, 1)).toEqual({ ok: true });
    expect(checkSize(4096, 4096)).toEqual({ ok: true });
    expect(checkSize(4096, 4097).ok).toBe(false);
    expect(checkSize(MAX_SIDE, 1024)).toEqual({ ok: true });
    expect(checkSize(1024, MAX_SIDE)).toEqual({ ok: true });
    expect(checkSize(MAX_SIDE + 1, 10).ok).toBe(false);
    expect(checkSize(10, MAX_SIDE + 1).ok).toBe(false);
  });

  it('refuses sizes with no pixels, with a fallback of a full HD slide', () => {
    for (const [w, h] of [
      [0, 100],
      [100, 0],
      [0.5, 100],
      [100, -1],
      [Number.NaN, 100],
      [100, Number.NaN],
      [Infinity, 100],
      [100, Infinity],
    ])
      expect(checkSize(w!, h!), `${w} × ${h}`).toEqual({ ok: false, message: 'The image would have no pixels.', largest: { width: 1920, height: 1080 } });
  });

  it('offers the largest size of the same shape within both limits, and says so in full', () => {
    const tall = checkSize(100, 40_000);
    expect(tall).toEqual({
      ok: false,
      message: '100 × 40,000 px is 4,000,000 pixels; browsers can reliably draw at most 16,777,216. The largest image of this shape that works is 40 × 16,384 px.',
      largest: { width: 40, height: 16_384 },
    });
    const wide = checkSize(40_000, 100);
    expect(wide.ok === false && wide.largest).toEqual({ width: 16_384, height: 40 });
    // Square and too many pixels: the largest square under the pixel limit.
    const square = checkSize(5000, 5000);
    expect(square.ok === false && square.largest).toEqual({ width: 4096, height: 4096 });
    for (const [w, h] of [
      [4097, 4097],
      [9999, 7777],
      [20_000, 3000],
      [16_000, 16_000],
    ]) {
      const r = checkSize(w!, h!);
      if (r.ok) throw new Error(`${w} × ${h} was accepted`);
      expect(r.largest.width * r.largest.height).toBeLessThanOrEqual(MAX_PIXELS);
      expect(r.largest.width).toBeLessThanOrEqual(MAX_SIDE);
      expect(r.largest.height).toBeLessThanOrEqual(MAX_SIDE);
      // Not much smaller than it has to be: one more pixel across would break a limit.
      expect((r.largest.width + 2) * (r.largest.height + 2) > MAX_PIXELS || r.largest.width + 2 > MAX_SIDE || r.largest.height + 2 > MAX_SIDE).toBe(true);
      expect(r.largest.width / r.largest.height).toBeCloseTo(w! / h!, 2);
    }
  });
});

describe('page sizes', () => {
  it('gives each page its frame and declared size', () => {
    expect(resolvePage('slide', { width: 5, height: 5 })).toBe(PAGE_SIZES.slide);
    expect(PAGE_SIZES.slide).toEqual({ label: 'Slide 16:9 (13.33 × 7.5 in)', width: 1920, height: 1080, print: { svg: ['13.333in', '7.5in'], pt: [960, 540] } });
    expect(resolvePage('a4', { width: 5, height: 5 })).toEqual({ label: 'A4 landscape (297 × 210 mm)', width: 1123, height: 794, print: { svg: ['297mm', '210mm'], pt: [841.89, 595.28] } });
    expect(resolvePage('letter', { width: 5, height: 5 })).toEqual({ label: 'US Letter landscape (11 × 8.5 in)', width: 1056, height: 816, print: { svg: ['11in', '8.5in'], pt: [792, 612] } });
  });

  it('uses the drawing’s own size for natural, with no declared print size', () => {
    expect(resolvePage('natural', { width: 812, height: 433 })).toEqual({ label: NATURAL_LABEL, width: 812, height: 433 });
    expect(NATURAL_LABEL).toBe('The drawing’s own size');
  });
});

/** A real PNG of 4 × 3 white pixels. */
const png = () => {
  const p = new PNG({ width: 4, height: 3 });
  p.data.fill(255);
  return new Uint8Array(PNG.sync.write(p));
};

/** CRC-32 as PNG defines it, written out independently. */
function crc(bytes: Uint8Array) {
  let c = ~0 >>> 0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (~c >>> 0) >>> 0;
}

describe('PNG dpi chunk', () => {
  it('inserts a 21-byte pHYs chunk right after IHDR with pixels per metre in both directions and a valid CRC', () => {
    const before = png();
    const after = withDpi(before, 300);
    expect(after.length).toBe(before.length + 21);
    expect([...after.subarray(0, 33)]).toEqual([...before.subarray(0, 33)]);
    expect([...after.subarray(54)]).toEqual([...before.subarray(33)]);
    const v = new DataView(after.buffer, after.byteOffset + 33, 21);
    expect(v.getUint32(0)).toBe(9);
    expect(String.fromCharCode(...after.subarray(37, 41))).toBe('pHYs');
    expect(v.getUint32(8)).toBe(11_811);
    expect(v.getUint32(12)).toBe(11_811);
    expect(after[49]).toBe(1);
    expect(v.getUint32(17)).toBe(crc(after.subarray(37, 50)));
    // pngjs checks every chunk's CRC when it reads.
    expect(() => PNG.sync.read(Buffer.from(after))).not.toThrow();
  });

  it('reads back the dpi it wrote, for any resolution', () => {
    for (const dpi of [72, 96, 150, 300, 600, 1200]) expect(readDpi(withDpi(png(), dpi))).toBe(dpi);
  });

  it('reads no dpi from a PNG without pHYs, or with a pHYs in no unit', () => {
    expect(readDpi(png())).toBeUndefined();
    const noUnit = withDpi(png(), 300);
    noUnit[49] = 0;
    expect(readDpi(noUnit)).toBeUndefined();
    // A 1-bit image: its IHDR has a 1 where a pHYs chunk keeps its unit; only a pHYs chunk is read as one.
    const bilevel = png();
    bilevel[24] = 1;
    expect(readDpi(bilevel)).toBeUndefined();
  });

  it('reads the dpi of a file cut right after its pHYs chunk, and no dpi when the chunk is cut short', () => {
    // Signature and IHDR (33 bytes), then the 21 bytes of the pHYs chunk.
    const whole = withDpi(png(), 300).subarray(0, 33 + 21);
    expect(readDpi(whole)).toBe(300);
    expect(readDpi(whole.subarray(0, whole.length - 1))).toBeUndefined();
  });

  it('stops looking at the image data, and reads a chunk in a view of a larger buffer', () => {
    const bytes = withDpi(png(), 150);
    const wrapped = new Uint8Array(bytes.length + 10);
    wrapped.set(bytes, 5);
    expect(readDpi(wrapped.subarray(5, 5 + bytes.length))).toBe(150);
    // A pHYs chunk after the first IDAT is not read (the PNG spec puts it before).
    const plain = png();
    const chunk = withDpi(plain, 300).subarray(33, 54);
    const iend = plain.length - 12;
    const late = new Uint8Array(plain.length + 21);
    late.set(plain.subarray(0, iend));
    late.set(chunk, iend);
    late.set(plain.subarray(iend), iend + 21);
    expect(readDpi(late)).toBeUndefined();
    // A truncated file ends the search without error.
    expect(readDpi(plain.subarray(0, 20))).toBeUndefined();
    // Cut inside the next chunk's header: it is not read past the end.
    expect(readDpi(plain.subarray(0, 30))).toBeUndefined();
  });
});
