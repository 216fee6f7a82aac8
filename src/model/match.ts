/**
 * Matching a user's entities to the atlas's: "HGF", "hepatocyte growth factor" and HGNC:4893 are one entity.
 * Tried in order of certainty: the atlas id, a CURIE cross-reference, the label, the full name, then synonyms;
 * names compare after `normalizeName` (case, Greek letters, punctuation). A name that two atlas entities share
 * matches neither. Pure; unmatched entities stay as they are.
 */
import { normalizeName } from './normalize.ts';
import type { Entity } from './schema.ts';

export interface Candidate {
  id: string;
  label: string;
  name?: string;
  synonyms?: readonly string[];
  xrefs?: readonly string[];
}

export type MatchBasis = 'id' | 'xref' | 'label' | 'name' | 'synonym';

export interface Match {
  entity: string;
  basis: MatchBasis;
}

/** CURIEs compare with the prefix in any case ("hgnc:4893", "HGNC:4893") and Bioregistry-style IRIs reduced to CURIEs. */
export function normalizeCurie(x: string): string {
  const s = x.trim().replace(/^https?:\/\/(?:bioregistry\.io|identifiers\.org)\//i, '');
  const m = /^([A-Za-z][\w.]*)[:_](.+)$/.exec(s);
  if (!m) return s.toLowerCase();
  const prefix = m[1]!.toLowerCase().replace(/^mirbase\.mature$/, 'mirbase');
  return `${prefix}:${m[2]!.toLowerCase()}`;
}

export interface Matcher {
  match(candidate: Candidate): Match | undefined;
}

export function createMatcher(entities: Iterable<Entity>): Matcher {
  const ids = new Map<string, string>();
  const xrefs = new Map<string, string | null>();
  const labels = new Map<string, string | null>();
  const names = new Map<string, string | null>();
  const synonyms = new Map<string, string | null>();
  // A key two entities share is ambiguous: null, never a guess.
  const put = (map: Map<string, string | null>, key: string, id: string) => {
    if (!key) return;
    const prev = map.get(key);
    map.set(key, prev === undefined || prev === id ? id : null);
  };
  for (const e of entities) {
    ids.set(e.id.toLowerCase(), e.id);
    for (const x of e.xrefs) put(xrefs, normalizeCurie(x), e.id);
    put(labels, normalizeName(e.label), e.id);
    if (e.name) put(names, normalizeName(e.name), e.id);
    for (const s of e.synonyms) put(synonyms, normalizeName(s), e.id);
  }
  const anyName = (key: string): string | undefined => {
    for (const map of [labels, names, synonyms]) {
      const hit = map.get(key);
      if (hit) return hit;
    }
    return undefined;
  };
  return {
    match(c) {
      const byId = ids.get(c.id.toLowerCase());
      if (byId) return { entity: byId, basis: 'id' };
      // A network that names its nodes by CURIE or identifier address (a SIF line `HGNC:4893 …`, a cyjs node whose
      // id is `uniprot:P14210`) says which entity it means as surely as a cross-reference does. An address has the
      // same shape ("https:" reads as a prefix); "HGNC_4893" is a name.
      // Stryker disable next-line Regex: equivalent, a text the unanchored pattern lets through more (a CURIE after other characters) is no CURIE to normalizeCurie, which is anchored, so it finds no cross-reference
      const named = [c.id, c.label].filter((x) => /^[A-Za-z][\w.]*:\S/.test(x.trim()));
      for (const x of c.xrefs ? [...c.xrefs, ...named] : named) {
        const hit = xrefs.get(normalizeCurie(x));
        if (hit) return { entity: hit, basis: 'xref' };
      }
      const tries: [string | undefined, MatchBasis][] = [[c.label, 'label'], [c.name, 'name']];
      if (c.synonyms) for (const s of c.synonyms) tries.push([s, 'synonym']);
      for (const [text, basis] of tries) {
        if (!text) continue;
        const hit = anyName(normalizeName(text));
        if (hit) return { entity: hit, basis };
      }
      return undefined;
    },
  };
}
