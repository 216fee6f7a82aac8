/** The compare summary and the panes' decorations, from the two sides and their union. Pure. */
import type { EntityKind } from '../../model/schema.ts';
import type { GraphView } from '../../model/view.ts';
import type { Decorations } from '../../theme/decorations.ts';

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

/** A pane's look: entities both sides share get both colours (and a black border), the rest their side's colour. */
export function paneDecorations(pane: GraphView, other: GraphView, own: string, otherColour: string): Decorations {
  const otherNodes = new Set(other.nodes.map((n) => n.id));
  const otherEdges = new Set(other.edges.map((e) => e.id));
  const nodes: Decorations['nodes'] = new Map();
  const edges: Decorations['edges'] = new Map();
  for (const n of pane.nodes) {
    const shared = otherNodes.has(n.id);
    nodes.set(n.id, { dim: false, sourceColours: shared ? [own, otherColour] : [own], shared, highlight: null });
  }
  for (const e of pane.edges) edges.set(e.id, { dim: false, colours: otherEdges.has(e.id) ? [own, otherColour] : [own], highlight: null });
  return { nodes, edges };
}
