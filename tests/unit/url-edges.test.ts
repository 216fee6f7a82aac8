import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/overlay.ts';
import type { Model } from '../../src/model/types.ts';
import { validateGraphs } from '../../src/model/validate.ts';
import { defaultUrlState, type UrlState } from '../../src/state/choices.ts';
import { echo, MAX_ECHO, parseSide, parseUrl, toSearch } from '../../src/state/url.ts';
import { entities, figure, files } from '../helpers/fixtures.ts';

/**
 * Fig. 1 (source A): A → X ⊣ Y → Z, and A → Z: two chains from A to Z. Fig. 2 (source B): B → X.
 * Small enough that every message can be checked word for word.
 */
function model(): Model {
  const f1 = figure();
  f1.edges.push({ id: 'e4', source: 'src-a', target: 'outcome', relation: 'promotes', refs: [4], section: 'effects', evidence: {}, note: 'A raises Z.' });
  const f2 = figure({
    id: 'f2',
    order: 2,
    label: 'Fig. 2',
    sources: ['src-b'],
    nodes: [{ entity: 'src-b' }, { entity: 'factor' }],
    edges: [{ id: 'b1', source: 'src-b', target: 'factor', relation: 'secretes', refs: [5], section: 'effects', evidence: {}, note: 'B makes X.' }],
  });
  const r = validateGraphs(files({ entities: entities(), figures: { 'figures/f1.json': f1, 'figures/f2.json': f2 } }));
  if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.model;
}

let m: Model;
let base: UrlState;
beforeEach(() => {
  m = model();
  base = defaultUrlState(m);
});
const parse = (search: string) => parseUrl(search, m);
const problems = (search: string) => parse(search).problems;

describe('link values echoed in messages', () => {
  it('keeps up to MAX_ECHO characters whole and cuts longer ones with an ellipsis', () => {
    expect(MAX_ECHO).toBe(40);
    const exact = 'x'.repeat(40);
    expect(echo(exact)).toBe(exact);
    expect(echo(`${exact}y`)).toBe(`${exact}…`);
    expect(echo('a\u0000b\nc\u2028')).toBe('a\\u0000b\\u000ac\\u2028');
  });

  it('names three unknown values by name, and counts those past three', () => {
    expect(problems('?sign=a,b,c')).toEqual(['Ignored "a", "b", "c" in sign: not one of increase, decrease, neutral.']);
    expect(problems('?sign=a,b,c,d,e')).toEqual(['Ignored "a", "b", "c" and 2 more in sign: not one of increase, decrease, neutral.']);
    expect(problems('?kinds=x')).toEqual([
      'Ignored "x" in kinds: not one of msc-source, intervention, combination, vesicle, secreted-factor, marker, msc-property, anatomical-site, mirna, gene-or-protein, pathway, immune-cell….',
    ]);
  });
});

describe('links, parameter by parameter', () => {
  it('says an imported graph stays in the browser that imported it, and a missing figure does not exist', () => {
    expect(parse('?figure=import-mine-0a1b2c3d&select=node:gene')).toEqual({
      state: base,
      problems: ['The link opens a graph someone imported ("import-mine-0a1b2c3d"). Imported graphs stay in the browser that opened them, and this one is not in this browser; showing Fig. 1 instead. Open the file here to see it.'],
    });
    expect(problems('?figure=f9')).toEqual(['The link names a figure "f9" that does not exist; showing Fig. 1 instead.']);
  });

  it('accepts the figure view by name, and names any other view it does not know', () => {
    expect(parse('?view=figure')).toEqual({ state: base, problems: [] });
    expect(parse('?view=atlas').state.mode).toBe('atlas');
    expect(problems('?view=table')).toEqual(['There is no "table" view; showing Fig. 1.']);
    expect(parse('?view=table').state.mode).toBe('figure');
  });

  it('takes sources only in the atlas and an overlay only on a figure', () => {
    expect(parse('?sources=src-b').state.atlasSources).toBeNull();
    expect(parse('?view=atlas&sources=src-b').state.atlasSources).toEqual(['src-b']);
    expect(parse('?view=atlas&overlay=src-b').state.overlay).toEqual([]);
    expect(parse('?overlay=src-b').state.overlay).toEqual(['src-b']);
    expect(toSearch({ ...base, atlasSources: ['src-b'] }, m)).toBe('');
    expect(toSearch({ ...base, mode: 'atlas', overlay: ['src-b'] }, m)).toBe('?view=atlas');
    expect(toSearch({ ...base, mode: 'atlas', figure: 'f2' }, m)).toBe('?view=atlas');
    expect(toSearch({ ...base, figure: 'f2' }, m)).toBe('?figure=f2');
  });

  it('reads a figure only into a figure view: an atlas or compare link that names one keeps the figure it had', () => {
    expect(parse('?view=atlas&figure=f2')).toEqual(parse('?view=atlas'));
    expect(parse('?view=atlas&figure=f2').state.figure).toBe('f1');
    expect(parse('?view=compare&figure=f2').state.figure).toBe('f1');
    expect(parse('?figure=f2').state.figure).toBe('f2');
  });

  it('lists every choice of a parameter that has twelve, and the first twelve with an ellipsis past that', () => {
    const withSources = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `s${i + 1}`);
      const ents = entities();
      ents.entities.push(...ids.map((id) => ({ id, label: `Source ${id}`, tissue: 'tissue', kind: 'msc-source', synonyms: [], xrefs: [] })));
      const figs = Object.fromEntries(
        ids.map((id, i) => [
          `figures/${id}.json`,
          figure({ id: `f-${id}`, order: i + 1, label: `Fig. ${i + 1}`, sources: [id], nodes: [{ entity: id }, { entity: 'factor' }], edges: [{ id: `e-${id}`, source: id, target: 'factor', relation: 'secretes', refs: [1], section: 'effects', evidence: {}, note: 'Makes X.' }] }),
        ]),
      );
      const r = validateGraphs(files({ entities: ents, figures: figs }));
      if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
      return r.model;
    };
    const names = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`).join(', ');
    expect(parseUrl('?view=atlas&sources=zz', withSources(12)).problems).toEqual([`Ignored "zz" in sources: not one of ${names(12)}.`]);
    expect(parseUrl('?view=atlas&sources=zz', withSources(13)).problems).toEqual([`Ignored "zz" in sources: not one of ${names(12)}….`]);
  });

  it('reads cellfree as 1, 0 or empty, and names anything else', () => {
    expect(parse('?cellfree=1').state.filters.cellFree).toBe(true);
    for (const v of ['0', '']) expect(parse(`?cellfree=${v}`)).toEqual({ state: base, problems: [] });
    expect(problems('?cellfree=yes')).toEqual(['Ignored cellfree="yes": it is 1 (only cell-free mechanisms) or absent; the cell-free lens is off.']);
  });

  it('explains a path only from a source to an entity that exist', () => {
    expect(parse('?path=src-a:outcome').state.path).toEqual({ from: 'src-a', to: 'outcome' });
    for (const bad of ['src-a:', ':outcome', 'factor:outcome', 'src-a:nothing', 'src-a']) {
      expect(parse(`?path=${bad}`).state.path).toBeNull();
      expect(problems(`?path=${bad}`)).toEqual([`The link asks to explain a path "${bad}" between things that do not exist; no path is shown.`]);
    }
    expect(toSearch({ ...base, path: { from: 'src-a', to: '' }, chain: 0 }, m)).toBe('');
    expect(toSearch({ ...base, path: { from: '', to: 'outcome' } }, m)).toBe('');
  });

  it('highlights a chain the path has under the link\'s own view, sources and filters, and says which exist', () => {
    // On Fig. 1, A reaches Z by two chains.
    expect(parse('?path=src-a:outcome&chain=1')).toEqual({ state: { ...base, path: { from: 'src-a', to: 'outcome' }, chain: 1 }, problems: [] });
    expect(problems('?path=src-a:outcome&chain=2')).toEqual(['The link highlights chain "2" of the path, but there are chains 0 to 1; all chains are shown.']);
    // A reaches X by one chain.
    expect(problems('?path=src-a:factor&chain=1')).toEqual(['The link highlights chain "1" of the path, but there is only chain 0; all chains are shown.']);
    expect(parse('?path=src-a:factor&chain=0').state.chain).toBe(0);
    // Fig. 2 draws no statement of A's: no chain there.
    expect(problems('?figure=f2&path=src-a:factor&chain=0')).toEqual(['The link highlights chain "0" of the path, but there is none; all chains are shown.']);
    // In the atlas, only the chosen sources count; with B alone, A has no chain.
    expect(parse('?view=atlas&path=src-a:outcome&chain=1').problems).toEqual([]);
    expect(problems('?view=atlas&sources=src-b&path=src-a:outcome&chain=0')).toEqual(['The link highlights chain "0" of the path, but there is none; all chains are shown.']);
    // Filters count too: A's chains to Z are all about rats or unstated species, none about humans.
    expect(problems('?path=src-a:outcome&species=human&chain=0')).toEqual(['The link highlights chain "0" of the path, but there is none; all chains are shown.']);
    for (const bad of ['1x', 'x1', '-1', '1.0', '1234567']) {
      expect(problems(`?path=src-a:outcome&chain=${bad}`)).toEqual([`The link highlights chain "${bad}" of the path, but there are chains 0 to 1; all chains are shown.`]);
    }
    expect(problems('?chain=0')).toEqual(['Ignored chain="0": the link explains no path.']);
    expect(problems('?view=compare&path=src-a:outcome&chain=0')).toEqual(['Ignored chain="0": the link explains no path.']);
  });

  it('counts a figure link\'s chains in the figure itself, not in the atlas under the figure\'s sources', () => {
    // A third figure, also about A, says A acts on Y directly: in the atlas A reaches Y by two chains, on Fig. 1 by one.
    const f3 = figure({ id: 'f3', order: 3, label: 'Fig. 3', nodes: [{ entity: 'src-a' }, { entity: 'gene' }], edges: [{ id: 'd1', source: 'src-a', target: 'gene', relation: 'upregulates', refs: [6], section: 'effects', evidence: {}, note: 'A raises Y.' }] });
    const r = validateGraphs(files({ entities: entities(), figures: { 'figures/f1.json': figure(), 'figures/f3.json': f3 } }));
    if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(parseUrl('?path=src-a:gene&chain=1', r.model).problems).toEqual(['The link highlights chain "1" of the path, but there is only chain 0; all chains are shown.']);
    expect(parseUrl('?view=atlas&path=src-a:gene&chain=1', r.model).problems).toEqual([]);
  });

  it('reads a chain number of several digits', () => {
    // A reaches Z through each of twelve genes: twelve chains, numbered 0 to 11.
    const genes = Array.from({ length: 12 }, (_, i) => `g${i}`);
    const many = entities();
    many.entities.push(...genes.map((id) => ({ id, label: `Gene ${id}`, kind: 'gene-or-protein', synonyms: [], xrefs: [] })));
    const f1 = figure({
      nodes: [{ entity: 'src-a' }, { entity: 'outcome' }, ...genes.map((entity) => ({ entity }))],
      edges: genes.flatMap((g) => [
        { id: `a-${g}`, source: 'src-a', target: g, relation: 'upregulates', refs: [1], section: 'effects', evidence: {}, note: 'A raises it.' },
        { id: `${g}-z`, source: g, target: 'outcome', relation: 'promotes', refs: [2], section: 'effects', evidence: {}, note: 'It raises Z.' },
      ]),
    });
    const r = validateGraphs(files({ entities: many, figures: { 'figures/f1.json': f1 } }));
    if (!r.model) throw new Error(r.errors.map((e) => e.message).join('\n'));
    expect(parseUrl('?path=src-a:outcome&chain=11', r.model)).toMatchObject({ state: { chain: 11 }, problems: [] });
    expect(parseUrl('?path=src-a:outcome&chain=12', r.model).problems).toEqual(['The link highlights chain "12" of the path, but there are chains 0 to 11; all chains are shown.']);
  });

  it('compares sides that exist, saying which side was replaced and why', () => {
    const c = (search: string) => parse(`?view=compare${search}`);
    expect(c('&left=figure:f2&right=source:src-a').state.compare).toEqual({ left: { type: 'figure', id: 'f2' }, right: { type: 'source', id: 'src-a' }, linked: true });
    expect(c('&left=source:factor').problems).toEqual(['The link\'s left side "source:factor" does not exist; showing src-a.']);
    expect(c('&right=figure:import-x-1').problems).toEqual(['The link\'s right side "figure:import-x-1" is a graph imported in another browser and is not in this one; showing src-b.']);
    expect(c('&linked=0').state.compare!.linked).toBe(false);
    expect(c('&linked=1')).toEqual({ state: { ...base, mode: 'compare', compare: { left: { type: 'source', id: 'src-a' }, right: { type: 'source', id: 'src-b' }, linked: true } }, problems: [] });
    expect(c('&linked=2').problems).toEqual(['Ignored linked="2": it is 0 (panes move apart) or 1; pan and zoom stay linked.']);
    expect(parse('?left=source:src-b').state.compare).toBeNull();
    expect(toSearch({ ...base, compare: { left: { type: 'source', id: 'src-b' }, right: { type: 'source', id: 'src-a' }, linked: false } }, m)).toBe('');
    expect(toSearch({ ...base, mode: 'compare', compare: null }, m)).toBe('?view=compare');
  });

  it('reads a side as source:<id> or figure:<id> of something that exists', () => {
    expect(parseSide('source:src-a', m)).toEqual({ type: 'source', id: 'src-a' });
    expect(parseSide('figure:f1', m)).toEqual({ type: 'figure', id: 'f1' });
    for (const bad of ['source:', 'figure:', 'source:f1', 'figure:src-a', 'source:factor', 'thing:src-a', 'src-a', '', null]) {
      expect(parseSide(bad, m), String(bad)).toBeUndefined();
    }
  });

  it('selects a node or edge of the view the link opens, naming the view when it is not there', () => {
    expect(parse('?select=edge:src-a~promotes~outcome').state.selection).toEqual({ type: 'edge', id: 'src-a~promotes~outcome' });
    expect(parse('?select=node:gene').state.selection).toEqual({ type: 'node', id: 'gene' });
    expect(problems('?figure=f2&select=node:gene')).toEqual(['The link selects node "gene", which is not in Fig. 2; nothing is selected.']);
    expect(problems('?select=edge:src-b~secretes~factor')).toEqual(['The link selects edge "src-b~secretes~factor", which is not in Fig. 1; nothing is selected.']);
    expect(parse('?figure=f2&select=edge:src-b~secretes~factor').state.selection).toEqual({ type: 'edge', id: 'src-b~secretes~factor' });
    expect(problems('?select=edge:gene')).toEqual(['The link selects edge "gene", which is not in Fig. 1; nothing is selected.']);
    expect(problems('?view=atlas&select=node:nothing')).toEqual(['The link selects node "nothing", which is not in the atlas; nothing is selected.']);
    expect(parse('?view=atlas&select=node:src-b').state.selection).toEqual({ type: 'node', id: 'src-b' });
    for (const bad of ['xnode:gene', 'node:', 'gene', 'node-gene']) {
      expect(problems(`?select=${bad}`)).toEqual([`The link's selection "${bad}" is not of the form node:<id> or edge:<id>; nothing is selected.`]);
    }
  });

  it('selects only an entity in compare, and only one that exists', () => {
    expect(parse('?view=compare&select=node:gene').state.selection).toEqual({ type: 'node', id: 'gene' });
    for (const bad of ['xnode:gene', 'node:nothing', 'edge:e1']) {
      expect(problems(`?view=compare&select=${bad}`)).toEqual([`The link selects "${bad}", which is not an entity of the comparison; nothing is selected.`]);
    }
  });

  it('writes filters, kinds and paths into the link', () => {
    const s: UrlState = { ...base, mode: 'atlas', filters: { ...NO_FILTERS, signs: ['increase'] }, kinds: ['mirna'], path: { from: 'src-a', to: 'outcome' }, chain: null };
    expect(toSearch(s, m)).toBe('?view=atlas&sign=increase&kinds=mirna&path=src-a:outcome');
    expect(parse(toSearch(s, m))).toEqual({ state: s, problems: [] });
  });
});
