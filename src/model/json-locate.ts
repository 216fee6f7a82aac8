/**
 * Where is `$.edges[3].refs[0]` in the file? A small JSON scanner that records the line and column of
 * every value by its path, so validation messages can point at the place as an editor shows it.
 * It assumes the text already parsed with JSON.parse; on anything unexpected it simply stops recording.
 */
export type Path = readonly (string | number)[];

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export function formatPath(path: Path): string {
  let out = '$';
  for (const part of path) out += pathPart(part);
  return out;
}

/** Line and column (1-based) of a character offset. */
export function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, past the end charCodeAt gives NaN, never a newline
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Values nested deeper than this are skipped, not recorded: a problem there points at its deepest recorded
 * ancestor (see `locate`). Recording every level made a file of 100,000 nested brackets (200 KB) take half a
 * minute and hundreds of megabytes, as each level's path repeats all the levels above it.
 */
export const MAX_LOCATED_DEPTH = 64;

const pathPart = (part: string | number) =>
  typeof part === 'number' ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;

/** Map from formatted path to the offset where its value starts. */
export function locateValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = () => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the end text[i] is undefined, which the pattern reads as "undefined": no space, the loop stops
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const endOfString = () => {
    i++; // opening quote
    // Stryker disable next-line EqualityOperator: equivalent, a string cut off by the end of the text stops one step later, past the end either way
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const str = (): string => {
    const start = i;
    endOfString();
    return JSON.parse(text.slice(start, i));
  };
  const scalar = () => {
    // Stryker disable next-line EqualityOperator: equivalent, a number or literal ending the text stops one step later, past the end either way
    while (i < text.length && /[-+.\w]/.test(text[i]!)) i++;
  };
  /** Past one object or array, from its opening bracket, without recording anything in it, iteratively (no recursion, however deep). */
  const skip = () => {
    let depth = 0;
    do {
      const ch = text[i];
      if (ch === '"') endOfString();
      else {
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') depth--;
        i++;
      }
    } while (
      // Stryker disable next-line EqualityOperator: equivalent, a value cut off by the end of the text stops one step later, past the end either way
      depth > 0 && i < text.length
    );
  };
  const value = (path: string, depth: number): void => {
    ws();
    out.set(path, i);
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_LOCATED_DEPTH) return skip();
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, read on, a key without its opening quote is cut from its first character to the next quote, which JSON.parse refuses too; the message is not shown
        if (text[i] !== '"') throw new Error('key');
        const key = str();
        ws();
        i++; // colon
        value(path + pathPart(key), depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing brace
        return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(path + pathPart(index), depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++;
        return;
      }
    } else if (c === '"') {
      str();
    } else {
      scalar();
    }
  };
  try {
    value('$', 0);
  } catch {
    // Partial map: positions found so far are still right.
  }
  return out;
}

/** Position of the deepest recorded ancestor of `path` (a missing key points at its parent object). */
export function locate(text: string, index: Map<string, number>, path: Path): Position | undefined {
  for (let n = path.length; n >= 0; n--) {
    const offset = index.get(formatPath(path.slice(0, n)));
    if (offset !== undefined) return offsetToPosition(text, offset);
  }
  return undefined;
}
