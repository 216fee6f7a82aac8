/** The validated, typed model the rest of the app works with. Built only by `validate.ts`. */
import type { Entity, FigureFile, Reference, ReferencesFile } from './schema.ts';

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
