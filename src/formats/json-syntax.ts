/**
 * Where a JSON text first goes wrong, and why: JSON.parse's messages differ between engines and some give no
 * position at all, so the import's "line:column" comes from this scanner instead. It follows RFC 8259, keeps its
 * own stack (no recursion, so deep nesting cannot overflow it) and is only run on text JSON.parse refused.
 */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);

export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const err = (reason: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, n), reason });
  const found = () => (i >= n ? 'the text ends' : `found ${JSON.stringify(text[i])}`);

  /** Scans one string starting at the opening quote. */
  const string = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return err('a \\u escape needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return err(`invalid escape \\${e ?? ''} in a string`);
        continue;
      }
      if (c < 0x20) return err('a string cannot hold a raw line break or control character; close the quote');
      i++;
    }
    return err('a string is not closed', start);
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  /** Scans one value that is not an object or array opening. */
  const scalar = (): JsonSyntaxError | undefined => {
    const c = text[i];
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return undefined;
    }
    if (c === "'") return err('strings need double quotes (")');
    return err(`expected a value, ${found()}`);
  };

  ws();
  if (i >= n) return err('the text is empty', 0);
  // value, then what may follow inside the current container
  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        stack.push('{');
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          stack.pop();
          expectValue = false;
          continue;
        }
        if (text[i] !== '"') return err(`expected a quoted key or "}", ${found()}`);
        const e = string();
        if (e) return e;
        ws();
        if (text[i] !== ':') return err(`expected ":" after the key, ${found()}`);
        i++;
        continue; // a value follows
      }
      if (c === '[') {
        stack.push('[');
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          stack.pop();
          expectValue = false;
        }
        continue;
      }
      if (i >= n) return err('the text ends where a value should be');
      const e = scalar();
      if (e) return e;
      expectValue = false;
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (!top) {
      if (i < n) return err(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
      return undefined;
    }
    const c = text[i];
    if (c === ',') {
      i++;
      ws();
      if (top === '{') {
        if (text[i] !== '"') return err(text[i] === '}' ? 'a comma cannot come before "}"' : `expected a quoted key, ${found()}`);
        const e = string();
        if (e) return e;
        ws();
        if (text[i] !== ':') return err(`expected ":" after the key, ${found()}`);
        i++;
      } else if (text[i] === ']') return err('a comma cannot come before "]"');
      expectValue = true;
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      i++;
      stack.pop();
      continue;
    }
    if (i >= n) return err(`the text ends before the ${top === '{' ? 'object' : 'list'} is closed`);
    return err(`expected "," or "${top === '{' ? '}' : ']'}", ${found()}`);
  }
}
