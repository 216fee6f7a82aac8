/**
 * The shipped model in parts, so the browser loads what it shows (issue #10 point 2): one file per figure (the
 * figure, the entities it names, the references it cites, and the list of every figure and source the first view
 * needs) and the whole model for the atlas, compare and search across figures, loaded on their first use.
 *
 * The build splits the validated model (splitModel, vite.config.ts); the browser starts from a figure's part
 * (modelFromPart), adds others as they are opened (withPart) and the whole model on first use (withAtlas). A model
 * that lacks figures says which (`pending`); view.ts refuses to build views from data it does not have.
 */
import { surroundings } from '../model/surroundings.ts';
import type { Entity, Evidence, FigureEdge, Reference, Relation, Sign } from '../model/schema.ts';
import type { Figure, Model, Surroundings } from '../model/types.ts';
import { edgeKey, sourceIds } from '../model/view.ts';
import type { ModelJson } from './model-json.ts';

/** A figure as listed before its data is loaded: what the figure list and links read (no caption, nodes, edges). */
export type FigureMeta = Omit<Figure, 'nodes' | 'edges' | 'caption' | 'section'>;

/** One figure's file. */
export interface FigurePartJson {
  review: ModelJson['review'];
  /** Every review figure, in order, as listed (the figure list, links, the default view). */
  figures: FigureMeta[];
  /** The review's cell sources in order (palette order, links, the source toggles). */
  sources: string[];
  /** This figure, whole. */
  figure: Figure;
  /** The entities the figure names (nodes, edge ends, sources, combinations' members) and every cell source. */
  entities: Entity[];
  /** The references its statements cite. */
  references: Reference[];
  /**
   * A figure about several sources: what every figure states about its entities for those sources, so that what
   * they share is listed (and drawn) from the first render, as the whole model would, without loading it.
   */
  around?: SurroundingsJson;
}

/**
 * Surroundings (model/types.ts) as a part's file carries them, in a third of the text: each merged edge as
 * [source, relation, target, sign, statements], each statement as [figure, its edge's id, sources, refs, section,
 * evidence, evidence by reference (0: none), combination]; a statement's ends and relation are its merged edge's.
 */
export interface SurroundingsJson {
  edges: [source: string, relation: Relation, target: string, sign: Sign, statements: StatementJson[]][];
  cellFree: string[];
}
type StatementJson = [figure: string, edge: string, sources: string[], refs: number[], section: FigureEdge['section'], evidence: Evidence, byRef?: FigureEdge['evidenceByRef'] | 0, combination?: string];

export function surroundingsToJson(around: Surroundings): SurroundingsJson {
  return {
    edges: around.edges.map((e) => [
      e.source,
      e.relation,
      e.target,
      e.sign,
      e.supports.map(({ figure, edge, sources, combination }): StatementJson => {
        const statement: StatementJson = [figure, edge.id, [...sources], [...edge.refs], edge.section, edge.evidence];
        if (edge.evidenceByRef || combination) statement.push(edge.evidenceByRef ?? 0);
        if (combination) statement.push(combination);
        return statement;
      }),
    ]),
    cellFree: [...around.cellFree],
  };
}

export function surroundingsFromJson(json: SurroundingsJson): Surroundings {
  return {
    edges: json.edges.map(([source, relation, target, sign, statements]) => ({
      id: edgeKey(source, relation, target),
      source,
      target,
      relation,
      sign,
      supports: statements.map(([figure, id, sources, refs, section, evidence, byRef, combination]) => ({
        figure,
        edge: { id, source, target, relation, refs, section, evidence, ...(byRef ? { evidenceByRef: byRef } : {}), note: '' },
        sources,
        ...(combination ? { combination } : {}),
      })),
    })),
    cellFree: json.cellFree,
  };
}

const meta = ({ nodes: _nodes, edges: _edges, caption: _caption, section: _section, ...rest }: Figure): FigureMeta => rest;

/** Every string and reference number a figure's data holds (entity ids among the strings). */
function mentions(value: unknown, strings: Set<string>, refs: Set<number>, key = ''): void {
  if (typeof value === 'string') strings.add(value);
  else if (typeof value === 'number' && (key === 'refs' || key === 'ref')) refs.add(value);
  else if (Array.isArray(value)) for (const v of value) mentions(v, strings, refs, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) mentions(v, strings, refs, k);
}

/** The part of a complete model one figure needs. */
export function figurePart(model: Model, figureId: string): FigurePartJson {
  const figure = model.figures.find((f) => f.id === figureId);
  if (!figure) throw new Error(`no figure ${figureId}`);
  const strings = new Set<string>();
  const refs = new Set<number>();
  mentions(figure, strings, refs);
  const ids = new Set([...strings].filter((s) => model.entities.has(s)));
  for (const id of [...ids]) for (const m of model.entities.get(id)!.members ?? []) ids.add(m);
  for (const e of model.entities.values()) if (e.kind === 'msc-source') ids.add(e.id);
  return {
    review: model.review,
    figures: model.figures.filter((f) => !f.imported).map(meta),
    sources: sourceIds(model),
    figure,
    entities: [...model.entities.values()].filter((e) => ids.has(e.id)),
    references: [...model.references.values()].filter((r) => refs.has(r.n)),
    ...(figure.sources.length >= 2 ? { around: surroundingsToJson(surroundings(model, figureId)) } : {}),
  };
}

/** The build's files: one part per review figure, and the whole model for the atlas. */
export function splitModel(model: Model): { parts: Map<string, FigurePartJson>; atlas: ModelJson } {
  const review = model.figures.filter((f) => !f.imported);
  return {
    parts: new Map(review.map((f) => [f.id, figurePart(model, f.id)])),
    atlas: { review: model.review, entities: [...model.entities.values()], references: [...model.references.values()], figures: [...review] },
  };
}

/** The model as one figure's part makes it: that figure whole, the others listed and pending. */
export function modelFromPart(part: FigurePartJson): Model {
  const figures = part.figures.map((f): Figure => (f.id === part.figure.id ? part.figure : { ...f, caption: '', section: '', nodes: [], edges: [] }));
  return {
    review: part.review,
    entities: new Map(part.entities.map((e) => [e.id, e])),
    references: new Map(part.references.map((r) => [r.n, r])),
    figures,
    pending: new Set(part.figures.map((f) => f.id).filter((id) => id !== part.figure.id)),
    sourceOrder: part.sources,
    ...(part.around ? { around: new Map([[part.figure.id, surroundingsFromJson(part.around)]]) } : {}),
  };
}

/** A model with one more figure's part in it (the same model if that figure is already there). */
export function withPart(model: Model, part: FigurePartJson): Model {
  if (!model.pending?.has(part.figure.id)) return model;
  const entities = new Map(model.entities);
  for (const e of part.entities) if (!entities.has(e.id)) entities.set(e.id, e);
  const references = new Map(model.references);
  for (const r of part.references) if (!references.has(r.n)) references.set(r.n, r);
  const pending = new Set(model.pending);
  pending.delete(part.figure.id);
  return {
    ...model,
    entities,
    references,
    figures: model.figures.map((f) => (f.id === part.figure.id ? part.figure : f)),
    pending,
    ...(part.around ? { around: new Map([...(model.around ?? []), [part.figure.id, surroundingsFromJson(part.around)]]) } : {}),
  };
}

/**
 * The whole model, keeping the objects already loaded (the figure on screen, its entities and references), so what
 * is derived from them and drawn stays as it is. For the review's model (the state adds a user's imports after).
 */
export function withAtlas(model: Model, atlas: ModelJson): Model {
  if (!model.pending?.size) return model;
  const loaded = new Map(model.figures.filter((f) => !model.pending!.has(f.id)).map((f) => [f.id, f]));
  // In the whole model's order (search and lists read the maps in order), with the loaded objects in place.
  const entities = new Map(atlas.entities.map((e) => [e.id, model.entities.get(e.id) ?? e]));
  const references = new Map(atlas.references.map((r) => [r.n, model.references.get(r.n) ?? r]));
  // (What the loaded figures carried about the others is in the whole model now.)
  const { pending: _pending, sourceOrder: _order, around: _around, ...rest } = model;
  return {
    ...rest,
    entities,
    references,
    figures: atlas.figures.map((f) => loaded.get(f.id) ?? f),
  };
}

/** Where the parts come from (the build's files in the browser, made in memory in tests). */
export interface ModelLoader {
  figure(id: string): Promise<FigurePartJson>;
  atlas(): Promise<ModelJson>;
}
