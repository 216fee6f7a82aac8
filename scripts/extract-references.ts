/**
 * One-off extraction of the review's numbered reference list into graphs/references.json.
 *
 * Usage: npm run extract-references -- ../shared/reference/review-msc-pof.txt
 *
 * The review's list is regular enough to parse (Authors. Title. Journal. Year;Vol(Issue):Pages. DOI),
 * with a handful of entries written another way; those are spelled out in OVERRIDES below, copied by hand
 * from the same list. Re-running it rewrites references.json from the text, so fix the parser or an
 * override rather than the JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { referencesFileSchema, type Reference } from '../src/model/schema.ts';

const OVERRIDES: Record<number, Partial<Reference>> = {
  // Written "He et al. Stem Cell Res Ther (2018) 9:263" after the title.
  10: {
    authors: 'Yantao He, Dongmei Chen, Lingling Yang et al',
    title: 'The therapeutic potential of bone marrow mesenchymal stem cells in premature ovarian failure',
    journal: 'Stem Cell Res Ther',
    year: 2018,
    volume: '9',
    issue: undefined,
    pages: '263',
  },
  // The journal name is repeated in the list.
  12: {
    title: 'The therapeutic potential of umbilical cord mesenchymal stem cells in mice premature ovarian failure',
    journal: 'Biomed Res Int',
  },
};

const TAIL =
  /^(?<head>.*?)\.?\s+(?<year>(?:19|20)\d{2})\s*;\s*(?<volume>[^(:;]+?)?\s*(?:\((?<issue>[^)]+)\))?\s*(?::\s*(?<pages>[^.]+?))?\.?$/;

export function parseReference(n: number, raw: string): Reference {
  let text = raw.trim();
  let doi: string | undefined;
  const doiMatch = /\s*https:\/\/doi\.org\/(\S+?)\.?$/.exec(text);
  if (doiMatch) {
    doi = doiMatch[1];
    text = text.slice(0, doiMatch.index).trim();
  }
  const firstStop = text.indexOf('. ');
  if (firstStop < 0) throw new Error(`reference ${n}: cannot find the end of the author list in "${raw}"`);
  const authors = text.slice(0, firstStop).trim();
  const rest = text.slice(firstStop + 2).trim();
  const tail = TAIL.exec(rest);
  let title = rest;
  let journal = '';
  let year = 0;
  let volume: string | undefined;
  let issue: string | undefined;
  let pages: string | undefined;
  if (tail?.groups) {
    const head = tail.groups.head ?? "";
    // The journal is the last sentence; a title may end in "?" rather than ".".
    const stops = [...head.matchAll(/[.?!] /g)];
    const last = stops.at(-1);
    const lastStop = last?.index ?? -1;
    const keep = last && last[0].startsWith('.') ? 0 : 1;
    title = lastStop >= 0 ? head.slice(0, lastStop + keep) : head;
    journal = lastStop >= 0 ? head.slice(lastStop + 2) : '';
    year = Number(tail.groups.year);
    volume = tail.groups.volume?.trim() || undefined;
    issue = tail.groups.issue?.trim() || undefined;
    pages = tail.groups.pages?.trim() || undefined;
  }
  const ref: Reference = {
    n,
    authors,
    title: title.replace(/\.$/, ''),
    journal: journal.replace(/\.$/, ''),
    year,
    ...(volume ? { volume } : {}),
    ...(issue ? { issue } : {}),
    ...(pages ? { pages } : {}),
    ...(doi ? { doi } : {}),
    ...OVERRIDES[n],
  };
  for (const key of Object.keys(ref) as (keyof Reference)[]) if (ref[key] === undefined) delete ref[key];
  return ref;
}

function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: extract-references <review.txt>');
    process.exit(2);
  }
  const text = readFileSync(resolve(path), 'utf8');
  const start = text.indexOf('\nReferences\n');
  const end = text.indexOf('Download references');
  const lines = text.slice(start, end).split('\n');
  const refs: Reference[] = [];
  for (const line of lines) {
    const m = /^\s+(\d+)\.\s+(.*)$/.exec(line);
    if (m) refs.push(parseReference(Number(m[1]), m[2]!));
  }
  const file = {
    $schema: './schema/references.schema.json',
    review: {
      citation:
        'Fu YX, Ji J, Shan F, Li J, Hu R. Human mesenchymal stem cell treatment of premature ovarian failure: new challenges and opportunities. Stem Cell Res Ther. 2021;12:161.',
      doi: '10.1186/s13287-021-02212-0',
      licence: 'CC BY 4.0',
    },
    references: refs,
  };
  // DOIs and PMIDs matched to the references later (the review gives 7 DOIs and no PMID), and retractions since
  // the review, are kept on a re-run.
  try {
    const before = referencesFileSchema.parse(JSON.parse(readFileSync('graphs/references.json', 'utf8')));
    const known = new Map(before.references.map((r) => [r.n, r]));
    for (const r of refs) {
      const old = known.get(r.n);
      if (old?.doi && !r.doi) r.doi = old.doi;
      if (old?.pmid) r.pmid = old.pmid;
      if (old?.retracted) r.retracted = old.retracted;
    }
  } catch {
    // No earlier file, or one that no longer reads: nothing to keep.
  }
  const parsed = referencesFileSchema.safeParse(file);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(1);
  }
  const bad = refs.filter((r) => !r.journal || !r.year);
  if (bad.length) {
    console.error(`could not parse: ${bad.map((r) => r.n).join(', ')}`);
    process.exit(1);
  }
  writeFileSync('graphs/references.json', JSON.stringify(file, null, 2) + '\n');
  console.log(`wrote graphs/references.json: ${refs.length} references`);
}

main();
