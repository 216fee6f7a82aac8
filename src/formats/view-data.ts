/**
 * One view's nodes and edges as flat records with positions and sizes: what every network writer puts in its
 * own syntax, so all formats carry the same attributes under the same names.
 */
import { positionedBox } from '../layout/measure.ts';
import type { Positions } from '../layout/types.ts';
import type { EntityKind, Relation, Sign } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import type { GraphView } from '../model/view.ts';
import { bioregistryCurie } from '../model/xref.ts';

export interface NodeRecord {
  id: string;
  label: string;
  fullName: string;
  kind: EntityKind;
  synonyms: string[];
  /** CURIEs as in graphs/entities.json. */
  xrefs: string[];
  /** The first xref in Bioregistry's spelling (`hgnc:4893`): CX2's `represents`. */
  represents?: string;
  mscSources: string[];
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeRecord {
  id: string;
  source: string;
  target: string;
  /** "HGF (promotes) GC proliferation": Cytoscape's edge name convention. */
  name: string;
  relation: Relation;
  sign: Sign;
  refs: number[];
  mscSources: string[];
  figures: string[];
  notes: string[];
}

export interface ViewRecords {
  title: string;
  description: string;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** "Fu YX et al. … doi:…": the source line every export carries. */
  citation: string;
  doi: string;
  licence: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function viewRecords(model: Model, view: GraphView, positions: Positions): ViewRecords {
  const label = (id: string) => model.entities.get(id)?.label ?? id;
  const nodes: NodeRecord[] = view.nodes.map((n) => {
    const box = positionedBox(positions, n.entity);
    const p = positions.nodes[n.id] ?? { x: 0, y: 0 };
    const represents = n.entity.xrefs.length ? bioregistryCurie(n.entity.xrefs[0]!) : undefined;
    return {
      id: n.id,
      label: n.entity.label,
      fullName: n.entity.name ?? n.entity.label,
      kind: n.entity.kind,
      synonyms: [...n.entity.synonyms],
      xrefs: [...n.entity.xrefs],
      ...(represents ? { represents } : {}),
      mscSources: n.sources.map(label),
      x: round(p.x),
      y: round(p.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
    };
  });
  const edges: EdgeRecord[] = view.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    name: `${label(e.source)} (${e.relation}) ${label(e.target)}`,
    relation: e.relation,
    sign: e.sign,
    refs: [...e.refs],
    mscSources: e.sources.map(label),
    figures: [...new Set(e.supports.map((s) => model.figures.find((f) => f.id === s.figure)?.label ?? s.figure))],
    notes: e.supports.map((s) => s.edge.note),
  }));
  return {
    title: view.title,
    description: view.caption ?? '',
    nodes,
    edges,
    citation: model.review.citation,
    doi: model.review.doi,
    licence: model.review.licence,
  };
}

export const GENERATOR = 'MSC–POF Atlas';
