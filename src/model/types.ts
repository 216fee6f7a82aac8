/** The validated, typed model the rest of the app works with. Built only by `validate.ts`. */
import type { Entity, FigureFile, Reference, ReferencesFile } from './schema.ts';
import type { ViewEdge } from './view.ts';

export interface Figure extends FigureFile {
  /** Path of the file it came from, relative to graphs/, for messages. */
  file: string;
  /** A graph the user imported (kept in their browser), not one of the review's. */
  imported?: boolean;
}

export interface Model {
  entities: ReadonlyMap<string, Entity>;
  references: ReadonlyMap<number, Reference>;
  review: ReferencesFile['review'];
  /** In reading order (`order`). */
  figures: readonly Figure[];
  /**
   * Review figures whose nodes and edges are not loaded yet: their entries in `figures` carry everything but those
   * (empty), and `entities` and `references` hold only what the loaded figures name. The browser loads a figure's
   * data when it is opened and the rest on first use of the atlas (src/data/model-parts.ts); views of a pending
   * figure or of the atlas refuse to be built from such a model (view.ts). Absent or empty: everything is here.
   */
  pending?: ReadonlySet<string>;
  /** The review's cell sources in order (view.ts sourceIds), carried by a model with pending figures. */
  sourceOrder?: readonly string[];
  /**
   * With pending figures: for a loaded figure about several sources (Fig. 7), what every figure states about its
   * entities, by figure id (model/overlay.ts surroundings). What its sources share is read from it before the rest of
   * the data is loaded. Absent once everything is here.
   */
  around?: ReadonlyMap<string, Surroundings>;
}

/**
 * The statements of every figure on one figure's entities that name one of its sources: each merged edge of the
 * atlas that touches the figure, with those of its supports only; and which of them are carried by vesicles
 * (`figure/edge` keys, as overlay.ts cellFreeSupports). Enough to tell which of the figure's sources act on each of
 * its entities, under any filters, as the atlas would.
 */
export interface Surroundings {
  edges: readonly Pick<ViewEdge, 'id' | 'source' | 'target' | 'relation' | 'sign' | 'supports'>[];
  cellFree: readonly string[];
}

/** True when every figure's data is in the model (nothing pending). */
export const isComplete = (model: Model): boolean => !model.pending?.size;

export interface Issue {
  file: string;
  /** JSON path such as `$.edges[3].refs[0]`. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return `${where} ${issue.path}: ${issue.message}`;
}
