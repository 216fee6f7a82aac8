/** From a view and its positions to Cytoscape element definitions. */
import type { ElementDefinition } from 'cytoscape';
import { positionedBox } from '../layout/measure.ts';
import { KIND_STYLE, RELATION_STYLE } from '../theme/kinds.ts';
import type { Point, Positions } from '../layout/types.ts';
import type { GraphView } from '../model/view.ts';

/**
 * Cytoscape's `segments` edges place each bend by a weight along the source→target line (0 = source centre,
 * 1 = target centre) and a signed distance from it. https://js.cytoscape.org/#style/segments-edges
 */
export function toSegments(s: Point, t: Point, bends: readonly Point[]): { distances: number[]; weights: number[] } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len2 = dx * dx + dy * dy || 1;
  const len = Math.sqrt(len2);
  const distances: number[] = [];
  const weights: number[] = [];
  for (const p of bends) {
    const px = p.x - s.x;
    const py = p.y - s.y;
    weights.push(Math.round(((px * dx + py * dy) / len2) * 1000) / 1000);
    // Cytoscape measures distance positive to the right of the source→target direction (in screen coordinates).
    distances.push(Math.round(((px * dy - py * dx) / len) * -10) / 10);
  }
  return { distances, weights };
}

/**
 * Per-element look that no class changes (size, label, shape, fill; an edge's bends, arrow and line), set as
 * style bypasses rather than stylesheet data mappers: Cytoscape re-applies every mapped property of an element
 * each time any of its classes changes, and re-parsed bend arrays never compare equal, so mappers made every
 * overlay toggle recompute the bounds and control points of each restyled edge.
 */
/** A layout route split into its ends (on the node borders) and the bends between them. */
export function edgeRoute(route: readonly Point[] | undefined): { start?: Point; end?: Point; bends: Point[] } {
  if (!route || route.length < 2) return { bends: [] };
  return { start: route[0]!, end: route.at(-1)!, bends: route.slice(1, -1) };
}

/** A Cytoscape endpoint: the point's offset from the node centre, in model pixels. */
const endpoint = (p: Point, centre: Point) => `${Math.round((p.x - centre.x) * 10) / 10}px ${Math.round((p.y - centre.y) * 10) / 10}px`;

export type Look = Record<string, string | number | number[]>;

export interface CanvasElements {
  elements: ElementDefinition[];
  /** Style bypasses by element id, applied once per drawing (graph-canvas.tsx). */
  looks: Map<string, Look>;
}

export function buildElements(view: GraphView, positions: Positions): CanvasElements {
  const looks = new Map<string, Look>();
  const nodes: ElementDefinition[] = view.nodes.map((n) => {
    const box = positionedBox(positions, n.entity);
    const k = KIND_STYLE[n.entity.kind];
    looks.set(n.id, { label: box.text, width: box.width, height: box.height, shape: k.shape, 'background-color': k.fill, 'font-weight': k.bold ? 600 : 400 });
    return {
      group: 'nodes',
      data: {
        id: n.id,
        label: n.entity.label,
        text: box.text,
        kind: n.entity.kind,
        w: box.width,
        h: box.height,
        sources: n.sources.join(' '),
        shape: k.shape, // for the source marks' outlines (source-marks.ts)
        // The border is drawn by the stylesheet's data mappers (stylesheet.ts): selection and overlays change it.
        border: k.border,
        borderWidth: k.borderWidth,
        borderStyle: k.borderStyle,
      },
      position: { ...(positions.nodes[n.id] ?? { x: 0, y: 0 }) },
    };
  });
  const edges: ElementDefinition[] = view.edges.map((e) => {
    const s = positions.nodes[e.source];
    const t = positions.nodes[e.target];
    const route = edgeRoute(positions.edges[e.id]);
    const seg = s && t && route.bends.length ? toSegments(s, t, route.bends) : undefined;
    const r = RELATION_STYLE[e.relation];
    looks.set(e.id, {
      // Always set: a move hides the edges while the nodes travel (node-move.ts); a new drawing shows them.
      display: 'element',
      'target-arrow-shape': r.arrow,
      'target-arrow-fill': r.hollow ? 'hollow' : 'filled',
      'line-style': r.line,
      // Always set, so an edge that keeps its id from a previous view loses its old bends and ends.
      ...(seg
        ? { 'curve-style': 'segments', 'segment-distances': seg.distances, 'segment-weights': seg.weights, 'edge-distances': 'node-position' }
        : { 'curve-style': 'straight' }),
      // Where the layout starts and ends the edge on the node borders (not the centres): drawn from the centres,
      // edges cross more, cut through boxes and land arrow heads on corners.
      'source-endpoint': s && route.start ? endpoint(route.start, s) : 'outside-to-node',
      'target-endpoint': t && route.end ? endpoint(route.end, t) : 'outside-to-node',
    });
    return {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        relation: e.relation,
        sign: e.sign,
        sources: e.sources.join(' '),
        // Always set (the element patch only writes the keys it is given).
        bent: Boolean(seg),
      },
    };
  });
  return { elements: [...nodes, ...edges], looks };
}
