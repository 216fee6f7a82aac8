/**
 * The Inter glyphs a prerendered picture uses, as @font-face rules with the font inline (scripts/prerender.ts puts
 * them in the page): the picture's text paints at once in Inter instead of waiting for the web font files, and the
 * canvas, which draws with the same family and weights, shows the same glyphs when it takes over. Each face's
 * unicode-range is exactly the picture's characters, so other text on the page still uses the full web fonts. The
 * subset is cut from the export fonts (src/generated/fonts, src/export/ttf.ts), as SVG exports do.
 */
import { base64, readTtf, subsetTtf } from '../export/ttf.ts';

export type UsedChars = Record<400 | 600, Set<string>>;

/** `U+20,U+41-43,…`: the code points of `chars` as a CSS unicode-range. */
export function unicodeRange(chars: Iterable<string>): string {
  const cps = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const c of cps) {
    const last = spans.at(-1);
    if (last && c === last[1] + 1) last[1] = c;
    else spans.push([c, c]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return spans.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/** One @font-face per weight the picture uses; '' when it has no text. */
export function inlineFontFaces(fonts: Record<400 | 600, Uint8Array>, used: UsedChars, family = 'Inter'): string {
  return ([400, 600] as const)
    .filter((w) => used[w].size > 0)
    .map((w) => {
      const chars = [...used[w]].filter((c) => c.codePointAt(0)! > 32);
      const ttf = subsetTtf(readTtf(fonts[w]), chars, { family, postScriptName: `Inter-Picture-${w}` });
      return `@font-face{font-family:${family};font-style:normal;font-weight:${w};font-display:block;src:url(data:font/ttf;base64,${base64(ttf)}) format("truetype");unicode-range:${unicodeRange([' ', ...chars])}}`;
    })
    .join('');
}
