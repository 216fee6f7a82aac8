/**
 * The layout search of `npm run layouts` for a figure (scripts/build-layouts.ts): its drawing in the shape that fits
 * the screens best (src/layout/figure-shape.ts).
 */
import { drawingBox } from '../src/layout/drawing-box.ts';
import { compareFit, DENSE_SHAPES, fitRatios, PACKED_SHAPES, SEEDS, shapeInput, SHAPES, type FigureShape } from '../src/layout/figure-shape.ts';
import { plainInput } from '../src/layout/layout-input.ts';
import { DEFAULT_BOX, DENSE_BOX } from '../src/layout/measure.ts';
import { overlappingNodes } from '../src/layout/overlap.ts';
import { countCrossings, edgesThroughNodes, routesOf } from '../src/layout/quality.ts';
import type { LayoutEngine, LayoutInput, Positions } from '../src/layout/types.ts';
import type { GraphView } from '../src/model/view.ts';
import { NODE_FONT_SIZE } from '../src/theme/kinds.ts';
import { dagreLayout } from '../tests/helpers/dagre.ts';

/**
 * A figure in each shape of SHAPES (src/layout/figure-shape.ts): the one whose drawing fits the screens best, with
 * no more crossings than dagre (none where dagre has none), no edge through a node and no overlapping boxes. The
 * default shape (the first) is kept when nothing does better. The dense shapes (DENSE_SHAPES: narrower boxes, tighter
 * edges) are tried only when no shape of SHAPES reaches every screen's floor, so a figure that reads everywhere
 * keeps its roomier boxes; the packed ones (PACKED_SHAPES) only when no dense shape does either.
 */
export async function bestShape(view: GraphView, engine: LayoutEngine) {
  let best: { shape?: FigureShape; input: LayoutInput; positions: Positions; fit: number[]; crossings: number } | undefined;
  const tryShapes = async (list: FigureShape[]) => {
    for (const first of list) {
      const isDefault = first === SHAPES[0];
      // A shape whose drawing crosses more than dagre's gets another try with each of SEEDS.
      for (const seed of [undefined, ...(isDefault ? [] : SEEDS)]) {
        const shape = seed ? { ...first, seed } : first;
        const plain = plainInput(view, shape.dense ? DENSE_BOX : DEFAULT_BOX);
        const input = isDefault ? plain : shapeInput(plain, shape);
        const positions = await engine.layout(input, { timeoutMs: 120_000 });
        const routes = routesOf(input, positions);
        const crossings = countCrossings(routes);
        const dagre = countCrossings(dagreLayout(input).routes);
        const clean = (dagre === 0 ? crossings === 0 : crossings <= dagre) && !edgesThroughNodes(input, positions, routes).length && !overlappingNodes(input, positions).length;
        // The positions carry the shape's box cut (dense boxes are narrower), so this measures the drawing as drawn.
        const b = drawingBox(view, positions);
        const fit = fitRatios(b.x2 - b.x1, b.y2 - b.y1, NODE_FONT_SIZE);
        if (!isDefault && !clean) continue;
        const better = best ? compareFit(fit, best.fit) : 1;
        if (better > 0.002 || (better > -0.002 && crossings < best!.crossings)) best = { ...(isDefault ? {} : { shape }), input, positions, fit, crossings };
        break;
      }
    }
  };
  await tryShapes(SHAPES);
  if (Math.min(...best!.fit) < 1) await tryShapes(DENSE_SHAPES);
  if (Math.min(...best!.fit) < 1) await tryShapes(PACKED_SHAPES);
  return best!;
}
