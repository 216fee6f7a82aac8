import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrl, toSearch, type UrlState } from '../../src/state/url.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const base = defaultUrlState(model);
const with_ = (over: Partial<UrlState>): UrlState => ({ ...base, ...over });

describe('URL mirror of the view', () => {
  it('round-trips every choice', () => {
    const states: UrlState[] = [
      base,
      with_({ selection: { type: 'node', id: 'pten' } }),
      with_({ selection: { type: 'edge', id: 'mir-21~inhibits~pten' }, overlay: ['hbmmsc'] }),
      with_({ mode: 'atlas', selection: { type: 'node', id: 'mir-21' }, atlasSources: ['hbmmsc'] }),
      with_({ mode: 'atlas', atlasSources: [], filters: { signs: ['decrease'], species: ['rat', 'mouse'], settings: ['in-vivo'], injuries: ['cisplatin'], cellFree: true } }),
      with_({ mode: 'atlas', kinds: ['mirna', 'pathway'], path: { from: 'hbmmsc', to: 'gc-apoptosis' }, chain: 1 }),
    ];
    for (const s of states) {
      const search = toSearch(s, model);
      expect(parseUrl(search, model), search).toEqual({ state: s, problems: [] });
    }
    expect(toSearch(base, model)).toBe('');
    expect(toSearch(states[4]!, model)).toBe('?view=atlas&sources=&sign=decrease&species=rat,mouse&setting=in-vivo&injury=cisplatin&cellfree=1');
  });

  it('opens the default view with a message when the figure does not exist', () => {
    const r = parseUrl('?figure=fig99&select=node:pten', model);
    expect(r.state).toEqual(base);
    expect(r.problems).toEqual([`The link names a figure "fig99" that does not exist; showing ${model.figures[0]!.label} instead.`]);
  });

  it('drops what it cannot honour, saying so', () => {
    const r = parseUrl('?figure=fig1&select=node:unicorn', model);
    expect(r.state.selection).toBeNull();
    expect(r.problems[0]).toMatch(/selects node "unicorn", which is not in Fig\. 1/);
    expect(parseUrl('?select=garbage', model).problems[0]).toMatch(/not of the form node:<id> or edge:<id>/);
    expect(parseUrl('?view=nonsense', model).problems[0]).toMatch(/There is no "nonsense" view/);
    const bad = parseUrl('?view=atlas&sources=hbmmsc,martian&species=dog&path=martian:amh', model);
    expect(bad.state.atlasSources).toEqual(['hbmmsc']);
    expect(bad.state.filters.species).toEqual([]);
    expect(bad.state.path).toBeNull();
    expect(bad.problems).toHaveLength(3);
  });
});
