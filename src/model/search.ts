/** Search over labels, full names and synonyms: "bFGF" finds FGF2, "E2" finds estradiol, "tgf beta" finds TGF-β. */
import { normalizeName } from './normalize.ts';
import type { Entity } from './schema.ts';

export interface SearchHit {
  entity: Entity;
  /** The name that matched (label, full name or synonym). */
  matched: string;
  score: number;
}

export function searchEntities(entities: Iterable<Entity>, query: string, limit = 12): SearchHit[] {
  const q = normalizeName(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const entity of entities) {
    let best: SearchHit | undefined;
    const names = [entity.label, ...(entity.name ? [entity.name] : []), ...entity.synonyms];
    names.forEach((name, i) => {
      const n = normalizeName(name);
      // Exact beats prefix beats substring; the label beats a synonym.
      const score = n === q ? 300 : n.startsWith(q) ? 200 : n.includes(q) ? 100 : 0;
      if (!score) return;
      const s = score - Math.min(i, 5) - n.length / 100;
      if (!best || s > best.score) best = { entity, matched: name, score: s };
    });
    if (best) hits.push(best);
  }
  return hits.sort((a, b) => b.score - a.score || a.entity.label.localeCompare(b.entity.label)).slice(0, limit);
}
