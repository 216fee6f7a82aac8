/**
 * A user's own graph, imported from a file: its figure (nodes name atlas entities where they matched, its own
 * entities otherwise), its own entities, and, when the file had them, positions. Pure: no storage, no React.
 *
 * Imported graphs sit in the model as extra figures flagged `imported`, so the figure view, the overlay of the
 * review's sources, shared factors, compare, export and links work on them as on the review's figures; the
 * atlas and the per-source views stay the review's own (see `reviewFigures`).
 */
import type { Positions } from '../layout/types.ts';
import { createMatcher, type Candidate, type MatchBasis } from './match.ts';
import { curieSchema, ENTITY_KINDS, idSchema, RELATIONS, type Entity, type EntityKind, type FigureEdge, type FigureFile, type Reference, type Relation } from './schema.ts';
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
} as const;

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
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
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

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
/** Text for a label or note: control characters gone, spaces collapsed. Labels are always drawn as text. */
export const clean = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Size limits on a read graph; one message per limit crossed. */
export function limitProblems(g: GenericGraph): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const total = g.nodes.length + g.edges.length;
  if (total > LIMITS.elements) {
    problems.push({ place: '$', reason: `the graph has ${g.nodes.length.toLocaleString('en')} nodes and ${g.edges.length.toLocaleString('en')} edges (${total.toLocaleString('en')} elements); at most ${LIMITS.elements.toLocaleString('en')} open here` });
  }
  g.nodes.forEach((n, i) => {
    for (const [what, text] of [['label', n.label], ['name', n.name]] as const) {
      if (text && text.length > LIMITS.labelChars && problems.length < 20) {
        problems.push({ place: `nodes[${i}] (id "${cut(clean(n.id), 40)}")`, reason: `its ${what} is ${text.length.toLocaleString('en')} characters long; at most ${LIMITS.labelChars} are accepted` });
      }
    }
  });
  return problems;
}

/**
 * From a read graph to an imported graph: match nodes to atlas entities, give the others entities of their own,
 * turn edges into statements. `knownRefs` are the review's reference numbers (others are dropped).
 */
export function toImported(
  g: GenericGraph,
  file: string,
  atlasEntities: readonly Entity[],
  knownRefs: ReadonlySet<number>,
): { graph: ImportedGraph } | { problems: ImportProblem[] } {
  const problems = limitProblems(g);
  if (problems.length) return { problems };
  if (g.nodes.length === 0) return { problems: [{ place: '$', reason: 'the file has no nodes' }] };
  if (g.edges.length === 0) return { problems: [{ place: '$', reason: 'the file has no edges: the atlas draws relations between things, so a graph needs at least one' }] };

  const hash = fnv(`${file}\n${g.nodes.length}\n${g.edges.map((e) => `${e.source}>${e.target}`).join('\n')}`);
  const key = `${IMPORT_PREFIX}${slug(file.replace(/\.[a-z0-9]+$/i, ''), 'graph').slice(0, 24).replace(/-+$/, '')}-${hash}`;
  const matcher = createMatcher(atlasEntities);

  const entityOf = new Map<string, string>(); // file node id → entity id
  const own: Entity[] = [];
  const ownIds = new Set<string>();
  const matches: ImportedGraph['matches'] = Object.create(null) as ImportedGraph['matches'];
  let matched = 0;
  for (const n of g.nodes) {
    const label = clean(n.label) || clean(n.id) || 'unnamed';
    const candidate: Candidate = { id: n.id, label, ...(n.name ? { name: clean(n.name) } : {}), synonyms: n.synonyms, xrefs: n.xrefs };
    const hit = matcher.match(candidate);
    if (hit) {
      entityOf.set(n.id, hit.entity);
      matches[n.id] = hit;
      matched++;
      continue;
    }
    const given = n.entity;
    let id = `${key}-${slug(n.id)}`;
    for (let i = 2; ownIds.has(id); i++) id = `${key}-${slug(n.id)}-${i}`;
    ownIds.add(id);
    entityOf.set(n.id, id);
    const kind: EntityKind = (ENTITY_KINDS as readonly string[]).includes(n.kind ?? '') ? (n.kind as EntityKind) : 'gene-or-protein';
    const name = n.name ? clean(n.name) : label.length > 40 ? label : undefined;
    own.push({
      ...(given ?? {}),
      id,
      label: cut(label, 40),
      ...(name ? { name: cut(name, 120) } : {}),
      kind: given?.kind ?? kind,
      synonyms: [...new Set((n.synonyms ?? []).map(clean).filter((s) => s && s.length <= 120))].slice(0, 50),
      xrefs: [...new Set((n.xrefs ?? []).filter((x) => curieSchema.safeParse(x).success))],
    });
  }

  const edges: FigureEdge[] = [];
  const edgeKeys = new Set<string>();
  const touched = new Set<string>();
  for (const e of g.edges) {
    const source = entityOf.get(e.source);
    const target = entityOf.get(e.target);
    if (!source || !target) continue; // readers report dangling edges; this is only a safety net
    const relation: Relation = e.relation && (RELATIONS as readonly string[]).includes(e.relation) ? e.relation : 'regulates';
    const k = `${source}~${relation}~${target}`;
    if (edgeKeys.has(k)) continue; // two file nodes matched one entity: their edges merge
    edgeKeys.add(k);
    touched.add(source).add(target);
    let id = slug(e.id, 'edge');
    if (!idSchema.safeParse(id).success) id = 'edge';
    for (let i = 2; edges.some((x) => x.id === id); i++) id = `${slug(e.id, 'edge')}-${i}`;
    const said = e.interaction ? clean(e.interaction) : relation;
    const st = e.statement;
    const sources = st?.sources?.map((x) => entityOf.get(x) ?? x);
    edges.push({
      id,
      source,
      target,
      relation,
      refs: [...new Set(e.refs.filter((r) => knownRefs.has(r)))].sort((a, b) => a - b),
      section: st?.section ?? 'effects',
      ...(sources?.length ? { sources } : {}),
      evidence: st?.evidence ?? {},
      note: st?.note ?? cut(`${said || relation} (as the file ${cut(file, 60)} states it)`, 240),
    });
  }
  const nodeIds = [...new Set(g.nodes.map((n) => entityOf.get(n.id)!))];
  const isolated = nodeIds.filter((id) => !touched.has(id)).length;
  const name = cut(clean(g.title ?? '') || clean(file) || 'Imported graph', 80);
  const figure: FigureFile = {
    id: key,
    order: 1000,
    label: cut(name, 30),
    title: cut(name, 160),
    caption: cut(
      `Imported from ${clean(file)} (${g.format}): ${g.nodes.length} nodes, ${g.edges.length} edges; ${matched} node${matched === 1 ? '' : 's'} matched to the atlas.` +
        (isolated ? ` ${isolated} node${isolated === 1 ? '' : 's'} without edges ${isolated === 1 ? 'is' : 'are'} not drawn.` : ''),
      600,
    ),
    section: g.figure?.section ?? 'Your graphs',
    sources: (g.figure?.sources ?? []).map((x) => entityOf.get(x) ?? x).filter((x) => nodeIds.includes(x)),
    nodes: nodeIds.map((entity) => ({ entity })),
    edges,
  };
  if (g.figure?.caption) figure.caption = cut(`${g.figure.caption} (Imported from ${clean(file)}; ${matched} of ${g.nodes.length} nodes matched to the atlas.)`, 600);
  let positions: Positions | undefined;
  if (g.hasPositions) {
    const nodes: Positions['nodes'] = {};
    for (const n of g.nodes) if (n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y)) nodes[entityOf.get(n.id)!] ??= { x: n.position.x, y: n.position.y };
    if (Object.keys(nodes).length === nodeIds.length) {
      const xs = Object.values(nodes).map((p) => p.x);
      const ys = Object.values(nodes).map((p) => p.y);
      positions = { hash: '', nodes, edges: {}, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    }
  }
  return {
    graph: {
      key,
      name,
      file: cut(clean(file), 200),
      format: g.format,
      importedAt: new Date().toISOString(),
      figure,
      entities: own,
      references: g.references ?? [],
      matches,
      stats: { nodes: g.nodes.length, edges: g.edges.length, matched, isolated },
      ...(positions ? { positions } : {}),
    },
  };
}

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
