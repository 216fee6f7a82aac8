/**
 * Where a precomputed layout is stored: one JSON file per view under src/generated/layouts/, named after the view
 * key, so the browser loads only the views it shows (a figure, the atlas, one compare pair) when it shows them.
 */
import type { Positions } from './types.ts';

export const LAYOUTS_DIR = 'src/generated/layouts';

/** A file name for a view key: `figure:fig1` → `figure-fig1.json`, `pair:source:a|source:b` → `pair-source-a--source-b.json`. */
export function layoutFileName(key: string): string {
  return `${key.replace(/\|/g, '--').replace(/[^A-Za-z0-9_-]+/g, '-')}.json`;
}

/** A stored layout: the positions, and the key they belong to (two keys must never share a file). */
export type LayoutFile = Positions & { key: string };
