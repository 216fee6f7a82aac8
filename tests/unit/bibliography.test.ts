/** BibTeX and RIS written from CSL-JSON items made here, field by field (the shipped references are read back by citation-js and Better BibTeX in references.test.ts). */
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibAuthors, citedReferences, latex, REVIEW_KEY, toBibtexEntries, toRisRecords } from '../../src/export/bibliography.ts';
import type { CslItem } from '../../src/model/csl.ts';
import type { Model } from '../../src/model/types.ts';

const item = (over: Partial<CslItem> = {}): CslItem => ({
  id: 'ref001',
  type: 'article-journal',
  author: [{ family: 'Fazly Bazzaz', given: 'B. S.' }, { family: 'Núñez', given: 'Ana' }, { family: 'WHO' }],
  title: 'TNF-α & IL-6 in 5% of POF',
  'container-title': 'Stem Cell Research & Therapy',
  'container-title-short': 'Stem Cell Res Ther',
  issued: { 'date-parts': [[2021]] },
  volume: '12',
  issue: '1',
  page: '161-170',
  DOI: '10.1186/s13287-021-02212-0',
  PMID: '33658073',
  URL: 'https://doi.org/10.1186/s13287-021-02212-0',
  ...over,
});

describe('latex', () => {
  it('escapes LaTeX’s special characters', () => {
    expect(latex('a\\b {c} & 5% $x #1 _y ~z ^w')).toBe('a\\textbackslash{}b \\{c\\} \\& 5\\% \\$x \\#1 \\_y \\textasciitilde{}z \\textasciicircum{}w');
  });

  it('writes accents as accent commands, with dotless i and j, letter accents braced', () => {
    expect(latex('é è ê ñ ā ö å ő č ç ą ȧ ŭ')).toBe("{\\'e} {\\`e} {\\^e} {\\~n} {\\=a} {\\\"o} {\\r{a}} {\\H{o}} {\\v{c}} {\\c{c}} {\\k{a}} {\\.a} {\\u{u}}");
    expect(latex('í ĵ')).toBe("{\\'\\i} {\\^\\j}");
    expect(latex('É')).toBe("{\\'E}");
  });

  it('writes Greek letters in math mode and symbols as their commands', () => {
    expect(latex('αβΩ')).toBe('{$\\alpha$}{$\\beta$}{$\\Omega$}');
    expect(latex('−–—‘’“”×±≥≤→°µ')).toBe("{\\textminus}--{}---`'``''{$\\times$}{$\\pm$}{$\\geq$}{$\\leq$}{$\\rightarrow$}{$^\\circ$}{$\\mu$}");
    expect(latex('ı ß ø Ø æ Æ ł Ł …')).toBe('{\\i} {\\ss} {\\o} {\\O} {\\ae} {\\AE} {\\l} {\\L} {\\ldots}');
    expect(latex('a\u00A0b')).toBe('a~b');
    // Two no-break spaces are two ties.
    expect(latex('a\u00A0\u00A0b')).toBe('a~~b');
  });

  it('keeps the dashes and quotes it writes apart from a dash or quote next to them, which TeX would join', () => {
    // "-----" reads as an em dash then an en dash, "``" as an opening double quote, "''" as a closing one.
    expect(latex('–—')).toBe('--{}---');
    expect(latex('—–')).toBe('---{}--');
    expect(latex('a-–b')).toBe('a-{}--b');
    expect(latex('–-')).toBe('--{}-');
    expect(latex('‘‘x’’')).toBe('`{}`x\'{}\'');
    expect(latex("’'")).toBe("'{}'");
    expect(latex('`‘')).toBe('`{}`');
    // What the writer typed in ASCII is their own TeX, and a dash beside anything else needs nothing.
    expect(latex('a--b ``q\'\'')).toBe('a--b ``q\'\'');
    expect(latex('1–2 x—y')).toBe('1--2 x---y');
    expect(latex('–é')).toBe("--{\\'e}");
    // (Better BibTeX's parser reads the dashes back; it keeps single quotes as ` and ', so they are not read here.)
    const lib = parseBib(toBibtexEntries([item({ id: 'd', title: 'IL-6–—IL-8, a-–b —– c–-d' })]), { sentenceCase: false });
    expect(lib.entries[0]?.fields.title).toBe('IL-6–—IL-8, a-–b —– c–-d');
  });

  it('writes {?} for what LaTeX cannot spell, and drops a stray combining mark', () => {
    expect(latex('漢 ✓')).toBe('{?} {?}');
    // The file stays 7-bit: the first code point past ASCII (a C1 control) is not written as it is.
    expect(latex('a\u007fb\u0080c')).toBe('a\u007fb{?}c');
    expect(latex('1\u0301')).toBe('1');
    expect(latex('plain ASCII 123')).toBe('plain ASCII 123');
    expect(latex('')).toBe('');
  });
});

describe('BibTeX entries', () => {
  it('spells every Greek letter LaTeX names, accented letters and symbols so that Better BibTeX’s parser reads the title back as written', () => {
    // What this field's titles are written with (TNF-α, IFN-γ, NF-κB, ΔNp63, 50 µg, Núñez), each whole set once.
    const titles = [
      'αβγδεζηθικλμνξπρστυφχψω',
      'ΓΔΘΛΞΠΣΥΦΨΩ',
      'Müller, Núñez, Gonçalves, Dvořák, Łoś, Ørsted, Ærø and Straße: àáâãāăȧäåőǎçą',
      'IL-6 – a review — 2 × 10 ± 1, ≥ 5 ≤ 9, A → B at 37 °C, 50 µg, “so-called” ı…',
    ];
    const bib = toBibtexEntries(titles.map((title, i) => item({ id: `t${i}`, title })));
    const lib = parseBib(bib, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    // The parser gives LaTeX's math letters as Unicode's math forms (\epsilon as ϵ, \phi as ϕ, \mu as 𝜇), which
    // NFKC folds to the letters themselves; µ (the micro sign) is folded to μ the same way.
    expect(lib.entries.map((e) => e.fields.title?.normalize('NFKC'))).toEqual(titles.map((t) => t.normalize('NFKC')));
  });


  it('writes "Family, Given" names joined by "and", multi-word families braced', () => {
    expect(bibAuthors(item())).toBe("{Fazly Bazzaz}, B. S. and N{\\'u}{\\~n}ez, Ana and WHO");
  });

  it('writes every field present, in order, with double-braced title and full page range', () => {
    expect(toBibtexEntries([item()])).toBe(
      [
        '@article{ref001,',
        "  author = {{Fazly Bazzaz}, B. S. and N{\\'u}{\\~n}ez, Ana and WHO},",
        '  title = {{TNF-{$\\alpha$} \\& IL-6 in 5\\% of POF}},',
        '  journal = {Stem Cell Research \\& Therapy},',
        '  shortjournal = {Stem Cell Res Ther},',
        '  year = {2021},',
        '  volume = {12},',
        '  number = {1},',
        '  pages = {161--170},',
        '  doi = {10.1186/s13287-021-02212-0},',
        '  pmid = {33658073}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what is missing, a short journal equal to the journal, and says a retraction', () => {
    const bare = item({ 'container-title-short': 'Stem Cell Research & Therapy', volume: undefined, issue: undefined, page: undefined, DOI: undefined, PMID: undefined, status: 'retracted', note: 'Retracted in 2022 — see notice' });
    const text = toBibtexEntries([bare, item({ id: 'ref002', 'container-title-short': undefined })]);
    const [first, second] = text.split('\n\n');
    expect(first).not.toMatch(/shortjournal|volume|number|pages|doi|pmid/);
    expect(first).toContain('  pubstate = {retracted},\n  note = {Retracted in 2022 --- see notice}\n}');
    expect(second).toMatch(/^@article\{ref002,/);
    expect(second).not.toContain('shortjournal');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('RIS records', () => {
  it('writes one tagged line per field with CRLF, authors as "Family, Given", pages split', () => {
    expect(toRisRecords([item()])).toBe(
      [
        'TY  - JOUR',
        'ID  - ref001',
        'AU  - Fazly Bazzaz, B. S.',
        'AU  - Núñez, Ana',
        'AU  - WHO',
        'TI  - TNF-α & IL-6 in 5% of POF',
        'T2  - Stem Cell Research & Therapy',
        'J2  - Stem Cell Res Ther',
        'PY  - 2021',
        'VL  - 12',
        'IS  - 1',
        'SP  - 161',
        'EP  - 170',
        'DO  - 10.1186/s13287-021-02212-0',
        'UR  - https://doi.org/10.1186/s13287-021-02212-0',
        'AN  - 33658073',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves out missing fields, gives a single page no end, and carries the note', () => {
    const text = toRisRecords([item({ page: 'e12', volume: undefined, issue: undefined, DOI: undefined, URL: undefined, PMID: undefined, 'container-title-short': undefined, note: 'Authors: list ends with et al.' }), item({ id: 'b', page: undefined })]);
    const [first, second] = text.split('ER  - \r\n');
    expect(first).toContain('SP  - e12\r\n');
    expect(first).not.toMatch(/EP {2}-|VL {2}-|IS {2}-|DO {2}-|UR {2}-|AN {2}-|J2 {2}-/);
    expect(first).toContain('N1  - Authors: list ends with et al.\r\n');
    expect(second).not.toMatch(/SP {2}-|EP {2}-/);
    expect(text.endsWith('ER  - \r\n')).toBe(true);
  });
});

describe('cited references', () => {
  it('lists each cited reference once, in number order, skipping unknown numbers', () => {
    const refs = new Map([1, 2, 10].map((n) => [n, { n }]));
    const model = { references: refs } as unknown as Model;
    expect(citedReferences(model, [10, 2, 10, 99, 1, 2]).map((r) => r.n)).toEqual([1, 2, 10]);
    expect(citedReferences(model, [])).toEqual([]);
    expect(REVIEW_KEY).toBe('fu2021msc');
  });
});
