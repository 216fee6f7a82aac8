/**
 * Where a cross-reference or a reference leads on the web.
 *
 * Every CURIE links through Bioregistry (https://bioregistry.io/PREFIX:ID), which resolves it to the database
 * that holds it and keeps working when a database moves, and also to the database's own page. Our CURIEs use
 * the prefixes people write (HGNC, UniProt, miRBase…); Bioregistry names some collections more precisely:
 * a mature miRNA (MIMAT…) is `mirbase.mature`, a precursor (MI…) `mirbase`. The prefixes below are checked
 * against Bioregistry's own records in tests/unit/xref.test.ts (fixture tests/fixtures/bioregistry/).
 */
import { referenceLinks } from './csl.ts';
import type { Reference } from './schema.ts';

export interface XrefPrefix {
  /** Bioregistry's prefix as we write it in links: its normalised key, or the OBO spelling for ontologies. */
  bioregistry: string;
  /** The database, for the link to its own page. */
  database: string;
  /** The database's own page for a local id. */
  page: (local: string) => string;
}

const obo = (prefix: string, database: string): XrefPrefix => ({
  bioregistry: prefix,
  database,
  page: (local) => `https://purl.obolibrary.org/obo/${prefix}_${local}`,
});

/** Our CURIE prefixes (src/model/schema.ts CURIE_PATTERNS) → Bioregistry and the database's own site. */
export const XREF_PREFIXES: Record<string, (local: string) => XrefPrefix> = {
  HGNC: () => ({ bioregistry: 'hgnc', database: 'HGNC', page: (l) => `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:${l}` }),
  UniProt: () => ({ bioregistry: 'uniprot', database: 'UniProt', page: (l) => `https://www.uniprot.org/uniprotkb/${l}/entry` }),
  miRBase: (local) =>
    local.startsWith('MIMAT')
      ? { bioregistry: 'mirbase.mature', database: 'miRBase', page: (l) => `https://www.mirbase.org/mature/${l}` }
      : { bioregistry: 'mirbase', database: 'miRBase', page: (l) => `https://www.mirbase.org/hairpin/${l}` },
  CL: () => obo('CL', 'Cell Ontology'),
  GO: () => obo('GO', 'Gene Ontology'),
  UBERON: () => obo('UBERON', 'Uberon'),
  // ChEBI's searchId.do pages were retired with its 2025 site; entries now live at /chebi/CHEBI:n.
  CHEBI: () => ({ bioregistry: 'CHEBI', database: 'ChEBI', page: (l) => `https://www.ebi.ac.uk/chebi/CHEBI:${l}` }),
  MESH: () => ({ bioregistry: 'mesh', database: 'MeSH', page: (l) => `https://meshb.nlm.nih.gov/record/ui?ui=${l}` }),
};

function split(curie: string): [string, string] | undefined {
  const i = curie.indexOf(':');
  // Stryker disable next-line EqualityOperator: equivalent, a colon first gives an empty prefix, which is no known prefix either
  return i > 0 ? [curie.slice(0, i), curie.slice(i + 1)] : undefined;
}

export interface XrefLinks {
  /** The CURIE in Bioregistry's spelling, e.g. `mirbase.mature:MIMAT0000076`. */
  curie: string;
  /** https://bioregistry.io/PREFIX:ID */
  bioregistry: string;
  /** The database's own page. */
  page: { href: string; database: string };
}

export function xrefLinks(curie: string): XrefLinks | undefined {
  const parts = split(curie);
  if (!parts) return undefined;
  const [prefix, local] = parts;
  const known = Object.prototype.hasOwnProperty.call(XREF_PREFIXES, prefix) ? XREF_PREFIXES[prefix]!(local) : undefined;
  if (!known || !local) return undefined;
  const normalised = `${known.bioregistry}:${local}`;
  return { curie: normalised, bioregistry: `https://bioregistry.io/${normalised}`, page: { href: known.page(local), database: known.database } };
}

/** The CURIE in Bioregistry's spelling (unknown prefixes unchanged). */
export function bioregistryCurie(curie: string): string {
  return xrefLinks(curie)?.curie ?? curie;
}

/** Where a CURIE resolves: Bioregistry. */
export function xrefUrl(curie: string): string | undefined {
  return xrefLinks(curie)?.bioregistry;
}

/** Where a reference can be read: its DOI where known, and PubMed (by PMID where known, else a title search). */
export function referenceUrls(ref: Reference): { href: string; text: string }[] {
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
  // Stryker disable next-line Regex: equivalent on the reference list, where " et al" ends an author list or is absent
  return `${first.replace(/ et al$/, '')}${more} ${ref.year}`;
}

export function longCitation(ref: Reference): string {
  const vol = ref.volume ? `;${ref.volume}` : '';
  const issue = ref.issue ? `(${ref.issue})` : '';
  const pages = ref.pages ? `:${ref.pages}` : '';
  return `${ref.authors}. ${ref.title}. ${ref.journal}. ${ref.year}${vol}${issue}${pages}.`;
}
