/** dagre's drawing of a layout input with the app's node sizes and spacing: the yardstick for layout quality. */
import dagre from '@dagrejs/dagre';
import { ELK_ROOT_OPTIONS } from '../../src/layout/elk-options.ts';
import type { Route } from '../../src/layout/quality.ts';
import type { LayoutInput, Positions } from '../../src/layout/types.ts';

export function dagreLayout(input: LayoutInput): { positions: Positions; routes: Route[] } {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // The graph's own spacing where it has one (a figure's shape: src/layout/figure-shape.ts).
  const o = { ...ELK_ROOT_OPTIONS, ...input.options };
  g.setGraph({
    rankdir: o['elk.direction'] === 'DOWN' ? 'TB' : 'LR',
    nodesep: Number(o['elk.spacing.nodeNode']),
    ranksep: Number(o['elk.layered.spacing.nodeNodeBetweenLayers']),
    edgesep: Number(o['elk.spacing.edgeEdge']),
    marginx: 20,
    marginy: 20,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of input.edges) g.setEdge(e.source, e.target, {}, e.id);
  dagre.layout(g);
  const nodes: Positions['nodes'] = {};
  for (const n of input.nodes) {
    const d = g.node(n.id);
    nodes[n.id] = { x: d.x, y: d.y };
  }
  const edges: Positions['edges'] = {};
  const routes: Route[] = input.edges.map((e) => {
    const points = (g.edge({ v: e.source, w: e.target, name: e.id }).points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y }));
    edges[e.id] = points;
    return { id: e.id, source: e.source, target: e.target, points };
  });
  const graph = g.graph();
  return { positions: { hash: '', nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 }, routes };
}
