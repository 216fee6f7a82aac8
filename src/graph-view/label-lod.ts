/**
 * Level of detail for node labels: when the drawing is zoomed out so far that its labels would be too small to
 * read, the most important ones are drawn at a readable size on screen and the others not at all, so that no
 * two drawn labels overlap. Zooming in brings the rest back, first as space allows, then all at their own size.
 * Pure: the canvas measures the candidates (graph-canvas.tsx) and applies the choice.
 */

/** Smallest label a reader is asked to read on screen, px (issue floor: 10 px on a laptop, 9 px on a small one). */
export const LOD_LABEL_PX = 11;

export interface LabelCandidate {
  id: string;
  /** Box of the label at the LOD size, in screen px. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher first: cell sources, shared factors and outcomes are always wanted. */
  priority: number;
}

/** Greedy by priority: a label is drawn when it overlaps none of those already drawn. Returns the drawn ids. */
export function chooseLabels(candidates: readonly LabelCandidate[], gap = 2): Set<string> {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const drawn: LabelCandidate[] = [];
  // A coarse grid of buckets keeps the overlap test near-linear for a few hundred labels.
  const CELL = 64;
  const buckets = new Map<string, LabelCandidate[]>();
  const cells = (c: LabelCandidate) => {
    const out: string[] = [];
    for (let x = Math.floor(c.x1 / CELL); x <= Math.floor(c.x2 / CELL); x++)
      for (let y = Math.floor(c.y1 / CELL); y <= Math.floor(c.y2 / CELL); y++) out.push(`${x},${y}`);
    return out;
  };
  for (const c of sorted) {
    const keys = cells(c);
    const clash = keys.some((k) =>
      (buckets.get(k) ?? []).some((d) => c.x1 < d.x2 + gap && d.x1 < c.x2 + gap && c.y1 < d.y2 + gap && d.y1 < c.y2 + gap),
    );
    if (clash) continue;
    drawn.push(c);
    for (const k of keys) buckets.set(k, [...(buckets.get(k) ?? []), c]);
  }
  return new Set(drawn.map((d) => d.id));
}
