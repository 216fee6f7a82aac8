// @vitest-environment node
/**
 * The references' DOIs and PMIDs. The review's list gives 7 DOIs and no PMID; the others were matched to each
 * article's own record (publisher or PubMed Central page) by title, journal, year, volume and pages, and only
 * stored when all of them agreed. This checks every stored identifier against the reference as far as the
 * identifier itself can tell: publishers that put the journal, the year, the volume or the article number in
 * their DOIs, and PubMed's ids, which grow with time.
 */
import { describe, expect, it } from 'vitest';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const refs = [...model.references.values()];

/** What a journal's DOIs say about the article, for the journals whose DOIs say something. */
type Check = (doi: string, r: (typeof refs)[number]) => boolean;
const yearIn = (yy: string, year: number) => [year - 1, year].includes(2000 + Number(yy)); // accepted late in the year before
const JOURNAL_DOIS: Record<string, Check> = {
  // BioMed Central: 10.1186/s13287-018-0964-4, the year (of acceptance) in the middle; the last character is a
  // check character (a digit or v, w, x, y, z).
  'Stem Cell Res Ther': (d, r) => /^10\.1186\/s13287-0(\d\d)-\d{4}-[\dvwxyz]$/i.test(d) && yearIn(/s13287-0(\d\d)/.exec(d)![1]!, r.year),
  'Reprod Biol Endocrinol': (d, r) => /^10\.1186\/s12958-0(\d\d)-/.test(d) && yearIn(/s12958-0(\d\d)/.exec(d)![1]!, r.year),
  'J Neuroinflammation': (d, r) => /^10\.1186\/s12974-0(\d\d)-/.test(d) && yearIn(/s12974-0(\d\d)/.exec(d)![1]!, r.year),
  'J Exp Clin Cancer Res': (d, r) => /^10\.1186\/s13046-0(\d\d)-/.test(d) && yearIn(/s13046-0(\d\d)/.exec(d)![1]!, r.year),
  // Older BioMed Central DOIs carry the volume and the article number.
  'J Transl Med': (d, r) => d === `10.1186/1479-5876-${r.volume}-${r.pages}`,
  'BMC Dev Biol': (d, r) => d === `10.1186/1471-213X-${r.volume}-${r.pages}`,
  'BMC Cell Biol': (d, r) => d === `10.1186/1471-2121-${r.volume}-${r.pages}`,
  // Hindawi: 10.1155/<year>/<article number>.
  'Biomed Res Int': (d, r) => d === `10.1155/${r.year}/${r.pages}`,
  'Stem Cells Int': (d, r) => d === `10.1155/${r.year}/${r.pages}`,
  'J Immunol Res': (d, r) => d === `10.1155/${r.year}/${r.pages}`,
  // PLOS: the eLocator (e77895 is e0077895) is the DOI's last part.
  'PLoS One': (d, r) => d === `10.1371/journal.pone.${r.pages?.replace(/^e/, '').padStart(7, '0')}`,
  // Nature Research: 10.1038/s41598-017-02552-…, the year in the middle.
  'Sci Rep': (d, r) => /^10\.1038\/s41598-0(\d\d)-/.test(d) && yearIn(/s41598-0(\d\d)/.exec(d)![1]!, r.year),
  // Springer: 10.1007/s10815-017-1058-4, the year (of acceptance) in the middle.
  'J Assist Reprod Genet': (d, r) => /^10\.1007\/s10815-0(\d\d)-/.test(d) && yearIn(/s10815-0(\d\d)/.exec(d)![1]!, r.year),
  // Frontiers: 10.3389/fimmu.2014.00205, the year and the article number.
  'Front Immunol': (d, r) => d === `10.3389/fimmu.${r.year}.${r.pages?.padStart(5, '0')}`,
  // MDPI: 10.3390/cells9010200, volume, issue (two digits each) and article number.
  Cells: (d, r) => d === `10.3390/cells${r.volume}${r.issue?.padStart(2, '0')}${r.pages?.replace(/^E/, '').padStart(4, '0')}`,
  // Cancer Gene Therapy (Nature): 10.1038/cgt.2016.35, the year of publication.
  'Cancer Gene Ther': (d, r) => d.startsWith(`10.1038/cgt.${r.year}.`),
  // Experimental & Molecular Medicine (Nature): 10.1038/emm.2017.63, the year of publication.
  'Exp Mol Med': (d, r) => d.startsWith(`10.1038/emm.${r.year}.`),
  // Molecules and Cells: 10.14348/molcells.2014.0145, the year of publication.
  'Mol Cells': (d, r) => d.startsWith(`10.14348/molcells.${r.year}.`),
  // Stem Cells (AlphaMed, before Wiley's 10.1002/stem.N): 10.1634/stemcells.2007-0637, the year of submission.
  'Stem Cells': (d, r) => /^10\.1002\/stem\.\d+$/.test(d) || (/^10\.1634\/stemcells\.(\d{4})-\d{4}$/.test(d) && [r.year - 1, r.year].includes(Number(/stemcells\.(\d{4})/.exec(d)![1]))),
  // Molecular Biology of the Cell: 10.1091/mbc.e02-02-0105, the year of submission after the "e".
  'Mol Biol Cell': (d, r) => /^10\.1091\/mbc\.e(\d\d)-/.test(d) && yearIn(/mbc\.e(\d\d)/.exec(d)![1]!, r.year),
  // Small Methods (Wiley): 10.1002/smtd.201800021, the century and the article number.
  'Small Methods': (d, r) => d === `10.1002/smtd.20${r.pages}`,
  // Circulation Research: 10.1161/CIRCRESAHA.117.310712, the volume year counted from 1900.
  'Circ Res': (d, r) => d.startsWith(`10.1161/CIRCRESAHA.${r.year - 1900}.`),
  // Cancer (Wiley's older SICI DOIs): the issue date, volume, issue and first page, (20010201)91:3<613::…
  Cancer: (d, r) => d.startsWith(`10.1002/1097-0142(${r.year}`) && d.includes(`)${r.volume}:${r.issue}<${r.pages?.split('–')[0]}::`),
};

/** First PubMed id of each year (rounded down): an article's PMID falls between its year's and the next's, give or take a year for early or late indexing. */
const FIRST_PMID: Record<number, number> = {
  2000: 10_600_000, 2001: 11_100_000, 2002: 11_750_000, 2003: 12_500_000, 2004: 14_700_000, 2005: 15_600_000,
  2006: 16_400_000, 2007: 17_200_000, 2008: 18_150_000, 2009: 19_100_000, 2010: 20_030_000, 2011: 21_180_000,
  2012: 22_210_000, 2013: 23_270_000, 2014: 24_370_000, 2015: 25_520_000, 2016: 26_700_000, 2017: 27_990_000,
  2018: 29_290_000, 2019: 30_600_000, 2020: 31_900_000, 2021: 33_360_000, 2022: 34_970_000,
};

describe('reference identifiers', () => {
  it('the review’s own seven DOIs are kept, and more were matched', () => {
    const given = { 7: '10.1016/j.beem.2014.09.010', 19: '10.1186/1479-5876-5-57', 34: '10.1080/14653240802035926', 70: '10.3892/ijmm.2017.2897', 89: '10.1089/ars.2012.4891', 132: '10.1007/s12015-014-9578-0', 145: '10.1002/stem.1771' };
    for (const [n, doi] of Object.entries(given)) expect(model.references.get(Number(n))?.doi).toBe(doi);
    expect(refs.filter((r) => r.doi).length).toBeGreaterThan(Object.keys(given).length);
    // Matched so far (re-extracting the list keeps them): 72 DOIs and 20 PubMed ids of 147 references.
    expect(refs.filter((r) => r.doi).length).toBeGreaterThanOrEqual(72);
    expect(refs.filter((r) => r.pmid).length).toBeGreaterThanOrEqual(20);
  });

  it('no two references share a DOI or a PMID', () => {
    const dois = refs.flatMap((r) => (r.doi ? [r.doi.toLowerCase()] : []));
    const pmids = refs.flatMap((r) => (r.pmid ? [r.pmid] : []));
    expect(new Set(dois).size).toBe(dois.length);
    expect(new Set(pmids).size).toBe(pmids.length);
  });

  it('every DOI agrees with its reference’s journal, year, volume or article number where the DOI tells', () => {
    let checked = 0;
    for (const r of refs) {
      const check = r.doi && JOURNAL_DOIS[r.journal];
      if (!check) continue;
      checked++;
      expect(check(r.doi!, r), `[${r.n}] ${r.journal} ${r.year} ${r.volume}:${r.pages} → ${r.doi}`).toBe(true);
    }
    // Most matched DOIs are of journals whose DOIs can be checked this way.
    expect(checked).toBeGreaterThan(refs.filter((r) => r.doi).length / 2);
  });

  it('the checks above can fail: a DOI of the wrong year, journal or article is caught', () => {
    const r = model.references.get(44)!; // Stem Cell Res Ther 2018
    expect(JOURNAL_DOIS['Stem Cell Res Ther']!('10.1186/s13287-015-0100-1', r)).toBe(false);
    expect(JOURNAL_DOIS['Stem Cell Res Ther']!('10.1186/s12958-018-0100-1', r)).toBe(false);
    expect(JOURNAL_DOIS['PLoS One']!('10.1371/journal.pone.0120258', { ...r, pages: 'e0120257' })).toBe(false);
    expect(JOURNAL_DOIS['Biomed Res Int']!('10.1155/2014/690491', { ...r, year: 2013, pages: '690491' })).toBe(false);
    expect(JOURNAL_DOIS['Stem Cells']!('10.1634/stemcells.2005-0637', { ...r, year: 2008 })).toBe(false);
    expect(JOURNAL_DOIS['Mol Biol Cell']!('10.1091/mbc.e05-02-0105', { ...r, year: 2002 })).toBe(false);
    expect(JOURNAL_DOIS['Small Methods']!('10.1002/smtd.201800022', { ...r, year: 2018, pages: '1800021' })).toBe(false);
    expect(JOURNAL_DOIS['Cancer Gene Ther']!('10.1038/cgt.2015.35', { ...r, year: 2016 })).toBe(false);
    expect(JOURNAL_DOIS['Circ Res']!('10.1161/CIRCRESAHA.116.310712', { ...r, year: 2017 })).toBe(false);
    expect(JOURNAL_DOIS.Cancer!('10.1002/1097-0142(20010201)91:3<614::aid-cncr1042>3.0.co;2-r', { ...r, year: 2001, volume: '91', issue: '3', pages: '613–21' })).toBe(false);
  });

  it('every PMID falls in its reference’s year, give or take one', () => {
    for (const r of refs) {
      if (!r.pmid) continue;
      const pmid = Number(r.pmid);
      const low = FIRST_PMID[r.year - 1];
      const high = FIRST_PMID[r.year + 2];
      expect(low, `no PMID range known for ${r.year - 1}`).toBeDefined();
      expect(pmid, `[${r.n}] ${r.year} PMID ${r.pmid}`).toBeGreaterThanOrEqual(low!);
      if (high) expect(pmid, `[${r.n}] ${r.year} PMID ${r.pmid}`).toBeLessThan(high);
    }
  });
});
