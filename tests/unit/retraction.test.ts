// @vitest-environment jsdom
/**
 * References 57 and 59 were retracted by Stem Cell Research & Therapy in 2022, after the review cited them. The
 * data says so, the statements citing them are kept, and every export that lists references flags them: the
 * reference files (read back by citation-js and Better BibTeX's parser), the evidence CSV (read back by
 * papaparse) and the source line of the pictures, slides and pages.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { citedReferences, toBibtex, toCslJson, toRis } from '../../src/export/bibliography.ts';
import { exportContent, retractedText } from '../../src/export/content.ts';
import { CSV_HEADER, evidenceCsv } from '../../src/export/evidence-csv.ts';
import { renderSvg } from '../../src/export/image.ts';
import { precomputedLayouts } from '../../src/data/bundled.ts';
import { referenceToCsl } from '../../src/model/csl.ts';
import { isRetracted, refNumbersText, retractedAmong, retractionDate, retractionHref, retractionSentence } from '../../src/model/retraction.ts';
import { referencesFileSchema } from '../../src/model/schema.ts';
import { figureView } from '../../src/model/view.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const refs = [...model.references.values()];

describe('retracted references in the data', () => {
  it('57 and 59 are marked retracted, with the dates of their retraction and 59’s notice; no other is', () => {
    expect(refs.filter(isRetracted).map((r) => r.n)).toEqual([57, 59]);
    expect(model.references.get(57)!.retracted).toEqual({ date: '2022-10-13' });
    expect(model.references.get(59)!.retracted).toEqual({ date: '2022-09-14', notice: '10.1186/s13287-022-03173-8' });
    // Each retraction came after both the article and the review (2021).
    for (const r of refs.filter(isRetracted)) expect(Number(r.retracted!.date.slice(0, 4))).toBeGreaterThan(Math.max(r.year, 2021));
  });

  it('the statements citing them are kept', () => {
    const citing = model.figures.flatMap((f) => f.edges.filter((e) => e.refs.some((n) => n === 57 || n === 59)).map((e) => e.id));
    expect(citing).toHaveLength(11);
    expect(citing).toContain('hpmsc-fsh');
    expect(citing).toContain('hpmsc-ovarian-function');
  });

  it('the schema refuses a retraction with a malformed date or notice', () => {
    const file = (retracted: unknown) => ({ review: { citation: 'x', doi: '10.1/x', licence: 'CC BY 4.0' }, references: [{ n: 1, authors: 'A B', title: 't', journal: 'j', year: 2018, retracted }] });
    expect(referencesFileSchema.safeParse(file({ date: '2022-10-13' })).success).toBe(true);
    expect(referencesFileSchema.safeParse(file({ date: '13 October 2022' })).success).toBe(false);
    expect(referencesFileSchema.safeParse(file({ date: '2022-13-01' })).success).toBe(false);
    expect(referencesFileSchema.safeParse(file({ date: '2022-10-13', notice: 'doi:10.1186/x' })).success).toBe(false);
    expect(referencesFileSchema.safeParse(file({ date: '2022-10-13', reason: 'x' })).success).toBe(false);
  });
});

describe('how a retraction is written', () => {
  it('in words, with a link to the notice where known, else to the article', () => {
    const r57 = model.references.get(57)!;
    const r59 = model.references.get(59)!;
    expect(retractionDate(r57)).toBe('13 October 2022');
    expect(retractionSentence(r57)).toBe('Retracted by the journal on 13 October 2022, after the review.');
    expect(retractionSentence(r59)).toBe('Retracted by the journal on 14 September 2022, after the review (retraction notice doi:10.1186/s13287-022-03173-8).');
    expect(retractionHref(r57)).toBe('https://doi.org/10.1186/s13287-017-0745-5');
    expect(retractionHref(r59)).toBe('https://doi.org/10.1186/s13287-022-03173-8');
    expect(refNumbersText([56, 59], model.references)).toBe('56, 59 (retracted)');
    expect(refNumbersText([43], model.references)).toBe('43');
    expect(retractedAmong([59, 58, 57, 59], model.references)).toEqual([57, 59]);
  });

  it('a retraction in any month is dated the way an English reader writes it (Intl’s en-GB long date)', () => {
    const english = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const date = `2023-${String(m).padStart(2, '0')}-07`;
      expect(retractionDate({ retracted: { date } })).toBe(english.format(new Date(`${date}T00:00:00Z`)));
    }
  });
});

describe('reference files flag the retracted references', () => {
  const cited = citedReferences(model, [56, 57, 58, 59]);

  it('CSL-JSON: status "retracted" and a note, read back by citation-js', () => {
    const items = JSON.parse(toCslJson(model, cited)) as { id: string; status?: string; note?: string }[];
    const byN = (n: number) => items.find((i) => i.id === referenceToCsl(model.references.get(n)!).id)!;
    expect(byN(57).status).toBe('retracted');
    expect(byN(59).note).toMatch(/RETRACTED: Retracted by the journal on 14 September 2022.*10\.1186\/s13287-022-03173-8/);
    expect(byN(56).status).toBeUndefined();
    expect(byN(56).note).not.toMatch(/retract/i);
    const read = new Cite(toCslJson(model, cited)).data as { status?: string }[];
    expect(read.filter((i) => i.status === 'retracted')).toHaveLength(2);
  });

  it('BibTeX: pubstate and note, read by Better BibTeX’s parser and citation-js', () => {
    const bib = toBibtex(model, cited);
    const parsed = parseBib(bib);
    expect(parsed.errors).toEqual([]);
    const entry = (n: number) => parsed.entries.find((e) => e.key === referenceToCsl(model.references.get(n)!).id)!;
    expect(entry(57).fields.pubstate).toBe('retracted');
    expect(entry(57).fields.note).toMatch(/RETRACTED: Retracted by the journal on 13 October 2022/);
    expect(entry(58).fields.pubstate).toBeUndefined();
    const cite = new Cite(bib).data as { note?: string }[];
    expect(cite.filter((i) => /RETRACTED/.test(i.note ?? ''))).toHaveLength(2);
  });

  it('RIS: a note, read by citation-js', () => {
    const ris = toRis(model, cited);
    const read = new Cite(ris).data as { title: string; note?: string }[];
    const retracted = read.filter((i) => /RETRACTED: Retracted by the journal/.test(i.note ?? ''));
    expect(retracted.map((i) => i.title.slice(0, 20)).sort()).toEqual(['Effects of hPMSCs on', 'hPMSC transplantatio']);
  });
});

describe('pictures and tables flag them', () => {
  const fig2 = () => figureView(model, 'fig2')!;

  it('the evidence CSV has a retraction column, read back by papaparse', () => {
    const text = evidenceCsv(model, fig2()).replace(/^\uFEFF/, '');
    const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(meta.fields).toEqual([...CSV_HEADER]);
    const retracted = data.filter((r) => r.reference_retracted);
    expect(new Set(retracted.map((r) => r.reference))).toEqual(new Set(['57', '59']));
    expect(retracted.find((r) => r.reference === '57')!.reference_retracted).toBe('2022-10-13');
    expect(data.filter((r) => r.reference === '56').every((r) => r.reference_retracted === '')).toBe(true);
  });

  it('the source line of an exported picture names the retracted references; a figure citing none says nothing', () => {
    const content = exportContent(model, { title: 'Fig. 2', panes: [{ view: fig2(), positions: precomputedLayouts['figure:fig2']! }], sources: [] });
    expect(content.sourceLine).toContain(' Retracted since the review: 57 (2022), 59 (2022).');
    expect(renderSvg(content, { width: 1920, height: 1080 }, 'white')).toContain('Retracted since the review: 57 (2022), 59 (2022).');
    const fig1 = figureView(model, 'fig1')!;
    const plain = exportContent(model, { title: 'Fig. 1', panes: [{ view: fig1, positions: precomputedLayouts['figure:fig1']! }], sources: [] });
    expect(plain.sourceLine).not.toMatch(/retract/i);
    expect(retractedText(model, [56, 58])).toBe('');
    expect(retractedText(model, [59, 56])).toBe(' Retracted since the review: 59 (2022).');
  });
});
