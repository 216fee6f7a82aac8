/**
 * Which font files a prerendered page needs (scripts/prerender.ts preloads them): the style sheet's @font-face
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

