/**
 * A compact grid layout, pure and fast (a few milliseconds for the whole atlas), for the views that must read on
 * one screen rather than follow every chain: the atlas's active subgraph and the compare difference diagram.
 *
 * The drawing is a table of cells: `column` groups side by side (left to right) and `band` groups stacked (top
 * to bottom). Each cell is a small grid of node boxes. One number, the most rows any cell may use, sets how
 * many sub-columns each column gets; it is chosen so that the whole drawing comes closest to the aspect ratio of
 * the space it is shown in. Inside a cell, nodes are ordered by where their neighbours stand (a few barycentre
 * sweeps), which shortens edges and removes many crossings. Edges are straight: no routes to compute or load.
 *
 * Unlike ELK's layered layout, the result has a predictable size, so labels stay readable at the default view;
 * figures keep their layered ELK layouts (reading order along the chains matters more there).
 */
import type { Point, Positions } from './types.ts';

export interface CompactNode {
  id: string;
  width: number;
  height: number;
  /** Left-to-right group (0, 1, …); empty groups take no room. */
  column: number;
  /** Top-to-bottom group (0, 1, …); empty bands take no room. */
  band: number;
  /** Ties in the first ordering: higher first (e.g. the number of relations). */
  weight?: number;
}

export interface CompactEdge {
  id: string;
  source: string;
  target: string;
}

export interface CompactOptions {
  /** Width / height the drawing should come closest to. */
  aspect: number;
  /** Between sub-columns of one column, and between rows (model px). */
  gapX?: number;
  gapY?: number;
  /** Between columns and between bands: room for the edges that cross between them. */
  columnGap?: number;
  bandGap?: number;
  /** Top-left corner of the drawing. */
  origin?: Point;
  /** Barycentre sweeps that order each cell by its neighbours (default 4; 0 when only the size is wanted). */
  sweeps?: number;
  /**
   * Whether the result lists every edge's (empty) route; default true. A caller that makes its own record of routes
   * says false and gets none: building one for a few hundred edges took a tenth of the atlas's layout time.
   */
  routes?: boolean;
}

export interface CompactLayout extends Positions {
  /** The box of each column's nodes (for headings over the groups). */
  columns: Map<number, { x1: number; x2: number }>;
}

const cellKey = (c: number, b: number) => `${c}/${b}`;

/** The order of `a.localeCompare(b)` (the same collator: default locale and options), without making one per call. */
const compareIds = new Intl.Collator().compare;

interface Packed {
  /** Centre of each node relative to the cell's top-left corner. */
  at: Map<string, Point>;
  width: number;
  height: number;
}

/** Shelf packing: nodes in order, left to right, a new row when the next would pass `width`; rows centred. */
function pack(list: readonly CompactNode[], width: number, gapX: number, gapY: number): Packed {
  const rows: CompactNode[][] = [];
  let row: CompactNode[] = [];
  let used = 0;
  for (const n of list) {
    if (row.length && used + gapX + n.width > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length ? gapX : 0) + n.width;
    row.push(n);
  }
  // Stryker disable next-line ConditionalExpression: equivalent, an empty row adds no node, no width and no height (Math.max of nothing, -Infinity, ends below 0)
  if (row.length) rows.push(row);
  const at = new Map<string, Point>();
  let y = 0;
  let maxW = 0;
  for (const r of rows) {
    const h = Math.max(...r.map((n) => n.height));
    const w = r.reduce((s, n) => s + n.width, 0) + gapX * (r.length - 1);
    // Stryker disable next-line MethodExpression: equivalent, the packed width is not read (a column is placed at the width the search found)
    maxW = Math.max(maxW, w);
    let x = (width - w) / 2;
    for (const n of r) {
      at.set(n.id, { x: x + n.width / 2, y: y + h / 2 });
      x += n.width + gapX;
    }
    y += h + gapY;
  }
  // Stryker disable next-line MethodExpression: equivalent, the packed width is not read (a column is placed at the width the search found)
  return { at, width: Math.min(width, Math.max(maxW, 0)), height: Math.max(y - gapY, 0) };
}

/** The height `pack` would give, without placing anything: the size search below calls this thousands of times. */
function packedHeight(list: readonly CompactNode[], width: number, gapX: number, gapY: number): number {
  let y = 0;
  let rows = 0;
  let used = 0;
  let rowH = 0;
  let inRow = 0;
  for (const n of list) {
    if (inRow && used + gapX + n.width > width) {
      y += rowH;
      rows++;
      used = 0;
      rowH = 0;
      inRow = 0;
    }
    used += (inRow ? gapX : 0) + n.width;
    rowH = Math.max(rowH, n.height);
    // Stryker disable next-line UpdateOperator: equivalent, only whether the row has a node is read, and -1 is as true as 1
    inRow++;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, with no node the one row counted adds no height and no gap
  if (inRow) {
    y += rowH;
    rows++;
  }
  return Math.max(y + gapY * (rows - 1), 0);
}

export function compactLayout(nodes: readonly CompactNode[], edges: readonly CompactEdge[], options: CompactOptions): CompactLayout {
  const gapX = options.gapX ?? 12;
  const gapY = options.gapY ?? 10;
  const columnGap = options.columnGap ?? 60;
  const bandGap = options.bandGap ?? 22;
  const origin = options.origin ?? { x: 0, y: 0 };
  const columns = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const bandsOf = new Map(columns.map((c) => [c, [...new Set(nodes.filter((n) => n.column === c).map((n) => n.band))].sort((a, b) => a - b)]));
  const cells = new Map<string, CompactNode[]>();
  for (const n of nodes) {
    const k = cellKey(n.column, n.band);
    const list = cells.get(k);
    if (list) list.push(n);
    else cells.set(k, [n]);
  }
  // Ties are broken by id, in the order localeCompare gives, compared here by rank: the sorts below run in every
  // sweep of every layout the atlas asks for, and localeCompare was a tenth of their time.
  const rank = new Map([...nodes].sort((a, b) => compareIds(a.id, b.id)).map((n, i) => [n.id, i]));
  const byId = (a: CompactNode, b: CompactNode) => rank.get(a.id)! - rank.get(b.id)!;
  // First order: heaviest first, then by id (deterministic).
  for (const list of cells.values()) list.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || byId(a, b));
  const minWidth = new Map(columns.map((c) => [c, Math.max(...nodes.filter((n) => n.column === c).map((n) => n.width))]));
  const fullWidth = new Map(columns.map((c) => [c, nodes.filter((n) => n.column === c).reduce((s, n) => s + n.width + gapX, 0)]));

  /** A column packed at a width: its cells stacked in band order. */
  const column = (c: number, width: number, order: Map<string, CompactNode[]>) => {
    const parts = bandsOf.get(c)!.map((b) => pack(order.get(cellKey(c, b)) ?? [], width, gapX, gapY));
    return { parts, height: parts.reduce((s, p) => s + p.height, 0) + bandGap * (parts.length - 1) };
  };
  /** The height `column` gives, computed without placing the nodes. */
  const columnHeight = (c: number, width: number, order: Map<string, CompactNode[]>) => {
    // The size search below asks for the same widths again and again (its binary searches for 61 heights all start
    // from the same bounds): in the first order, each column's height at a width is computed once.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, heights are only asked for in the first order (the size is searched before the sweeps), so the memo always applies and never changes a height
    const memo = order === first ? heights.get(c) : undefined;
    const known = memo?.get(width);
    if (known !== undefined) return known;
    const bands = bandsOf.get(c)!;
    let h = bandGap * (bands.length - 1);
    for (const b of bands) h += packedHeight(order.get(cellKey(c, b)) ?? [], width, gapX, gapY);
    memo?.set(width, h);
    return h;
  };
  /** The narrowest width (to 4 px) at which the column is at most `height` tall. */
  const widthFor = (c: number, height: number, order: Map<string, CompactNode[]>) => {
    let lo = minWidth.get(c)!;
    let hi = Math.max(lo, fullWidth.get(c)!);
    if (columnHeight(c, lo, order) <= height) return lo;
    while (hi - lo > 4) {
      const mid = (lo + hi) / 2;
      if (columnHeight(c, mid, order) <= height) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  let order = new Map([...cells].map(([k, l]) => [k, [...l]]));
  const first = order;
  const heights = new Map(columns.map((c) => [c, new Map<number, number>()]));
  /** Column widths for a target height, and the drawing's size with them. */
  const shape = (height: number) => {
    const widths = new Map(columns.map((c) => [c, widthFor(c, height, order)]));
    const w = [...widths.values()].reduce((s, x) => s + x, 0) + columnGap * (columns.length - 1);
    const h = Math.max(...columns.map((c) => columnHeight(c, widths.get(c)!, order)));
    // The larger of width/aspect and height: what limits the zoom at which the drawing fits a box of that aspect.
    return { widths, w, h, score: Math.max(w / options.aspect, h) };
  };
  const tallest = Math.max(...columns.map((c) => columnHeight(c, minWidth.get(c)!, order)), 1);
  const lowest = Math.max(...nodes.map((n) => n.height), 1);
  let best = shape(tallest);
  // Stryker disable next-line EqualityOperator: equivalent, the 60th height is the tallest, whose shape is already the first best
  for (let i = 1; i <= 60; i++) {
    const candidate = shape(lowest + ((tallest - lowest) * i) / 60);
    if (candidate.score < best.score) best = candidate;
  }

  const place = () => {
    const out = new Map<string, Point>();
    let x = origin.x;
    for (const c of columns) {
      const w = best.widths.get(c)!;
      const col = column(c, w, order);
      // Columns shorter than the drawing are centred vertically.
      let y = origin.y + (best.h - col.height) / 2;
      for (const part of col.parts) {
        for (const [id, p] of part.at) out.set(id, { x: x + p.x, y: y + p.y });
        y += part.height + bandGap;
      }
      x += w + columnGap;
    }
    return out;
  };

  // Barycentre sweeps: each cell ordered by its neighbours' mean height, then rows by their mean x.
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of edges) {
    if (e.source === e.target) continue;
    link(e.source, e.target);
    link(e.target, e.source);
  }
  let placed = place();
  for (let sweep = 0; sweep < (options.sweeps ?? 4); sweep++) {
    const next = new Map<string, CompactNode[]>();
    for (const [k, list] of order) {
      // Each node's neighbours' mean position (its own where it has none placed).
      const bary = new Map<string, Point>();
      for (const n of list) {
        let x = 0;
        let y = 0;
        let count = 0;
        // Stryker disable next-line ArrayDeclaration: equivalent, an id that names no node has no place and is skipped
        for (const id of neighbours.get(n.id) ?? []) {
          const p = placed.get(id);
          if (!p) continue;
          x += p.x;
          y += p.y;
          count++;
        }
        bary.set(n.id, count ? { x: x / count, y: y / count } : placed.get(n.id)!);
      }
      const byY = [...list].sort((a, b) => bary.get(a.id)!.y - bary.get(b.id)!.y || byId(a, b));
      // Rows as packed now; within each, left to right by the neighbours' mean x.
      const rowsNow = new Map<number, CompactNode[]>();
      const packed = pack(byY, best.widths.get(list[0]!.column)!, gapX, gapY);
      for (const n of byY) {
        const y = packed.at.get(n.id)!.y;
        const row = rowsNow.get(y);
        if (row) row.push(n);
        else rowsNow.set(y, [n]);
      }
      next.set(k, [...rowsNow.values()].flatMap((r) => r.sort((a, b) => bary.get(a.id)!.x - bary.get(b.id)!.x || byId(a, b))));
    }
    order = next;
    placed = place();
  }

  const out: Record<string, Point> = {};
  for (const [id, p] of placed) out[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  const columnBoxes = new Map<number, { x1: number; x2: number }>();
  for (const n of nodes) {
    const p = out[n.id]!;
    const box = columnBoxes.get(n.column) ?? { x1: Infinity, x2: -Infinity };
    columnBoxes.set(n.column, { x1: Math.min(box.x1, p.x - n.width / 2), x2: Math.max(box.x2, p.x + n.width / 2) });
  }
  return {
    hash: 'compact',
    nodes: out,
    edges: options.routes === false ? {} : Object.fromEntries(edges.map((e) => [e.id, []])),
    width: best.w,
    height: best.h,
    columns: columnBoxes,
  };
}
