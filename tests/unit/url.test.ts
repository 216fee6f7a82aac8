import { describe, expect, it } from 'vitest';
import { parseUrl, toSearch } from '../../src/state/url.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();

describe('URL mirror of the view', () => {
  it('round-trips figure, view and selection', () => {
    const states = [
      { mode: 'figure' as const, figure: 'fig1', selection: null },
      { mode: 'figure' as const, figure: 'fig1', selection: { type: 'node' as const, id: 'pten' } },
      { mode: 'figure' as const, figure: 'fig1', selection: { type: 'edge' as const, id: 'mir-21~inhibits~pten' } },
      { mode: 'atlas' as const, figure: 'fig1', selection: { type: 'node' as const, id: 'mir-21' } },
    ];
    for (const s of states) {
      const search = toSearch(s, model);
      expect(parseUrl(search, model)).toEqual({ state: s, problems: [] });
    }
    expect(toSearch(states[0]!, model)).toBe('');
  });

  it('opens the default view with a message when the figure does not exist', () => {
    const r = parseUrl('?figure=fig99&select=node:pten', model);
    expect(r.state).toEqual({ mode: 'figure', figure: model.figures[0]!.id, selection: null });
    expect(r.problems).toEqual([`The link names a figure "fig99" that does not exist; showing ${model.figures[0]!.label} instead.`]);
  });

  it('drops a selection that is not in the view, saying so', () => {
    const r = parseUrl('?figure=fig1&select=node:unicorn', model);
    expect(r.state.selection).toBeNull();
    expect(r.problems[0]).toMatch(/selects node "unicorn", which is not in Fig\. 1/);
    expect(parseUrl('?select=garbage', model).problems[0]).toMatch(/not of the form node:<id> or edge:<id>/);
    expect(parseUrl('?view=nonsense', model).problems[0]).toMatch(/There is no "nonsense" view/);
  });
});
