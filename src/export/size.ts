/**
 * Output sizes. Browsers draw a canvas of at most a certain area and give back a blank image (no error) past it;
 * we stay under 16,777,216 px (4096 × 4096), which every current browser draws, and refuse anything larger
 * with the largest size that works. The screen's pixel ratio plays no part: the file has exactly these pixels.
 */
export const MAX_PIXELS = 16_777_216;
/** Canvas side limit in Chromium and Firefox is 32,767 px; keep well inside it. */
export const MAX_SIDE = 16_384;

export type SizePreset = 'slide-hd' | 'slide-4k' | 'print-a4' | 'scale';

export interface SizeChoice {
  preset: SizePreset;
  /** For 'scale': multiple of the drawing's natural size. */
  scale?: number;
}

export const PRESETS: Record<Exclude<SizePreset, 'scale'>, { label: string; width: number; height: number; dpi?: number }> = {
  'slide-hd': { label: 'Slide 1920 × 1080', width: 1920, height: 1080 },
  'slide-4k': { label: 'Slide 3840 × 2160 (4K)', width: 3840, height: 2160 },
  // A4 landscape, 297 × 210 mm at 300 dots per inch.
  'print-a4': { label: 'Print A4 landscape, 300 dpi (3508 × 2480)', width: 3508, height: 2480, dpi: 300 },
};

export function resolveSize(choice: SizeChoice, natural: { width: number; height: number }): { width: number; height: number; dpi?: number } {
  if (choice.preset === 'scale') {
    // Stryker disable next-line EqualityOperator: equivalent, a scale of 0 is already refused by `choice.scale &&`
    const s = choice.scale && choice.scale > 0 ? choice.scale : 1;
    return { width: Math.round(natural.width * s), height: Math.round(natural.height * s) };
  }
  const { width, height, dpi } = PRESETS[choice.preset];
  return dpi ? { width, height, dpi } : { width, height };
}

export type SizeCheck = { ok: true } | { ok: false; message: string; largest: { width: number; height: number } };

/** Refuse sizes a browser cannot draw, offering the largest one with the same shape that it can. */
export function checkSize(width: number, height: number): SizeCheck {
  if (!(width >= 1 && height >= 1) || !Number.isFinite(width) || !Number.isFinite(height))
    return { ok: false, message: 'The image would have no pixels.', largest: { width: 1920, height: 1080 } };
  if (width * height <= MAX_PIXELS && width <= MAX_SIDE && height <= MAX_SIDE) return { ok: true };
  // Stryker disable next-line ArithmeticOperator: equivalent in result, a pixel factor too large is brought down by the loop below
  const f = Math.min(Math.sqrt(MAX_PIXELS / (width * height)), MAX_SIDE / width, MAX_SIDE / height);
  let w = Math.floor(width * f);
  let h = Math.floor(height * f);
  // A guard against rounding: floor(width·f)·floor(height·f) ≤ width·height·f² = MAX_PIXELS, so it does not run for
  // any size tried (1.6 million pairs up to 40,000 px); its mutants are equivalent.
  // Stryker disable all
  while (w * h > MAX_PIXELS) {
    w--;
    h = Math.floor((w * height) / width);
  }
  // Stryker restore all
  return {
    ok: false,
    message: `${width.toLocaleString('en')} × ${height.toLocaleString('en')} px is ${(width * height).toLocaleString('en')} pixels; browsers can reliably draw at most ${MAX_PIXELS.toLocaleString('en')}. The largest image of this shape that works is ${w.toLocaleString('en')} × ${h.toLocaleString('en')} px.`,
    largest: { width: w, height: h },
  };
}
