/**
 * ELK options for every diagram, in one place. Reference: https://eclipse.dev/elk/reference/options.html
 * Changing anything here changes the layouts: bump LAYOUT_VERSION in types.ts and run `npm run layouts`.
 */
export const ELK_ROOT_OPTIONS: Record<string, string> = {
  // Layered (Sugiyama) drawing: causes flow in one direction, like the review's mechanism figures.
  // https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
  'elk.algorithm': 'layered',
  // Left to right: cell source → vesicles and secreted factors → signalling → processes → outcomes.
  'elk.direction': 'RIGHT',
  // Each node carries `elk.partitioning.partition` from its kind (KIND_PARTITION); partitions become ordered
  // column groups, so the reading order holds even where an edge points backwards (e.g. Treg → TGF-β).
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-partitioning-activate.html
  'elk.partitioning.activate': 'true',
  // Keep all components in one drawing so the partitions line up across them.
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-separateConnectedComponents.html
  'elk.separateConnectedComponents': 'false',
  // Room between columns for edge bends and arrow heads; between nodes in a column for legibility.
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.nodeNode': '10',
  // Edges may run close together: with hundreds of edges, default edge spacing makes the atlas 40% larger.
  'elk.spacing.edgeNode': '6',
  'elk.spacing.edgeEdge': '4',
  // Stryker disable next-line StringLiteral: equivalent while edges are POLYLINE, ELK's polyline router spaces layers by nodeNodeBetweenLayers and edgeEdgeBetweenLayers only (this one is for orthogonal and spline routing); with ELK's default (10) in its place, Fig. 4, Fig. 7, Table 1 and the other findings came out the same, in the default shape and in their own, and so did a small graph of crossing edges
  'elk.layered.spacing.edgeNodeBetweenLayers': '6',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '4',
  // Every edge its own line: merged trunks (mergeEdges true) crossed far more once drawn, since the branches
  // fan out where the trunk ends (Fig. 1 11 → 2 crossings, Fig. 3 34 → 4, Table 2 20 → 3).
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-mergeEdges.html
  'elk.layered.mergeEdges': 'false',
  // Straight segments with bends: drawn by Cytoscape as `segments` edges through ELK's bend points.
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-edgeRouting.html
  'elk.edgeRouting': 'POLYLINE',
  // Balanced node placement that straightens long edges.
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-nodePlacement-strategy.html
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  // The authored node order is not kept (considerModelOrder NONE): keeping it cost crossings and height
  // (Fig. 2 1284 → 1013 px tall without it).
  // https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-considerModelOrder-strategy.html
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
};

/**
 * More crossing-minimisation passes (ELK's default is 7) for graphs of figure size: it takes the last few
 * crossings out (Fig. 6 2 → 0, Fig. 7 1 → 0) for a second or two. Larger graphs (the atlas, big compare pairs laid
 * out in the browser) keep the default, which is several times faster there.
 * https://eclipse.dev/elk/reference/options/org-eclipse-elk-layered-thoroughness.html
 */
export function thoroughness(nodes: number): string {
  return nodes <= THOROUGH_UP_TO ? '30' : '7';
}
export const THOROUGH_UP_TO = 80;
