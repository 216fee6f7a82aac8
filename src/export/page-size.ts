/**
 * Page sizes for the vector exports (SVG, PDF, slides), chosen on their own: the PNG's pixel presets do not apply.
 * `width` × `height` is the frame the figure is composed into (CSS pixels, 96 per inch); `print` is the size the
 * file declares (SVG width/height, PDF page in points).
 */
export type PageSize = 'slide' | 'a4' | 'letter' | 'natural';

export interface PageSpec {
  label: string;
  width: number;
  height: number;
  /** Declared size: SVG length units and PDF points. */
  print?: { svg: [string, string]; pt: [number, number] };
}

export const PAGE_SIZES: Record<Exclude<PageSize, 'natural'>, PageSpec> = {
  // 13.333 × 7.5 in, PowerPoint's and Keynote's widescreen slide; composed at 1920 × 1080 like the PNG slide.
  slide: { label: 'Slide 16:9 (13.33 × 7.5 in)', width: 1920, height: 1080, print: { svg: ['13.333in', '7.5in'], pt: [960, 540] } },
  a4: { label: 'A4 landscape (297 × 210 mm)', width: 1123, height: 794, print: { svg: ['297mm', '210mm'], pt: [841.89, 595.28] } },
  letter: { label: 'US Letter landscape (11 × 8.5 in)', width: 1056, height: 816, print: { svg: ['11in', '8.5in'], pt: [792, 612] } },
};

export const NATURAL_LABEL = 'The drawing’s own size';

export function resolvePage(size: PageSize, natural: { width: number; height: number }): PageSpec {
  if (size === 'natural') return { label: NATURAL_LABEL, width: natural.width, height: natural.height };
  return PAGE_SIZES[size];
}
