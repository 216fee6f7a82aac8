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

  it('cuts link values in messages to a readable length and shows control characters as codes', () => {
    const long = 'x'.repeat(100_000);
    const r = parseUrl(`?figure=${long}`, model);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.length).toBeLessThan(200);
    expect(r.problems[0]).toContain(`"${'x'.repeat(40)}…"`);
    const nul = parseUrl('?view=a%00b', model);
    expect(nul.problems[0]).toContain('"a\\u0000b"');
    expect(nul.problems[0]).not.toContain('\u0000');
  });

  it('names a few unknown list values and counts the rest', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `s${i}`).join(',');
    const r = parseUrl(`?view=atlas&sources=hbmmsc,${many}`, model);
    expect(r.state.atlasSources).toEqual(['hbmmsc']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^Ignored "s0", "s1", "s2" and 49997 more in sources: not one of /);
    expect(r.problems[0]!.length).toBeLessThan(400);
  });

  it('refuses a chain the path does not have, with a message, and shows all chains', () => {
    const ok = parseUrl('?view=atlas&path=hafmsc:amh&chain=0', model);
    expect(ok.problems).toEqual([]);
    expect(ok.state.chain).toBe(0);
    for (const chain of ['1', '99999999999999999999', '-1', '1.5', 'abc', '']) {
      const r = parseUrl(`?view=atlas&path=hafmsc:amh&chain=${chain}`, model);
      expect(r.state.chain, chain).toBeNull();
      expect(r.state.path).toEqual({ from: 'hafmsc', to: 'amh' });
      expect(r.problems, chain).toEqual([expect.stringMatching(/highlights chain .* but there is only chain 0; all chains are shown/)]);
    }
    expect(parseUrl('?view=atlas&chain=2', model).problems[0]).toMatch(/explains no path/);
  });

  it('reports filter and switch values it does not know', () => {
    const r = parseUrl('?view=atlas&cellfree=yes', model);
    expect(r.state.filters.cellFree).toBe(false);
    expect(r.problems[0]).toMatch(/Ignored cellfree="yes"/);
    expect(parseUrl('?view=atlas&cellfree=1', model).problems).toEqual([]);
    const c = parseUrl('?view=compare&linked=maybe', model);
    expect(c.state.compare!.linked).toBe(true);
    expect(c.problems[0]).toMatch(/Ignored linked="maybe"/);
    expect(parseUrl('?view=compare&select=node:unicorn', model).problems[0]).toMatch(/selects "node:unicorn"/);
  });
});
