/**
 * npm run font-metrics: advance widths of the Inter font the app draws with (@fontsource/inter), so node boxes
 * can be sized to their labels in Node (build-time layout) and in the layout worker, where there is no canvas
 * to measure text with. Writes src/layout/font-metrics.json.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const file = (subset: string, weight: number) => require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);

// Printable ASCII, Latin-1 letters, the Greek alphabet and the typographic marks the labels use.
const chars = new Set<string>();
for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
for (let c = 0xc0; c <= 0xff; c++) chars.add(String.fromCharCode(c));
for (let c = 0x3b1; c <= 0x3c9; c++) chars.add(String.fromCharCode(c));
for (const c of '–—−‘’“”′″…·×±≥≤→') chars.add(c);

const out: Record<string, unknown> = {};
let unitsPerEm = 0;
for (const weight of [400, 600]) {
  const widths: Record<string, number> = {};
  for (const subset of ['latin', 'latin-ext', 'greek']) {
    const font = fontkit.openSync(file(subset, weight)) as fontkit.Font;
    unitsPerEm = font.unitsPerEm;
    for (const ch of chars) {
      if (widths[ch] !== undefined) continue;
      const cp = ch.codePointAt(0)!;
      if (!font.hasGlyphForCodePoint(cp)) continue;
      widths[ch] = font.glyphForCodePoint(cp).advanceWidth;
    }
  }
  out[weight] = widths;
}
writeFileSync('src/layout/font-metrics.json', JSON.stringify({ family: 'Inter', unitsPerEm, widths: out }) + '\n');
console.log(`wrote src/layout/font-metrics.json (${chars.size} characters, ${unitsPerEm} units/em)`);
