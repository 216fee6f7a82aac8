/**
 * Node boxes sized to their labels, without a canvas: Inter's advance widths (font-metrics.json, generated from
 * the font file by scripts/gen-font-metrics.ts) give the same numbers in Node, in the layout worker and in tests.
 */
import metrics from './font-metrics.json';
import { KIND_STYLE, LINE_HEIGHT, NODE_FONT_SIZE, SHAPE_WIDTH_FACTOR } from '../theme/kinds.ts';
import type { EntityKind } from '../model/schema.ts';

const widths = metrics.widths as Record<'400' | '600', Record<string, number>>;
const FALLBACK_ADVANCE = 1300; // about the width of "n"…"o" at 2048 units/em: used for any character not in the table

/**
 * A memo of `compute` by key that forgets everything once it holds `limit` entries, and starts again: bounded,
 * without the bookkeeping of a least-recently-used order.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): { get(key: string): V; readonly size: number } {
  const known = new Map<string, V>();
  return {
    get(key) {
      let value = known.get(key);
      if (value === undefined) {
        value = compute(key);
        if (known.size >= limit) known.clear();
        known.set(key, value);
      }
      return value;
    },
    get size() {
      return known.size;
    },
  };
}

/** Texts whose widths are kept, per weight (boundedMemo). */
export const MEASURED_KEPT = 20_000;
/**
 * Each text's width in font units, per weight, once measured: the atlas's layouts measure the same labels (and their
 * wrapped lines) many times per source toggle (layout/difference-layout.ts, label-room.ts).
 */
const measured = {
  '400': boundedMemo(MEASURED_KEPT, (text) => advance(text, widths['400'])),
  '600': boundedMemo(MEASURED_KEPT, (text) => advance(text, widths['600'])),
};

function advance(text: string, table: Record<string, number>): number {
  let units = 0;
  for (const ch of text) units += table[ch] ?? FALLBACK_ADVANCE;
  return units;
}

export function textWidth(text: string, fontSize: number, weight: 400 | 600 = 400): number {
  return (measured[String(weight) as '400' | '600'].get(text) / metrics.unitsPerEm) * fontSize;
}

/** Greedy word wrap at spaces, slashes and hyphens, keeping each line under maxWidth where a word allows it. */
export function wrapLabel(label: string, maxWidth: number, fontSize: number, weight: 400 | 600 = 400): string[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for the model's labels (the schema trims them), a label that fits comes out of the loop below as the same one line
  if (textWidth(label, fontSize, weight) <= maxWidth) return [label];
  // Words with the separators that follow them ("granulosa- ", "PI3K/"), so nothing is lost when re-joined.
  // Stryker disable next-line MethodExpression,ArrayDeclaration: equivalent, a global pattern that matches the empty string never gives null, and an empty token adds nothing to a line
  const tokens = (label.match(/[^\s/-]*[\s/-]*/g) ?? [label]).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line && textWidth(candidate.trimEnd(), fontSize, weight) > maxWidth) {
      lines.push(line.trimEnd());
      line = token;
    } else line = candidate;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, the line is empty only for an empty label, which fits and is returned above
  if (line) lines.push(line.trimEnd());
  return lines;
}

export interface NodeBox {
  width: number;
  height: number;
  /** The label with line breaks where it wraps. */
  text: string;
}

export const LABEL_MAX_WIDTH = 110;
const PAD_X = 12;
const PAD_Y = 6;

/** How a view's node boxes are cut: where labels wrap, and the room left and right of the text (in px at zoom 1). */
export interface BoxStyle {
  wrap: number;
  padX: number;
}

export const DEFAULT_BOX: BoxStyle = { wrap: LABEL_MAX_WIDTH, padX: PAD_X };

/**
 * Narrower boxes for a figure laid out `dense` (figure-shape.ts): labels wrap at 90 px instead of 110. Each column of
 * a layered drawing is as wide as its widest box, so this takes up to 20 px off a column, which helps the widest
 * figures reach the 10 px floor on a 1024×768 tablet (#9). The text stays 13 px, and keeps its 12 px beside it: the
 * count badge sits on the box's corner (theme/decorations.ts, up to 11 px wide on screen), and less room there put
 * it on the text (tried: 6 and 8 px, 10–16 badges on label text per figure with every source overlaid).
 */
export const DENSE_BOX: BoxStyle = { wrap: 90, padX: PAD_X };

export function nodeBox(label: string, kind: EntityKind, box: BoxStyle = DEFAULT_BOX): NodeBox {
  const style = KIND_STYLE[kind];
  const weight = style.bold ? 600 : 400;
  const lines = wrapLabel(label, box.wrap, NODE_FONT_SIZE, weight);
  const textW = Math.max(...lines.map((l) => textWidth(l, NODE_FONT_SIZE, weight)));
  const factor = SHAPE_WIDTH_FACTOR[style.shape];
  return {
    width: Math.ceil(textW * factor + 2 * box.padX + style.borderWidth * 2),
    // Stryker disable next-line EqualityOperator: equivalent, no shape's width factor is exactly 1.2 (theme/kinds.ts)
    height: Math.ceil(lines.length * NODE_FONT_SIZE * LINE_HEIGHT + 2 * PAD_Y + style.borderWidth * 2 + (factor > 1.2 ? 6 : 0)),
    text: lines.join('\n'),
  };
}


/**
 * A node's box as a layout placed it: cut as the positions say (a dense figure's narrower boxes), else the default.
 * The canvas, the prerendered picture, the exports and the drawing box size nodes through this, so they all agree
 * with the layout they draw.
 */
export function positionedBox(positions: { box?: BoxStyle } | undefined, entity: { label: string; kind: EntityKind }): NodeBox {
  return nodeBox(entity.label, entity.kind, positions?.box ?? DEFAULT_BOX);
}
