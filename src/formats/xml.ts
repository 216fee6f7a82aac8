/**
 * A small, strict XML reader for the XML formats (GraphML, SBGN-ML): a tree of elements with namespaces and
 * the line:column where each starts. Built on saxes (a conforming, non-validating SAX parser that never fetches
 * anything and expands no custom entities, so no XXE or "billion laughs"); works in Web Workers, where the
 * browser's DOMParser does not exist.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by local name (namespaced attributes such as xmlns:… are left out). */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Text directly inside the element (concatenated). */
  text: string;
  line: number;
  column: number;
}

/** Deeper than this is not a network file but an attack on the stack of whoever walks it. */
export const MAX_XML_DEPTH = 64;

export type XmlResult = { root: XmlElement } | { error: { line: number; column: number; reason: string } };

/** Thrown from a handler to stop saxes at the first error (it would otherwise read on, see below). */
class Stop extends Error {}

export function parseXml(text: string): XmlResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: { line: number; column: number; reason: string } | undefined;
  let tagLine = 1;
  let tagColumn = 1;
  parser.on('opentagstart', () => {
    tagLine = parser.line;
    tagColumn = parser.column;
  });
  parser.on('opentag', (tag) => {
    if (error) return;
    if (stack.length >= MAX_XML_DEPTH) {
      error = { line: tagLine, column: tagColumn, reason: `elements are nested more than ${MAX_XML_DEPTH} deep` };
      // Stop here: saxes resolves namespaces up its whole stack of open tags, so reading on through 20,000
      // nested tags (80 KB) took ten seconds.
      throw new Stop();
    }
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs.set(a.local, a.value);
    }
    // The column saxes reports is after the tag name; point at the "<" instead.
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '', line: tagLine, column: Math.max(1, tagColumn - tag.name.length - 1) };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (e) => {
    if (!error) error = { line: parser.line, column: Math.max(1, parser.column), reason: e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') };
    // The first error is the one reported; reading on would only cost time on a hostile file.
    throw new Stop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (!error) error = { line: parser.line, column: Math.max(1, parser.column), reason: e instanceof Error ? e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') : String(e) };
  }
  if (error) return { error };
  if (!root) return { error: { line: 1, column: 1, reason: 'the file has no XML element' } };
  return { root };
}

export const place = (el: { line: number; column: number }) => `${el.line}:${el.column}`;

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Text for XML: &, <, > and quotes escaped; characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
