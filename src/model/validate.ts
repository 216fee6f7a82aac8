/**
 * The boundary: raw text of the files in graphs/ in, a typed Model (or every problem at once) out.
 * Runs the same in Node (`npm run validate`, tests) and in the browser (the app validates what it ships).
 */
import type { z } from 'zod';
import { locate, locateValues, formatPath, offsetToPosition, type Path } from './json-locate.ts';
import { allEvidence } from './evidence.ts';
import { normalizeName } from './normalize.ts';
import {
  entitiesFileSchema,
  figureFileSchema,
  referencesFileSchema,
  type Entity,
  type EntitiesFile,
  type FigureFile,
  type Reference,
  type ReferencesFile,
} from './schema.ts';
import type { Figure, Issue, Model } from './types.ts';

export const REFERENCE_COUNT = 147;
export const ENTITIES_FILE = 'entities.json';
export const REFERENCES_FILE = 'references.json';
export const FIGURES_DIR = 'figures/';

export interface SourceFile {
  /** Path relative to graphs/, e.g. "figures/fig1-bone-marrow.json". */
  path: string;
  text: string;
}

export interface FigureReport {
  id: string;
  file: string;
  label: string;
  nodes: number;
  edges: number;
  edgesWithoutEvidence: number;
  referencesCited: number;
}

export interface ValidationResult {
  model?: Model;
  errors: Issue[];
  warnings: Issue[];
  report: FigureReport[];
}

class Reporter {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  private index = new Map<string, Map<string, number>>();
  private texts = new Map<string, string>();

  addText(file: string, text: string) {
    this.texts.set(file, text);
  }

  private where(file: string, path: Path) {
    const text = this.texts.get(file);
    // Stryker disable next-line ConditionalExpression: equivalent, without a text locateValues finds no value and locate no place, the same empty place
    if (text === undefined) return {};
    let idx = this.index.get(file);
    // Stryker disable next-line ConditionalExpression: equivalent, the index is a cache: made again each time, it finds the same places
    if (!idx) {
      idx = locateValues(text);
      this.index.set(file, idx);
    }
    const pos = locate(text, idx, path);
    return pos ? { line: pos.line, column: pos.column } : {};
  }

  error(file: string, path: Path, message: string) {
    this.errors.push({ file, path: formatPath(path), ...this.where(file, path), message });
  }

  warn(file: string, path: Path, message: string) {
    this.warnings.push({ file, path: formatPath(path), ...this.where(file, path), message });
  }
}

function parseJson(reporter: Reporter, file: SourceFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const pos = at ? offsetToPosition(file.text, Number(at[1])) : undefined;
    reporter.errors.push({
      file: file.path,
      path: '$',
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      message: `not valid JSON: ${message}`,
    });
    return undefined;
  }
}

function checkSchema<T>(reporter: Reporter, file: string, schema: z.ZodType<T>, data: unknown): T | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    // A key of the wrong shape: zod says only "Invalid key in record"; the key's own rule says what is wanted.
    if (issue.code === 'invalid_key' && issue.issues[0]) message = issue.issues[0].message;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, in zod 4 only an invalid_value issue has `values`, and it always has them
    if (issue.code === 'invalid_value' && 'values' in issue)
      message = `must be one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    reporter.error(file, issue.path as Path, message);
  }
  return undefined;
}

function checkEntities(reporter: Reporter, file: string, data: EntitiesFile) {
  const ids = new Map<string, number>();
  const names = new Map<string, { id: string; name: string }>();
  data.entities.forEach((entity, i) => {
    if (ids.has(entity.id)) {
      reporter.error(file, ['entities', i, 'id'], `duplicate entity id "${entity.id}" (first at $.entities[${ids.get(entity.id)}])`);
    } else ids.set(entity.id, i);
    if (entity.kind === 'msc-source' && !entity.tissue)
      reporter.error(file, ['entities', i], `MSC source "${entity.id}" needs a "tissue" (shown on its toggle, e.g. "bone marrow")`);
    if (entity.kind !== 'msc-source' && entity.tissue)
      reporter.error(file, ['entities', i, 'tissue'], 'only entities of kind msc-source have a tissue');
    const own = new Set<string>();
    [entity.label, ...(entity.name ? [entity.name] : []), ...entity.synonyms].forEach((name, j) => {
      const key = normalizeName(name);
      if (own.has(key)) return;
      own.add(key);
      const other = names.get(key);
      const where: Path = j === 0 ? ['entities', i, 'label'] : entity.name && j === 1 ? ['entities', i, 'name'] : ['entities', i, 'synonyms', j - (entity.name ? 2 : 1)];
      if (other && other.id !== entity.id) {
        reporter.error(file, where, `"${name}" collides with "${other.name}" of entity "${other.id}": one thing, one entity; merge them or rename`);
      } else names.set(key, { id: entity.id, name });
    });
  });
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  data.entities.forEach((entity, i) => {
    if (entity.kind !== 'combination') {
      if (entity.members) reporter.error(file, ['entities', i, 'members'], 'only entities of kind combination have members');
      return;
    }
    const members = entity.members ?? [];
    if (new Set(members).size < 2)
      reporter.error(file, ['entities', i, entity.members ? 'members' : 'kind'], `combination "${entity.id}" needs "members": two or more different entities given together`);
    members.forEach((id, j) => {
      const member = byId.get(id);
      if (!member) reporter.error(file, ['entities', i, 'members', j], `unknown member "${id}"`);
      else if (member.kind === 'combination') reporter.error(file, ['entities', i, 'members', j], `member "${id}" is itself a combination; list its parts instead`);
    });
  });
}

function checkReferences(reporter: Reporter, file: string, data: ReferencesFile) {
  const seen = new Map<number, number>();
  data.references.forEach((ref, i) => {
    if (seen.has(ref.n)) reporter.error(file, ['references', i, 'n'], `duplicate reference number ${ref.n}`);
    else seen.set(ref.n, i);
  });
  const missing: number[] = [];
  for (let n = 1; n <= REFERENCE_COUNT; n++) if (!seen.has(n)) missing.push(n);
  if (missing.length) reporter.error(file, ['references'], `missing reference number(s) ${missing.join(', ')}; the review lists ${REFERENCE_COUNT}`);
}

function checkFigure(
  reporter: Reporter,
  file: string,
  fig: FigureFile,
  entities: ReadonlyMap<string, Entity> | undefined,
  references: ReadonlyMap<number, Reference> | undefined,
) {
  const nodeIndex = new Map<string, number>();
  fig.nodes.forEach((node, i) => {
    if (nodeIndex.has(node.entity)) reporter.error(file, ['nodes', i, 'entity'], `entity "${node.entity}" is listed twice`);
    else nodeIndex.set(node.entity, i);
    if (entities && !entities.has(node.entity))
      reporter.error(file, ['nodes', i, 'entity'], `unknown entity "${node.entity}": add it to ${ENTITIES_FILE} first`);
  });

  // Called only when the entities are there (each caller checks first).
  const isSource = (id: string) => entities!.get(id)?.kind === 'msc-source';
  fig.sources.forEach((id, i) => {
    if (entities && !isSource(id)) reporter.error(file, ['sources', i], `"${id}" is not an entity of kind msc-source`);
    else if (!nodeIndex.has(id)) reporter.error(file, ['sources', i], `source "${id}" is not a node of this figure`);
  });

  const used = new Set<string>();
  const edgeIds = new Map<string, number>();
  const triples = new Map<string, number>();
  fig.edges.forEach((edge, i) => {
    const at = (...rest: (string | number)[]): Path => ['edges', i, ...rest];
    if (edgeIds.has(edge.id)) reporter.error(file, at('id'), `duplicate edge id "${edge.id}"`);
    else edgeIds.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIndex.has(edge[end])) reporter.error(file, at(end), `${end} "${edge[end]}" is not a node of this figure`);
      used.add(edge[end]);
    }
    if (edge.source === edge.target) reporter.error(file, at('target'), 'an edge may not point at its own source');
    const triple = `${edge.source}|${edge.relation}|${edge.target}`;
    if (triples.has(triple))
      reporter.error(file, at(), `same ${edge.relation} edge as $.edges[${triples.get(triple)}]: merge their references into one edge`);
    else triples.set(triple, i);
    if (edge.refs.length === 0 && edge.section !== 'prospects')
      reporter.error(file, at('refs'), 'cites no reference; only statements from "Problems and prospects" may be uncited');
    const seenRefs = new Set<number>();
    edge.refs.forEach((n, j) => {
      if (n < 1 || n > REFERENCE_COUNT) reporter.error(file, at('refs', j), `reference ${n} is outside 1–${REFERENCE_COUNT}`);
      else if (references && !references.has(n)) reporter.error(file, at('refs', j), `reference ${n} is not in ${REFERENCES_FILE}`);
      if (seenRefs.has(n)) reporter.error(file, at('refs', j), `reference ${n} is cited twice`);
      seenRefs.add(n);
    });
    const byRef = edge.evidenceByRef ?? {};
    for (const [key, ev] of Object.entries(byRef)) {
      if (!edge.refs.includes(Number(key)))
        reporter.error(file, at('evidenceByRef', key), `reference ${key} is not cited by this edge (refs: ${edge.refs.join(', ') || 'none'})`);
      else if (edge.refs.length < 2)
        reporter.error(file, at('evidenceByRef', key), 'the edge cites one reference: put these details in "evidence"');
      if (Object.keys(ev).length === 0) reporter.error(file, at('evidenceByRef', key), 'empty; remove it');
      for (const field of Object.keys(ev) as (keyof typeof ev)[]) {
        if (field !== 'basis' && edge.evidence[field] !== undefined)
          reporter.error(file, at('evidenceByRef', key, field), `"${field}" is also in "evidence": a detail holds for every reference (keep it in "evidence") or for some (keep it here)`);
      }
    }
    const target = entities?.get(edge.target);
    if (edge.relation === 'part-of') {
      if (entities && target?.kind !== 'combination')
        reporter.error(file, at('target'), `"part-of" points at a combination; "${edge.target}" is not one`);
      else if (target && !target.members?.includes(edge.source))
        reporter.error(file, at('source'), `"${edge.source}" is not a member of the combination "${edge.target}" (members: ${target.members?.join(', ') ?? 'none'})`);
    }
    edge.sources?.forEach((id, j) => {
      if (entities && !isSource(id)) reporter.error(file, at('sources', j), `"${id}" is not an entity of kind msc-source`);
    });
  });

  // A combination is drawn with its parts: each member is a node of the figure, joined to it by an edge.
  fig.nodes.forEach((node, i) => {
    const entity = entities?.get(node.entity);
    if (entity?.kind !== 'combination') return;
    for (const member of entity.members ?? []) {
      const joined = fig.edges.some((e) => e.source === member && e.target === node.entity && e.relation === 'part-of');
      if (!joined)
        reporter.error(file, ['nodes', i], `combination "${node.entity}": its member "${member}" must be a node of this figure with a "part-of" edge to it`);
    }
  });

  fig.nodes.forEach((node, i) => {
    if (!used.has(node.entity)) reporter.error(file, ['nodes', i], `node "${node.entity}" takes part in no edge; remove it or connect it`);
  });
}

export function hasEvidence(e: FigureFile['edges'][number]['evidence']): boolean {
  return Boolean(e.species?.length || e.setting?.length || e.injury?.length);
}

/** Validate every file; return the model only when there is no error. */
export function validateGraphs(files: readonly SourceFile[]): ValidationResult {
  const reporter = new Reporter();
  for (const f of files) reporter.addText(f.path, f.text);

  const entitiesSrc = files.find((f) => f.path === ENTITIES_FILE);
  const referencesSrc = files.find((f) => f.path === REFERENCES_FILE);
  const figureSrcs = files.filter((f) => f.path.startsWith(FIGURES_DIR)).sort((a, b) => a.path.localeCompare(b.path));
  for (const f of files) {
    if (f.path !== ENTITIES_FILE && f.path !== REFERENCES_FILE && !f.path.startsWith(FIGURES_DIR) && !f.path.startsWith('schema/'))
      reporter.error(f.path, [], `unexpected file: graphs/ holds ${ENTITIES_FILE}, ${REFERENCES_FILE}, ${FIGURES_DIR}*.json and schema/`);
  }

  if (!entitiesSrc) reporter.error(ENTITIES_FILE, [], 'file is missing');
  if (!referencesSrc) reporter.error(REFERENCES_FILE, [], 'file is missing');
  if (figureSrcs.length === 0) reporter.error(FIGURES_DIR, [], 'no figure files');

  let entities: Map<string, Entity> | undefined;
  if (entitiesSrc) {
    const raw = parseJson(reporter, entitiesSrc);
    const data = raw === undefined ? undefined : checkSchema(reporter, ENTITIES_FILE, entitiesFileSchema, raw);
    if (data) {
      checkEntities(reporter, ENTITIES_FILE, data);
      entities = new Map(data.entities.map((e) => [e.id, e]));
    }
  }

  let references: Map<number, Reference> | undefined;
  let review: ReferencesFile['review'] | undefined;
  if (referencesSrc) {
    const raw = parseJson(reporter, referencesSrc);
    const data = raw === undefined ? undefined : checkSchema(reporter, REFERENCES_FILE, referencesFileSchema, raw);
    if (data) {
      checkReferences(reporter, REFERENCES_FILE, data);
      references = new Map(data.references.map((r) => [r.n, r]));
      review = data.review;
    }
  }

  /** Each figure read, with its line of the report: sorted together by the figure's order at the end. */
  const read: { figure: Figure; report: FigureReport }[] = [];
  const figureIds = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const src of figureSrcs) {
    const raw = parseJson(reporter, src);
    const fig = raw === undefined ? undefined : checkSchema(reporter, src.path, figureFileSchema, raw);
    if (!fig) continue;
    if (figureIds.has(fig.id)) reporter.error(src.path, ['id'], `figure id "${fig.id}" is also used by ${figureIds.get(fig.id)}`);
    else figureIds.set(fig.id, src.path);
    if (orders.has(fig.order)) reporter.error(src.path, ['order'], `order ${fig.order} is also used by ${orders.get(fig.order)}`);
    else orders.set(fig.order, src.path);
    checkFigure(reporter, src.path, fig, entities, references);
    read.push({
      figure: { ...fig, file: src.path },
      report: {
        id: fig.id,
        file: src.path,
        label: fig.label,
        nodes: fig.nodes.length,
        edges: fig.edges.length,
        edgesWithoutEvidence: fig.edges.filter((e) => !hasEvidence(allEvidence(e))).length,
        referencesCited: new Set(fig.edges.flatMap((e) => e.refs)).size,
      },
    });
  }

  if (entities && read.length) {
    const usedAnywhere = new Set(read.flatMap((r) => r.figure.nodes.map((n) => n.entity)));
    [...entities.keys()].forEach((id, i) => {
      if (!usedAnywhere.has(id)) reporter.warn(ENTITIES_FILE, ['entities', i], `entity "${id}" is drawn in no figure yet`);
    });
  }

  read.sort((a, b) => a.figure.order - b.figure.order);
  const figures = read.map((r) => r.figure);
  const report = read.map((r) => r.report);
  const ok = reporter.errors.length === 0 && entities && references && review;
  return {
    ...(ok ? { model: { entities: entities!, references: references!, review: review!, figures } } : {}),
    errors: reporter.errors,
    warnings: reporter.warnings,
    report,
  };
}
