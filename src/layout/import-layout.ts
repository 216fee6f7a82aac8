/**
 * Layout of a graph the user imported, run inside the import worker (ELK on that worker's own thread, so the
 * page never waits). The algorithm suits the size:
 * - up to LAYERED_MAX_NODES nodes: the same layered drawing as the review's figures (reading order by kind), with
 *   the quicker Brandes–Köpf node placement beyond figure size;
 * - larger: ELK's stress layout, which places thousands of nodes in seconds where layered takes minutes;
 *   edges are drawn straight. https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-stress.html
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph, type ElkGraphJson } from './elk-graph.ts';
import { THOROUGH_UP_TO } from './elk-options.ts';
import type { LayoutInput, Positions } from './types.ts';

export const LAYERED_MAX_NODES = 300;

const STRESS_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'stress',
  // Ideal edge length: about a node's width, so labels of neighbours rarely overlap.
  'elk.stress.desiredEdgeLength': '120',
  // Fewer rounds than the default 300: the drawing settles well before, and time grows with n² per round.
  'elk.stress.iterationLimit': '60',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

export function importAlgorithm(input: LayoutInput): 'layered' | 'stress' {
  return input.nodes.length <= LAYERED_MAX_NODES ? 'layered' : 'stress';
}

export async function layoutImported(input: LayoutInput): Promise<Positions> {
  const elk = new ELK();
  const graph = toElkGraph(input);
  if (importAlgorithm(input) === 'stress') {
    graph.layoutOptions = STRESS_OPTIONS;
    for (const c of graph.children) delete c.layoutOptions;
  } else if (input.nodes.length > THOROUGH_UP_TO) {
    // Beyond figure size, Brandes–Köpf node placement: network simplex, which the figures use, took 6 s of CPU for
    // a 100-node, 200-edge network and about 45 s for 200 nodes; Brandes–Köpf 1.2 s and 2 s.
    graph.layoutOptions = { ...graph.layoutOptions, 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF' };
  }
  const result = (await elk.layout(graph as never)) as unknown as ElkGraphJson;
  return fromElkGraph(input, result);
}
