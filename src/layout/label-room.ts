/**
 * Room for the labels of a zoomed-out drawing. When the atlas is too big to fit its pane with labels of a readable
 * size, the level of detail (graph-view/label-lod.ts) draws chosen labels at a fixed size on screen, larger than
 * their nodes, and moves their source marks beside them; two such labels that would overlap cannot both be drawn.
 * So the layout keeps that room free around the entities whose labels must be drawn: each one's node box grows,
 * for the layout only, to its label at the readable size plus its marks, at the zoom the drawing will be shown at.
 *
 * That zoom depends on the layout (a bigger drawing is shown smaller), so it is found by iteration: lay out with
 * room for a zoom, see at what zoom the result fits the pane, and repeat with that zoom until the room reserved is
 * at least the room needed. Pure: the canvas uses the same measures (`lodLabelBox`, `markExtents`) when it draws.
 */
import { BADGE_R, BADGE_R_MAX, SOURCE_BAR } from '../theme/decorations.ts';
import { LINE_HEIGHT } from '../theme/kinds.ts';
import { textWidth } from './measure.ts';

/** Badges stay readable when zoomed out: at least 7 screen pixels in radius, as far as they stay clear of text. */
export const BADGE_SCREEN_R = 7;
/** Marks keep this many screen px clear of the label box they move around (its estimate may differ by a fraction). */
export const MARK_CLEAR = 1.5;
/** Smallest height on screen of a source bar moved under a label. */
export const MOVED_BAR_PX = 3;
/** Screen px the level of detail keeps between two drawn labels. */
export const LABEL_GAP = 2;

export interface ScreenBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The box of a label drawn `px` high (font size) on screen, centred on (x, y): its lines' widest width plus 2 px each
 * side, its lines' height plus 1 px above and below (the white backing of a level-of-detail label).
 */
export function lodLabelBox(text: string, bold: boolean, px: number, x = 0, y = 0): ScreenBox {
  const lines = text.split('\n');
  const tw = Math.max(...lines.map((l) => textWidth(l, px, bold ? 600 : 400)));
  const th = lines.length * px * LINE_HEIGHT;
  return { x1: x - tw / 2 - 2, x2: x + tw / 2 + 2, y1: y - th / 2 - 1, y2: y + th / 2 + 1 };
}

/** Radius on screen of a count badge at `zoom` (theme/decorations.ts markGeometry with BADGE_SCREEN_R). */
export const badgeScreenR = (zoom: number) => Math.min(Math.max(BADGE_R, BADGE_SCREEN_R / zoom), BADGE_R_MAX) * zoom;

/** How far a node's drawn label and marks reach from its centre, in screen px, each way. */
export interface Extents {
  left: number;
  right: number;
  up: number;
  down: number;
}

/**
 * The reach of a label drawn at `px` over a node of `w`×`h` model px, at `zoom`, with its marks where the level of
 * detail puts them (`placeMarks`): the source bar just under the label (or in its usual place inside the node's
 * bottom), the count badge (`badge`) on the node's top-right corner or right of the label. Includes half the gap
 * kept between labels. Every term grows with the zoom no faster than the zoom itself, so room kept for one zoom is
 * enough at any larger one.
 */
export function markExtents(text: string, bold: boolean, px: number, w: number, h: number, zoom: number, marks: { bar: boolean; badge: boolean }): Extents {
  const label = lodLabelBox(text, bold, px);
  const half = LABEL_GAP / 2 + 0.5;
  let left = -label.x1;
  let right = label.x2;
  let up = -label.y1;
  let down = label.y2;
  if (marks.bar) {
    down = Math.max(down + MARK_CLEAR + Math.max(SOURCE_BAR * zoom, MOVED_BAR_PX), (h / 2) * zoom);
    left = Math.max(left, (w / 2) * zoom);
    right = Math.max(right, (w / 2) * zoom);
  }
  if (marks.badge) {
    const r = badgeScreenR(zoom);
    right = Math.max(right + MARK_CLEAR + 2 * r, (w / 2) * zoom + r);
    up = Math.max(up, (h / 2) * zoom + r);
  }
  return { left: left + half, right: right + half, up: up + half, down: down + half };
}

/** Where a node's marks go on screen when its label is drawn at the level-of-detail size (see markExtents). */
export interface PlacedMarks {
  bar?: ScreenBox;
  badge?: { cx: number; cy: number; r: number };
  /** Whether the bar or the badge left its usual place. */
  barMoved: boolean;
  badgeMoved: boolean;
}

/**
 * The marks of a node whose label (`label`, screen box) is drawn over it (`node`, screen box): the bar `bar` (its
 * usual screen box inside the node's bottom) keeps what is left of its place under the label when that is 2 px or
 * more, else moves just under the label; the badge of radius `r`, on the node's top-right corner, moves right of a
 * label that reaches it.
 */
export function placeMarks(label: ScreenBox, node: ScreenBox, bar: ScreenBox | null, r: number | null): PlacedMarks {
  const out: PlacedMarks = { barMoved: false, badgeMoved: false };
  if (bar) {
    if (label.y2 + MARK_CLEAR > bar.y1) {
      const kept = { ...bar, y1: label.y2 + MARK_CLEAR };
      out.bar = kept.y2 - kept.y1 >= 2 ? kept : { x1: node.x1, x2: node.x2, y1: label.y2 + MARK_CLEAR, y2: label.y2 + MARK_CLEAR + Math.max(bar.y2 - bar.y1, MOVED_BAR_PX) };
      out.barMoved = true;
    } else out.bar = bar;
  }
  if (r !== null) {
    out.badge = { cx: node.x2, cy: node.y1, r };
    if (node.x2 - r < label.x2 + MARK_CLEAR && node.y1 + r > label.y1 - MARK_CLEAR) {
      out.badge = { cx: label.x2 + MARK_CLEAR + r, cy: node.y1, r };
      out.badgeMoved = true;
    }
  }
  return out;
}
