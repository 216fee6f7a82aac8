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

