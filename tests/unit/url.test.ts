import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import { defaultCompare, defaultUrlState, type CompareState, type UrlState } from '../../src/state/choices.ts';
import { parseSide, parseUrl, toSearch } from '../../src/state/url.ts';
import type { Model } from '../../src/model/types.ts';
import { shippedModel } from '../helpers/model.ts';

let model: Model;
let base: UrlState;
// Built in each test rather than at import, so mutation testing knows which tests run which code.
beforeEach(() => {
  model = shippedModel();
  base = defaultUrlState(model);
});
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

describe('URL round-trips, parameter by parameter', () => {
  const roundTrip = (s: UrlState) => {
    const search = toSearch(s, model);
    expect(parseUrl(search, model), search).toEqual({ state: s, problems: [] });
    return search;
  };
  const atlas = (over: Partial<UrlState> = {}) => with_({ mode: 'atlas', ...over });

  it('view and figure', () => {
    expect(roundTrip(with_({ mode: 'atlas' }))).toBe('?view=atlas');
    expect(roundTrip(with_({ figure: 'fig3' }))).toBe('?figure=fig3');
    // The first figure is the default and is not written.
    expect(roundTrip(with_({ figure: model.figures[0]!.id }))).toBe('');
    expect(parseUrl('?view=figure&figure=table2', model).state).toEqual(with_({ figure: 'table2' }));
  });

  it('select, for a node and an edge, in a figure and in the atlas', () => {
    expect(roundTrip(with_({ selection: { type: 'node', id: 'pten' } }))).toBe('?select=node:pten');
    expect(roundTrip(with_({ selection: { type: 'edge', id: 'mir-21~inhibits~pten' } }))).toBe('?select=edge:mir-21~inhibits~pten');
    expect(roundTrip(with_({ mode: 'atlas', selection: { type: 'node', id: 'amh' } }))).toBe('?view=atlas&select=node:amh');
  });

  it('sources of the atlas: none given (all), an empty list, several', () => {
    expect(roundTrip(with_({ mode: 'atlas', atlasSources: null }))).toBe('?view=atlas');
    expect(roundTrip(with_({ mode: 'atlas', atlasSources: [] }))).toBe('?view=atlas&sources=');
    expect(roundTrip(with_({ mode: 'atlas', atlasSources: ['hafmsc', 'hbmmsc'] }))).toBe('?view=atlas&sources=hafmsc,hbmmsc');
  });

  it('overlay on a figure', () => {
    expect(roundTrip(with_({ overlay: ['humsc', 'hadmsc'] }))).toBe('?overlay=humsc,hadmsc');
  });

  it('each filter on its own', () => {
    expect(roundTrip(atlas({ filters: { ...NO_FILTERS, signs: ['increase', 'neutral'] } }))).toBe('?view=atlas&sign=increase,neutral');
    expect(roundTrip(atlas({ filters: { ...NO_FILTERS, species: ['human'] } }))).toBe('?view=atlas&species=human');
    expect(roundTrip(atlas({ filters: { ...NO_FILTERS, settings: ['patients', 'in-vitro'] } }))).toBe('?view=atlas&setting=patients,in-vitro');
    expect(roundTrip(atlas({ filters: { ...NO_FILTERS, injuries: ['cyclophosphamide', 'natural-ageing'] } }))).toBe('?view=atlas&injury=cyclophosphamide,natural-ageing');
    expect(roundTrip(atlas({ filters: { ...NO_FILTERS, cellFree: true } }))).toBe('?view=atlas&cellfree=1');
    // Filters apply on a figure too.
    expect(roundTrip(with_({ filters: { ...NO_FILTERS, species: ['rat'] } }))).toBe('?species=rat');
  });

  it('kinds, path and chain', () => {
    expect(roundTrip(atlas({ kinds: ['mirna'] }))).toBe('?view=atlas&kinds=mirna');
    expect(roundTrip(atlas({ path: { from: 'hafmsc', to: 'amh' } }))).toBe('?view=atlas&path=hafmsc:amh');
    expect(roundTrip(atlas({ path: { from: 'hafmsc', to: 'amh' }, chain: 0 }))).toBe('?view=atlas&path=hafmsc:amh&chain=0');
    // A chain means nothing without its path.
    expect(parseUrl('?view=atlas&chain=2', model).state.chain).toBeNull();
    expect(parseUrl('?view=atlas&path=hafmsc:amh&chain=two', model).state.chain).toBeNull();
  });

  it('compare: left, right and linked, with sources and figures on either side', () => {
    // No display: the difference diagram, and the link keeps its old shape (no &panes).
    const compare = (left: CompareState['left'], right: CompareState['right'], linked: boolean, display?: CompareState['display']): UrlState =>
      with_({ mode: 'compare', compare: { left, right, linked, ...(display ? { display } : {}) } });
    expect(roundTrip(compare({ type: 'source', id: 'hbmmsc' }, { type: 'source', id: 'humsc' }, true))).toBe('?view=compare&left=source:hbmmsc&right=source:humsc');
    expect(roundTrip(compare({ type: 'source', id: 'hbmmsc' }, { type: 'source', id: 'humsc' }, false))).toBe(
      '?view=compare&left=source:hbmmsc&right=source:humsc&linked=0',
    );
    expect(roundTrip(compare({ type: 'figure', id: 'fig2' }, { type: 'source', id: 'hafmsc' }, true))).toBe('?view=compare&left=figure:fig2&right=source:hafmsc');
    expect(roundTrip(compare({ type: 'source', id: 'hadmsc' }, { type: 'figure', id: 'table1' }, false))).toBe(
      '?view=compare&left=source:hadmsc&right=figure:table1&linked=0',
    );
    expect(roundTrip(compare({ type: 'source', id: 'hbmmsc' }, { type: 'source', id: 'humsc' }, false, 'twin'))).toBe(
      '?view=compare&left=source:hbmmsc&right=source:humsc&panes=twin&linked=0',
    );
    // With the filters and an entity selected, as the compare view keeps them.
    roundTrip({ ...compare({ type: 'figure', id: 'fig1' }, { type: 'figure', id: 'fig3' }, false), filters: { ...NO_FILTERS, species: ['mouse'] }, selection: { type: 'node', id: 'pten' } });
    // Without left and right: the first two sources, linked.
    expect(parseUrl('?view=compare', model).state.compare).toEqual(defaultCompare(model));
    expect(defaultCompare(model)).toEqual({ left: { type: 'source', id: 'hbmmsc' }, right: { type: 'source', id: 'hpmsc' }, linked: true });
    expect(parseUrl('?view=compare&linked=1', model).state.compare!.linked).toBe(true);
  });

  it('compare: a side that does not exist falls back to the default, saying so', () => {
    const r = parseUrl('?view=compare&left=source:martian&right=figure:fig99', model);
    expect(r.state.compare).toEqual({ ...defaultCompare(model), linked: true });
    expect(r.problems).toEqual([
      'The link\'s left side "source:martian" does not exist; showing hbmmsc.',
      'The link\'s right side "figure:fig99" does not exist; showing hpmsc.',
    ]);
    expect(parseSide('figure:pten', model)).toBeUndefined();
    expect(parseSide('source:fig1', model)).toBeUndefined();
    expect(parseSide('entity:pten', model)).toBeUndefined();
    expect(parseSide('source', model)).toBeUndefined();
    expect(parseSide(null, model)).toBeUndefined();
    // Compare sides are not read outside the compare view.
    expect(parseUrl('?left=source:hbmmsc&linked=0', model).state.compare).toBeNull();
  });

  it('compare: only an entity can be selected, and only one that exists', () => {
    expect(parseUrl('?view=compare&select=node:pten', model).state.selection).toEqual({ type: 'node', id: 'pten' });
    expect(parseUrl('?view=compare&select=node:unicorn', model).state.selection).toBeNull();
    expect(parseUrl('?view=compare&select=edge:mir-21~inhibits~pten', model).state.selection).toBeNull();
  });

  it('reports each unknown value of a list, keeping the known ones once', () => {
    const r = parseUrl('?view=atlas&sign=up,decrease,decrease&kinds=mirna,planet', model);
    expect(r.state.filters.signs).toEqual(['decrease']);
    expect(r.state.kinds).toEqual(['mirna']);
    expect(r.problems).toEqual([
      'Ignored "up" in sign: not one of increase, decrease, neutral.',
      expect.stringMatching(/^Ignored "planet" in kinds: not one of .*mirna/),
    ]);
    expect(parseUrl('?view=atlas&sign=', model)).toEqual({ state: atlas(), problems: [] });
  });
});
