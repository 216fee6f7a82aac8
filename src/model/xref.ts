/** Where a cross-reference or a reference leads on the web. */
import { referenceLinks } from './csl.ts';
import type { Reference } from './schema.ts';

export function xrefUrl(curie: string): string | undefined {
  const [prefix, local] = curie.split(/:(.*)/s) as [string, string];
  switch (prefix) {
    case 'HGNC':
      return `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:${local}`;
    case 'UniProt':
      return `https://www.uniprot.org/uniprotkb/${local}/entry`;
    case 'miRBase':
      return `https://www.mirbase.org/mature/${local}`;
    case 'CL':
    case 'GO':
    case 'UBERON':
      return `http://purl.obolibrary.org/obo/${prefix}_${local}`;
    case 'CHEBI':
      return `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:${local}`;
    case 'MESH':
      return `https://meshb.nlm.nih.gov/record/ui?ui=${local}`;
    default:
      return undefined;
  }
}

/** Where a reference can be read: its DOI where known, and PubMed (by PMID where known, else a title search). */
export function referenceUrls(ref: Reference & { pmid?: string }): { href: string; text: string }[] {
  const links = referenceLinks({ title: ref.title, ...(ref.doi ? { DOI: ref.doi } : {}), ...(ref.pmid ? { PMID: ref.pmid } : {}) });
  return [
    ...(links.doi ? [{ href: links.doi, text: `doi:${ref.doi}` }] : []),
    { href: links.pubmed, text: ref.pmid ? `PubMed ${ref.pmid}` : 'Search PubMed' },
  ];
}

/** "Coulam CB (1982)" style short citation. */
export function shortCitation(ref: Reference): string {
  const first = ref.authors.split(',')[0]!.trim();
  const more = ref.authors.includes(',') ? ' et al.' : '';
  return `${first.replace(/ et al$/, '')}${more} ${ref.year}`;
}

export function longCitation(ref: Reference): string {
  const vol = ref.volume ? `;${ref.volume}` : '';
  const issue = ref.issue ? `(${ref.issue})` : '';
  const pages = ref.pages ? `:${ref.pages}` : '';
  return `${ref.authors}. ${ref.title}. ${ref.journal}. ${ref.year}${vol}${issue}${pages}.`;
}
