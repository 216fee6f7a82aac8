/**
 * Evidence per reference. An edge's `evidence` holds what is true of every reference it cites; `evidenceByRef`
 * adds what holds for one reference only (a route, a dose, a species). These helpers give the evidence of one
 * reference, the list per reference, and everything at once.
 */
import type { Evidence, FigureEdge } from './schema.ts';

type EdgeEvidence = Pick<FigureEdge, 'evidence' | 'refs'> & { evidenceByRef?: FigureEdge['evidenceByRef'] };

function union<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (!a?.length && !b?.length) return undefined;
  const out: T[] = [];
  const seen = new Set<string>();
  for (const x of [...(a ?? []), ...(b ?? [])]) {
    const key = JSON.stringify(x);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(x);
    }
  }
  return out;
}

/** Both pieces of evidence together (lists joined without repeats, contexts joined). */
export function mergeEvidence(a: Evidence, b: Evidence | undefined): Evidence {
  if (!b) return a;
  const out: Evidence = {};
  const species = union(a.species, b.species);
  const setting = union(a.setting, b.setting);
  const injury = union(a.injury, b.injury);
  const route = union(a.route, b.route);
  const quantities = union(a.quantities, b.quantities);
  if (species) out.species = species;
  if (setting) out.setting = setting;
  if (injury) out.injury = injury;
  if (route) out.route = route;
  if (quantities) out.quantities = quantities;
  const context = [...new Set([a.context, b.context].filter((c): c is string => Boolean(c)))].join('; ');
  if (context) out.context = context;
  const basis = [a.basis, b.basis].includes('reference-title') ? 'reference-title' : (a.basis ?? b.basis);
  if (basis) out.basis = basis;
  return out;
}

/** What holds for reference `n` of the edge: the shared evidence plus that reference's own details. */
export function evidenceFor(edge: EdgeEvidence, n: number | undefined): Evidence {
  // No reference (n undefined) finds no entry: evidenceByRef's keys are cited reference numbers.
  return mergeEvidence(edge.evidence, edge.evidenceByRef?.[String(n)]);
}

/** One entry per cited reference (one entry with no reference for an uncited statement). */
export function evidencePerReference(edge: EdgeEvidence): { ref: number | undefined; evidence: Evidence }[] {
  if (!edge.refs.length) return [{ ref: undefined, evidence: edge.evidence }];
  return edge.refs.map((n) => ({ ref: n, evidence: evidenceFor(edge, n) }));
}

/** Does any reference carry details of its own? */
export const hasEvidenceByRef = (edge: EdgeEvidence) => Object.values(edge.evidenceByRef ?? {}).some((e) => Object.keys(e).length > 0);

/** Everything the edge's references say, together (for summaries; filters look at each reference). */
export function allEvidence(edge: EdgeEvidence): Evidence {
  return Object.values(edge.evidenceByRef ?? {}).reduce<Evidence>((acc, e) => mergeEvidence(acc, e), edge.evidence);
}
