import { describe, expect, it } from 'vitest';
import { createMatcher, normalizeCurie } from '../../src/model/match.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const matcher = createMatcher(model.entities.values());
const hgf = [...model.entities.values()].find((e) => e.label === 'HGF')!;

describe('matching imported entities to the atlas', () => {
  it('finds HGF by id, CURIE, label, full name and synonym, whatever the case', () => {
    expect(hgf.xrefs).toContain('HGNC:4893');
    expect(matcher.match({ id: hgf.id, label: 'anything' })).toEqual({ entity: hgf.id, basis: 'id' });
    expect(matcher.match({ id: 'n1', label: 'x', xrefs: ['hgnc:4893'] })).toEqual({ entity: hgf.id, basis: 'xref' });
    expect(matcher.match({ id: 'n1', label: 'x', xrefs: ['https://bioregistry.io/hgnc:4893'] })?.entity).toBe(hgf.id);
    expect(matcher.match({ id: 'n2', label: 'hgf' })).toEqual({ entity: hgf.id, basis: 'label' });
    expect(matcher.match({ id: 'n3', label: 'Hepatocyte Growth Factor' })?.entity).toBe(hgf.id);
    const syn = hgf.synonyms[0];
    if (syn) expect(matcher.match({ id: 'n4', label: syn.toUpperCase() })?.entity).toBe(hgf.id);
  });

  it('finds HGF from a node named by its CURIE or identifier address (SIF names, cyjs ids), never from a plain name that looks like one', () => {
    expect(matcher.match({ id: 'HGNC:4893', label: 'HGNC:4893' })).toEqual({ entity: hgf.id, basis: 'xref' });
    expect(matcher.match({ id: 'n9', label: 'hgnc:4893' })).toEqual({ entity: hgf.id, basis: 'xref' });
    expect(matcher.match({ id: 'https://identifiers.org/hgnc:4893', label: 'x' })?.entity).toBe(hgf.id);
    expect(matcher.match({ id: 'HGNC:99999999', label: 'HGNC:99999999' })).toBeUndefined();
    // A label without a colon is a name, not an identifier: "IL_10" is not read as a CURIE with prefix IL.
    expect(matcher.match({ id: 'n10', label: 'Quux_4893' })).toBeUndefined();
  });

  it('leaves unknown entities unmatched and never guesses between two', () => {
    expect(matcher.match({ id: 'zz-unknown', label: 'Quux kinase 9' })).toBeUndefined();
    const m = createMatcher([
      { id: 'a', label: 'A', kind: 'gene-or-protein', synonyms: ['shared'], xrefs: [] },
      { id: 'b', label: 'B', kind: 'gene-or-protein', synonyms: ['Shared'], xrefs: [] },
    ]);
    expect(m.match({ id: 'x', label: 'shared' })).toBeUndefined();
    expect(m.match({ id: 'x', label: 'b' })?.entity).toBe('b');
  });

  it('normalises CURIEs', () => {
    expect(normalizeCurie('HGNC:4893')).toBe('hgnc:4893');
    expect(normalizeCurie('https://identifiers.org/mirbase.mature:MIMAT0000076')).toBe('mirbase:mimat0000076');
  });
});
