/**
 * Pieces every reader shares: problem collection, JSON parsing with places, turning a file's attributes into a
 * `ReadNode`/`ReadEdge`, and the final checks (ids unique, edge ends exist) that make a `ReadGraph` sound.
 */
import { ENTITY_KINDS, RELATIONS, type Relation } from '../model/schema.ts';
import { formatPath, locateValues, offsetToPosition, type Path } from '../model/json-locate.ts';
import { findJsonError } from './json-syntax.ts';
import { parseXml, place as xmlPlace, type XmlElement } from './xml.ts';
import { attributes, MAX_PROBLEMS, type AttributeValue, type Attributes, type Problem, type ReadEdge, type ReadNode, type ReadResult } from './types.ts';

/** Thrown inside a reader when it has collected enough problems; caught by `guard`. */
class TooManyProblems extends Error {}

export class Problems {
  readonly list: Problem[] = [];
  private located?: Map<string, number>;
  /** `text`, for JSON formats: JSON paths then also get a line and column. */
  constructor(private readonly jsonText?: string) {}

  add(place: string, reason: string, pos?: { line: number; column: number }): void {
    this.list.push(pos ? { place, line: pos.line, column: pos.column, reason } : { place, reason });
    if (this.list.length >= MAX_PROBLEMS) throw new TooManyProblems();
  }

  /** A problem at a JSON path, with its line and column when the path can be found in the text. */
  at(path: Path, reason: string): void {
    const place = formatPath(path);
    let pos: { line: number; column: number } | undefined;
    if (this.jsonText !== undefined) {
      this.located ??= safeLocate(this.jsonText);
      const offset = this.located.get(place);
      if (offset !== undefined) pos = offsetToPosition(this.jsonText, offset);
    }
    this.add(place, reason, pos);
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

function safeLocate(text: string): Map<string, number> {
  try {
    return locateValues(text);
  } catch {
    return new Map();
  }
}

/**
 * Runs a reader body; whatever it throws (too many problems, a stack overflow on absurd nesting, a bug) becomes a
 * problem instead of an exception, so a hostile file can never take the import down.
 */
export function guard(problems: Problems, body: () => ReadResult): ReadResult {
  try {
    const result = body();
    if (problems.any) return { problems: problems.list };
    return result;
  } catch (e) {
    if (!(e instanceof TooManyProblems)) {
      problems.list.push({ place: problems.list.length ? 'after the problems above' : '1:1', reason: `the file could not be read (${e instanceof Error ? e.message : String(e)})` });
    } else {
      problems.list.push({ place: 'after the problems above', reason: `more problems follow; only the first ${MAX_PROBLEMS} are listed` });
    }
    return { problems: problems.list };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse; on a syntax error, its place as line:column and the reason (from `findJsonError`). */
export function parseJson(text: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    if (text.trim() === '') return { problem: { place: '1:1', line: 1, column: 1, reason: 'the file is empty' } };
    const found = findJsonError(text);
    const pos = offsetToPosition(text, found?.offset ?? text.length);
    const reason = found ? found.reason : (e instanceof Error ? e.message : String(e)).split(/,\s*(?:\.\.\.)?"/)[0]!;
    return { problem: { place: `${pos.line}:${pos.column}`, line: pos.line, column: pos.column, reason: `not valid JSON: ${reason}` } };
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Coordinates beyond this are not a drawing; they would only break layout and zoom. */
export const MAX_COORDINATE = 1e9;

/** A finite, sane coordinate, or a reason it is not one. */
export function coordinate(v: unknown): number | string {
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) v = Number(v);
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a finite number';
  if (Math.abs(v) > MAX_COORDINATE) return `must be between −${MAX_COORDINATE} and ${MAX_COORDINATE}`;
  return v;
}

/** A file's attribute value as plain data; nested objects become their JSON text; undefined if empty. */
export function attributeValue(v: unknown): AttributeValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v as number[];
    if (v.every((x) => typeof x === 'boolean')) return v as boolean[];
    return v.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === 'string' ? x : JSON.stringify(x) ?? String(x)));
  }
  if (v === null || v === undefined) return undefined;
  return JSON.stringify(v);
}

export function copyAttributes(source: Record<string, unknown>, skip: readonly string[] = []): Attributes {
  const out = attributes();
  for (const key of Object.keys(source)) {
    if (skip.includes(key)) continue;
    const value = attributeValue(source[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const own = (a: Attributes, key: string): AttributeValue | undefined => (Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined);

/** Text of an attribute (first of a list); undefined when absent or blank. */
export function textOf(a: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = own(a, key);
    const t = Array.isArray(v) ? (v.length ? String(v[0]) : '') : v === undefined ? '' : String(v);
    if (t.trim() !== '') return t.trim();
  }
  return undefined;
}

/** A list attribute, or a text attribute split on `;` or `|` (how GraphML and spreadsheets carry lists). */
export function listOf(a: Attributes, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const v = own(a, key);
    if (v === undefined) continue;
    const items = Array.isArray(v) ? v.map(String) : String(v).split(/\s*[;|]\s*/);
    for (const item of items) {
      const t = item.trim();
      if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
    }
  }
  return out;
}

const KINDS = new Set<string>(ENTITY_KINDS);
const RELATION_SET = new Set<string>(RELATIONS);

/** SBGN activity-flow arc classes (and common SIF words) as our relations. */
const INTERACTION_RELATION: Record<string, Relation> = {
  'positive influence': 'promotes',
  'negative influence': 'inhibits',
  'unknown influence': 'regulates',
  'necessary stimulation': 'activates',
  stimulation: 'activates',
  inhibition: 'inhibits',
  activation: 'activates',
};

export function relationOf(interaction: string | undefined): Relation | undefined {
  if (!interaction) return undefined;
  const t = interaction.trim().toLowerCase();
  if (RELATION_SET.has(t)) return t as Relation;
  return Object.prototype.hasOwnProperty.call(INTERACTION_RELATION, t) ? INTERACTION_RELATION[t] : undefined;
}

export function makeNode(id: string, attrs: Attributes, position?: { x: number; y: number }): ReadNode {
  const label = textOf(attrs, 'name', 'label', 'shared_name', 'Label') ?? id;
  const name = textOf(attrs, 'full_name');
  const kind = textOf(attrs, 'kind');
  const node: ReadNode = {
    id,
    label,
    synonyms: listOf(attrs, 'synonyms'),
    xrefs: listOf(attrs, 'xrefs', 'represents', 'alias'),
    attributes: attrs,
  };
  if (name && name !== label) node.name = name;
  if (kind && KINDS.has(kind)) node.kind = kind;
  if (position) node.position = position;
  return node;
}

/** Reference numbers from a `refs` attribute: a number list, one number, or text such as "30, 43". */
export function refsOf(attrs: Attributes): number[] {
  const v = own(attrs, 'refs');
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : typeof v === 'number' ? [v] : String(v).split(/[\s,;|]+/);
  const out: number[] = [];
  for (const item of items) {
    const n = typeof item === 'number' ? item : Number(item);
    if (Number.isInteger(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

export function makeEdge(id: string, source: string, target: string, attrs: Attributes, interaction?: string): ReadEdge {
  const inter = interaction ?? textOf(attrs, 'interaction', 'relation', 'i');
  const edge: ReadEdge = { id, source, target, refs: refsOf(attrs), attributes: attrs };
  if (inter) edge.interaction = inter;
  const relation = relationOf(inter);
  if (relation) edge.relation = relation;
  return edge;
}

/**
 * The checks every format needs once its elements are read: at least one node, unique node and edge ids, edge
 * ends that are nodes. `report(index, field, reason)` names the place the way the format does.
 */
export function checkGraph(
  nodes: readonly ReadNode[],
  edges: readonly ReadEdge[],
  report: { node: (i: number, field: 'id', reason: string) => void; edge: (i: number, field: 'id' | 'source' | 'target', reason: string) => void; empty: () => void },
): void {
  if (nodes.length === 0) report.empty();
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    if (ids.has(n.id)) report.node(i, 'id', `node id "${clip(n.id)}" is used twice`);
    ids.add(n.id);
  });
  const edgeIds = new Set<string>();
  edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) report.edge(i, 'id', `edge id "${clip(e.id)}" is used twice`);
    edgeIds.add(e.id);
    if (!ids.has(e.source)) report.edge(i, 'source', `edge source "${clip(e.source)}" is not a node of the file`);
    if (!ids.has(e.target)) report.edge(i, 'target', `edge target "${clip(e.target)}" is not a node of the file`);
  });
}

/** Cuts a value quoted in a message to a readable length. */
export function clip(text: string, max = 60): string {
  const t = text.replace(/[\u0000-\u001f\u007f]/g, '·');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function allPositioned(nodes: readonly ReadNode[]): boolean {
  return nodes.length > 0 && nodes.every((n) => n.position !== undefined);
}

/**
 * The root of an XML file that must be a <name> document, or the reading's result when it cannot go on: a syntax
 * error with its line:column, or the wrong root element (the GraphML and SBGN-ML readers share this opening).
 */
export function xmlRoot(text: string, name: string, problems: Problems): { root: XmlElement } | { result: ReadResult } {
  const parsed = parseXml(stripBom(text));
  if ('error' in parsed) {
    const { line, column, reason } = parsed.error;
    return { result: { problems: [{ place: `${line}:${column}`, line, column, reason: `not well-formed XML: ${reason}` }] } };
  }
  if (parsed.root.name !== name) {
    problems.add(xmlPlace(parsed.root), `the root element is <${parsed.root.name}>, not <${name}>`, parsed.root);
    return { result: { problems: problems.list } };
  }
  return { root: parsed.root };
}
