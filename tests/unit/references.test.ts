/**
 * References as data: CSL-JSON built from graphs/references.json, and the BibTeX, RIS and CSL-JSON exports read
 * back by independent parsers (Better BibTeX's parser, citation-js with its BibTeX, RIS and CSL plugins).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBib } from '@retorquere/bibtex-parser';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedReferences, cslItems, latex, toBibtex, toCslJson, toRis } from '../../src/export/bibliography.ts';
import { fullPages, parseAuthors, parseName, referenceLinks, referenceToCsl } from '../../src/model/csl.ts';
import { shippedModel } from '../helpers/model.ts';

const model = shippedModel();
const all = citedReferences(model, model.references.keys());
const original = (n: number) => model.references.get(n)!;
const GIVEN = /^(?:[A-Z]\.(?:[ -][A-Z]\.)*|[A-Z][a-z]+(?: [A-Z]\.)?)$/;
const WITH_SYMBOLS = [58, 104, 135]; // α, − (U+2212), κ in their titles

/** Start and end page as numbers, for ranges such as 645-655 or E3421-E3430. */
function pageNumbers(page: string): [number, number] | null {
  const m = /^\D*(\d+)-\D*(\d+)$/.exec(page);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

describe('references as CSL-JSON', () => {
  it('splits names into family and given, with initials as "B. S."', () => {
    expect(parseName('Fazly Bazzaz BS')).toEqual({ family: 'Fazly Bazzaz', given: 'B. S.' });
    expect(parseName('Liang J-M')).toEqual({ family: 'Liang', given: 'J.-M.' });
    expect(parseName('Rossella E Nappi')).toEqual({ family: 'Nappi', given: 'Rossella E.' });
    expect(parseName('Kleijburg-van der Keur C')).toEqual({ family: 'Kleijburg-van der Keur', given: 'C.' });
    expect(parseAuthors('Yantao He, Dongmei Chen, Lingling Yang et al')).toEqual({
      names: [
        { family: 'He', given: 'Yantao' },
        { family: 'Chen', given: 'Dongmei' },
        { family: 'Yang', given: 'Lingling' },
      ],
      truncated: true,
    });
    expect(parseAuthors('Coulam CB').truncated).toBe(false);
  });

  it('writes page ranges in full', () => {
    expect(fullPages('645–55')).toBe('645-655');
    expect(fullPages('2992–3009')).toBe('2992-3009');
    expect(fullPages('2992–09')).toBe('2992-3009');
    expect(fullPages('1098–102')).toBe('1098-1102');
    expect(fullPages('E3421–30')).toBe('E3421-E3430');
    expect(fullPages('e1–e11')).toBe('e1-e11');
    expect(fullPages('161')).toBe('161');
  });

  it('holds every reference with no "et al" author, every name split, whole page ranges and the DOI', () => {
    const items = all.map(referenceToCsl);
    expect(items).toHaveLength(147);
    for (const it of items) {
      expect(it.author.length, it.id).toBeGreaterThan(0);
      for (const a of it.author) {
        expect(`${a.family} ${a.given}`, it.id).not.toMatch(/\bet al\b/i);
        expect(a.given, `${it.id} ${a.family}`).toMatch(GIVEN);
      }
      const pages = it.page ? pageNumbers(it.page) : null;
      if (pages) expect(pages[1], `${it.id} ${it.page}`).toBeGreaterThanOrEqual(pages[0]);
    }
    const withDoi = all.filter((r) => r.doi);
    expect(withDoi.length).toBeGreaterThan(0);
    for (const r of withDoi) expect(referenceToCsl(r).DOI).toBe(r.doi);
    for (const n of WITH_SYMBOLS) expect(referenceToCsl(original(n)).title).toBe(original(n).title);
  });

  it('links every reference to its DOI where known and to PubMed (by PMID, else a title search)', () => {
    for (const r of all) {
      const links = referenceLinks(referenceToCsl(r));
      if (r.doi) expect(links.doi).toBe(`https://doi.org/${r.doi}`);
      else expect(links.doi).toBeUndefined();
      expect(links.pubmed).toBe(r.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/` : `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(r.title)}`);
    }
    expect(all.some((r) => r.pmid)).toBe(true);
    expect(referenceLinks({ title: 'x', PMID: '123' }).pubmed).toBe('https://pubmed.ncbi.nlm.nih.gov/123/');
  });
});

describe('BibTeX export', () => {
  const bib = toBibtex(model, all);

  it('is plain ASCII with LaTeX escapes, so pdflatex reads it', () => {
    expect(bib).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/);
    expect(latex('IRE1α, NF-κB, CD28−T & 5% Wharton’s, Magaña')).toBe("IRE1{$\\alpha$}, NF-{$\\kappa$}B, CD28{\\textminus}T \\& 5\\% Wharton's, Maga{\\~n}a");
    // Braces balance in every entry.
    for (const entry of bib.split(/\n(?=@)/)) {
      let depth = 0;
      for (const c of entry.replace(/\\[{}]/g, '')) {
        depth += c === '{' ? 1 : c === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });

  it('reads back with Better BibTeX’s parser: names split, no "et al" author, whole pages, α κ intact', () => {
    const lib = parseBib(bib, { sentenceCase: false });
    // Its one complaint: it knows the minus sign only as math \minus (which pdflatex lacks), not as \textminus.
    expect(lib.errors.filter((e) => e.input !== '\\textminus')).toEqual([]);
    expect(lib.entries).toHaveLength(148);
    for (const e of lib.entries) {
      for (const a of e.fields.author ?? []) {
        expect(a.lastName, e.key).toBeTruthy();
        expect(a.firstName, `${e.key} ${a.lastName}`).toMatch(GIVEN);
        expect(`${a.lastName} ${a.firstName}`).not.toMatch(/\bet al\b/i);
      }
      const pages = e.fields.pages ? pageNumbers(e.fields.pages.replace(/–|--/g, '-')) : null;
      if (pages) expect(pages[1], e.key).toBeGreaterThanOrEqual(pages[0]);
    }
    const byKey = new Map(lib.entries.map((e) => [e.key, e]));
    for (const n of WITH_SYMBOLS) {
      const e = byKey.get(`fu2021ref${String(n).padStart(3, '0')}`)!;
      // The minus stays a minus: \textminus as written, never turned into a hyphen.
      expect(e.fields.title).toBe(original(n).title.replace('−', '\\textminus'));
    }
    const neshati = byKey.get('fu2021ref030');
    expect(neshati?.fields.author?.find((a) => a.lastName === 'Fazly Bazzaz')?.firstName).toBe('B. S.');
  });

  it('pdflatex and BibTeX typeset every entry of a plain article: no error or warning, names as "B. S. Fazly Bazzaz", α and κ intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msc-bibtex-'));
    try {
      writeFileSync(join(dir, 'refs.bib'), bib);
      // The plainest document a reader would cite from: no package for Unicode, no font encoding chosen.
      writeFileSync(join(dir, 'doc.tex'), '\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n');
      const run = (cmd: string, args: string[]) => {
        const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
        if (r.error) throw new Error(`${cmd} is needed for this test (texlive-latex-base; .ci/run installs it): ${r.error.message}`);
        return r;
      };
      const latexRun = ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'];
      expect(run('pdflatex', latexRun).status).toBe(0);
      const bibtex = run('bibtex', ['doc']);
      expect(bibtex.status, bibtex.stdout).toBe(0);
      expect(bibtex.stdout).not.toMatch(/Warning--|error message/);
      expect(run('pdflatex', latexRun).status).toBe(0);
      const log = readFileSync(join(dir, 'doc.log'), 'latin1');
      expect(log).not.toMatch(/^! |Missing character|unavailable in encoding|Undefined control sequence/m);
      expect(readFileSync(join(dir, 'doc.bbl'), 'utf8').match(/^\\bibitem/gm)).toHaveLength(148);
      const text = spawnSync('pdftotext', [join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('B. S. Fazly Bazzaz');
      expect(text).toContain('IRE1α pathway');
      expect(text).toContain('NF-κB signaling');
      expect(text).not.toMatch(/et al\.? and|and et al/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads back with citation-js and prints "Fazly Bazzaz, B. S." in APA, never "et al" as a name', () => {
    const data = new Cite(bib).data as { author?: { family?: string; given?: string; literal?: string }[]; page?: string; title: string }[];
    expect(data).toHaveLength(148);
    for (const it of data) for (const a of it.author ?? []) expect(a.family ?? a.literal).not.toMatch(/^(et al\.?|others)$/i);
    // α, κ and the minus sign (U+2212, not a hyphen) come back as written.
    for (const n of WITH_SYMBOLS) expect(data.map((d) => d.title)).toContain(original(n).title);
    const apa = new Cite(bib).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain('Fazly Bazzaz, B. S.');
    expect(apa).not.toMatch(/&\s*et al/);
  });
});

describe('RIS export', () => {
  it('reads back with citation-js: "Family, Given" authors, no "et al" author, whole pages, symbols intact', () => {
    const ris = toRis(model, all);
    expect(ris).not.toMatch(/^AU {2}- .*et al/m);
    const data = new Cite(ris).data as {
      id?: string;
      author?: { family?: string; given?: string; literal?: string }[];
      page?: string;
      title: string;
    }[];
    expect(data).toHaveLength(148);
    for (const it of data) {
      for (const a of it.author ?? []) {
        expect(a.literal, it.title).toBeUndefined();
        expect(a.given, `${it.title} ${a.family}`).toMatch(GIVEN);
      }
      const pages = it.page ? pageNumbers(it.page) : null;
      if (pages) expect(pages[1], it.title).toBeGreaterThanOrEqual(pages[0]);
    }
    for (const n of WITH_SYMBOLS) expect(data.map((d) => d.title)).toContain(original(n).title);
  });
});

describe('CSL-JSON export', () => {
  it('is CSL-JSON citation-js accepts, with the review first and no private fields', () => {
    const refs = citedReferences(model, [30, 43, 58]);
    const text = toCslJson(model, refs);
    // A text file: its last line ends with a newline, as the BibTeX and RIS files' do.
    expect(text.endsWith('\n]\n')).toBe(true);
    const json = JSON.parse(text) as Record<string, unknown>[];
    expect(json.map((j) => j.id)).toEqual(['fu2021msc', 'fu2021ref030', 'fu2021ref043', 'fu2021ref058']);
    expect(JSON.stringify(json)).not.toContain('_authorsTruncated');
    const vancouver = new Cite(json).format('bibliography', { format: 'text', template: 'vancouver', lang: 'en-US' }) as string;
    expect(vancouver).toContain('Fazly Bazzaz BS');
    expect(vancouver).toContain('IRE1α');
  });

  it('matches the stored CSL-JSON of all references (regenerate with npm run references)', () => {
    const stored = JSON.parse(readFileSync('src/generated/references.csl.json', 'utf8')) as unknown;
    const fresh = JSON.parse(toCslJson(model, all)) as unknown;
    expect(stored).toEqual(fresh);
    expect(cslItems(model, all)).toHaveLength(148);
  });
});
