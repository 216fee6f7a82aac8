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
}

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
