/**
 * What the figure shapes (figure-shape.ts, left to right) and the phone's portrait shapes (portrait.ts, top to
 * bottom) share: how each entity is linked, which entities are the cell source's leaves, and the cut of a band of
 * the reading order (a column across the screen, a row down the phone) into sub-bands that ELK keeps in order
 * (its partitions).
 */
import type { LayoutInput, LayoutNode } from './types.ts';

/** How the edges of a layout input touch its nodes. */
export interface Links {
  partitionOf: Map<string, number>;
  outDegree: Map<string, number>;
  inDegree: Map<string, number>;
  /** Entities with an edge to or from another entity of their own partition. */
  linkedWithin: Set<string>;
}

export function linksOf(input: LayoutInput): Links {
  const partitionOf = new Map(input.nodes.map((n) => [n.id, n.partition]));
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  const linkedWithin = new Set<string>();
  for (const e of input.edges) {
    outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
    inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
    if (partitionOf.get(e.source) === partitionOf.get(e.target)) linkedWithin.add(e.source).add(e.target);
  }
  return { partitionOf, outDegree, inDegree, linkedWithin };
}

/**
 * The cell source's leaves: entities acted on only by cell sources (partition 0) that act on nothing. Of partition 1
 * only (the source's markers and traits) unless `anyKind`.
 */
export function sourceLeaves(input: LayoutInput, links: Links, anyKind = false): Set<string> {
  const leaves = new Set<string>();
  for (const n of input.nodes)
    if ((anyKind ? n.partition > 0 : n.partition === 1) && !links.outDegree.get(n.id) && input.edges.every((e) => e.target !== n.id || links.partitionOf.get(e.source) === 0))
      leaves.add(n.id);
  return leaves;
}

export interface SplitOptions {
  /** A node's extent along the band (its height in a column, its width in a row), px. */
  along: (n: LayoutNode) => number;
  /** Room between two nodes of a band, px. */
  gap: number;
  /** A band longer than this is cut into as many sub-bands as it takes (at most `base`); none: no cut. */
  limit?: number;
  /** Sub-bands per band at most; band b's sub-band s becomes partition b × base + s, so the bands keep their order. */
  base: number;
  /**
   * A node's extent across the band (its width in a column): given, the nodes of one rank go widest first, so that
   * wide boxes share a sub-band and the others are not as wide as the widest (a column's width is its widest box).
   */
  across?: (n: LayoutNode) => number;
}

/**
 * The partition of each node when each band (band number → its nodes) is cut into sub-bands of about equal
 * length. In a cut band the entities that act on nothing come first (no edge of theirs runs through the later
 * sub-bands), those nothing in the band acts on last, entities linked inside the band in the middle.
 */
export function splitBands(bands: Map<number, LayoutNode[]>, links: Links, o: SplitOptions): Map<string, number> {
  const rank = (id: string) => (links.linkedWithin.has(id) ? 0 : !links.outDegree.get(id) ? -1 : !links.inDegree.get(id) ? 1 : 0);
  const partition = new Map<string, number>();
  for (const [band, nodes] of bands) {
    const length = nodes.reduce((sum, n) => sum + o.along(n) + o.gap, -o.gap);
    const parts = o.limit ? Math.min(o.base, Math.max(1, Math.ceil(length / o.limit))) : 1;
    const across = o.across;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a band left whole (one part) puts every node in sub-band 0 whatever their order
    const sorted = parts > 1 ? [...nodes].sort((a, b) => rank(a.id) - rank(b.id) || (across ? across(b) - across(a) : 0) || a.id.localeCompare(b.id)) : nodes;
    const share = length / parts;
    let sub = 0;
    let filled = 0;
    for (const n of sorted) {
      if (filled > 0 && filled + o.along(n) / 2 > share && sub < parts - 1) {
        sub++;
        filled = 0;
      }
      partition.set(n.id, band * o.base + sub);
      filled += o.along(n) + o.gap;
    }
  }
  return partition;
}

/** Nodes grouped by `band(id)`, in input order. */
export function bandsOf(input: LayoutInput, band: (id: string) => number): Map<number, LayoutNode[]> {
  const bands = new Map<number, LayoutNode[]>();
  for (const n of input.nodes) {
    const b = band(n.id);
    const list = bands.get(b);
    if (list) list.push(n);
    else bands.set(b, [n]);
  }
  return bands;
}
