/**
 * Layout of a graph the user imported, run inside the import worker (on that worker's own thread, so the page never
 * waits). The algorithm suits the size:
 * - up to LAYERED_MAX_NODES nodes: ELK's layered drawing, as the review's figures have (reading order by kind),
 *   with the quicker Brandes–Köpf node placement beyond figure size;
 * - larger: a multilevel force-directed layout (force-layout.ts, d3-force with Barnes–Hut repulsion on coarser
 *   copies of the graph first), which places 2,000 nodes in about a second of CPU and 10,000 in about four (a
 *   single-level simulation took 4 s and 30 s). ELK's own stress layout was used before: it needs n² work per
 *   round and did not finish 2,000 nodes in 15 minutes; layered takes minutes from a few hundred nodes. Edges are
 *   drawn straight.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph, type ElkGraphJson } from './elk-graph.ts';
import { THOROUGH_UP_TO } from './elk-options.ts';
import { forceLayout } from './force-layout.ts';
import type { LayoutInput, Positions } from './types.ts';

export const LAYERED_MAX_NODES = 300;

export type ImportAlgorithm = 'layered' | 'force';

export function importAlgorithm(input: Pick<LayoutInput, 'nodes'>): ImportAlgorithm {
  return input.nodes.length <= LAYERED_MAX_NODES ? 'layered' : 'force';
}

/** `onProgress` (0…1) is called during the force layout; ELK's layered layout does not report progress. */
export async function layoutImported(input: LayoutInput, onProgress?: (done: number) => void): Promise<Positions> {
  if (importAlgorithm(input) === 'force') return forceLayout(input, { onProgress });
  const elk = new ELK();
  const graph = toElkGraph(input);
  if (input.nodes.length > THOROUGH_UP_TO) {
    // Beyond figure size, Brandes–Köpf node placement: network simplex, which the figures use, took 6 s of CPU for
    // a 100-node, 200-edge network and about 45 s for 200 nodes; Brandes–Köpf 1.2 s and 2 s.
    graph.layoutOptions = { ...graph.layoutOptions, 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF' };
  }
  const result = (await elk.layout(graph as never)) as unknown as ElkGraphJson;
  return fromElkGraph(input, result);
}
