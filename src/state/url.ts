/**
 * The URL as a mirror of the user's choices: `?figure=fig2&select=node:pten`, `?view=atlas`.
 * Parsing never throws: anything it cannot honour is reported in `problems` and replaced by the default.
 */
import type { Model } from '../model/types.ts';
import { atlasView, figureView } from '../model/view.ts';
import type { Selection, ViewMode } from './atoms.ts';

export interface UrlState {
  mode: ViewMode;
  figure: string;
  selection: Selection;
}

export function defaultUrlState(model: Model): UrlState {
  return { mode: 'figure', figure: model.figures[0]!.id, selection: null };
}

export function parseUrl(search: string, model: Model): { state: UrlState; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state = defaultUrlState(model);

  const view = params.get('view');
  if (view === 'atlas' || view === 'compare') state.mode = view;
  else if (view !== null && view !== 'figure') problems.push(`There is no "${view}" view; showing ${model.figures[0]!.label}.`);

  const figure = params.get('figure');
  if (figure !== null) {
    if (model.figures.some((f) => f.id === figure)) state.figure = figure;
    else {
      problems.push(`The link names a figure "${figure}" that does not exist; showing ${model.figures[0]!.label} instead.`);
      return { state: defaultUrlState(model), problems };
    }
  }

  const select = params.get('select');
  if (select !== null) {
    const m = /^(node|edge):(.+)$/.exec(select);
    const view = state.mode === 'atlas' ? atlasView(model) : figureView(model, state.figure)!;
    const where = state.mode === 'atlas' ? 'the atlas' : model.figures.find((f) => f.id === state.figure)!.label;
    if (!m) problems.push(`The link's selection "${select}" is not of the form node:<id> or edge:<id>; nothing is selected.`);
    else {
      const [, type, id] = m as unknown as [string, 'node' | 'edge', string];
      const exists = type === 'node' ? view.nodes.some((n) => n.id === id) : view.edges.some((e) => e.id === id);
      if (exists) state.selection = { type, id };
      else problems.push(`The link selects ${type} "${id}", which is not in ${where}; nothing is selected.`);
    }
  }
  return { state, problems };
}

export function toSearch(state: UrlState, model: Model): string {
  const params = new URLSearchParams();
  if (state.mode !== 'figure') params.set('view', state.mode);
  if (state.mode === 'figure' && state.figure !== model.figures[0]!.id) params.set('figure', state.figure);
  if (state.selection) params.set('select', `${state.selection.type}:${state.selection.id}`);
  const s = params.toString();
  return s ? `?${s}` : '';
}
