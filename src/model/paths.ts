/**
 * Explain a path: every causal chain from a cell source to an entity (e.g. hAFMSC → AMH), walking only
 * statements about that source, so two sources' findings are never spliced into one invented chain.
 */
import type { GraphView, ViewEdge } from './view.ts';

export interface PathQuery {
  from: string;
  to: string;
}

export interface Chain {
  edges: readonly ViewEdge[];
}

export interface PathResult {
  chains: Chain[];
  /** True when the search stopped at a limit, so there may be more chains. */
  truncated: boolean;
}

export const MAX_CHAIN_LENGTH = 7;
export const MAX_CHAINS = 40;

/**
 * Simple paths (no repeated node) from `from` to `to`, shortest first. `allowed` filters edges (e.g. the
 * overlay's visible ones); only edges whose statements concern `from` are walked.
 */
export function explainPaths(
  view: GraphView,
  query: PathQuery,
  allowed: (edge: ViewEdge) => boolean = () => true,
  limits = { length: MAX_CHAIN_LENGTH, chains: MAX_CHAINS },
): PathResult {
  const out = new Map<string, ViewEdge[]>();
  for (const e of view.edges) {
    if (!e.sources.includes(query.from) || !allowed(e)) continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
  }
  const chains: Chain[] = [];
  let full = false; // stopped at the chain limit
  let cut = false; // some partial path reached the length limit
  // Breadth-first over partial paths gives shortest chains first.
  let frontier: { node: string; edges: ViewEdge[]; seen: Set<string> }[] = [{ node: query.from, edges: [], seen: new Set([query.from]) }];
  while (frontier.length && !full) {
    const next: typeof frontier = [];
    for (const p of frontier) {
      for (const e of out.get(p.node) ?? []) {
        if (p.seen.has(e.target)) continue;
        const edges = [...p.edges, e];
        if (e.target === query.to) {
          chains.push({ edges });
          if (chains.length >= limits.chains) {
            full = true;
            break;
          }
        } else if (edges.length < limits.length) next.push({ node: e.target, edges, seen: new Set([...p.seen, e.target]) });
        else cut = true;
      }
      if (full) break;
    }
    frontier = next;
  }
  const truncated = full || cut;
  return { chains, truncated };
}
