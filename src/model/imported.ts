/**
 * A user's own graph, imported from a file: its figure (nodes name atlas entities where they matched, its own
 * entities otherwise), its own entities, and, when the file had them, positions. Pure: no storage, no React.
 *
 * Imported graphs sit in the model as extra figures flagged `imported`, so the figure view, the overlay of the
 * review's sources, shared factors, compare, export and links work on them as on the review's figures; the
 * atlas and the per-source views stay the review's own (see `reviewFigures`).
 */
import type { Positions } from '../layout/types.ts';
import type { Candidate, MatchBasis } from './match.ts';
import type { Entity, FigureEdge, FigureFile, Reference, Relation } from './schema.ts';
import type { Figure, Model } from './types.ts';

/** What stops a file from opening: where (line:column or a JSON path) and why. Same shape as the format readers'. */
export interface ImportProblem {
  place: string;
  line?: number;
  column?: number;
  reason: string;
}

/** Limits, each with its own message (see `limitProblems`): big enough for real networks, small enough to stay responsive. */
export const LIMITS = {
  /** Bytes of the file. */
  fileBytes: 20 * 1024 * 1024,
  /** Nodes plus edges. */
  elements: 20_000,
  /** Characters of one label or name. */
  labelChars: 1000,
};

export interface ImportedGraph {
  /** Figure id in the model and in links: `import-…`. */
  key: string;
  /** Shown name; the user can rename it. */
  name: string;
  /** The file it came from. */
  file: string;
  format: string;
  /** ISO time of the import. */
  importedAt: string;
  figure: FigureFile;
  /** Entities the atlas did not have. Matched nodes use the atlas's entities. */
  entities: Entity[];
  references: Reference[];
  /** File node id → the atlas entity it matched, and on what. */
  matches: Record<string, { entity: string; basis: MatchBasis }>;
  /** Counts shown to the user after the import. */
  stats: { nodes: number; edges: number; matched: number; isolated: number };
  positions?: Positions;
}

/** A node or edge as every reader gives it (the bundle reader and the network-format readers). */
export interface GenericNode extends Candidate {
  kind?: string;
  position?: { x: number; y: number };
  /** The app's own bundle: the full entity, kept when it does not match the atlas. */
  entity?: Entity;
}
export interface GenericEdge {
  id: string;
  source: string;
  target: string;
  relation?: Relation;
  interaction?: string;
  refs: number[];
  /** The app's own bundle: the statement as written (evidence, note, section, sources). */
  statement?: FigureEdge;
}
export interface GenericGraph {
  format: string;
  title?: string;
  nodes: GenericNode[];
  edges: GenericEdge[];
  hasPositions: boolean;
  /** The app's own bundle: the figure's caption, section and sources. */
  figure?: Pick<FigureFile, 'caption' | 'section' | 'sources'>;
  references?: Reference[];
}

export const IMPORT_PREFIX = 'import-';
export const isImportId = (id: string) => id.startsWith(IMPORT_PREFIX);

/** Kebab-case slug of any text, never empty. */
export function slug(text: string, fallback = 'x'): string {
  // Steps as statements, not one chain: Stryker reads a `disable next-line` mark only where it leads a statement.
  const dashed = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: "é" → "e", not "e-"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  // Stryker disable next-line Regex: equivalent, `dashed` holds single hyphens only, so "-" and "-+" match the same
  const trimmed = dashed.replace(/^-+|-+$/g, '');
  // Stryker disable next-line Regex: equivalent, as above: a cut ends in at most one hyphen
  const s = trimmed.slice(0, 40).replace(/-+$/, '');
  return s || fallback;
}

/** FNV-1a, as hex: short stable keys from a file's content. */
export function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
/** Text for a label or note: control characters gone, spaces collapsed. Labels are always drawn as text. */
export const clean = (text: string) => {
  // Stryker disable next-line Regex: equivalent, control characters one by one or in a run become spaces that the next line collapses into one
  const spaced = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '); // eslint-disable-line no-control-regex
  return spaced.replace(/\s+/g, ' ').trim();
};

const reviewFigures = (model: Model): readonly Figure[] => model.figures.filter((f) => !f.imported);

/** The model with the user's imported graphs added as figures (after the review's), and their own entities. */
export function withImports(model: Model, imports: readonly ImportedGraph[]): Model {
  if (imports.length === 0) return model;
  const entities = new Map(model.entities);
  const figures: Figure[] = [...reviewFigures(model)];
  imports.forEach((g, i) => {
    for (const e of g.entities) entities.set(e.id, e);
    figures.push({ ...g.figure, label: cut(g.name, 30), title: g.name, order: 1000 + i, file: g.file, imported: true });
  });
  return { ...model, entities, figures };
}
