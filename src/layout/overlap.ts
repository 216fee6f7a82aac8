/** Pairs of node boxes that overlap in a layout (should be none). Used by the layout build and its tests. */
import type { LayoutInput, Positions } from './types.ts';

export function overlappingNodes(input: LayoutInput, positions: Positions, gap = 0): [string, string][] {
  const boxes = input.nodes.map((n) => {
    const p = positions.nodes[n.id]!;
    return { id: n.id, x1: p.x - n.width / 2 - gap / 2, x2: p.x + n.width / 2 + gap / 2, y1: p.y - n.height / 2 - gap / 2, y2: p.y + n.height / 2 + gap / 2 };
  });
  const out: [string, string][] = [];
  // Stryker disable next-line EqualityOperator: equivalent, at i = boxes.length the inner loop has nothing to pair
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push([a.id, b.id]);
    }
  return out;
}
