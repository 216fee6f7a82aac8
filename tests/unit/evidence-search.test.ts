import { describe, expect, it } from 'vitest';
import { allEvidence, evidenceFor, evidencePerReference, hasEvidenceByRef, mergeEvidence } from '../../src/model/evidence.ts';
import { normalizeName } from '../../src/model/normalize.ts';
import type { Entity, Evidence } from '../../src/model/schema.ts';
import { searchEntities } from '../../src/model/search.ts';

const dose = (value: number) => ({ agent: 'cyclophosphamide' as const, dose: { what: 'dose', value, unit: 'mg/kg' } });

describe('evidence per reference', () => {
  it('merges two pieces of evidence: lists joined without repeats, in order; contexts joined; the title basis wins', () => {
    const a: Evidence = { species: ['mouse'], setting: ['in-vivo'], injury: [dose(70)], route: ['tail-vein'], quantities: [{ what: 'q', value: 1, unit: 'u' }], context: 'skin', basis: 'review-text' };
    const b: Evidence = { species: ['rat', 'mouse'], setting: ['in-vivo', 'in-vitro'], injury: [dose(70), dose(120)], route: ['intravenous'], quantities: [{ what: 'q', value: 1, unit: 'u' }, { what: 'q', value: 2, unit: 'u' }], context: 'bone', basis: 'reference-title' };
    expect(mergeEvidence(a, b)).toStrictEqual({
      species: ['mouse', 'rat'],
      setting: ['in-vivo', 'in-vitro'],
      injury: [dose(70), dose(120)],
      route: ['tail-vein', 'intravenous'],
      quantities: [{ what: 'q', value: 1, unit: 'u' }, { what: 'q', value: 2, unit: 'u' }],
      context: 'skin; bone',
      basis: 'reference-title',
    });
    expect(mergeEvidence(b, a).basis).toBe('reference-title');
    expect(mergeEvidence({ context: 'skin' }, { context: 'skin' })).toStrictEqual({ context: 'skin' });
    expect(mergeEvidence({}, { species: ['rat'] })).toStrictEqual({ species: ['rat'] });
    // A context on one side only is that context, with no separator.
    expect(mergeEvidence({}, { context: 'bone' })).toStrictEqual({ context: 'bone' });
    expect(mergeEvidence({ context: 'skin', species: ['rat'] }, { species: ['rat'] })).toStrictEqual({ context: 'skin', species: ['rat'] });
    expect(mergeEvidence({ route: ['scaffold'] }, {})).toStrictEqual({ route: ['scaffold'] });
    expect(mergeEvidence({ species: [] }, { species: [] })).toStrictEqual({});
    expect(mergeEvidence({}, { basis: 'review-text' })).toStrictEqual({ basis: 'review-text' });
    expect(mergeEvidence({ basis: 'review-text' }, {})).toStrictEqual({ basis: 'review-text' });
    expect(mergeEvidence({}, {})).toStrictEqual({});
    const same = { species: ['human' as const] };
    expect(mergeEvidence(same, undefined)).toBe(same);
  });

  it('gives each reference the shared evidence plus its own, and one entry for an uncited statement', () => {
    const edge = { refs: [3, 5], evidence: { species: ['mouse' as const] }, evidenceByRef: { '5': { injury: [dose(120)] }, '9': {} } };
    expect(evidenceFor(edge, 3)).toEqual({ species: ['mouse'] });
    expect(evidenceFor(edge, 5)).toEqual({ species: ['mouse'], injury: [dose(120)] });
    expect(evidenceFor(edge, undefined)).toBe(edge.evidence);
    expect(evidenceFor({ refs: [1], evidence: { context: 'x' } }, 1)).toEqual({ context: 'x' });
    expect(evidencePerReference(edge)).toEqual([
      { ref: 3, evidence: { species: ['mouse'] } },
      { ref: 5, evidence: { species: ['mouse'], injury: [dose(120)] } },
    ]);
    expect(evidencePerReference({ refs: [], evidence: { context: 'y' } })).toEqual([{ ref: undefined, evidence: { context: 'y' } }]);
    expect(allEvidence(edge)).toEqual({ species: ['mouse'], injury: [dose(120)] });
    expect(allEvidence({ refs: [1], evidence: { species: ['rat'] } })).toEqual({ species: ['rat'] });
  });

  it('knows whether any reference carries details of its own', () => {
    expect(hasEvidenceByRef({ refs: [1, 2], evidence: {}, evidenceByRef: { '1': {}, '2': { species: ['rat'] } } })).toBe(true);
    expect(hasEvidenceByRef({ refs: [1, 2], evidence: {}, evidenceByRef: { '1': {}, '2': {} } })).toBe(false);
    expect(hasEvidenceByRef({ refs: [1], evidence: {} })).toBe(false);
  });
});

describe('names and search', () => {
  it('normalises case, Greek letters, accents and punctuation, keeping "+"', () => {
    expect(normalizeName('TGF-β')).toBe('tgfbeta');
    expect(normalizeName('IFN-γ')).toBe('ifngamma');
    expect(normalizeName('TNF-α')).toBe('tnfalpha');
    expect(normalizeName('PKC-δ ε κ λ μ ω')).toBe('pkcdeltaepsilonkappalambdamuomega');
    expect(normalizeName('Naïve Café')).toBe('naivecafe');
    expect(normalizeName('CD44+')).toBe('cd44+');
    expect(normalizeName('miR-21_5p')).toBe('mir215p');
  });

  const ent = (id: string, label: string, synonyms: string[] = [], name?: string): Entity =>
    ({ id, label, kind: 'gene-or-protein', synonyms, xrefs: [], ...(name ? { name } : {}) }) as Entity;
  const all = [
    ent('fgf2', 'FGF2', ['bFGF', 'basic fibroblast growth factor'], 'fibroblast growth factor 2'),
    ent('fgf2r', 'FGF2R'),
    ent('tgfb', 'TGF-β', ['TGF beta 1']),
    ent('e2', 'Estradiol', ['E2']),
    ent('xfgf', 'XFGF'),
    ent('afgf', 'aFGF'),
  ];

  it('ranks exact over prefix over substring, the label over synonyms, then shorter names, then by label', () => {
    expect(searchEntities(all, '')).toEqual([]);
    expect(searchEntities(all, ' - ')).toEqual([]);
    expect(searchEntities(all, 'fgf2').map((h) => [h.entity.id, h.matched])).toEqual([['fgf2', 'FGF2'], ['fgf2r', 'FGF2R']]);
    expect(searchEntities(all, 'bfgf').map((h) => [h.entity.id, h.matched])).toEqual([['fgf2', 'bFGF']]);
    expect(searchEntities(all, 'fgf').map((h) => h.entity.id)).toEqual(['fgf2', 'fgf2r', 'afgf', 'xfgf']);
    expect(searchEntities(all, 'tgf beta').map((h) => [h.entity.id, h.matched])).toEqual([['tgfb', 'TGF-β']]);
    expect(searchEntities(all, 'E2').map((h) => [h.entity.id, h.matched])).toEqual([['e2', 'E2']]);
    expect(searchEntities(all, 'fibroblast').map((h) => [h.entity.id, h.matched])).toEqual([['fgf2', 'fibroblast growth factor 2']]);
    expect(searchEntities(all, 'fgf', 2)).toHaveLength(2);
    const [first] = searchEntities(all, 'fgf2');
    expect(first!.score).toBeCloseTo(300 - 4 / 100);
    const [syn] = searchEntities(all, 'bfgf');
    expect(syn!.score).toBeCloseTo(300 - 2 - 4 / 100);
    expect(searchEntities(all, 'gf2r')[0]!.score).toBeCloseTo(100 - 5 / 100);
    expect(searchEntities(all, 'fgf2r')[0]!.score).toBeCloseTo(300 - 5 / 100);
    expect(searchEntities(all, 'fgf2r'.slice(0, 4))[0]!.score).toBeCloseTo(300 - 4 / 100);
    expect(searchEntities(all, 'fgf')[1]!.score).toBeCloseTo(200 - 5 / 100);
  });

  it('scores an entity by its best-matching name, not its first', () => {
    const [hit] = searchEntities([ent('x', 'ABCD', ['zz', 'bc'])], 'bc');
    expect(hit!.matched).toBe('bc');
    expect(hit!.score).toBeCloseTo(300 - 2 - 2 / 100);
  });

  it('finds nothing for words that no label, full name or synonym holds', () => {
    expect(searchEntities(all, 'was here')).toEqual([]);
    expect(searchEntities([ent('x', 'X')], 'stryker')).toEqual([]);
  });

  it('caps the position penalty of a name at 5', () => {
    const many = ent('m', 'zzz', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'abc']);
    expect(searchEntities([many], 'abc')[0]!.score).toBeCloseTo(300 - 5 - 3 / 100);
  });
});
