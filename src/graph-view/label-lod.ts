/**
 * Level of detail for node labels: when the drawing is zoomed out so far that its labels would be too small to
 * read, the most important ones are drawn at a readable size on screen and the others not at all, so that no
 * two drawn labels overlap. Zooming in brings the rest back, first as space allows, then all at their own size.
 * Pure: the canvas measures the candidates (graph-canvas.tsx) and applies the choice.
 */

/**
 * Smallest label a reader is asked to read on screen, px (the floor of 10 px on a 1600×1000 laptop and on a tablet;
 * 9 px is allowed on a 1280×800 laptop): labels that would be drawn smaller switch the level of detail on, and
 * the labels it keeps are drawn at this size.
 */
export const LOD_LABEL_PX = 10;

export interface LabelCandidate {
  id: string;
  /** Box of the label at the LOD size, in screen px. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher first: cell sources, shared factors and outcomes are always wanted. */
  priority: number;
  /** Marks (screen boxes) that come with this label and that no other drawn label may cover. */
  marks?: readonly Box[];
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/**
 * Greedy by priority: a label is drawn when it overlaps none of those already drawn (with `gap` between them), and
 * neither it nor its marks meet the others' marks or labels (marks may meet marks). Returns the drawn ids.
 */
export function chooseLabels(candidates: readonly LabelCandidate[], gap = 2): Set<string> {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const drawn: LabelCandidate[] = [];
  // A coarse grid of buckets keeps the overlap test near-linear for a few hundred labels.
  const CELL = 64;
  const buckets = new Map<string, LabelCandidate[]>();
  const all = (c: LabelCandidate): Box => {
    const boxes = [c, ...(c.marks ?? [])];
    return { x1: Math.min(...boxes.map((b) => b.x1)), y1: Math.min(...boxes.map((b) => b.y1)), x2: Math.max(...boxes.map((b) => b.x2)), y2: Math.max(...boxes.map((b) => b.y2)) };
  };
  const cells = (c: LabelCandidate) => {
    const b = all(c);
    // Stryker disable next-line ArrayDeclaration: an extra key shared by every label finds the same clashes, only more slowly
    const out: string[] = [];
    for (let x = Math.floor(b.x1 / CELL); x <= Math.floor(b.x2 / CELL); x++)
      // Stryker disable next-line StringLiteral: one bucket for every cell finds the same clashes, only more slowly
      for (let y = Math.floor(b.y1 / CELL); y <= Math.floor(b.y2 / CELL); y++) out.push(`${x},${y}`);
    return out;
  };
  const meets = (a: Box, b: Box, g: number) => a.x1 < b.x2 + g && b.x1 < a.x2 + g && a.y1 < b.y2 + g && b.y1 < a.y2 + g;
  const clashes = (c: LabelCandidate, d: LabelCandidate) =>
    meets(c, d, gap) || (d.marks ?? []).some((m) => meets(c, m, 0)) || (c.marks ?? []).some((m) => meets(m, d, 0));
  for (const c of sorted) {
    const keys = cells(c);
    const clash = keys.some((k) => (buckets.get(k) ?? []).some((d) => clashes(c, d)));
    if (clash) continue;
    drawn.push(c);
    for (const k of keys) buckets.set(k, [...(buckets.get(k) ?? []), c]);
  }
  return new Set(drawn.map((d) => d.id));
}
