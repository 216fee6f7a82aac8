/** The review and the references a view cites, as BibTeX and RIS for reference managers. */
import type { Reference } from '../model/schema.ts';
import type { Model } from '../model/types.ts';

export function citedReferences(model: Model, refs: Iterable<number>): Reference[] {
  return [...new Set(refs)].sort((a, b) => a - b).map((n) => model.references.get(n)!).filter(Boolean);
}

/** Authors as BibTeX wants them: "Surname, Initials and …"; "et al" becomes "and others". */
export function bibAuthors(authors: string): string {
  return authors
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      if (/^et al\.?$/i.test(a)) return 'others';
      const etAl = / et al\.?$/i.test(a);
      const name = a.replace(/ et al\.?$/i, '');
      const m = /^(.*\S)\s+([A-Z][A-Z-]*)$/.exec(name);
      const person = m ? `${m[1]}, ${m[2]}` : name;
      return etAl ? `${person} and others` : person;
    })
    .join(' and ');
}

const bibEscape = (s: string) => s.replace(/\\/g, '\\textbackslash{}').replace(/([{}&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}');

export const bibKey = (r: Reference) => `fu2021ref${String(r.n).padStart(3, '0')}`;

export const REVIEW_KEY = 'fu2021msc';

export function toBibtex(model: Model, refs: Reference[]): string {
  const entries = [
    `@article{${REVIEW_KEY},
  author = {Fu, YX and Ji, J and Shan, F and Li, J and Hu, R},
  title = {Human mesenchymal stem cell treatment of premature ovarian failure: new challenges and opportunities},
  journal = {Stem Cell Research \\& Therapy},
  year = {2021},
  volume = {12},
  pages = {161},
  doi = {${model.review.doi}},
  note = {CC BY 4.0}
}`,
    ...refs.map((r) => {
      const fields: [string, string | undefined][] = [
        ['author', bibAuthors(r.authors)],
        ['title', `{${bibEscape(r.title)}}`],
        ['journal', bibEscape(r.journal)],
        ['year', String(r.year)],
        ['volume', r.volume],
        ['number', r.issue],
        ['pages', r.pages?.replace(/–/g, '--')],
        ['doi', r.doi],
        ['note', `Reference ${r.n} of Fu et al. 2021`],
      ];
      const body = fields
        .filter(([, v]) => v)
        .map(([k, v]) => `  ${k} = {${v}}`)
        .join(',\n');
      return `@article{${bibKey(r)},\n${body}\n}`;
    }),
  ];
  return entries.join('\n\n') + '\n';
}

export function toRis(model: Model, refs: Reference[]): string {
  const rec = (lines: [string, string | undefined][]) =>
    [...lines.filter(([, v]) => v).map(([k, v]) => `${k}  - ${v}`), 'ER  - '].join('\r\n');
  const out = [
    rec([
      ['TY', 'JOUR'],
      ...['Fu YX', 'Ji J', 'Shan F', 'Li J', 'Hu R'].map((a) => ['AU', a] as [string, string]),
      ['TI', 'Human mesenchymal stem cell treatment of premature ovarian failure: new challenges and opportunities'],
      ['JO', 'Stem Cell Res Ther'],
      ['PY', '2021'],
      ['VL', '12'],
      ['SP', '161'],
      ['DO', model.review.doi],
      ['N1', 'CC BY 4.0'],
    ]),
    ...refs.map((r) => {
      const [sp, ep] = (r.pages ?? '').split('–');
      return rec([
        ['TY', 'JOUR'],
        ...r.authors.split(',').map((a) => ['AU', a.trim()] as [string, string]).filter(([, a]) => a),
        ['TI', r.title],
        ['JO', r.journal],
        ['PY', String(r.year)],
        ['VL', r.volume],
        ['IS', r.issue],
        ['SP', sp || undefined],
        ['EP', ep || undefined],
        ['DO', r.doi],
        ['N1', `Reference ${r.n} of Fu et al. 2021`],
      ]);
    }),
  ];
  return out.join('\r\n') + '\r\n';
}
