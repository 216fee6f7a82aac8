/**
 * Which font files a prerendered page needs (scripts/prerender.ts preloads any; the start faces are in the page's
 * style itself, inlineStartFaces): the style sheet's @font-face
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


/**
 * The style sheet with the files of its start faces (npm run start-fonts: the two small Inter files of the app's own
 * characters, `inter-start-*.woff2`) put in as `data:` URLs, for the style a prerendered page carries in itself: the
 * first picture's text is drawn in Inter by the page alone, with no font request to wait for. (A preloaded font is
 * render-blocking in Chromium: the first frame waited for both files, which came in behind the scripts' requests.)
 * `read` gives a file's bytes by its name relative to the style sheet. Returns the sheet and the files put in.
 */
export function inlineStartFaces(css: string, read: (file: string) => Uint8Array): { css: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = css.replace(/@font-face\s*{[^}]*}/g, (face) =>
    face.replace(/url\((["']?)\.\/((?:[^)"'/]*\/)*inter-start-[^)"'/]+\.woff2)\1\)/, (_m, _q: string, file: string) => {
      inlined.push(file);
      return `url(data:font/woff2;base64,${Buffer.from(read(file)).toString('base64')})`;
    }),
  );
  return { css: out, inlined };
}
