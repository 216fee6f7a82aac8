/**
 * The URL as a mirror of the user's choices, e.g.
 *   ?figure=fig2&select=node:pten&overlay=hbmmsc
 *   ?view=atlas&sources=hbmmsc,hafmsc&sign=decrease&species=rat&cellfree=1&kinds=mirna&path=hafmsc:amh
 * Parsing never throws: anything it cannot honour is reported in `problems` and replaced by the default.
 */
import { NO_FILTERS, type Filters } from '../model/overlay.ts';
import type { PathQuery } from '../model/paths.ts';
import { ENTITY_KINDS, INJURY_MODELS, SETTINGS, SPECIES, type EntityKind } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import { atlasView, figureView, sourceIds, type Side } from '../model/view.ts';
import type { Selection, ViewMode } from './atoms.ts';

export interface CompareState {
  left: Side;
  right: Side;
  linked: boolean;
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

const SIGNS = ['increase', 'decrease', 'neutral'] as const;

/** Comma-separated values from a known set; unknown ones are reported and dropped. */
function list<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], problems: string[]): T[] {
  const raw = params.get(key);
  if (raw === null || raw === '') return [];
  const out: T[] = [];
  for (const v of raw.split(',')) {
    if ((allowed as readonly string[]).includes(v)) {
      if (!out.includes(v as T)) out.push(v as T);
    } else problems.push(`Ignored "${v}" in ${key}: not one of ${allowed.join(', ')}.`);
  }
  return out;
}

export function parseSide(raw: string | null, model: Model): Side | undefined {
  if (!raw) return undefined;
  const [type, id] = raw.split(':');
  if (type === 'source' && id && sourceIds(model).includes(id)) return { type: 'source', id };
  if (type === 'figure' && id && model.figures.some((f) => f.id === id)) return { type: 'figure', id };
  return undefined;
}

export const sideParam = (side: Side) => `${side.type}:${side.id}`;

export function defaultCompare(model: Model): CompareState {
  const sources = sourceIds(model);
  return { left: { type: 'source', id: sources[0]! }, right: { type: 'source', id: sources[1] ?? sources[0]! }, linked: true };
}

export function parseUrl(search: string, model: Model): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state = defaultUrlState(model);
  const sources = sourceIds(model);
  const first = model.figures[0]!.label;

  const view = params.get('view');
  if (view === 'atlas' || view === 'compare') state.mode = view;
  else if (view !== null && view !== 'figure') problems.push(`There is no "${view}" view; showing ${first}.`);

  const figure = params.get('figure');
  if (figure !== null) {
    if (model.figures.some((f) => f.id === figure)) state.figure = figure;
    else {
      problems.push(`The link names a figure "${figure}" that does not exist; showing ${first} instead.`);
      return { state: defaultUrlState(model), problems };
    }
  }

  if (params.has('sources')) state.atlasSources = list(params, 'sources', sources, problems);
  state.overlay = list(params, 'overlay', sources, problems);
  state.filters = {
    signs: list(params, 'sign', SIGNS, problems),
    species: list(params, 'species', SPECIES, problems),
    settings: list(params, 'setting', SETTINGS, problems),
    injuries: list(params, 'injury', INJURY_MODELS, problems),
    cellFree: params.get('cellfree') === '1',
  };
  state.kinds = list(params, 'kinds', ENTITY_KINDS, problems);

  const path = params.get('path');
  if (path) {
    const [from, to] = path.split(':');
    if (from && to && sources.includes(from) && model.entities.has(to)) state.path = { from, to };
    else problems.push(`The link asks to explain a path "${path}" between things that do not exist; no path is shown.`);
  }
  const chain = params.get('chain');
  if (chain !== null && state.path && /^\d+$/.test(chain)) state.chain = Number(chain);

  if (state.mode === 'compare') {
    const fallback = defaultCompare(model);
    const left = parseSide(params.get('left'), model);
    const right = parseSide(params.get('right'), model);
    if (params.get('left') && !left) problems.push(`The link's left side "${params.get('left')}" does not exist; showing ${fallback.left.id}.`);
    if (params.get('right') && !right) problems.push(`The link's right side "${params.get('right')}" does not exist; showing ${fallback.right.id}.`);
    state.compare = { left: left ?? fallback.left, right: right ?? fallback.right, linked: params.get('linked') !== '0' };
  }

  const select = params.get('select');
  if (select !== null && state.mode !== 'compare') {
    const m = /^(node|edge):(.+)$/.exec(select);
    const shown = state.mode === 'atlas' ? atlasView(model) : figureView(model, state.figure)!;
    const where = state.mode === 'atlas' ? 'the atlas' : model.figures.find((f) => f.id === state.figure)!.label;
    if (!m) problems.push(`The link's selection "${select}" is not of the form node:<id> or edge:<id>; nothing is selected.`);
    else {
      const [, type, id] = m as unknown as [string, 'node' | 'edge', string];
      const exists = type === 'node' ? shown.nodes.some((n) => n.id === id) : shown.edges.some((e) => e.id === id);
      if (exists) state.selection = { type, id };
      else problems.push(`The link selects ${type} "${id}", which is not in ${where}; nothing is selected.`);
    }
  } else if (select !== null) {
    const m = /^node:(.+)$/.exec(select);
    if (m && model.entities.has(m[1]!)) state.selection = { type: 'node', id: m[1]! };
  }
  return { state, problems };
}

export function toSearch(state: UrlState, model: Model): string {
  const params = new URLSearchParams();
  const set = (k: string, v: readonly string[]) => v.length && params.set(k, v.join(','));
  if (state.mode !== 'figure') params.set('view', state.mode);
  if (state.mode === 'figure' && state.figure !== model.figures[0]!.id) params.set('figure', state.figure);
  if (state.mode === 'compare' && state.compare) {
    params.set('left', sideParam(state.compare.left));
    params.set('right', sideParam(state.compare.right));
    if (!state.compare.linked) params.set('linked', '0');
  }
  if (state.mode === 'atlas' && state.atlasSources !== null) params.set('sources', state.atlasSources.join(','));
  if (state.mode === 'figure') set('overlay', state.overlay);
  set('sign', state.filters.signs);
  set('species', state.filters.species);
  set('setting', state.filters.settings);
  set('injury', state.filters.injuries);
  if (state.filters.cellFree) params.set('cellfree', '1');
  set('kinds', state.kinds);
  const path = state.path?.from && state.path.to ? state.path : null;
  if (path) params.set('path', `${path.from}:${path.to}`);
  if (path && state.chain !== null) params.set('chain', String(state.chain));
  if (state.selection) params.set('select', `${state.selection.type}:${state.selection.id}`);
  // Keep links readable: these characters are safe in a query string.
  const s = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7E/g, '~');
  return s ? `?${s}` : '';
}
