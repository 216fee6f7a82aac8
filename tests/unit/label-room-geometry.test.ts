/**
 * The measures of label room to the pixel (layout/label-room.ts): a level-of-detail label's box, a badge's radius
 * on screen, how far a label and its marks reach, and where the marks go around a label drawn over its node. The
 * canvas draws with the same functions that the layout keeps room with, so each number here is one the user sees.
 */
import { describe, expect, it } from 'vitest';
import { BADGE_SCREEN_R, badgeScreenR, LABEL_GAP, lodLabelBox, MARK_CLEAR, markExtents, MOVED_BAR_PX, placeMarks } from '../../src/layout/label-room.ts';
import { textWidth } from '../../src/layout/measure.ts';
import { BADGE_R, BADGE_R_MAX, SOURCE_BAR } from '../../src/theme/decorations.ts';
import { LINE_HEIGHT } from '../../src/theme/kinds.ts';

describe('a level-of-detail label’s box', () => {
  it('is its widest line plus 2 px each side, and its lines plus 1 px above and below, centred on the point', () => {
    const w = textWidth('Apoptosis', 10);
    expect(lodLabelBox('Apoptosis', false, 10)).toEqual({ x1: -w / 2 - 2, x2: w / 2 + 2, y1: -(10 * LINE_HEIGHT) / 2 - 1, y2: (10 * LINE_HEIGHT) / 2 + 1 });
    const b = lodLabelBox('Apoptosis', false, 10, 100, 50);
    expect(b).toEqual({ x1: 100 - w / 2 - 2, x2: 100 + w / 2 + 2, y1: 50 - (10 * LINE_HEIGHT) / 2 - 1, y2: 50 + (10 * LINE_HEIGHT) / 2 + 1 });
  });

  it('takes the widest of several lines and their height together, in semibold for a bold kind', () => {
    const wide = textWidth('Granulosa cells', 10, 600);
    const box = lodLabelBox('FSH\nGranulosa cells', true, 10);
    expect(box.x2 - box.x1).toBeCloseTo(wide + 4, 10);
    expect(box.y2 - box.y1).toBeCloseTo(2 * 10 * LINE_HEIGHT + 2, 10);
    expect(lodLabelBox('FSH\nGranulosa cells', false, 10).x2).toBeCloseTo(textWidth('Granulosa cells', 10, 400) / 2 + 2, 10);
  });
});

describe('a count badge’s radius on screen', () => {
  it('is its model radius at a zoom where that reads, at least 7 screen px when zoomed out, at most its largest size', () => {
    expect(BADGE_SCREEN_R).toBe(7);
    expect(badgeScreenR(1)).toBe(BADGE_R);
    expect(badgeScreenR(2)).toBe(2 * BADGE_R);
    // At 0.8, 7 screen px is 8.75 model px, over BADGE_R: 7 px on screen.
    expect(badgeScreenR(0.8)).toBeCloseTo(7, 10);
    // At 0.5, 7 screen px would be 14 model px, over BADGE_R_MAX: capped.
    expect(badgeScreenR(0.5)).toBeCloseTo(BADGE_R_MAX * 0.5, 10);
  });
});

describe('how far a label and its marks reach', () => {
  const label = lodLabelBox('Apoptosis', false, 10);
  const half = LABEL_GAP / 2 + 0.5;

  it('is the label’s box plus half the gap kept between labels, with no marks', () => {
    expect(markExtents('Apoptosis', false, 10, 80, 30, 0.5, { bar: false, badge: false })).toEqual({
      left: -label.x1 + half,
      right: label.x2 + half,
      up: -label.y1 + half,
      down: label.y2 + half,
    });
  });

  it('with a source bar: the bar under the label (at least 3 px high), and the node’s half-size when that is larger', () => {
    // Zoomed out (0.2): the node (80×30 model px) is 16×6 on screen, inside the label; the bar moved under the label.
    const small = markExtents('Apoptosis', false, 10, 80, 30, 0.2, { bar: true, badge: false });
    expect(small.down).toBeCloseTo(label.y2 + MARK_CLEAR + Math.max(SOURCE_BAR * 0.2, MOVED_BAR_PX) + half, 10);
    expect(small.left).toBeCloseTo(-label.x1 + half, 10);
    expect(small.right).toBeCloseTo(label.x2 + half, 10);
    expect(small.up).toBeCloseTo(-label.y1 + half, 10);
    // At 0.6 the bar is 3.6 px high, over the 3 px floor.
    const bar = markExtents('Apoptosis', false, 10, 40, 10, 0.6, { bar: true, badge: false });
    expect(bar.down).toBeCloseTo(label.y2 + MARK_CLEAR + SOURCE_BAR * 0.6 + half, 10);
    // Zoomed in (2): the node (200×120 model px) is 400×240 on screen, larger than its label.
    const big = markExtents('Apoptosis', false, 10, 200, 120, 2, { bar: true, badge: false });
    expect(big).toEqual({ left: 200 + half, right: 200 + half, up: -label.y1 + half, down: 120 + half });
  });

  it('with a badge: right of the label with its clearance, and above the node’s corner', () => {
    const r = badgeScreenR(0.2);
    const small = markExtents('Apoptosis', false, 10, 80, 30, 0.2, { bar: false, badge: true });
    expect(small.right).toBeCloseTo(label.x2 + MARK_CLEAR + 2 * r + half, 10);
    expect(small.up).toBeCloseTo(Math.max(-label.y1, 15 * 0.2 + r) + half, 10);
    expect(small.left).toBeCloseTo(-label.x1 + half, 10);
    expect(small.down).toBeCloseTo(label.y2 + half, 10);
    // A big node: the badge on its corner reaches further than the label.
    const rb = badgeScreenR(2);
    const big = markExtents('Apoptosis', false, 10, 200, 120, 2, { bar: false, badge: true });
    expect(big.right).toBeCloseTo(200 + rb + half, 10);
    expect(big.up).toBeCloseTo(120 + rb + half, 10);
    expect(big.left).toBeCloseTo(-label.x1 + half, 10);
  });

  it('with both marks: the bar’s reach below and the badge’s to the right and above', () => {
    const both = markExtents('Apoptosis', false, 10, 80, 30, 0.2, { bar: true, badge: true });
    const r = badgeScreenR(0.2);
    expect(both.down).toBeCloseTo(label.y2 + MARK_CLEAR + MOVED_BAR_PX + half, 10);
    expect(both.right).toBeCloseTo(label.x2 + MARK_CLEAR + 2 * r + half, 10);
  });
});

describe('where the marks go around a label drawn over its node', () => {
  const node = { x1: 0, x2: 40, y1: 0, y2: 20 };
  const bar = { x1: 0, x2: 40, y1: 16, y2: 20 };

  it('leaves the bar and the badge in their places when the label is clear of them', () => {
    const label = { x1: 5, x2: 30, y1: 4, y2: 12 };
    expect(placeMarks(label, node, bar, 3)).toEqual({ bar, badge: { cx: 40, cy: 0, r: 3 }, barMoved: false, badgeMoved: false });
    expect(placeMarks(label, node, null, null)).toEqual({ barMoved: false, badgeMoved: false });
  });

  it('keeps what is left of the bar under the label when that is 2 px or more', () => {
    // The label ends at 15, 1.5 px over the bar's top (16): what is left starts at 16.5 and goes to 20.
    const out = placeMarks({ x1: 5, x2: 30, y1: 4, y2: 15 }, node, bar, null);
    expect(out.bar).toEqual({ x1: 0, x2: 40, y1: 15 + MARK_CLEAR, y2: 20 });
    // Ending 1.5 px or more above the bar: the bar stays.
    expect(placeMarks({ x1: 5, x2: 30, y1: 4, y2: 14.4 }, node, bar, null).barMoved).toBe(false);
    // Exactly 1.5 px above: still clear.
    expect(placeMarks({ x1: 5, x2: 30, y1: 4, y2: 14.5 }, node, bar, null).barMoved).toBe(false);
    expect(placeMarks({ x1: 5, x2: 30, y1: 4, y2: 14.6 }, node, bar, null).barMoved).toBe(true);
    expect(out.barMoved).toBe(true);
    // Exactly 2 px left: kept.
    expect(placeMarks({ x1: 5, x2: 30, y1: 4, y2: 16.5 }, node, bar, null).bar).toEqual({ x1: 0, x2: 40, y1: 18, y2: 20 });
  });

  it('moves the bar just under the label, as wide as the node and at least 3 px high, when less is left', () => {
    const out = placeMarks({ x1: -20, x2: 60, y1: -4, y2: 17 }, node, bar, null);
    expect(out.bar).toEqual({ x1: 0, x2: 40, y1: 17 + MARK_CLEAR, y2: 17 + MARK_CLEAR + 4 });
    expect(out.barMoved).toBe(true);
    const thin = placeMarks({ x1: -20, x2: 60, y1: -4, y2: 25 }, node, { ...bar, y1: 19 }, null);
    expect(thin.bar).toEqual({ x1: 0, x2: 40, y1: 25 + MARK_CLEAR, y2: 25 + MARK_CLEAR + MOVED_BAR_PX });
  });

  it('moves the badge right of a label that reaches the node’s corner', () => {
    const out = placeMarks({ x1: -20, x2: 60, y1: -4, y2: 12 }, node, null, 3);
    expect(out.badge).toEqual({ cx: 60 + MARK_CLEAR + 3, cy: 0, r: 3 });
    expect(out.badgeMoved).toBe(true);
    expect(out.bar).toBeUndefined();
  });

  it('leaves the badge on the corner when the label stops short of it, to the left or below', () => {
    // The label ends 1.5 px or more left of the badge's left edge (37): clear.
    expect(placeMarks({ x1: 5, x2: 35.4, y1: -4, y2: 12 }, node, null, 3).badgeMoved).toBe(false);
    expect(placeMarks({ x1: 5, x2: 35.5, y1: -4, y2: 12 }, node, null, 3).badgeMoved).toBe(false);
    expect(placeMarks({ x1: 5, x2: 35.6, y1: -4, y2: 12 }, node, null, 3).badgeMoved).toBe(true);
    // The label starts 1.5 px or more below the badge's bottom (3): clear.
    expect(placeMarks({ x1: -20, x2: 60, y1: 4.6, y2: 12 }, node, null, 3).badgeMoved).toBe(false);
    expect(placeMarks({ x1: -20, x2: 60, y1: 4.5, y2: 12 }, node, null, 3).badgeMoved).toBe(false);
    expect(placeMarks({ x1: -20, x2: 60, y1: 4.4, y2: 12 }, node, null, 3).badgeMoved).toBe(true);
  });
});
