/**
 * One view's nodes and edges as flat records with positions and sizes: what every network writer puts in its
 * own syntax, so all formats carry the same attributes under the same names.
 */
import { positionedBox } from '../layout/measure.ts';
import type { Positions } from '../layout/types.ts';
import type { EntityKind, Relation, Sign } from '../model/schema.ts';
import type { Model } from '../model/types.ts';
import { retractedAmong, retractionSentence } from '../model/retraction.ts';
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
  /** The references among `refs` their journal has retracted since the review (57, 59), in order. */
  retractedRefs: number[];
  /** True when every reference of the statement is retracted: it rests on retracted work alone. */
  retractedOnly: boolean;
  mscSources: string[];
  figures: string[];
  notes: string[];
}

/** A retracted reference the view cites, for a network-level note. */
export interface RetractionRecord {
  n: number;
  /** ISO date of the retraction. */
  date: string;
  /** DOI of the retraction notice, where known. */
  notice?: string;
  /** "Reference 57 (doi:…): retracted by the journal on 13 October 2022, after the review." */
  text: string;
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
  /** The retracted references the view's statements cite (empty for most views). */
  retractions: RetractionRecord[];
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
  const edges: EdgeRecord[] = view.edges.map((e) => {
    const retractedRefs = retractedAmong(e.refs, model.references);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      name: `${label(e.source)} (${e.relation}) ${label(e.target)}`,
      relation: e.relation,
      sign: e.sign,
      refs: [...e.refs],
      retractedRefs,
      retractedOnly: e.refs.length > 0 && retractedRefs.length === new Set(e.refs).size,
      mscSources: e.sources.map(label),
      figures: [...new Set(e.supports.map((s) => model.figures.find((f) => f.id === s.figure)?.label ?? s.figure))],
      notes: e.supports.map((s) => s.edge.note),
    };
  });
  const retractions: RetractionRecord[] = retractedAmong(view.edges.flatMap((e) => e.refs), model.references).map((n) => {
    const ref = model.references.get(n)!;
    return {
      n,
      date: ref.retracted!.date,
      ...(ref.retracted!.notice ? { notice: ref.retracted!.notice } : {}),
      text: `Reference ${n}${ref.doi ? ` (doi:${ref.doi})` : ''}: ${retractionSentence(ref).replace(/^R/, 'r')}`,
    };
  });
  return {
    title: view.title,
    description: view.caption ?? '',
    nodes,
    edges,
    citation: model.review.citation,
    doi: model.review.doi,
    licence: model.review.licence,
    retractions,
  };
}

export const GENERATOR = 'MSC–POF Atlas';

/** All retractions of a view as one sentence list, for a network's description attribute or notes. */
export function retractionsText(r: Pick<ViewRecords, 'retractions'>): string {
  return r.retractions.map((x) => x.text).join(' ');
}
