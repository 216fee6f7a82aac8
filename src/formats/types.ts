/**
 * What every network-format module shares: the graph a reader returns, and the problems it reports instead.
 *
 * Each format is one pure module, `src/formats/<format>.ts`, with
 * - `write(view, positions, model) -> string`: the view as that format's text;
 * - `read(text) -> ReadResult`: a user's file as a `ReadGraph` (in the file's own terms, not yet matched to the
 *   atlas's entities), or the problems that stop it, each with its place and reason.
 *
 * Readers never throw and never run anything from the file: every value comes back as plain text, number or
 * boolean (or a list of them). Attribute objects have no prototype, so a key such as `__proto__` is just a key.
 * Readers do not lay out, limit sizes or match entities: the import pipeline does that with what they return.
 */
import type { Relation } from '../model/schema.ts';

export type FormatId = 'cyjs' | 'cx2' | 'graphml' | 'sif' | 'sbgnml';

/** A value of a node, edge or network attribute, as the file gives it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** Attribute name → value. Created without a prototype (see `attributes()`). */
export type Attributes = Record<string, AttributeValue>;

export interface ReadNode {
  /** The file's node id, as text (CX2's numeric ids become "12"). Unique within the graph. */
  id: string;
  /** Shown name: the file's label/name, else the id. */
  label: string;
  /** Full name, when the file has one apart from the label (our exports: `full_name`). */
  name?: string;
  /** Entity kind when the file names one of ours (`kind` attribute, or an SBGN glyph class), else absent. */
  kind?: string;
  synonyms: string[];
  /** Identifiers as the file writes them (CURIEs such as HGNC:4893, or Bioregistry IRIs), for matching. */
  xrefs: string[];
  /** Node centre, when the file has positions. */
  position?: { x: number; y: number };
  /** Every attribute of the node, by the file's own names (including those read into the fields above). */
  attributes: Attributes;
}

export interface ReadEdge {
  /** The file's edge id, or one made from the ends and interaction when the format has none (SIF). Unique. */
  id: string;
  source: string;
  target: string;
  /** The interaction as written: "inhibits", "pp", an SBGN arc class such as "negative influence". */
  interaction?: string;
  /** The interaction when it is one of our relations (or an SBGN AF arc class that maps to one). */
  relation?: Relation;
  /** Reference numbers of the review, when the file carries them (our exports: `refs`). */
  refs: number[];
  attributes: Attributes;
}

export interface ReadGraph {
  format: FormatId;
  /** The network's name, when the file gives one. */
  title?: string;
  nodes: ReadNode[];
  edges: ReadEdge[];
  /** True when every node has a position (then the import keeps them instead of laying the graph out). */
  hasPositions: boolean;
  attributes: Attributes;
}

export interface Problem {
  /**
   * Where: `line:column` (1-based) for text and XML formats and JSON syntax errors, a JSON path such as
   * `$.elements.nodes[3].data.id` for JSON structure. JSON paths carry `line`/`column` too when known.
   */
  place: string;
  line?: number;
  column?: number;
  /** What is wrong, in a sentence a user can act on. */
  reason: string;
}

export type ReadResult = { graph: ReadGraph } | { problems: Problem[] };

/** A reader stops collecting after this many problems: enough to fix a file, not enough to flood a notice. */
export const MAX_PROBLEMS = 20;

/** An empty attribute map with no prototype. */
export function attributes(): Attributes {
  return Object.create(null) as Attributes;
}
