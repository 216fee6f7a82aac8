import { describe, expect, it } from 'vitest';
import { CURIE_PATTERNS, curieSchema } from '../../src/model/schema.ts';
import { longCitation, referenceUrls, shortCitation, xrefLinks, xrefUrl } from '../../src/model/xref.ts';

/**
 * One well-formed CURIE per kind of identifier the schema accepts, with the Bioregistry link and the database's
 * own page it must open (each page checked by hand).
 */
const LINKS: { curie: string; bioregistry: string; page: string; database: string }[] = [
  { curie: 'HGNC:9588', bioregistry: 'hgnc:9588', page: 'https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:9588', database: 'HGNC' },
  { curie: 'UniProt:P60484', bioregistry: 'uniprot:P60484', page: 'https://www.uniprot.org/uniprotkb/P60484/entry', database: 'UniProt' },
  { curie: 'miRBase:MIMAT0000076', bioregistry: 'mirbase.mature:MIMAT0000076', page: 'https://www.mirbase.org/mature/MIMAT0000076', database: 'miRBase' },
  { curie: 'miRBase:MI0000077', bioregistry: 'mirbase:MI0000077', page: 'https://www.mirbase.org/hairpin/MI0000077', database: 'miRBase' },
  { curie: 'CL:0000134', bioregistry: 'CL:0000134', page: 'https://purl.obolibrary.org/obo/CL_0000134', database: 'Cell Ontology' },
  { curie: 'GO:0006915', bioregistry: 'GO:0006915', page: 'https://purl.obolibrary.org/obo/GO_0006915', database: 'Gene Ontology' },
  { curie: 'UBERON:0000992', bioregistry: 'UBERON:0000992', page: 'https://purl.obolibrary.org/obo/UBERON_0000992', database: 'Uberon' },
  { curie: 'CHEBI:16469', bioregistry: 'CHEBI:16469', page: 'https://www.ebi.ac.uk/chebi/CHEBI:16469', database: 'ChEBI' },
  { curie: 'MESH:D016649', bioregistry: 'mesh:D016649', page: 'https://meshb.nlm.nih.gov/record/ui?ui=D016649', database: 'MeSH' },
];

describe('cross-reference link templates', () => {
  it('cover every CURIE prefix the schema accepts', () => {
    expect([...new Set(LINKS.map((l) => l.curie.split(':')[0]))].sort()).toEqual(Object.keys(CURIE_PATTERNS).sort());
  });

  it.each(LINKS.map((l) => [l.curie, l] as const))('%s links to Bioregistry and to its database’s page', (curie, l) => {
    expect(curieSchema.safeParse(curie).success).toBe(true);
    expect(xrefUrl(curie)).toBe(`https://bioregistry.io/${l.bioregistry}`);
    expect(xrefLinks(curie)).toEqual({ curie: l.bioregistry, bioregistry: `https://bioregistry.io/${l.bioregistry}`, page: { href: l.page, database: l.database } });
  });

  it('links nothing for an unknown prefix or a missing id', () => {
    expect(xrefUrl('KEGG:hsa04151')).toBeUndefined();
    expect(xrefUrl('hgnc:9588')).toBeUndefined();
    expect(xrefUrl('HGNC:')).toBeUndefined();
    expect(xrefUrl('HGNC')).toBeUndefined();
    expect(xrefUrl('HGNC1')).toBeUndefined();
    expect(xrefUrl('toString:1')).toBeUndefined();
  });
});

describe('reference links and citations', () => {
  const ref = { n: 43, authors: 'Yang M, Lin L, Sha C, et al', title: 'Bone marrow MSC exosomes & miR-144-5p', journal: 'Lab Investig', year: 2020 };

  it('links a DOI when there is one, and PubMed by PMID or else by title', () => {
    const search = { href: 'https://pubmed.ncbi.nlm.nih.gov/?term=Bone%20marrow%20MSC%20exosomes%20%26%20miR-144-5p', text: 'Search PubMed' };
    expect(referenceUrls({ ...ref, doi: '10.1038/s41374-019-0321-y' })).toEqual([{ href: 'https://doi.org/10.1038/s41374-019-0321-y', text: 'doi:10.1038/s41374-019-0321-y' }, search]);
    expect(referenceUrls(ref)).toEqual([search]);
    expect(referenceUrls({ ...ref, pmid: '31641227' })).toEqual([{ href: 'https://pubmed.ncbi.nlm.nih.gov/31641227/', text: 'PubMed 31641227' }]);
  });

  it('writes short and long citations', () => {
    expect(shortCitation(ref)).toBe('Yang M et al. 2020');
    expect(shortCitation({ ...ref, authors: 'Coulam CB', year: 1982 })).toBe('Coulam CB 1982');
    expect(shortCitation({ ...ref, authors: 'Fu YX et al' })).toBe('Fu YX 2020');
    expect(shortCitation({ ...ref, authors: ' Coulam CB , Adamson SC' })).toBe('Coulam CB et al. 2020');
    expect(longCitation({ ...ref, volume: '100', issue: '3', pages: '342–52' })).toBe(
      'Yang M, Lin L, Sha C, et al. Bone marrow MSC exosomes & miR-144-5p. Lab Investig. 2020;100(3):342–52.',
    );
    expect(longCitation(ref)).toBe('Yang M, Lin L, Sha C, et al. Bone marrow MSC exosomes & miR-144-5p. Lab Investig. 2020.');
  });
});
