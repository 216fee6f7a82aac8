/**
 * Which characters the first view's small Inter faces hold (scripts/gen-start-fonts.ts), and the CSS
 * `unicode-range` arithmetic that gives them to those faces and every other character to @fontsource's
 * (vite.config.ts). Pure: no file access.
 */

/** Printable ASCII: any text may use it. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

function strings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, into));
  return into;
}

/**
 * Printable ASCII, every character of the graph files' strings (JSON escapes read as what they mean) and every
 * non-ASCII character of the interface's sources, in code point order. Control characters are left out.
 */
export function startFontChars(graphFiles: string[], interfaceSources: string[]): Set<string> {
  const found = new Set(ASCII);
  for (const text of graphFiles) for (const s of strings(JSON.parse(text), [])) for (const c of s) found.add(c);
  for (const text of interfaceSources) for (const c of text) if (c.codePointAt(0)! > 0x7f) found.add(c);
  const printable = [...found].filter((c) => /[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c));
  return new Set(printable.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
}

/** Code points as a CSS unicode-range, runs joined: `U+20-7E, U+A0, U+3B1-3B2`. */
export function unicodeRange(chars: Iterable<string>): string {
  const codes = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of codes) {
    const last = runs.at(-1);
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

/** A CSS unicode-range as inclusive spans of code points (`U+1F??` wildcards included). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((r) => r.trim().replace(/^U\+/i, ''))
    .filter((r) => r)
    .map((r): [number, number] => {
      const [a, b] = r.split('-');
      return b === undefined ? [parseInt(a!.replace(/\?/g, '0'), 16), parseInt(a!.replace(/\?/g, 'F'), 16)] : [parseInt(a!, 16), parseInt(b, 16)];
    });
}

/**
 * `range` less the code points of `chars`, as a unicode-range; undefined when nothing is left. A face whose range
 * no longer holds a character the start faces hold is never fetched for it, and still is for every other one.
 */
export function subtractRange(range: string, chars: Iterable<string>): string | undefined {
  const remove = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const [lo, hi] of parseUnicodeRange(range)) {
    let from = lo;
    for (const c of remove) {
      if (c < from || c > hi) continue;
      if (c > from) out.push([from, c - 1]);
      from = c + 1;
    }
    if (from <= hi) out.push([from, hi]);
  }
  if (!out.length) return undefined;
  const hex = (n: number) => n.toString(16).toUpperCase();
  return out.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}
