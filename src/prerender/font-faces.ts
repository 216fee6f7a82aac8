/**
 * Which font files a prerendered page needs (scripts/prerender.ts preloads any; the start faces are in the page's
 * style itself, splitStartFaces): the style sheet's @font-face
 * rules for Inter, each split by unicode-range into subsets (latin, latin-ext, greek…), matched against the
 * characters of the page's text.
 */
import { parseUnicodeRange } from './start-font-chars.ts';

export interface FontFace {
  /** The woff2 file, relative to the style sheet. */
  file: string;
  /** Whether the text of this HTML has a character of the face's unicode-range. */
  covers(html: string): boolean;
}

const visibleText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' ');

/** The style sheet's Inter faces (woff2 file, unicode-range), each able to tell whether a text uses it. */
export function fontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const file = /url\(["']?\.\/([^)"']+\.woff2)/.exec(m[1]!)?.[1];
    const range = /unicode-range:([^;}]+)/.exec(m[1]!)?.[1];
    if (!file || !range || !/font-family:\s*["']?Inter/.test(m[1]!)) return [];
    const spans = parseUnicodeRange(range);
    return [{ file, covers: (html: string) => [...visibleText(html)].some((ch) => { const c = ch.codePointAt(0)!; return c > 32 && spans.some(([lo, hi]) => c >= lo! && c <= hi!); }) }];
  });
}


/** A start face taken out of the style sheet, with its file as a `data:` URL. */
export interface StartFace {
  /** The woff2 file, relative to the style sheet. */
  file: string;
  /** The file's bytes as a `data:` URL. */
  url: string;
  /** Its @font-face rule, reading the file from `url`. */
  rule: string;
}

/**
 * The style sheet without its start faces (npm run start-fonts: the two small Inter files of the app's own characters,
 * `inter-start-*.woff2`), and those faces with their files as `data:` URLs, for a prerendered page to carry in itself:
 * the first picture's text is drawn in Inter by the page alone, with no font request to wait for. The page preloads
 * each `data:` URL (a preloaded font is render-blocking in Chromium: the first frame already has the text, instead of
 * a frame of invisible text and another once the face is decoded) and puts its rule right after it, so that gzip finds
 * the second copy of the bytes within its window. `read` gives a file's bytes by its name relative to the style sheet.
 */
export function splitStartFaces(css: string, read: (file: string) => Uint8Array): { css: string; faces: StartFace[] } {
  const faces: StartFace[] = [];
  const rest = css.replace(/@font-face\s*{[^}]*}\n?/g, (face) => {
    const m = /url\((["']?)\.\/((?:[^)"'/]*\/)*inter-start-[^)"'/]+\.woff2)\1\)/.exec(face);
    if (!m) return face;
    const url = `data:font/woff2;base64,${Buffer.from(read(m[2]!)).toString('base64')}`;
    faces.push({ file: m[2]!, url, rule: face.trim().replace(m[0], `url(${url})`) });
    return '';
  });
  return { css: rest, faces };
}
