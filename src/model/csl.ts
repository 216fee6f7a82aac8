/**
 * References as data: each entry of graphs/references.json in CSL-JSON form (the schema reference managers,
 * citeproc and Zotero share: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), with authors
 * split into family and given names, initials written "B. S.", page ranges written in full and the DOI where the
 * review gives one. BibTeX, RIS and CSL-JSON exports are all written from this one form.
 */
import { retractionSentence } from './retraction.ts';
import type { Reference, ReferencesFile } from './schema.ts';

export interface CslName {
  family: string;
  given?: string;
}

export interface CslItem {
  id: string;
  type: 'article-journal';
  'citation-number'?: number;
  author: CslName[];
  title: string;
  'container-title': string;
  'container-title-short'?: string;
  issued: { 'date-parts': [[number]] };
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  PMID?: string;
  URL?: string;
  /** CSL's publication status; "retracted" for an article its journal withdrew. */
  status?: string;
  note?: string;
  /** Not CSL: true when the review's list stops with "et al" (the item's author list is then incomplete). */
  _authorsTruncated?: boolean;
}

export const REVIEW_ID = 'fu2021msc';
export const refId = (n: number) => `fu2021ref${String(n).padStart(3, '0')}`;

/** "BS" → "B. S."; "J-M" → "J.-M." */
export function initials(s: string): string {
  return s
    .split('-')
    .map((part) => part.split('').map((c) => `${c}.`).join(' '))
    .join('-');
}

const INITIALS = /^[A-Z](?:-?[A-Z]){0,3}$/;

/**
 * One author as the reference list writes it: Vancouver style "Fazly Bazzaz BS", "Liang J-M", or (for a few
 * entries the review copied from the publisher) a full name in natural order, "Rossella E Nappi".
 */
export function parseName(raw: string): CslName {
  const name = raw.trim().replace(/\s+/g, ' ');
  const words = name.split(' ');
  if (words.length === 1) return { family: name };
  const last = words.at(-1)!;
  if (INITIALS.test(last)) return { family: words.slice(0, -1).join(' '), given: initials(last) };
  // Natural order: the last word is the family name; single capitals among the given names become initials.
  const given = words
    .slice(0, -1)
    .map((w) => (/^[A-Z]$/.test(w) ? `${w}.` : w))
    .join(' ');
  return { family: last, given };
}

const ET_AL = /,?\s*\bet al\.?$/i;

/** Authors, split; "et al" (the review's lists stop after three names) is not an author. */
export function parseAuthors(authors: string): { names: CslName[]; truncated: boolean } {
  const truncated = ET_AL.test(authors.trim());
  const names = authors
    .trim()
    .replace(ET_AL, '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map(parseName);
  return { names, truncated };
}

/**
 * A page range in full: "645–55" → "645-655", "E3421–30" → "E3421-E3430", "e1–e11" stays. The reference list
 * abbreviates end pages; reference managers and citation styles need them whole.
 */
export function fullPages(pages: string): string {
  const [start, end] = pages.split(/[–-]/).map((s) => s.trim()) as [string, string | undefined];
  if (end === undefined || end === '') return start;
  const sm = /^(\D*)(\d+)$/.exec(start);
  // Only an end of digits alone is abbreviated: one with letters of its own ("e1–e11") is written as given.
  if (!sm || !/^\d+$/.test(end)) return `${start}-${end}`;
  const [, prefix, sd] = sm as unknown as [string, string, string];
  const ed = end;
  if (ed.length >= sd.length) return `${start}-${end}`;
  let whole = Number(sd.slice(0, sd.length - ed.length) + ed);
  // "2992–09" is 3009: the abbreviated end rolls over into the next hundred.
  if (whole < Number(sd)) whole += 10 ** ed.length;
  return `${start}-${prefix}${whole}`;
}

export function referenceToCsl(r: Reference): CslItem {
  const { names, truncated } = parseAuthors(r.authors);
  return {
    id: refId(r.n),
    type: 'article-journal',
    'citation-number': r.n,
    author: names,
    title: r.title,
    // The review's list gives journal abbreviations only.
    'container-title': r.journal,
    'container-title-short': r.journal,
    issued: { 'date-parts': [[r.year]] },
    ...(r.volume ? { volume: r.volume } : {}),
    ...(r.issue ? { issue: r.issue } : {}),
    ...(r.pages ? { page: fullPages(r.pages) } : {}),
    ...(r.doi ? { DOI: r.doi, URL: `https://doi.org/${r.doi}` } : {}),
    ...(r.pmid ? { PMID: r.pmid } : {}),
    ...(r.retracted ? { status: 'retracted' } : {}),
    note:
      `Reference ${r.n} of Fu et al. 2021${truncated ? '; author list truncated ("et al.") in the review' : ''}` +
      (r.retracted ? `. RETRACTED: ${retractionSentence(r)}` : ''),
    ...(truncated ? { _authorsTruncated: true } : {}),
  };
}

/** The review itself, for citing the figure's source. */
export function reviewCsl(review: ReferencesFile['review']): CslItem {
  return {
    id: REVIEW_ID,
    type: 'article-journal',
    author: [
      { family: 'Fu', given: 'Y. X.' },
      { family: 'Ji', given: 'J.' },
      { family: 'Shan', given: 'F.' },
      { family: 'Li', given: 'J.' },
      { family: 'Hu', given: 'R.' },
    ],
    title: 'Human mesenchymal stem cell treatment of premature ovarian failure: new challenges and opportunities',
    'container-title': 'Stem Cell Research & Therapy',
    'container-title-short': 'Stem Cell Res Ther',
    issued: { 'date-parts': [[2021]] },
    volume: '12',
    page: '161',
    DOI: review.doi,
    URL: `https://doi.org/${review.doi}`,
    note: review.licence,
  };
}

/** Links for a reference: its DOI where known, and PubMed by PMID where known, otherwise a title search. */
export function referenceLinks(item: Pick<CslItem, 'DOI' | 'PMID' | 'title'>): { doi?: string; pubmed: string } {
  const pubmed = item.PMID
    ? `https://pubmed.ncbi.nlm.nih.gov/${item.PMID}/`
    : `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(item.title)}`;
  return { ...(item.DOI ? { doi: `https://doi.org/${item.DOI}` } : {}), pubmed };
}
