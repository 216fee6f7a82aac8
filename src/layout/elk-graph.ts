/** Conversion between our layout input and ELK's JSON graph; no elkjs import here, so both engines share it. */
import { ELK_ROOT_OPTIONS, thoroughness } from './elk-options.ts';
import { layoutHash, type LayoutInput, type Point, type Positions } from './types.ts';

export interface ElkNodeJson {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
}
export interface ElkEdgeJson {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
}
export interface ElkGraphJson {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNodeJson[];
  edges: ElkEdgeJson[];
  width?: number;
  height?: number;
}

export function toElkGraph(input: LayoutInput): ElkGraphJson {
  return {
    id: 'root',
    layoutOptions: { ...ELK_ROOT_OPTIONS, 'elk.layered.thoroughness': thoroughness(input.nodes.length), ...input.options },
    children: input.nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      layoutOptions: { 'elk.partitioning.partition': String(n.partition) },
    })),
    edges: input.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function fromElkGraph(input: LayoutInput, result: ElkGraphJson): Positions {
  const nodes: Record<string, Point> = {};
  for (const child of result.children) {
    nodes[child.id] = { x: round((child.x ?? 0) + child.width / 2), y: round((child.y ?? 0) + child.height / 2) };
  }
  const edges: Record<string, Point[]> = {};
  for (const edge of result.edges) {
    // The whole route: ELK places the ends on the node borders (spread along them), and the drawing must use
    // them, or edges drawn from node centres cross more, cut through boxes and land arrow heads on corners.
    const section = edge.sections?.[0];
    const route = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    edges[edge.id] = route.map((p) => ({ x: round(p.x), y: round(p.y) }));
  }
  return { hash: layoutHash(input), nodes, edges, width: round(result.width ?? 0), height: round(result.height ?? 0), ...(input.box ? { box: input.box } : {}) };
}
