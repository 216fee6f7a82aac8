/**
 * The URL as a mirror of the user's choices, e.g.
 *   ?figure=fig2&select=node:pten&overlay=hbmmsc
 *   ?view=atlas&sources=hbmmsc,hafmsc&sign=decrease&species=rat&cellfree=1&kinds=mirna&path=hafmsc:amh
 * Parsing never throws: anything it cannot honour is reported in `problems` and replaced by the default.
 */
import { atlasMembership, cellFreeSupports, computeOverlay } from '../model/overlay.ts';
import { explainPaths } from '../model/paths.ts';
import { ENTITY_KINDS, INJURY_MODELS, SETTINGS, SPECIES, type Sign } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import { isImportId } from '../model/imported.ts';
import { atlasView, figureView, sourceIds, type Side } from '../model/view.ts';
import { defaultCompare, defaultUrlState, type UrlState } from './choices.ts';

const SIGNS: readonly Sign[] = ['increase', 'decrease', 'neutral'];

/** Longest piece of a link echoed back in a notice; longer values are cut (a 100 KB value once made the page 1 Mpx wide). */
export const MAX_ECHO = 40;
/** Values named per parameter before the rest are only counted (50,000 bad values once made a 5 MB notice). */
const MAX_NAMED = 3;

/**
 * A link value as it can be shown in a message: control characters (NUL, line breaks…) made visible as \u codes,
 * and cut to MAX_ECHO characters with an ellipsis.
 */
export function echo(value: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, slicing a value of MAX_ECHO characters or fewer to MAX_ECHO changes nothing.
  const cut = value.length > MAX_ECHO ? value.slice(0, MAX_ECHO) : value;
  // eslint-disable-next-line no-control-regex
  const shown = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return value.length > MAX_ECHO ? `${shown}…` : shown;
}

/** Comma-separated values from a known set; unknown ones are reported (the first few by name) and dropped. */
function list<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], problems: string[]): T[] {
  const raw = params.get(key);
  if (raw === null || raw === '') return [];
  const known = new Set<string>(allowed);
  const out = new Set<T>();
  const unknown: string[] = [];
  for (const v of raw.split(',')) {
    if (known.has(v)) out.add(v as T);
    else unknown.push(v);
  }
  if (unknown.length) {
    const named = unknown.slice(0, MAX_NAMED).map((v) => `"${echo(v)}"`).join(', ');
    const more = unknown.length > MAX_NAMED ? ` and ${unknown.length - MAX_NAMED} more` : '';
    const choices = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}…` : allowed.join(', ');
    problems.push(`Ignored ${named}${more} in ${key}: not one of ${choices}.`);
  }
  return [...out];
}

/** How many chains the link's path has under its own sources and filters (the same derivation as the atoms). */
function chainCount(model: Model, state: UrlState): number {
  // Stryker disable next-line ConditionalExpression: equivalent, only called with a path (parseUrl checks first).
  if (!state.path) return 0;
  const order = sourceIds(model);
  const atlas = atlasView(model);
  const figure = model.figures.find((f) => f.id === state.figure)!;
  const own = state.mode === 'figure' ? figure.sources : [];
  // Stryker disable next-line all: equivalent, in a figure the overlay shows the figure's own statements whatever sources are active, so the active sources do not change which chains exist.
  const active =
    // Stryker disable next-line all: as above.
    state.mode === 'figure'
      ? // Stryker disable next-line all: as above (after the "?", where Stryker reads it).
        order.filter((s) => own.includes(s) || state.overlay.includes(s))
      : order.filter((s) => state.atlasSources === null || state.atlasSources.includes(s));
  const cellFree = cellFreeSupports(model);
  const view = state.mode === 'atlas' ? atlas : figureView(model, figure.id)!;
  const overlay = computeOverlay(view, atlasMembership(atlas, active, state.filters, cellFree, order), state.filters, cellFree, own);
  // Stryker disable next-line OptionalChaining,BooleanLiteral: equivalent, the overlay is computed over this same view, so every edge has an entry.
  return explainPaths(view, state.path, (e) => overlay.edges.get(e.id)?.on ?? false).chains.length;
}

export function parseSide(raw: string | null, model: Model): Side | undefined {
  if (!raw) return undefined;
  const [type, id] = raw.split(':');
  if (type === 'source' && id && sourceIds(model).includes(id)) return { type: 'source', id };
  if (type === 'figure' && id && model.figures.some((f) => f.id === id)) return { type: 'figure', id };
  return undefined;
}

export const sideParam = (side: Side) => `${side.type}:${side.id}`;

export function parseUrl(search: string, model: Model): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state = defaultUrlState(model);
  const sources = sourceIds(model);
  const first = model.figures[0]!.label;

  const view = params.get('view');
  if (view === 'atlas' || view === 'compare') state.mode = view;
  else if (view !== null && view !== 'figure') problems.push(`There is no "${echo(view)}" view; showing ${first}.`);

  const figure = params.get('figure');
  if (figure !== null) {
    // Only a figure view shows the figure: the atlas and compare links leave it out, so reading one ignores it.
    if (model.figures.some((f) => f.id === figure)) {
      if (state.mode === 'figure') state.figure = figure;
    } else {
      problems.push(
        isImportId(figure)
          ? `The link opens a graph someone imported ("${echo(figure)}"). Imported graphs stay in the browser that opened them, and this one is not in this browser; showing ${first} instead. Open the file here to see it.`
          : `The link names a figure "${echo(figure)}" that does not exist; showing ${first} instead.`,
      );
      return { state: defaultUrlState(model), problems };
    }
  }

  // Each view keeps its own choice of sources: the atlas's shown sources, a figure's overlay.
  if (params.has('sources') && state.mode === 'atlas') state.atlasSources = list(params, 'sources', sources, problems);
  if (state.mode === 'figure') state.overlay = list(params, 'overlay', sources, problems);
  state.filters = {
    signs: list(params, 'sign', SIGNS, problems),
    species: list(params, 'species', SPECIES, problems),
    settings: list(params, 'setting', SETTINGS, problems),
    injuries: list(params, 'injury', INJURY_MODELS, problems),
    cellFree: params.get('cellfree') === '1',
  };
  const cellfree = params.get('cellfree');
  if (cellfree !== null && cellfree !== '1' && cellfree !== '0' && cellfree !== '') {
    problems.push(`Ignored cellfree="${echo(cellfree)}": it is 1 (only cell-free mechanisms) or absent; the cell-free lens is off.`);
  }
  state.kinds = list(params, 'kinds', ENTITY_KINDS, problems);

  const path = params.get('path');
  if (path) {
    const [from, to] = path.split(':');
    if (from && to && sources.includes(from) && model.entities.has(to)) state.path = { from, to };
    else problems.push(`The link asks to explain a path "${echo(path)}" between things that do not exist; no path is shown.`);
  }
  const chain = params.get('chain');
  if (chain !== null && state.path && state.mode !== 'compare') {
    const n = /^\d{1,6}$/.test(chain) ? Number(chain) : NaN;
    const count = chainCount(model, state);
    if (Number.isInteger(n) && n < count) state.chain = n;
    else {
      const which = count === 0 ? 'there is none' : count === 1 ? 'there is only chain 0' : `there are chains 0 to ${count - 1}`;
      problems.push(`The link highlights chain "${echo(chain)}" of the path, but ${which}; all chains are shown.`);
    }
  } else if (chain !== null) problems.push(`Ignored chain="${echo(chain)}": the link explains no path.`);

  if (state.mode === 'compare') {
    const fallback = defaultCompare(model);
    const left = parseSide(params.get('left'), model);
    const right = parseSide(params.get('right'), model);
    // Stryker disable next-line Regex: equivalent, an imported graph's id starts with its prefix, which holds no "figure:": only a leading "figure:" taken away can make a side start with it.
    const missing = (raw: string) => (isImportId(raw.replace(/^figure:/, '')) ? 'is a graph imported in another browser and is not in this one' : 'does not exist');
    if (params.get('left') && !left) problems.push(`The link's left side "${echo(params.get('left')!)}" ${missing(params.get('left')!)}; showing ${fallback.left.id}.`);
    if (params.get('right') && !right) problems.push(`The link's right side "${echo(params.get('right')!)}" ${missing(params.get('right')!)}; showing ${fallback.right.id}.`);
    const linked = params.get('linked');
    if (linked !== null && linked !== '0' && linked !== '1') problems.push(`Ignored linked="${echo(linked)}": it is 0 (panes move apart) or 1; pan and zoom stay linked.`);
    state.compare = { left: left ?? fallback.left, right: right ?? fallback.right, linked: linked !== '0', ...(params.get('panes') === 'twin' ? { display: 'twin' } : {}) };
  }

  const select = params.get('select');
  if (select !== null && state.mode !== 'compare') {
    const m = /^(node|edge):(.+)$/.exec(select);
    const shown = state.mode === 'atlas' ? atlasView(model) : figureView(model, state.figure)!;
    const where = state.mode === 'atlas' ? 'the atlas' : model.figures.find((f) => f.id === state.figure)!.label;
    if (!m) problems.push(`The link's selection "${echo(select)}" is not of the form node:<id> or edge:<id>; nothing is selected.`);
    else {
      const [, type, id] = m as unknown as [string, 'node' | 'edge', string];
      const exists = type === 'node' ? shown.nodes.some((n) => n.id === id) : shown.edges.some((e) => e.id === id);
      if (exists) state.selection = { type, id };
      else problems.push(`The link selects ${type} "${echo(id)}", which is not in ${where}; nothing is selected.`);
    }
  } else if (select !== null) {
    const m = /^node:(.+)$/.exec(select);
    if (m && model.entities.has(m[1]!)) state.selection = { type: 'node', id: m[1]! };
    else problems.push(`The link selects "${echo(select)}", which is not an entity of the comparison; nothing is selected.`);
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
    if (state.compare.display === 'twin') params.set('panes', 'twin');
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
