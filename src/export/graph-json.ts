/**
 * The view as Cytoscape.js elements JSON with positions: opens in cytoscape.js
 * (`cytoscape({ elements, layout: { name: 'preset' } })`, preset so the positions are kept) and in
 * Cytoscape desktop (File → Import → Network from File, "Cytoscape.js JSON"; it reads data.name as the label).
 */
import type { Positions } from '../layout/types.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';

export interface CytoscapeJson {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: Record<string, string>;
  elements: {
    nodes: { data: Record<string, string | number | string[]>; position: { x: number; y: number } }[];
    edges: { data: Record<string, string | number | string[] | number[]> }[];
  };
}

export function toCytoscapeJson(model: Model, view: GraphView, positions: Positions): CytoscapeJson {
  const label = (id: string) => model.entities.get(id)?.label ?? id;
  return {
    format_version: '1.0',
    generated_by: 'MSC–POF Atlas',
    target_cytoscapejs_version: '~3.35',
    data: { name: view.title, view: view.key, source: model.review.citation, doi: model.review.doi, licence: model.review.licence },
    elements: {
      nodes: view.nodes.map((n) => ({
        data: {
          id: n.id,
          name: n.entity.label,
          shared_name: n.entity.label,
          full_name: n.entity.name ?? n.entity.label,
          kind: n.entity.kind,
          synonyms: n.entity.synonyms,
          xrefs: n.entity.xrefs,
          msc_sources: n.sources.map(label),
        },
        position: { ...(positions.nodes[n.id] ?? { x: 0, y: 0 }) },
      })),
      edges: view.edges.map((e) => ({
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          name: `${label(e.source)} (${e.relation}) ${label(e.target)}`,
          interaction: e.relation,
          sign: e.sign,
          refs: [...e.refs],
          msc_sources: e.sources.map(label),
          figures: e.supports.map((s) => model.figures.find((f) => f.id === s.figure)?.label ?? s.figure),
          notes: e.supports.map((s) => s.edge.note),
        },
      })),
    },
  };
}
