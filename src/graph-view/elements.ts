/** From a view and its positions to Cytoscape element definitions. */
import type { ElementDefinition } from 'cytoscape';
import { nodeBox } from '../layout/measure.ts';
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

export function buildElements(view: GraphView, positions: Positions): ElementDefinition[] {
  const nodes: ElementDefinition[] = view.nodes.map((n) => {
    const box = nodeBox(n.entity.label, n.entity.kind);
    const k = KIND_STYLE[n.entity.kind];
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
        // Drawn by the stylesheet's data mappers (stylesheet.ts).
        shape: k.shape,
        fill: k.fill,
        border: k.border,
        borderWidth: k.borderWidth,
        borderStyle: k.borderStyle,
        fontWeight: k.bold ? 600 : 400,
      },
      position: { ...(positions.nodes[n.id] ?? { x: 0, y: 0 }) },
    };
  });
  const edges: ElementDefinition[] = view.edges.map((e) => {
    const bends = positions.edges[e.id] ?? [];
    const s = positions.nodes[e.source];
    const t = positions.nodes[e.target];
    const seg = s && t && bends.length ? toSegments(s, t, bends) : undefined;
    const r = RELATION_STYLE[e.relation];
    return {
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        relation: e.relation,
        sign: e.sign,
        arrow: r.arrow,
        arrowFill: r.hollow ? 'hollow' : 'filled',
        lineStyle: r.line,
        sources: e.sources.join(' '),
        // Always set, so a straight edge that keeps its id from a previous view loses its old bends (the element
        // patch only writes the keys it is given).
        bent: Boolean(seg),
        segD: seg ? seg.distances.join(' ') : '0',
        segW: seg ? seg.weights.join(' ') : '0.5',
      },
    };
  });
  return [...nodes, ...edges];
}
