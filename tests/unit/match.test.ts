import { beforeEach, describe, expect, it } from 'vitest';
import { createMatcher, normalizeCurie, type Matcher } from '../../src/model/match.ts';
import type { Entity } from '../../src/model/schema.ts';
import { shippedModel } from '../helpers/model.ts';

describe('matching imported entities to the atlas', () => {
  // The shipped model, read before each of these tests (not when the file loads, so that a mutation run of the
  // tests below does not pay for it).
  let matcher: Matcher;
  let hgf: Entity;
  beforeEach(() => {
    const model = shippedModel();
    matcher = createMatcher(model.entities.values());
    hgf = [...model.entities.values()].find((e) => e.label === 'HGF')!;
  });

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

describe('matching, each way in turn', () => {
  // Built in each test, so that mutation testing sees which test runs the matcher's set-up.
  const entities = (): Entity[] => [
    { id: 'hgf', label: 'HGF', name: 'Hepatocyte growth factor', kind: 'secreted-factor', synonyms: ['scatter factor', 'HGF'], xrefs: ['HGNC:4893', 'UniProt:P14210'] },
    { id: 'Mir21', label: 'miR-21', kind: 'mirna', synonyms: ['microRNA 21'], xrefs: ['miRBase:MIMAT0000076'] },
    { id: 'go-term', label: 'Apoptosis', kind: 'cellular-process', synonyms: ['cell death'], xrefs: ['GO:0006915'] },
    { id: 'other', label: 'Other', name: 'Cell death', kind: 'cellular-process', synonyms: [], xrefs: ['GO:0006915'] },
  ];

  it('finds an atlas id whatever its case', () => {
    const m = createMatcher(entities());
    expect(m.match({ id: 'mir21', label: 'x' })).toEqual({ entity: 'Mir21', basis: 'id' });
    expect(m.match({ id: 'HGF', label: 'x' })).toEqual({ entity: 'hgf', basis: 'id' });
  });

  it('finds a cross-reference given in any spelling, and never one two entities share', () => {
    const m = createMatcher(entities());
    expect(m.match({ id: 'n', label: 'x', xrefs: ['  uniprot:p14210 '] })).toEqual({ entity: 'hgf', basis: 'xref' });
    expect(m.match({ id: 'n', label: 'x', xrefs: ['http://identifiers.org/UniProt:P14210'] })).toEqual({ entity: 'hgf', basis: 'xref' });
    expect(m.match({ id: 'n', label: 'x', xrefs: ['HTTPS://BIOREGISTRY.IO/mirbase.mature:MIMAT0000076'] })).toEqual({ entity: 'Mir21', basis: 'xref' });
    // The second cross-reference matches when the first does not.
    expect(m.match({ id: 'n', label: 'x', xrefs: ['CHEBI:1', 'hgnc_4893'] })).toEqual({ entity: 'hgf', basis: 'xref' });
    expect(m.match({ id: 'n', label: 'x', xrefs: ['GO:0006915'] })).toBeUndefined();
    // A node whose id or label is an address names its entity as a cross-reference does.
    expect(m.match({ id: 'n', label: 'http://identifiers.org/hgnc:4893' })).toEqual({ entity: 'hgf', basis: 'xref' });
    expect(m.match({ id: 'UniProt:P14210', label: 'x' })).toEqual({ entity: 'hgf', basis: 'xref' });
  });

  it('finds a label, then a full name, then a synonym, telling which', () => {
    const m = createMatcher(entities());
    expect(m.match({ id: 'n', label: 'Scatter-Factor' })).toEqual({ entity: 'hgf', basis: 'label' });
    expect(m.match({ id: 'n', label: 'unknown', name: 'MIR 21' })).toEqual({ entity: 'Mir21', basis: 'name' });
    expect(m.match({ id: 'n', label: 'unknown', synonyms: ['nothing', 'micro-RNA-21'] })).toEqual({ entity: 'Mir21', basis: 'synonym' });
    expect(m.match({ id: 'n', label: '', synonyms: ['apoptosis'] })).toEqual({ entity: 'go-term', basis: 'synonym' });
    // "HGF" is both HGF's label and its synonym: one entity, not a clash.
    expect(m.match({ id: 'n', label: 'hgf' })).toEqual({ entity: 'hgf', basis: 'label' });
    // "Cell death" is one entity's synonym and another's full name: the full name is looked up first.
    expect(m.match({ id: 'n', label: 'cell death' })).toEqual({ entity: 'other', basis: 'label' });
    expect(m.match({ id: 'n', label: 'nothing' })).toBeUndefined();
  });

  it('looks a name up among labels first, then full names, then synonyms', () => {
    const m = createMatcher([
      { id: 'a', label: 'Alpha', kind: 'cellular-process', synonyms: ['beta'], xrefs: [] },
      { id: 'b', label: 'Beta', kind: 'cellular-process', synonyms: [], xrefs: [] },
      { id: 'c', label: 'Gamma', name: 'Alpha', kind: 'cellular-process', synonyms: [], xrefs: [] },
    ]);
    // "Beta" is b's label and a's synonym: both are keys of different maps, and the label wins.
    expect(m.match({ id: 'n', label: 'beta' })).toEqual({ entity: 'b', basis: 'label' });
    expect(m.match({ id: 'n', label: 'alpha' })).toEqual({ entity: 'a', basis: 'label' });
  });

  it('keeps a key an entity gives twice as that entity\'s', () => {
    const m = createMatcher([{ id: 'a', label: 'A', kind: 'cellular-process', synonyms: ['Scatter factor', 'scatter-factor'], xrefs: ['HGNC:1', 'hgnc:1'] }]);
    expect(m.match({ id: 'n', label: 'scatter factor' })).toEqual({ entity: 'a', basis: 'label' });
    expect(m.match({ id: 'n', label: 'x', xrefs: ['HGNC:1'] })).toEqual({ entity: 'a', basis: 'xref' });
  });

  it('reads a node\'s id or label as a cross-reference only when it has a CURIE\'s colon, spaces around it aside', () => {
    const m = createMatcher(entities());
    expect(m.match({ id: 'n', label: 'HGNC_4893' })).toBeUndefined();
    expect(m.match({ id: 'HGNC_4893', label: 'x' })).toBeUndefined();
    expect(m.match({ id: ' HGNC:4893 ', label: 'x' })).toEqual({ entity: 'hgf', basis: 'xref' });
    expect(m.match({ id: 'n', label: 'https://bioregistry.io/uniprot:P14210' })).toEqual({ entity: 'hgf', basis: 'xref' });
    // No cross-references and no synonyms given: the label still finds it.
    expect(m.match({ id: 'n', label: 'Apoptosis' })).toEqual({ entity: 'go-term', basis: 'label' });
  });

  it('skips empty names', () => {
    const m = createMatcher([{ id: 'a', label: '—', kind: 'cellular-process', synonyms: ['', '...'], xrefs: [] }]);
    expect(m.match({ id: 'n', label: '', name: '', synonyms: [''] })).toBeUndefined();
    expect(m.match({ id: 'n', label: '!' })).toBeUndefined();
  });

  it('normalises CURIEs: prefix and id in lower case, "_" read as ":", addresses and spaces dropped, miRBase collections as one', () => {
    expect(normalizeCurie('GO_0006915')).toBe('go:0006915');
    expect(normalizeCurie(' UniProt:P14210 ')).toBe('uniprot:p14210');
    expect(normalizeCurie('https://bioregistry.io/CHEBI:15377')).toBe('chebi:15377');
    expect(normalizeCurie('http://identifiers.org/mesh:D000001')).toBe('mesh:d000001');
    expect(normalizeCurie('https://example.org/hgnc:1')).toBe('https://example.org/hgnc:1');
    expect(normalizeCurie('miRBase.mature:MIMAT0000076')).toBe('mirbase:mimat0000076');
    expect(normalizeCurie('mirbase.maturex:MI1')).toBe('mirbase.maturex:mi1');
    expect(normalizeCurie('xmirbase.mature:MI1')).toBe('xmirbase.mature:mi1');
    expect(normalizeCurie('Plain Name')).toBe('plain name');
    expect(normalizeCurie('9GO:1')).toBe('9go:1');
    // Only a whole text is a CURIE or an address: one inside other text, or over two lines, is not.
    expect(normalizeCurie('see https://bioregistry.io/HGNC:1')).toBe('see https://bioregistry.io/hgnc:1');
    expect(normalizeCurie('HGNC:1\nX')).toBe('hgnc:1\nx');
  });
});
