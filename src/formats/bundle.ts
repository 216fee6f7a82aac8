/**
 * The app's own graph bundle: one figure with the entities it uses and the references it cites, in one JSON file,
 * under the same contract as graphs/ (schema.ts; JSON Schema in graphs/schema/bundle.schema.json):
 *
 *   { "format": "msc-pof-atlas-bundle", "version": 1, "figure": {…}, "entities": […], "references": […] }
 *
 * `read(text)` gives a graph ready for import, or every problem with its place (line:column and JSON path).
 * `write(model, figureId)` writes one figure of the model as a bundle. Pure, no DOM.
 */
import { z } from 'zod';
import { formatPath, locateValues, offsetToPosition, type Path } from '../model/json-locate.ts';
import type { GenericGraph, ImportProblem } from '../model/imported.ts';
import { entitySchema, figureFileSchema, referenceSchema, type Entity } from '../model/schema.ts';
import type { Model } from '../model/types.ts';

export const BUNDLE_FORMAT = 'msc-pof-atlas-bundle';

export const bundleFileSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(1),
    figure: figureFileSchema,
    entities: z.array(entitySchema).min(1),
    references: z.array(referenceSchema).default([]),
  })
  .strict();

export type BundleFile = z.infer<typeof bundleFileSchema>;

/** Does this text look like a bundle (cheap, for format detection)? */
export const looksLikeBundle = (text: string) => text.slice(0, 4000).includes(`"${BUNDLE_FORMAT}"`);

function jsonError(text: string, e: unknown): ImportProblem {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  const offset = m ? Number(m[1]) : text.length;
  const pos = offsetToPosition(text, offset);
  return { place: `${pos.line}:${pos.column}`, line: pos.line, column: pos.column, reason: `not valid JSON (${msg.replace(/^.*?:\s*/, '').split(/,\s*"/)[0]!.slice(0, 120)})` };
}

export function read(input: string): { graph: GenericGraph } | { problems: ImportProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problems: [text.trim() === '' ? { place: '1:1', line: 1, column: 1, reason: 'the file is empty' } : jsonError(text, e)] };
  }
  let index: Map<string, number> | undefined;
  const at = (path: Path, reason: string): ImportProblem => {
    const place = formatPath(path);
    try {
      index ??= locateValues(text);
    } catch {
      index = new Map();
    }
    const offset = index.get(place);
    if (offset === undefined) return { place, reason };
    const pos = offsetToPosition(text, offset);
    return { place: `${place} (${pos.line}:${pos.column})`, line: pos.line, column: pos.column, reason };
  };
  const parsed = bundleFileSchema.safeParse(value);
  if (!parsed.success) {
    return { problems: parsed.error.issues.slice(0, 20).map((i) => at(i.path as Path, i.message)) };
  }
  const b = parsed.data;
  const problems: ImportProblem[] = [];
  const entities = new Map<string, Entity>();
  b.entities.forEach((e, i) => {
    if (entities.has(e.id)) problems.push(at(['entities', i, 'id'], `entity "${e.id}" is listed twice`));
    entities.set(e.id, e);
  });
  const nodes = new Set<string>();
  b.figure.nodes.forEach((n, i) => {
    if (!entities.has(n.entity)) problems.push(at(['figure', 'nodes', i, 'entity'], `entity "${n.entity}" is not in the bundle's entities`));
    if (nodes.has(n.entity)) problems.push(at(['figure', 'nodes', i, 'entity'], `node "${n.entity}" is listed twice`));
    nodes.add(n.entity);
  });
  const refs = new Set(b.references.map((r) => r.n));
  const edgeIds = new Set<string>();
  b.figure.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) problems.push(at(['figure', 'edges', i, 'id'], `edge id "${e.id}" is used twice`));
    edgeIds.add(e.id);
    if (!nodes.has(e.source)) problems.push(at(['figure', 'edges', i, 'source'], `source "${e.source}" is not a node of the figure`));
    if (!nodes.has(e.target)) problems.push(at(['figure', 'edges', i, 'target'], `target "${e.target}" is not a node of the figure`));
    e.refs.forEach((r, j) => {
      if (!refs.has(r)) problems.push(at(['figure', 'edges', i, 'refs', j], `reference ${r} is not in the bundle's references`));
    });
  });
  b.figure.sources.forEach((s, i) => {
    if (entities.get(s)?.kind !== 'msc-source') problems.push(at(['figure', 'sources', i], `source "${s}" is not an entity of kind msc-source in the bundle`));
  });
  if (problems.length) return { problems: problems.slice(0, 20) };
  return {
    graph: {
      format: 'bundle',
      title: `${b.figure.label}: ${b.figure.title}`,
      hasPositions: false,
      nodes: b.figure.nodes.map((n) => {
        const e = entities.get(n.entity)!;
        return { id: e.id, label: e.label, ...(e.name ? { name: e.name } : {}), kind: e.kind, synonyms: e.synonyms, xrefs: e.xrefs, entity: e };
      }),
      edges: b.figure.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, relation: e.relation, refs: e.refs, statement: e })),
      figure: { caption: b.figure.caption, section: b.figure.section, sources: b.figure.sources },
      references: b.references,
    },
  };
}

/** One figure of the model as a bundle (the review's own figures, or a graph the user imported). */
export function write(model: Model, figureId: string): string {
  const fig = model.figures.find((f) => f.id === figureId);
  if (!fig) throw new Error(`no figure "${figureId}"`);
  const { file: _file, imported: _imported, ...figure } = fig;
  const ids = new Set([...fig.nodes.map((n) => n.entity), ...fig.sources]);
  const refs = new Set(fig.edges.flatMap((e) => e.refs));
  const bundle: BundleFile = {
    format: BUNDLE_FORMAT,
    version: 1,
    figure,
    entities: [...ids].map((id) => model.entities.get(id)!).filter(Boolean),
    references: [...model.references.values()].filter((r) => refs.has(r.n)),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
