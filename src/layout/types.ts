/** The one layout interface, shared by the worker (browser) and in-process (Node, tests) implementations. */
import type { BoxStyle } from './measure.ts';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Reading-order column group: 0 = cell source … 4 = ovarian outcome. */
  partition: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface LayoutInput {
  key: string;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** ELK options for this graph over the common ones (elk-options.ts), e.g. a figure's denser spacing (figure-shape.ts). */
  options?: Record<string, string>;
  /** How the node boxes above were cut (measure.ts), when not the default: the positions carry it on. */
  box?: BoxStyle;
}

export interface Point {
  x: number;
  y: number;
}

export interface Positions {
  /** Hash of the input it was computed from (see `layoutHash`); a cached layout is used only if it matches. */
  hash: string;
  /** Node centres. */
  nodes: Record<string, Point>;
  /**
   * The route of each edge as the layout computed it: its start point (on the source node's border), its bend
   * points, and its end point (on the target's border, where the arrow head touches), in order.
   */
  edges: Record<string, Point[]>;
  width: number;
  height: number;
  /**
   * How the node boxes were cut for this layout (measure.ts: a dense figure's narrower boxes), when not the default.
   * Whatever draws or measures these positions sizes its nodes by it (`positionedBox`), so they match the layout.
   */
  box?: BoxStyle;
}

export interface LayoutOptions {
  /** Give up after this many milliseconds (default 20 s). */
  timeoutMs?: number;
}

export interface LayoutEngine {
  layout(input: LayoutInput, options?: LayoutOptions): Promise<Positions>;
  dispose?(): void;
}

export class LayoutTimeoutError extends Error {
  constructor(key: string, ms: number) {
    super(`Layout of "${key}" did not finish within ${Math.round(ms / 1000)} s`);
    this.name = 'LayoutTimeoutError';
  }
}

export const DEFAULT_LAYOUT_TIMEOUT_MS = 20_000;

/** FNV-1a over a canonical string of the input: same graph, same sizes → same hash, in Node and browser. */
export function layoutHash(input: LayoutInput): string {
  const nodes = [...input.nodes].sort((a, b) => a.id.localeCompare(b.id)).map((n) => `${n.id}:${n.width}x${n.height}@${n.partition}`);
  const edges = [...input.edges].sort((a, b) => a.id.localeCompare(b.id)).map((e) => `${e.id}`);
  const options = input.options ? `|${Object.entries(input.options).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',')}` : '';
  const text = `${LAYOUT_VERSION}|${nodes.join(',')}|${edges.join(',')}${options}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Bump when ELK options change, so cached layouts are recomputed. */
export const LAYOUT_VERSION = 4;
