/**
 * Retracted references. Two articles the review cites (57 and 59) were retracted by their journal in 2022, after
 * the review appeared. The statements citing them stay (the review makes them, and this atlas redraws the review),
 * but wherever such a reference is shown, it says so: details, text version, path steps, compare summary, the
 * exports' source lines and reference files.
 */
import type { Reference } from './schema.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isRetracted(ref: Pick<Reference, 'retracted'> | undefined): boolean {
  return Boolean(ref?.retracted);
}

/** "13 October 2022", from the stored ISO date. */
export function retractionDate(ref: Pick<Reference, 'retracted'>): string {
  const [y, m, d] = ref.retracted!.date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** One sentence for a reference list: "Retracted by the journal on 13 October 2022 (retraction notice doi:…)." */
export function retractionSentence(ref: Pick<Reference, 'retracted'>): string {
  const notice = ref.retracted!.notice ? ` (retraction notice doi:${ref.retracted!.notice})` : '';
  return `Retracted by the journal on ${retractionDate(ref)}, after the review${notice}.`;
}

/** Where a reader can read the retraction: its notice's DOI, else the retracted article's own page. */
export function retractionHref(ref: Pick<Reference, 'retracted' | 'doi'>): string | undefined {
  const doi = ref.retracted?.notice ?? ref.doi;
  return doi ? `https://doi.org/${doi}` : undefined;
}

/** Reference numbers as a short list with the retracted ones marked: "56, 59 (retracted)". */
export function refNumbersText(refs: readonly number[], references: ReadonlyMap<number, Reference>): string {
  return refs.map((n) => (isRetracted(references.get(n)) ? `${n} (retracted)` : String(n))).join(', ');
}

/** The retracted ones among refs, in order, without repeats. */
export function retractedAmong(refs: Iterable<number>, references: ReadonlyMap<number, Reference>): number[] {
  return [...new Set(refs)].filter((n) => isRetracted(references.get(n))).sort((a, b) => a - b);
}
