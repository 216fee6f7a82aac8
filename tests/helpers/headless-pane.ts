/**
 * A headless Cytoscape whose nodes are as big as their data says (labels inside), placed where given, in a pane of
 * the given size: for the viewport computations of graph-view (use-viewport.ts, fit.ts).
 */
import cytoscape, { type Core } from 'cytoscape';

export function headlessPane(width: number, height: number, nodes: { id: string; x: number; y: number; w?: number; h?: number }[], edges: [string, string][] = []): Core {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle', 'border-width': 0, label: '' } },
      { selector: 'edge', style: { width: 1, 'curve-style': 'straight', 'target-arrow-shape': 'none' } },
    ],
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, ...(n.w !== undefined ? { w: n.w } : {}), ...(n.h !== undefined ? { h: n.h } : {}) }, position: { x: n.x, y: n.y } })),
      ...edges.map(([s, t]) => ({ data: { id: `${s}-${t}`, source: s, target: t } })),
    ],
    // (Without it Cytoscape places every node at the origin, whatever its position says.)
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 4,
  });
  cy.width = () => width;
  cy.height = () => height;
  return cy;
}
