/**
 * npm run export-fonts: the font the SVG and PDF exports embed. Inter as the app ships it (@fontsource/inter,
 * SIL Open Font License 1.1) comes as one WOFF2 file per script; this merges Latin, Latin Extended and Greek into
 * one TrueType font per weight, with composite glyphs flattened, written to src/generated/fonts/. Exports keep
 * only the glyphs they use (src/export/ttf.ts). With --check, fail when the stored files differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { writeTtf, type Glyph } from '../src/export/ttf.ts';

const require = createRequire(import.meta.url);
const file = (subset: string, weight: number) => require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);

type Cmd = { command: string; args: number[] };

function contours(commands: Cmd[]): Glyph['contours'] {
  const out: Glyph['contours'] = [];
  let cur: Glyph['contours'][number] = [];
  const close = () => {
    const first = cur[0];
    const last = cur.at(-1);
    if (cur.length > 1 && first && last && last.on && first.on && last.x === first.x && last.y === first.y) cur.pop();
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (const { command, args } of commands) {
    const r = args.map((a) => Math.round(a));
    if (command === 'moveTo') {
      close();
      cur.push({ x: r[0]!, y: r[1]!, on: true });
    } else if (command === 'lineTo') cur.push({ x: r[0]!, y: r[1]!, on: true });
    else if (command === 'quadraticCurveTo') cur.push({ x: r[0]!, y: r[1]!, on: false }, { x: r[2]!, y: r[3]!, on: true });
    else if (command === 'closePath') close();
    else throw new Error(`unexpected outline command ${command}: Inter's WOFF2 files are TrueType`);
  }
  close();
  return out;
}

const check = process.argv.includes('--check');
let stale = false;
for (const weight of [400, 600] as const) {
  const glyphs: Glyph[] = [];
  const seen = new Set<number>();
  let meta: fontkit.Font | undefined;
  for (const subset of ['latin', 'latin-ext', 'greek']) {
    const font = fontkit.openSync(file(subset, weight)) as fontkit.Font;
    if (!meta) {
      meta = font;
      const notdef = font.getGlyph(0);
      glyphs.push({ codes: [], advance: notdef.advanceWidth, contours: contours(notdef.path.commands as Cmd[]) });
    }
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      if (seen.has(cp) || cp >= 0xffff) continue;
      seen.add(cp);
      const g = font.glyphForCodePoint(cp);
      glyphs.push({ codes: [cp], advance: g.advanceWidth, contours: contours(g.path.commands as Cmd[]) });
    }
  }
  const m = meta!;
  const bytes = writeTtf({
    family: 'Inter',
    weight,
    unitsPerEm: m.unitsPerEm,
    ascender: m.ascent,
    descender: m.descent,
    lineGap: m.lineGap,
    capHeight: m.capHeight,
    xHeight: m.xHeight,
    glyphs,
  });
  const path = `src/generated/fonts/inter-${weight}.ttf`;
  if (check) {
    let old: Uint8Array | undefined;
    try {
      old = readFileSync(path);
    } catch {
      /* missing */
    }
    if (!old || Buffer.compare(Buffer.from(old), Buffer.from(bytes)) !== 0) {
      console.error(`${path} is out of date: run npm run export-fonts`);
      stale = true;
    }
  } else {
    writeFileSync(path, bytes);
    console.log(`wrote ${path}: ${glyphs.length} glyphs, ${bytes.length.toLocaleString('en')} bytes`);
  }
}
if (stale) process.exit(1);
