/** The compare summary: which entities two sides share, and each side's references for them. Pure. */
import type { EntityKind } from './schema.ts';
import type { GraphView } from './view.ts';

export type Presence = 'shared' | 'left' | 'right';

export interface CompareRow {
  id: string;
  label: string;
  kind: EntityKind;
  presence: Presence;
  leftRefs: number[];
  rightRefs: number[];
}

const refsOf = (view: GraphView, id: string) =>
  [...new Set(view.edges.filter((e) => e.source === id || e.target === id).flatMap((e) => e.refs))].sort((a, b) => a - b);

export function compareRows(left: GraphView, right: GraphView, union: GraphView): CompareRow[] {
  const inLeft = new Set(left.nodes.map((n) => n.id));
  const inRight = new Set(right.nodes.map((n) => n.id));
  return union.nodes.map((n) => ({
    id: n.id,
    label: n.entity.label,
    kind: n.entity.kind,
    presence: inLeft.has(n.id) && inRight.has(n.id) ? 'shared' : inLeft.has(n.id) ? 'left' : 'right',
    leftRefs: inLeft.has(n.id) ? refsOf(left, n.id) : [],
    rightRefs: inRight.has(n.id) ? refsOf(right, n.id) : [],
  }));
}

export type SortKey = 'label' | 'kind' | 'presence' | 'leftRefs' | 'rightRefs';

const PRESENCE_ORDER: Record<Presence, number> = { shared: 0, left: 1, right: 2 };

export function sortRows(rows: CompareRow[], key: SortKey, dir: 'ascending' | 'descending'): CompareRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: CompareRow): string | number =>
    key === 'presence' ? PRESENCE_ORDER[r.presence] : key === 'leftRefs' ? r.leftRefs.length : key === 'rightRefs' ? r.rightRefs.length : r[key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return sign * c || a.label.localeCompare(b.label);
  });
}


/**
 * The difference diagram of a pair: one drawing of both sides, each entity and each relation tagged with which
 * side states it. Its layout (layout/difference-layout.ts) puts the left side's own entities on the left, the
 * shared ones in the middle and the right side's own on the right.
 */
export interface Difference {
  view: GraphView;
  nodes: ReadonlyMap<string, Presence>;
  edges: ReadonlyMap<string, Presence>;
  counts: Record<Presence, number>;
}

export function differenceOf(left: GraphView, right: GraphView, union: GraphView): Difference {
  const presence = (inLeft: boolean, inRight: boolean): Presence => (inLeft && inRight ? 'shared' : inLeft ? 'left' : 'right');
  const ln = new Set(left.nodes.map((n) => n.id));
  const rn = new Set(right.nodes.map((n) => n.id));
  const le = new Set(left.edges.map((e) => e.id));
  const re = new Set(right.edges.map((e) => e.id));
  const nodes = new Map(union.nodes.map((n) => [n.id, presence(ln.has(n.id), rn.has(n.id))]));
  const edges = new Map(union.edges.map((e) => [e.id, presence(le.has(e.id), re.has(e.id))]));
  const counts: Record<Presence, number> = { shared: 0, left: 0, right: 0 };
  for (const p of nodes.values()) counts[p]++;
  return {
    view: { ...union, key: `difference:${left.key}|${right.key}`, title: `${left.title} / ${right.title}: what differs` },
    nodes,
    edges,
    counts,
  };
}
