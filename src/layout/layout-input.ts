/** From a view to what ELK needs: node boxes sized to their labels, partitions by kind, edges. */
import { KIND_PARTITION } from '../model/schema.ts';
import type { GraphView } from '../model/view.ts';
import { DEFAULT_BOX, DENSE_BOX, nodeBox, type BoxStyle } from './measure.ts';
import type { LayoutInput } from './types.ts';
import { shapeInput, type FigureShape } from './figure-shape.ts';
import shapes from '../generated/figure-shapes.json';

/** The shape each figure is laid out in (figure-shape.ts), as `npm run layouts` chose it. */
const FIGURE_SHAPES = shapes as Record<string, FigureShape>;

/**
 * Markers and cell traits get a column of their own only when there are many of them (a long marker list would
 * otherwise stretch the column of released factors); a few share that column instead of widening the drawing.
 */
export const OWN_MARKER_COLUMN_FROM = 7;

export function layoutInput(view: GraphView): LayoutInput {
  const shape = FIGURE_SHAPES[view.key];
  const input = plainInput(view, shape?.dense ? DENSE_BOX : DEFAULT_BOX);
  return shape ? shapeInput(input, shape) : input;
}

/**
 * The layout input in the default shape: partitions by kind, spacing as elk-options.ts has it, node boxes cut as
 * `box` (a dense shape's are narrower: measure.ts).
 */
export function plainInput(view: GraphView, box: BoxStyle = DEFAULT_BOX): LayoutInput {
  const markers = view.nodes.filter((n) => KIND_PARTITION[n.entity.kind] === 1).length;
  const merge = markers < OWN_MARKER_COLUMN_FROM;
  return {
    key: view.key,
    nodes: view.nodes.map((n) => {
      const b = nodeBox(n.entity.label, n.entity.kind, box);
      const p = KIND_PARTITION[n.entity.kind];
      return { id: n.id, width: b.width, height: b.height, partition: merge && p === 1 ? 2 : p };
    }),
    edges: view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    ...(box === DEFAULT_BOX ? {} : { box }),
  };
}
