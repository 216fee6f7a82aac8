/**
 * The shape of the user's choices and their defaults, shared by the atoms (atoms.ts) and the URL mirror (url.ts):
 * each imports this module, neither imports the other's types.
 */
import { NO_FILTERS, type Filters } from '../model/overlay.ts';
import type { PathQuery } from '../model/paths.ts';
import type { EntityKind } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import { sourceIds, type Side } from '../model/view.ts';

export type ViewMode = 'figure' | 'atlas' | 'compare';
export type Selection = { type: 'node' | 'edge'; id: string } | null;

export interface CompareState {
  left: Side;
  right: Side;
  linked: boolean;
  /** One difference diagram (the default, also when absent), or the two sides in linked twin panes. */
  display?: 'difference' | 'twin';
}

export interface UrlState {
  mode: ViewMode;
  figure: string;
  selection: Selection;
  /** Atlas: null means every source. */
  atlasSources: string[] | null;
  /** Figure: other sources overlaid. */
  overlay: string[];
  filters: Filters;
  kinds: EntityKind[];
  path: PathQuery | null;
  chain: number | null;
  compare: CompareState | null;
}

export function defaultUrlState(model: Model): UrlState {
  return {
    mode: 'figure',
    figure: model.figures[0]!.id,
    selection: null,
    atlasSources: null,
    overlay: [],
    filters: NO_FILTERS,
    kinds: [],
    path: null,
    chain: null,
    compare: null,
  };
}

/** The comparison shown when none is chosen: the first two cell sources. */
export function defaultCompare(model: Model): CompareState {
  const sources = sourceIds(model);
  return { left: { type: 'source', id: sources[0]! }, right: { type: 'source', id: sources[1] ?? sources[0]! }, linked: true };
}
