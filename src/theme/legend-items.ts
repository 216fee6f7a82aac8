/** What a legend lists for a view: the kinds and relation groups that occur in it, in reading order. */
import { ENTITY_KINDS, KIND_LABEL, RELATIONS, type EntityKind, type Relation } from '../model/schema.ts';
import type { GraphView } from '../model/view.ts';
import { KIND_STYLE, RELATION_STYLE, type KindStyle, type RelationStyle } from './kinds.ts';

export interface LegendItems {
  kinds: { kind: EntityKind; label: string; style: KindStyle }[];
  relations: { group: string; relation: Relation; style: RelationStyle }[];
}

export function legendItems(view: GraphView): LegendItems {
  const kinds = new Set(view.nodes.map((n) => n.entity.kind));
  const relations = new Set(view.edges.map((e) => e.relation));
  const groups = new Map<string, Relation>();
  for (const r of RELATIONS) if (relations.has(r) && !groups.has(RELATION_STYLE[r].group)) groups.set(RELATION_STYLE[r].group, r);
  return {
    kinds: ENTITY_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, label: KIND_LABEL[kind], style: KIND_STYLE[kind] })),
    relations: [...groups].map(([group, relation]) => ({ group, relation, style: RELATION_STYLE[relation] })),
  };
}
