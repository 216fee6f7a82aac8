/**
 * The review and the references a view cites, for reference managers: BibTeX (plain ASCII with LaTeX escapes,
 * so pdflatex and classic BibTeX accept it as well as biblatex), RIS and CSL-JSON. All three are written from the
 * references' CSL-JSON form (src/model/csl.ts): split names, whole page ranges, DOIs.
 */
import { referenceToCsl, reviewCsl, REVIEW_ID, type CslItem, type CslName } from '../model/csl.ts';
import type { Reference } from '../model/schema.ts';
import type { Model } from '../model/types.ts';

export function citedReferences(model: Model, refs: Iterable<number>): Reference[] {
  return [...new Set(refs)].sort((a, b) => a - b).map((n) => model.references.get(n)!).filter(Boolean);
}

/** The review first, then the cited references, as CSL-JSON items. */
export function cslItems(model: Model, refs: Reference[]): CslItem[] {
  return [reviewCsl(model.review), ...refs.map(referenceToCsl)];
}

export const REVIEW_KEY = REVIEW_ID;

// ---------- BibTeX ----------

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota',
  κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon',
  φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi',
  Σ: 'Sigma', Υ: 'Upsilon', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

const SYMBOLS: Record<string, string> = {
  // U+2212, the minus sign, as the text-mode command \textminus (textcomp, part of the LaTeX kernel since 2020):
  // pdflatex sets a minus, citation-js and Zotero read it back as U+2212. $-$ also sets a minus, but every reader
  // gives it back as a hyphen, so "TNF −308" would come back as "TNF -308". Better BibTeX's parser knows the
  // minus only as math \minus, which pdflatex does not define; it keeps \textminus as written.
  '−': '{\\textminus}',
  '–': '--',
  '—': '---',
  '‘': '`',
  '’': "'",
  '“': '``',
  '”': "''",
  '×': '{$\\times$}',
  '±': '{$\\pm$}',
  '≥': '{$\\geq$}',
  '≤': '{$\\leq$}',
  '→': '{$\\rightarrow$}',
  '°': '{$^\\circ$}',
  'µ': '{$\\mu$}',
  ı: '{\\i}',
  ß: '{\\ss}',
  ø: '{\\o}',
  Ø: '{\\O}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  ł: '{\\l}',
  Ł: '{\\L}',
  '\u00A0': '~', // no-break space
  '…': '{\\ldots}',
};

/** The characters TeX's ligatures join when two of them meet. */
const LIGATURES = "-`'";

// Combining accents (after NFD) and the LaTeX accent command each stands for.
const ACCENTS: Record<string, string> = {
  '\u0300': '`', '\u0301': "'", '\u0302': '^', '\u0303': '~', '\u0304': '=', '\u0306': 'u', '\u0307': '.',
  '\u0308': '"', '\u030A': 'r', '\u030B': 'H', '\u030C': 'v', '\u0327': 'c', '\u0328': 'k',
};

/**
 * Text as 7-bit LaTeX: special characters escaped, accents as accent commands ({\'o}), Greek letters and the
 * minus sign as \textminus. Anything without a LaTeX spelling is written as {?} rather than breaking pdflatex.
 */
export function latex(s: string): string {
  let out = '';
  const chars = [...s.normalize('NFD')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    let token: string;
    if (next && ACCENTS[next] && /[A-Za-z]/.test(c)) {
      const cmd = ACCENTS[next]!;
      const base = c === 'i' ? '\\i' : c === 'j' ? '\\j' : c;
      token = /[a-z]/i.test(cmd) ? `{\\${cmd}{${base}}}` : `{\\${cmd}${base}}`;
      i++;
    } else if (/[\\]/.test(c)) token = '\\textbackslash{}';
    else if (/[{}&%$#_]/.test(c)) token = `\\${c}`;
    else if (c === '~') token = '\\textasciitilde{}';
    else if (c === '^') token = '\\textasciicircum{}';
    else if (c.charCodeAt(0) < 128) token = c;
    else if (GREEK[c]) token = `{$\\${GREEK[c]}$}`;
    else if (SYMBOLS[c] !== undefined) token = SYMBOLS[c];
    else if (ACCENTS[c]) continue; // a stray combining mark
    else token = '{?}';
    // TeX joins dashes and quotes that meet (-- and --- are dashes, `` and '' double quotes): one written for a
    // Unicode dash or quote, or one beside it, is kept apart ({}) from the same character before it, so "–—" is not
    // read as "—–". Hyphens and quotes the writer typed in ASCII are their own TeX, and are left to join.
    const first = token[0]!;
    if (LIGATURES.includes(first) && out.endsWith(first) && (SYMBOLS[c] !== undefined || SYMBOLS[chars[i - 1]!] !== undefined)) out += '{}';
    out += token;
  }
  return out;
}

function bibName(n: CslName): string {
  // Braces keep multi-word family names ("Fazly Bazzaz", "Kleijburg-van der Keur") whole.
  const family = /\s/.test(n.family) ? `{${latex(n.family)}}` : latex(n.family);
  return n.given ? `${family}, ${latex(n.given)}` : family;
}

/**
 * The names, "Family, Given" joined by "and". A list the review truncated is said in the note: BibTeX's
 * "and others" is read as an author named "others" by citation-js and by Zotero's importer.
 */
export function bibAuthors(item: Pick<CslItem, 'author'>): string {
  return item.author.map(bibName).join(' and ');
}

export function toBibtexEntries(items: CslItem[]): string {
  return (
    items
      .map((it) => {
        const fields: [string, string | undefined][] = [
          ['author', bibAuthors(it)],
          // Double braces keep the title's capitals (POF, MSC, TNF) as written.
          ['title', `{${latex(it.title)}}`],
          ['journal', latex(it['container-title'])],
          ['shortjournal', it['container-title-short'] !== it['container-title'] ? latex(it['container-title-short'] ?? '') : undefined],
          ['year', String(it.issued['date-parts'][0][0])],
          ['volume', it.volume && latex(it.volume)],
          ['number', it.issue && latex(it.issue)],
          ['pages', it.page?.replace(/-/g, '--')],
          ['doi', it.DOI],
          ['pmid', it.PMID],
          // biblatex prints pubstate after the entry ("retracted"); classic BibTeX ignores it, so the note says it too.
          ['pubstate', it.status],
          ['note', it.note && latex(it.note)],
        ];
        const body = fields
          .filter(([, v]) => v)
          .map(([k, v]) => `  ${k} = {${v}}`)
          .join(',\n');
        return `@article{${it.id},\n${body}\n}`;
      })
      .join('\n\n') + '\n'
  );
}

export function toBibtex(model: Model, refs: Reference[]): string {
  return toBibtexEntries(cslItems(model, refs));
}

// ---------- RIS ----------

/** RIS wants "Family, Given"; an incomplete author list is said in a note, not with an "et al" author. */
export function toRisRecords(items: CslItem[]): string {
  const rec = (lines: [string, string | undefined][]) =>
    [...lines.filter(([, v]) => v).map(([k, v]) => `${k}  - ${v}`), 'ER  - '].join('\r\n');
  return (
    items
      .map((it) => {
        const [sp, ep] = (it.page ?? '').split('-');
        return rec([
          ['TY', 'JOUR'],
          ['ID', it.id],
          ...it.author.map((a) => ['AU', a.given ? `${a.family}, ${a.given}` : a.family] as [string, string]),
          ['TI', it.title],
          ['T2', it['container-title']],
          ['J2', it['container-title-short']],
          ['PY', String(it.issued['date-parts'][0][0])],
          ['VL', it.volume],
          ['IS', it.issue],
          ['SP', sp || undefined],
          ['EP', ep || undefined],
          ['DO', it.DOI],
          ['UR', it.URL],
          ['AN', it.PMID],
          ['N1', it.note],
        ]);
      })
      .join('\r\n') + '\r\n'
  );
}

export function toRis(model: Model, refs: Reference[]): string {
  return toRisRecords(cslItems(model, refs));
}

// ---------- CSL-JSON ----------

/** CSL-JSON as Zotero, Mendeley and pandoc read it (without our private fields). */
export function toCslJson(model: Model, refs: Reference[]): string {
  const items = cslItems(model, refs).map((it) => {
    const copy: Partial<CslItem> = { ...it };
    delete copy._authorsTruncated;
    return copy;
  });
  return JSON.stringify(items, null, 2) + '\n';
}
