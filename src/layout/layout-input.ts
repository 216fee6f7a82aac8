/** From a view to what ELK needs: node boxes sized to their labels, partitions by kind, edges. */
import { KIND_PARTITION } from '../model/schema.ts';
import type { GraphView } from '../model/view.ts';
import { nodeBox } from './measure.ts';
import type { LayoutInput } from './types.ts';

export function layoutInput(view: GraphView): LayoutInput {
  return {
    key: view.key,
    nodes: view.nodes.map((n) => {
      const box = nodeBox(n.entity.label, n.entity.kind);
      return { id: n.id, width: box.width, height: box.height, partition: KIND_PARTITION[n.entity.kind] };
    }),
    edges: view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}
