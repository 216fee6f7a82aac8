/** A small headless Cytoscape for the restyle tests (deferred-styles*.test.ts). */
import cytoscape, { type Core } from 'cytoscape';

/** n nodes n0… and edges e0… from n0 to each other node (ids in order); `.off` elements are faded. */
export function starGraph(n: number, edges = 0): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...Array.from({ length: n }, (_, i) => ({ data: { id: `n${i}` } })),
      ...Array.from({ length: edges }, (_, i) => ({ data: { id: `e${i}`, source: 'n0', target: `n${i + 1}` } })),
    ],
    style: [
      { selector: 'node', style: { opacity: 1 } },
      { selector: '.off', style: { opacity: 0.12 } },
    ],
  });
}

/** Whether Cytoscape holds a batch open (draws no frame). */
export const batching = (cy: Core) => (cy as unknown as { batching(): boolean }).batching();
